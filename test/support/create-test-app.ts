import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { AbstractLoader, ExpressLoader } from '@nestjs/serve-static';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { AppConfig } from '../../src/config/app-config';
import type { LoginResponse, OfficerRole } from '../../src/contracts/socket-events';
import { OfficerAccountStore } from '../../src/officers/officer-account.store';

/** Every line the app logged, at every level, kept in memory instead of printed. */
export class CollectingLogger implements LoggerService {
  readonly lines: string[] = [];
  log = (...parts: unknown[]) => this.record(parts);
  error = (...parts: unknown[]) => this.record(parts);
  warn = (...parts: unknown[]) => this.record(parts);
  debug = (...parts: unknown[]) => this.record(parts);
  verbose = (...parts: unknown[]) => this.record(parts);
  fatal = (...parts: unknown[]) => this.record(parts);

  private record(parts: unknown[]): void {
    this.lines.push(parts.map((part) => (part instanceof Error ? `${part.name} ${part.message} ${part.stack}` : String(part))).join(' '));
  }
}

export interface TestApp {
  app: INestApplication;
  /** `http://127.0.0.1:<ephemeral port>` */
  baseUrl: string;
  /** Folder of this app's officer accounts (a fresh temporary folder). */
  dataDir: string;
  logs: CollectingLogger;
  /** Creates an officer account (officer role unless `roles` says otherwise) and signs it in over HTTP. */
  signInOfficer(username: string, displayName?: string, roles?: OfficerRole[]): Promise<LoginResponse>;
  close(): Promise<void>;
}

/**
 * Boots the whole AppModule, configured as `main.ts` does, on an ephemeral loopback port, with a temporary data
 * folder and the intents of `intents/` (or `env.INTENTS_DIR`); it serves the built pages at `/` and `/agent/`.
 */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'triage-test-'));
  const config = AppConfig.fromEnv({ DATA_DIR: dataDir, ...env });
  const accounts = new OfficerAccountStore(dataDir);
  await accounts.create('seed.officer', 'Seed');
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    // The testing module builds ServeStaticModule before the HTTP adapter exists, so it would pick its no-op loader
    // and serve no page (nestjs/serve-static#240): name the Express loader, as main.ts gets it.
    .overrideProvider(AbstractLoader)
    .useValue(new ExpressLoader())
    .compile();
  const logs = new CollectingLogger();
  const app = configureApp(moduleRef.createNestApplication({ logger: logs }));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    baseUrl,
    dataDir,
    logs,
    async signInOfficer(username, displayName = username, roles = ['officer']) {
      const { password } = await accounts.create(username, displayName, roles);
      const response = await request(baseUrl).post('/api/v1/auth/login').send({ username, password }).expect(200);
      return response.body as LoginResponse;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
