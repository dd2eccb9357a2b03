import { io, type Socket } from 'socket.io-client';
import {
  OFFICER_NAMESPACE,
  OFFICER_SOCKET_PATH,
  type Ack,
  type OfficerClientToServerEvents,
  type OfficerServerToClientEvents,
} from '../../../src/contracts/socket-events';

/** The console's socket, typed with the `/officer` contract maps. */
export type OfficerSocket = Socket<OfficerServerToClientEvents, OfficerClientToServerEvents>;

/** How long a client event waits for the server's acknowledgement before it counts as failed, in ms. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * The one socket of the console, on the `/officer` namespace of the page's own origin, at `OFFICER_SOCKET_PATH`. It stays idle until
 * `connectOfficerSocket` gives it the bearer token from `POST /api/v1/auth/login`.
 */
export const officerSocket: OfficerSocket = io(OFFICER_NAMESPACE, {
  path: OFFICER_SOCKET_PATH,
  autoConnect: false,
  auth: { token: '' },
  transports: ['websocket', 'polling'],
});

/**
 * Opens the socket with the officer's token (`auth: { token }`); socket.io reconnects by itself after network
 * drops and sends the same token again.
 */
export function connectOfficerSocket(token: string): void {
  officerSocket.auth = { token };
  officerSocket.connect();
}

/** Closes the socket and forgets the token (sign-out, expired session). */
export function disconnectOfficerSocket(): void {
  officerSocket.disconnect();
  officerSocket.auth = { token: '' };
}

/** A server acknowledgement, or `NO_ACKNOWLEDGEMENT` when none came within `ACK_TIMEOUT_MS`. */
export type AckResult = Ack | { ok: false; code: 'NO_ACKNOWLEDGEMENT' };

/** A failed `AckResult`: the server's code and French message, or `NO_ACKNOWLEDGEMENT` (no message). */
export type AckFailure = Extract<AckResult, { ok: false }>;

/** Client events sent with an acknowledgement that has not come back yet. */
let pendingAcknowledgements = 0;

/**
 * True while a client event awaits its acknowledgement. The server reports a refused event twice, as an
 * `exception` event and in the acknowledgement; the console shows the latter beside the action, so it ignores
 * `exception` events that arrive meanwhile.
 */
export function isAwaitingAcknowledgement(): boolean {
  return pendingAcknowledgements > 0;
}

/**
 * Sends one client event through `send`, which must pass the given callback as the event's acknowledgement, and
 * resolves with the server's `Ack`, or with `NO_ACKNOWLEDGEMENT` after `ACK_TIMEOUT_MS` (server down, handler
 * threw an `exception` instead of acknowledging). Never rejects.
 */
export function awaitAck(send: (acknowledge: (ack: Ack) => void) => void): Promise<AckResult> {
  pendingAcknowledgements += 1;
  return new Promise<AckResult>((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, code: 'NO_ACKNOWLEDGEMENT' }), ACK_TIMEOUT_MS);
    send((ack) => {
      clearTimeout(timer);
      resolve(ack);
    });
  }).finally(() => {
    pendingAcknowledgements -= 1;
  });
}
