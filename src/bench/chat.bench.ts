import 'reflect-metadata';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { AppConfig, PROJECT_ROOT } from '../config/app-config';
import { CITIZEN_NAMESPACE, type ChatMessage } from '../contracts/socket-events';
import { loadIntentCatalog } from '../intents/intent-loader';
import { readCorpus } from '../triage/evaluation/intent-evaluation';

/** Default corpus: the shared development corpus beside the project, when it is there. */
const DEFAULT_CORPUS = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'dev.jsonl');
/** Longest wait for one bot reply before the run fails, in ms. */
const REPLY_TIMEOUT_MS = 30_000;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

/** A free TCP port on the loopback interface. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts `dist/main.js` on `port` with the abuse limits raised (the load comes from one address) and `env` added
 * (the several-instances settings), and waits until it listens.
 */
function startService(port: number, dataDir: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'dist', 'main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DATA_DIR: dataDir,
      CITIZEN_MESSAGES_PER_SOCKET: '10000',
      CITIZEN_MESSAGES_PER_IP: '1000000',
      MAX_CONVERSATIONS_PER_IP: '100000',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`service exited with code ${code}`)));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Citizen chat:')) {
        resolve(child);
      }
    });
  });
}

/** Resident memory of a process in MiB, from /proc (Linux). */
function residentMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** Connects one citizen; resolves once the conversation is open. */
function connect(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('conversation:started', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Sends one message and resolves with the time until the bot's reply (ms) and the reply's triage outcome. */
function exchange(socket: Socket, text: string): Promise<{ ms: number; outcome: ChatMessage['outcome'] }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const timer = setTimeout(() => reject(new Error('no reply in time')), REPLY_TIMEOUT_MS);
    const onMessage = (message: ChatMessage) => {
      if (message.author === 'bot') {
        clearTimeout(timer);
        socket.off('conversation:message', onMessage);
        resolve({ ms: performance.now() - start, outcome: message.outcome });
      }
    };
    socket.on('conversation:message', onMessage);
    socket.emit('conversation:message', { text }, (ack: { ok: boolean }) => {
      if (!ack.ok) {
        clearTimeout(timer);
        socket.off('conversation:message', onMessage);
        reject(new Error('message refused'));
      }
    });
  });
}

/**
 * `npm run bench:chat [-- --citizens N] [--messages M] [--concurrency C] [--edges E]`: starts the built service in
 * its own process on a loopback port, then N citizens (default 1 000) each open a conversation over a real
 * socket.io websocket and send M messages (default 4, from the development corpus beside the project, or the
 * intents' examples), C citizens at a time (default 200). With `--edges E` (default 0) it starts a core and E edge
 * processes joined over `BENCH_REDIS_URL` (default `redis://127.0.0.1:6379`) and spreads the citizens over the
 * edges. Prints conversations per second, messages per second and the p50/p95/p99/max time from a message to the
 * bot's reply (ms), and each process's resident memory before and after. A citizen whose message is handed off gets
 * no more bot replies, so it stops there (as in production).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      citizens: { type: 'string', default: '1000' },
      messages: { type: 'string', default: '4' },
      concurrency: { type: 'string', default: '200' },
      edges: { type: 'string', default: '0' },
    },
    strict: true,
  });
  const citizens = Number(values.citizens);
  const perCitizen = Number(values.messages);
  const concurrency = Number(values.concurrency);
  const edgeCount = Number(values.edges);
  const texts = existsSync(DEFAULT_CORPUS)
    ? readCorpus(DEFAULT_CORPUS).filter((row) => !row.must_alert).map((row) => row.text)
    : loadIntentCatalog(AppConfig.fromEnv(process.env).intentsDir).intents.filter((intent) => intent.outcome === 'answer').flatMap((intent) => intent.examples);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-chat-'));
  const cluster: Record<string, string> =
    edgeCount > 0
      ? {
          REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
          CLUSTER_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
          JWT_SECRET: randomBytes(32).toString('base64url'),
        }
      : {};
  const services: { name: string; process: ChildProcess; url: string }[] = [];
  try {
    for (const role of ['core', ...Array.from({ length: edgeCount }, () => 'edge')]) {
      const port = await freePort();
      const service = await startService(port, dataDir, role === 'edge' ? { ...cluster, INSTANCE_ROLE: 'edge' } : cluster);
      services.push({ name: `${role} ${services.length > 0 ? services.length : ''}`.trim(), process: service, url: `http://127.0.0.1:${port}${CITIZEN_NAMESPACE}` });
    }
    const urls = (edgeCount > 0 ? services.slice(1) : services).map((service) => service.url);
    const memoryBefore = services.map((service) => residentMiB(service.process.pid ?? 0));
    const latencies: number[] = [];
    let handedOff = 0;
    let next = 0;
    const start = performance.now();
    const worker = async () => {
      for (let index = next++; index < citizens; index = next++) {
        const socket = await connect(urls[index % urls.length] ?? '');
        for (let message = 0; message < perCitizen; message++) {
          const text = texts[(index * perCitizen + message) % texts.length] ?? 'bonjour';
          const reply = await exchange(socket, text);
          latencies.push(reply.ms);
          if (reply.outcome === 'handoff') {
            handedOff++;
            break;
          }
        }
        socket.disconnect();
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - start) / 1000;
    latencies.sort((a, b) => a - b);
    const lines = [
      `service: ${edgeCount > 0 ? `a core and ${edgeCount} edge(s) over Redis, citizens on the edges` : 'one instance'} (own processes), corpus ${existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : 'intents’ examples'}`,
      `citizens: ${citizens} (${concurrency} at a time), up to ${perCitizen} messages each, ${handedOff} handed off`,
      `throughput: ${(citizens / seconds).toFixed(0)} conversations/s, ${(latencies.length / seconds).toFixed(0)} messages/s`,
      `reply latency: p50 ${percentile(latencies, 0.5).toFixed(1)} ms, p95 ${percentile(latencies, 0.95).toFixed(1)} ms, p99 ${percentile(latencies, 0.99).toFixed(1)} ms, max ${(latencies.at(-1) ?? 0).toFixed(1)} ms`,
      ...services.map(
        (service, index) =>
          `${service.name} memory (RSS): ${(memoryBefore[index] ?? 0).toFixed(0)} MiB before, ${residentMiB(service.process.pid ?? 0).toFixed(0)} MiB after`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const service of services) {
      service.process.kill();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
