import { io, type Socket } from 'socket.io-client';
import {
  CITIZEN_NAMESPACE,
  type CitizenClientToServerEvents,
  type CitizenServerToClientEvents,
} from '../../../src/contracts/socket-events';

/** A socket on the `/citizen` namespace, typed with the shared contracts. */
export type CitizenSocket = Socket<CitizenServerToClientEvents, CitizenClientToServerEvents>;

/**
 * The page's only socket, on the same origin as the page. It connects when the chat mounts
 * (`useConversation`), not at import, and each connection is a new conversation on the server.
 */
export const socket: CitizenSocket = io(CITIZEN_NAMESPACE, {
  autoConnect: false,
  transports: ['websocket', 'polling'],
});
