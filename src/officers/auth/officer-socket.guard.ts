import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { Socket } from 'socket.io';
import { OfficerAuthService, type OfficerSession } from './officer-auth.service';

/** Data attached to an officer socket at connection. */
export interface OfficerSocketData {
  session?: OfficerSession;
  /** Set when the socket's token was revoked (sign-out, password change) and the socket is being disconnected. */
  signedOut?: boolean;
}

/**
 * Lets an officer event through only from a socket that connected with a valid token which has neither expired
 * nor been revoked since (sign-out, password change); otherwise the handler does not run and the client gets
 * `UNAUTHORIZED`. The gateway also disconnects such sockets; this check covers events already on their way.
 */
@Injectable()
export class OfficerSocketGuard implements CanActivate {
  constructor(private readonly auth: OfficerAuthService) {}

  /** @throws WsException `{ code: 'UNAUTHORIZED' }` for a socket without a live session. */
  canActivate(context: ExecutionContext): boolean {
    const client = context.switchToWs().getClient<Socket<never, never, never, OfficerSocketData>>();
    const session = client.data.session;
    if (!session || session.expiresAt <= Date.now()) {
      throw new WsException({ code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
    }
    if (client.data.signedOut || this.auth.isRevoked(session)) {
      throw new WsException({ code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' });
    }
    return true;
  }
}
