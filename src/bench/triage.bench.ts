import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppConfig, PROJECT_ROOT } from '../config/app-config';
import { loadIntentCatalog } from '../intents/intent-loader';
import { readCorpus } from '../triage/evaluation/intent-evaluation';
import { TriageService } from '../triage/triage.service';

/** Default corpus: the shared development corpus beside the project, when it is there. */
const DEFAULT_CORPUS = join(PROJECT_ROOT, '..', 'shared', 'corpus', 'dev.jsonl');

function percentile(sortedMicros: number[], fraction: number): number {
  return sortedMicros[Math.min(sortedMicros.length - 1, Math.floor(fraction * sortedMicros.length))];
}

/**
 * `npm run bench:triage [-- --corpus <file.jsonl>] [--rounds N]`: prints the time to load and compile the whole
 * intent catalog (ms), then decisions per second and p50/p99/max latency (µs) of `TriageService.decide` over the
 * corpus messages (the intents' own examples when no corpus is found), on one core, after a warm-up round.
 */
function main(): void {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, rounds: { type: 'string', default: '20' } }, strict: true });
  const rounds = Number(values.rounds);
  const config = AppConfig.fromEnv(process.env);

  const loads: number[] = [];
  let catalog = loadIntentCatalog(config.intentsDir);
  let triage = new TriageService({ current: () => catalog }, config);
  for (let round = 0; round < 10; round++) {
    const start = process.hrtime.bigint();
    catalog = loadIntentCatalog(config.intentsDir);
    triage = new TriageService({ current: () => catalog }, config);
    triage.decide('bonjour');
    loads.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  loads.sort((a, b) => a - b);

  const corpusPath = values.corpus ?? (existsSync(DEFAULT_CORPUS) ? DEFAULT_CORPUS : undefined);
  const texts = corpusPath ? readCorpus(corpusPath).map((row) => row.text) : catalog.intents.flatMap((intent) => intent.examples);
  for (const text of texts) {
    triage.decide(text);
  }
  const micros: number[] = [];
  const start = process.hrtime.bigint();
  for (let round = 0; round < rounds; round++) {
    for (const text of texts) {
      const before = process.hrtime.bigint();
      triage.decide(text);
      micros.push(Number(process.hrtime.bigint() - before) / 1e3);
    }
  }
  const totalSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  micros.sort((a, b) => a - b);
  const lines = [
    `catalog: ${catalog.intents.length} intents, ${catalog.intents.reduce((sum, intent) => sum + intent.examples.length, 0)} examples, ${catalog.lexicon.size} lexicon entries`,
    `load + compile catalog: median ${loads[loads.length >> 1].toFixed(1)} ms, max ${loads[loads.length - 1].toFixed(1)} ms (10 loads)`,
    `messages: ${texts.length} from ${corpusPath ?? 'the intents\u2019 examples'}, ${rounds} rounds, ${micros.length} decisions`,
    `throughput: ${Math.round(micros.length / totalSeconds)} decisions/s on one core`,
    `latency: p50 ${percentile(micros, 0.5).toFixed(0)} µs, p99 ${percentile(micros, 0.99).toFixed(0)} µs, max ${micros[micros.length - 1].toFixed(0)} µs`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
