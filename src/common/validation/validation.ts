import { ValidationPipe, type ValidationPipeOptions } from '@nestjs/common';

/**
 * Shared validation settings: unknown fields refused, and `target`/`value` kept out of errors so that a
 * citizen's text never travels in an error answer or a log (../shared/STYLE.md §3).
 */
const BASE_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  stopAtFirstError: true,
  transform: true,
  validationError: { target: false, value: false },
};

/**
 * The global pipe, for HTTP bodies and socket payloads alike: a `BadRequestException` (400 `{ statusCode,
 * message: string[], error }`) naming the first broken rule of each field; the socket filter turns it into
 * `VALIDATION_FAILED`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe(BASE_OPTIONS);
}
