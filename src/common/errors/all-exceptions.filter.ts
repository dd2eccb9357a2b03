import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Last HTTP filter. An `HttpException` thrown by our code keeps its status and body. One that Nest made from a
 * parser error (malformed JSON, body too large: it carries a `cause`) gets a static message, because the
 * parser's own message may quote the body. Anything else is a bare 500 whose details stay out of the answer and
 * out of the logs (only the error's name is logged).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (exception.cause !== undefined) {
        response.status(status).json({ statusCode: status, message: status === 413 ? 'Request body too large' : 'Malformed request body' });
        return;
      }
      const body = exception.getResponse();
      response.status(status).json(typeof body === 'string' ? { statusCode: status, message: body } : body);
      return;
    }
    this.logger.error(`Unexpected ${exception instanceof Error ? exception.name : typeof exception} in an HTTP handler`);
    response.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, message: 'Internal server error' });
  }
}
