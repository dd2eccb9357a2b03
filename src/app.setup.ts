import type { INestApplication } from '@nestjs/common';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/validation/validation';

/** Global prefix of the HTTP API. */
export const API_PREFIX = 'api/v1';

/**
 * Applies the settings shared by `main.ts` and the end-to-end tests: the `/api/v1` prefix (static pages stay at
 * `/` and `/agent/`), the validation pipe, the error filter and shutdown hooks.
 */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  return app;
}
