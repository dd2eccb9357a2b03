import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  CITIZEN_NAMESPACE,
  type ChatMessage,
  type CitizenClientToServerEvents,
  type CitizenServerToClientEvents,
  OFFICER_NAMESPACE,
  type OfficerClientToServerEvents,
  type OfficerServerToClientEvents,
  type QueueItemView,
} from '../../src/contracts/socket-events';

export type CitizenClient = Socket<CitizenServerToClientEvents, CitizenClientToServerEvents>;
export type OfficerClient = Socket<OfficerServerToClientEvents, OfficerClientToServerEvents>;

const DEFAULT_TIMEOUT_MS = 3000;
const openSockets = new Set<Socket>();

/**
 * Resolves with the payload of the next `event` that satisfies `predicate`; rejects after `timeoutMs` with the
 * event's name. Register it before the action that triggers the event.
 */
export function waitForEvent<T>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for "${event}"`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (predicate(payload)) {
        clearTimeout(timer);
        socket.off(event, listener);
        resolve(payload);
      }
    };
    socket.on(event, listener);
  });
}

/** Resolves with the next message written by `author`. */
export function nextMessage(socket: Socket, author: ChatMessage['author']): Promise<ChatMessage> {
  return waitForEvent<ChatMessage>(socket, 'conversation:message', (message) => message.author === author);
}

/** Emits an event with an acknowledgement and resolves with it (rejects after the timeout). */
export function emitWithAck(socket: Socket, event: string, payload: unknown): Promise<Ack> {
  return socket.timeout(DEFAULT_TIMEOUT_MS).emitWithAck(event, payload) as Promise<Ack>;
}

/** Connects a citizen and resolves once the server has opened the conversation. */
export async function connectCitizen(baseUrl: string): Promise<{ socket: CitizenClient; conversationId: string }> {
  const socket: CitizenClient = io(`${baseUrl}${CITIZEN_NAMESPACE}`, { transports: ['websocket'], autoConnect: false, reconnection: false, forceNew: true });
  openSockets.add(socket);
  const started = waitForEvent<{ conversationId: string }>(socket, 'conversation:started');
  socket.connect();
  const { conversationId } = await started;
  return { socket, conversationId };
}

/** An officer socket with `token` (or none), not yet connected: attach listeners, then call `connect()`. */
export function officerSocket(baseUrl: string, token?: string): OfficerClient {
  const socket: OfficerClient = io(`${baseUrl}${OFFICER_NAMESPACE}`, {
    transports: ['websocket'],
    autoConnect: false,
    reconnection: false,
    forceNew: true,
    auth: token === undefined ? {} : { token },
  });
  openSockets.add(socket);
  return socket;
}

/** Connects a citizen who asks for an officer, and resolves once the conversation is in the queue. */
export async function connectQueuedCitizen(baseUrl: string): Promise<{ socket: CitizenClient; conversationId: string }> {
  const citizen = await connectCitizen(baseUrl);
  const queued = waitForEvent(citizen.socket, 'handoff:queued');
  await emitWithAck(citizen.socket, 'handoff:request', {});
  await queued;
  return citizen;
}

/** Queues a new citizen and has `officer` take the chat; resolves once the citizen saw the officer join. */
export async function connectHeldCitizen(baseUrl: string, officer: OfficerClient): Promise<{ socket: CitizenClient; conversationId: string }> {
  const citizen = await connectQueuedCitizen(baseUrl);
  const joined = nextMessage(citizen.socket, 'system');
  await emitWithAck(officer, 'handoff:take', { conversationId: citizen.conversationId });
  await joined;
  return citizen;
}

/**
 * Connects a signed-in officer and resolves with the socket and the first queue snapshot, which the server sends
 * only to a valid session.
 */
export async function connectOfficer(baseUrl: string, token: string): Promise<{ socket: OfficerClient; queue: QueueItemView[] }> {
  const socket = officerSocket(baseUrl, token);
  const firstQueue = waitForEvent<{ items: QueueItemView[] }>(socket, 'handoff:queue');
  socket.connect();
  return { socket, queue: (await firstQueue).items };
}

/** Disconnects every socket these helpers opened (call in afterEach). */
export function closeAllSockets(): void {
  for (const socket of openSockets) {
    socket.disconnect();
  }
  openSockets.clear();
}
