import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { AnotherCoreError } from './cluster/core-bus';
import { RedisUnreachableError } from './cluster/redis-url';
import { AppConfig, InvalidEnvironmentError } from './config/app-config';
import { IntentCatalogException } from './intents/intent-loader';

/**
 * Starts the service; an invalid environment or intent folder stops it with every error listed. Nest's own start-up
 * lines are buffered until pino takes over (`configureApp`), so every line is JSON.
 */
async function bootstrap(): Promise<void> {
  const app = configureApp(await NestFactory.create(AppModule, { bufferLogs: true, abortOnError: false, logger: false }));
  const config = app.get(AppConfig);
  await app.listen(config.port);
  process.stdout.write(
    config.isCore
      ? `Citizen chat: http://localhost:${config.port}/\nOfficer console: http://localhost:${config.port}/agent/\n`
      : `Citizen chat: http://localhost:${config.port}/ (edge: the officer console is on the core)\n`,
  );
}

bootstrap().catch((error: unknown) => {
  if (
    error instanceof IntentCatalogException || error instanceof InvalidEnvironmentError || error instanceof RedisUnreachableError ||
    error instanceof AnotherCoreError
  ) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start failed: ${error instanceof Error ? (error.stack ?? error.name) : String(error)}\n`);
  }
  process.exit(1);
});
