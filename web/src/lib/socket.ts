import { io, type Socket } from 'socket.io-client';
import {
  CITIZEN_NAMESPACE,
  type CitizenClientToServerEvents,
  type CitizenHandshakeAuth,
  type CitizenServerToClientEvents,
} from '../../../src/contracts/socket-events';
import { readResumeToken } from './resumeToken';

/** A socket on the `/citizen` namespace, typed with the shared contracts. */
export type CitizenSocket = Socket<CitizenServerToClientEvents, CitizenClientToServerEvents>;

/** The conversation the page shows: its resume token and the highest `seq` among its messages (0 before any). */
export interface ShownConversation {
  resumeToken: string;
  lastSeq: number;
}

let shownConversation: ShownConversation | null = null;

/**
 * Records the conversation the page shows, or null when it shows none that can go on (before the first
 * `conversation:started`, after closing). `useConversation` keeps it current so that a reconnect asks only for
 * the messages the page does not have.
 */
export function setShownConversation(conversation: ShownConversation | null): void {
  shownConversation = conversation;
}

/**
 * The handshake `auth` of the next connection attempt: the shown conversation's token and last `seq` (a network
 * drop); else the stored token with `lastSeq: 0`, so the whole conversation comes back (a reload, a second tab);
 * else nothing, and the server opens a new conversation.
 */
export function citizenHandshakeAuth(): CitizenHandshakeAuth {
  if (shownConversation !== null) {
    return { ...shownConversation };
  }
  const resumeToken = readResumeToken();
  return resumeToken === null ? {} : { resumeToken, lastSeq: 0 };
}

/**
 * The page's only socket, on the same origin as the page. It connects when the chat mounts (`useConversation`),
 * not at import. `auth` is a function: socket.io calls it on every connection attempt, its automatic reconnects
 * included, so each handshake carries the current token and `lastSeq`.
 */
export const socket: CitizenSocket = io(CITIZEN_NAMESPACE, {
  autoConnect: false,
  transports: ['websocket', 'polling'],
  auth: (send) => send(citizenHandshakeAuth()),
});
