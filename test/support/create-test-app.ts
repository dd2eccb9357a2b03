import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import type { DestinationStream } from 'pino';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { Clock } from '../../src/common/clock/clock';
import { LogOutput } from '../../src/common/logging/log-output';
import { ShiftedClock } from './fake-clock';
import { AppConfig } from '../../src/config/app-config';
import type { LoginResponse, OfficerRole } from '../../src/contracts/socket-events';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';

/** Every line the app logged from `debug` up (pino's JSON lines, as the service prints them), kept in memory. */
export class CollectingLogger {
  readonly lines: string[] = [];

  /** Each line, parsed. */
  entries(): Record<string, unknown>[] {
    return this.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

/** Collectors of the test apps open in this test file. */
const openCollectors = new Set<CollectingLogger>();

/**
 * The one destination of the test apps' pino logger. nestjs-pino builds a single pino-http logger per process (the
 * first app's), which the apps created after it reuse; so every test app is given this same stream, which hands
 * each line to the collectors of the apps open when it is written (two apps open at once see each other's lines).
 */
const collectingStream: DestinationStream = {
  write(line: string) {
    for (const collector of openCollectors) {
      collector.lines.push(line.trimEnd());
    }
  },
};

export interface TestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<ephemeral port>` */
  baseUrl: string;
  /** Folder of this app's officer accounts (a fresh temporary folder). */
  dataDir: string;
  /** Every line logged while this app is open, from `debug` up. */
  logs: CollectingLogger;
  /**
   * Creates an officer account (officer role unless `roles` says otherwise; `capacity` concurrent chats, default
   * `DEFAULT_OFFICER_CAPACITY`) and signs it in over HTTP.
   */
  signInOfficer(username: string, displayName?: string, roles?: OfficerRole[], capacity?: number): Promise<LoginResponse>;
  close(): Promise<void>;
}

/** Options of `createTestApp`. */
export interface TestAppOptions {
  /**
   * The service's clock: a `FakeClock` for tests where time matters. Default: a `ShiftedClock`, real time that
   * starts on a Monday at 11:00 in Paris, so business hours never depend on when the tests run.
   */
  clock?: Clock;
  /**
   * Loopback port to listen on, for a test that must know the app's URL before it starts (the redirect URI an
   * identity provider is configured with). Default: an ephemeral port.
   */
  port?: number;
}

/**
 * Boots the whole AppModule, configured as `main.ts` does, on an ephemeral loopback port, with a temporary data
 * folder and the intents of `intents/` (or `env.INTENTS_DIR`); it serves the built pages at `/` and `/agent/`.
 * `CITIZEN_RECONNECT_GRACE_SECONDS` defaults to 0 here (a citizen who disconnects is gone at once).
 */
export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-test-'));
  // A citizen's disconnect ends the conversation at once unless a test sets the grace period it is about.
  const config = AppConfig.fromEnv({ DATA_DIR: dataDir, CITIZEN_RECONNECT_GRACE_SECONDS: '0', ...env });
  const accounts = new OfficerAccountStore(dataDir);
  await accounts.create('seed.officer', 'Seed');
  const builder = Test.createTestingModule({ imports: [AppModule] }).overrideProvider(AppConfig).useValue(config);
  builder.overrideProvider(Clock).useValue(options.clock ?? new ShiftedClock());
  // Debug level, as issue #6 asks: the privacy test must see every line the service could write.
  builder.overrideProvider(LogOutput).useValue(new LogOutput('debug', collectingStream));
  const moduleRef = await builder
    // The testing module builds ServeStaticModule before the HTTP adapter exists, so it would pick its no-op loader
    // and serve no page (nestjs/serve-static#240): name the Express loader, as main.ts gets it.
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const logs = new CollectingLogger();
  openCollectors.add(logs);
  const app = configureApp(moduleRef.createNestApplication({ bufferLogs: true }));
  try {
    await app.listen(options.port ?? 0, '127.0.0.1');
  } catch (error: unknown) {
    // A refused start (a second core…) leaves connections open: close them so the test file can end.
    await app.close().catch(() => undefined);
    openCollectors.delete(logs);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    dataDir,
    logs,
    async signInOfficer(username, displayName = username, roles = ['officer'], capacity?: number) {
      const { password } = await accounts.create(username, displayName, roles, capacity);
      const response = await request(baseUrl).post('/api/v1/auth/login').send({ username, password }).expect(200);
      return response.body as LoginResponse;
    },
    async close() {
      await app.close();
      openCollectors.delete(logs);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
