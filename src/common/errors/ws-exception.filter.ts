import { type ArgumentsHost, BadRequestException, Catch, Logger, type WsExceptionFilter } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { Ack, SocketErrorCode, SocketException } from '../../contracts/socket-events';
import { ConversationException } from '../../conversation/conversation.exception';

/** A socket error the client may see: a code from the contracts and a static French message. */
export interface SocketError {
  code: SocketErrorCode;
  message: string;
}

export const UNKNOWN_ERROR: SocketError = { code: 'INTERNAL_ERROR', message: 'Une erreur est survenue. Réessayez.' };

/** The code and static message a client may see for any error of a socket handler (`INTERNAL_ERROR` when unknown). */
export function toSocketError(exception: unknown): SocketError {
  if (exception instanceof ConversationException) {
    return { code: exception.code as SocketErrorCode, message: exception.message };
  }
  if (exception instanceof BadRequestException) {
    // The global ValidationPipe (app.setup.ts) validates socket payloads too; its messages never hold values.
    const { message } = exception.getResponse() as { message?: string | string[] };
    return { code: 'VALIDATION_FAILED', message: [message ?? 'Invalid payload'].flat().join('; ') };
  }
  if (exception instanceof WsException) {
    const error = exception.getError();
    if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
      return error as SocketError;
    }
  }
  return UNKNOWN_ERROR;
}

/**
 * Turns any error of a socket handler into the `exception` event and, when the client asked for one, a failed
 * acknowledgement `{ ok: false, code, message }`. Unlike Nest's default filter it never sends the payload back
 * (`cause`) and logs only the error's name, so citizen text reaches neither the client's error nor the logs.
 */
@Catch()
export class SocketExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger(SocketExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toSocketError(exception);
    if (error === UNKNOWN_ERROR) {
      this.logger.error(`Unexpected ${exception instanceof Error ? exception.name : typeof exception} in a socket handler`);
    }
    const client = host.switchToWs().getClient<Socket>();
    const payload: SocketException = { status: 'error', ...error };
    client.emit('exception', payload);
    const ack = host.getArgs().slice(1).find((argument): argument is (ack: Ack) => void => typeof argument === 'function');
    ack?.({ ok: false, ...error });
  }
}
