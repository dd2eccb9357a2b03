import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import type { OfficerSession } from './officer-auth.service';

/** Data attached to an officer socket at connection. */
export interface OfficerSocketData {
  session?: OfficerSession;
}

/**
 * Lets an officer event through only from a socket that connected with a valid token which has not expired
 * since; otherwise the handler does not run and the client gets `UNAUTHORIZED`.
 */
@Injectable()
export class OfficerSocketGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient<Socket<never, never, never, OfficerSocketData>>();
    const session = client.data.session;
    if (!session || session.expiresAt <= Date.now()) {
      throw new WsException({ code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
    }
    return true;
  }
}
