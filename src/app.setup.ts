import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import { Logger } from 'nestjs-pino';
import { edgeRoutes } from './cluster/edge-routes';
import { SocketRedisAdapter } from './cluster/socket-redis-adapter';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { SecureIoAdapter } from './common/security/secure-io.adapter';
import { securityHeaders } from './common/security/security-headers';
import { createValidationPipe } from './common/validation/validation';
import { AppConfig } from './config/app-config';

/** Global prefix of the HTTP API. */
export const API_PREFIX = 'api/v1';

/**
 * Applies the settings shared by `main.ts` and the end-to-end tests: helmet's security headers and the CSP on every
 * answer (pages and API), CORS only for `ALLOWED_ORIGINS` (none by default: same origin only), Express's
 * `trust proxy` (one hop when `TRUST_PROXY` is true, so `req.ip` is the client's address), the socket.io adapter
 * with the payload cap and origin check (and socket.io's Redis adapter with `REDIS_URL`), the `/api/v1` prefix
 * (static pages stay at `/` and `/agent/`), the validation pipe, the error filter and shutdown hooks; on an edge,
 * the 503 of the core's routes (`edgeRoutes`); and the pino logger of `LoggingModule` as Nest's logger, which prints
 * the lines Nest buffered until then (create the app with `bufferLogs: true`).
 */
export function configureApp(app: INestApplication): INestApplication {
  app.useLogger(app.get(Logger));
  const config = app.get(AppConfig);
  app.use(securityHeaders());
  if (!config.isCore) {
    app.use(edgeRoutes());
  }
  if (config.allowedOrigins.length > 0) {
    app.enableCors({ origin: [...config.allowedOrigins] });
  }
  (app.getHttpAdapter().getInstance() as Express).set('trust proxy', config.trustProxy ? 1 : false);
  const policy = { allowedOrigins: config.allowedOrigins, trustProxy: config.trustProxy };
  app.useWebSocketAdapter(new SecureIoAdapter(app, policy, app.get(SocketRedisAdapter).adapter));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  return app;
}
