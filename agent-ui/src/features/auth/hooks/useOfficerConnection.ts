import { useEffect, useEffectEvent, useState } from 'react';
import type { Socket } from 'socket.io-client';
import type { OfficerProfile, SocketException } from '../../../../../src/contracts/socket-events';
import type { ConsoleErrorCode } from '../../../lib/socket-error-messages';
import {
  connectOfficerSocket,
  disconnectOfficerSocket,
  isAwaitingAcknowledgement,
  officerSocket,
} from '../../../lib/socket';

/** State of the console's socket: first attempt, connected, or retrying after a network drop. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting';

/** What the console does with connection events. */
export interface OfficerConnectionHandlers {
  /** The server sent the signed-in officer's profile (`officer:session`). */
  onOfficer: (officer: OfficerProfile) => void;
  /** The server refused the token or ended the session: go back to the sign-in form. */
  onSessionExpired: () => void;
  /** The server sent an `exception` other than UNAUTHORIZED while no acknowledged action was pending. */
  onServerError: (code: ConsoleErrorCode) => void;
}

/**
 * Connects the console's socket with `token` while mounted, and disconnects it on unmount or token change.
 *
 * Returns the `ConnectionStatus`. The session counts as expired when the server refuses the connection
 * (`connect_error` that socket.io will not retry), sends an `exception` with code UNAUTHORIZED, or disconnects
 * the socket itself; a `connect_error` that socket.io retries (server unreachable) only shows 'reconnecting'.
 * Listeners are added once per mount and removed on unmount; socket.io keeps them across its reconnects.
 */
export function useOfficerConnection(token: string, handlers: OfficerConnectionHandlers): ConnectionStatus {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const officerReceived = useEffectEvent(handlers.onOfficer);
  const sessionExpired = useEffectEvent(handlers.onSessionExpired);
  const serverErrorReceived = useEffectEvent(handlers.onServerError);

  useEffect(() => {
    const handleConnect = () => setStatus('connected');
    const handleDisconnect = (reason: Socket.DisconnectReason) => {
      switch (reason) {
        case 'io server disconnect':
          sessionExpired();
          return;
        case 'io client disconnect':
          return;
        default:
          setStatus('reconnecting');
      }
    };
    const handleConnectError = () => {
      if (officerSocket.active) {
        setStatus('reconnecting');
      } else {
        sessionExpired();
      }
    };
    const handleException = (exception: SocketException) => {
      if (exception.code === 'UNAUTHORIZED') {
        sessionExpired();
      } else if (!isAwaitingAcknowledgement()) {
        // A refused action is shown beside it from its acknowledgement; only other errors go to the console alert.
        serverErrorReceived(exception.code);
      }
    };
    const handleSession = ({ officer }: { officer: OfficerProfile }) => officerReceived(officer);

    officerSocket.on('connect', handleConnect);
    officerSocket.on('disconnect', handleDisconnect);
    officerSocket.on('connect_error', handleConnectError);
    officerSocket.on('exception', handleException);
    officerSocket.on('officer:session', handleSession);
    connectOfficerSocket(token);
    return () => {
      officerSocket.off('connect', handleConnect);
      officerSocket.off('disconnect', handleDisconnect);
      officerSocket.off('connect_error', handleConnectError);
      officerSocket.off('exception', handleException);
      officerSocket.off('officer:session', handleSession);
      disconnectOfficerSocket();
    };
  }, [token]);

  return status;
}
