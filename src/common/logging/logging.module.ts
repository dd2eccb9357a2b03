import { Module } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import { httpLogOptions } from './http-log-options';
import { LogOutput } from './log-output';

/**
 * Structured JSON logs with pino (nestjs-pino): one line per HTTP request (`httpLogOptions`: no body, query
 * string, cookie or header but the user agent; passwords and message text redacted) and every `Logger` of
 * `@nestjs/common` routed to the same pino logger once `configureApp` calls `app.useLogger(app.get(Logger))`.
 * Level and destination come from `LogOutput` (`info`, standard output), which tests override.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      providers: [{ provide: LogOutput, useFactory: () => new LogOutput() }],
      inject: [LogOutput],
      useFactory: (output: LogOutput): Params => ({
        pinoHttp: output.stream ? [httpLogOptions(output.level), output.stream] : httpLogOptions(output.level),
      }),
    }),
  ],
})
export class LoggingModule {}
