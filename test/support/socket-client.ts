import { io, type Socket } from 'socket.io-client';
import {
  type Ack,
  CITIZEN_NAMESPACE,
  type ChatMessage,
  type CitizenClientToServerEvents,
  type CitizenHandshakeAuth,
  type CitizenServerToClientEvents,
  OFFICER_NAMESPACE,
  OFFICER_SOCKET_PATH,
  type OfficerClientToServerEvents,
  type OfficerServerToClientEvents,
  type QueueItemView,
  type CannedAnswer,
  type OfficerLoadView,
  type RoutingMode,
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

/** What `conversation:started` says. */
export type ConversationStarted = Parameters<CitizenServerToClientEvents['conversation:started']>[0];

/** A connected citizen: the socket, its conversation and the `conversation:started` payload. */
export interface ConnectedCitizen {
  socket: CitizenClient;
  conversationId: string;
  started: ConversationStarted;
  /** Messages received since the socket was created, in arrival order (registered before connecting). */
  received: ChatMessage[];
  /** Every event received since the socket was created, in arrival order: name and payload. */
  events: [string, unknown][];
}

/**
 * Resolves with the first `event` the citizen received since connecting (`events`), or the next one to come: for
 * what the server sends right after `conversation:started`, before a test can listen.
 */
export function receivedEvent<T>(citizen: ConnectedCitizen, event: string): Promise<T> {
  const past = citizen.events.find(([name]) => name === event);
  return past ? Promise.resolve(past[1] as T) : waitForEvent<T>(citizen.socket, event);
}

/**
 * Connects a citizen (over `transports`, websocket only by default) and resolves once the server has opened (or,
 * with `auth.resumeToken`, resumed) the conversation. Every message received is also collected in `received`, from the first one.
 */
export async function connectCitizen(
  baseUrl: string,
  auth: CitizenHandshakeAuth = {},
  transports: ('websocket' | 'polling')[] = ['websocket'],
): Promise<ConnectedCitizen> {
  const socket: CitizenClient = io(`${baseUrl}${CITIZEN_NAMESPACE}`, { transports, autoConnect: false, reconnection: false, forceNew: true, auth: { ...auth } });
  openSockets.add(socket);
  const received: ChatMessage[] = [];
  const events: [string, unknown][] = [];
  socket.on('conversation:message', (message) => received.push(message));
  socket.onAny((name: string, payload: unknown) => events.push([name, payload]));
  const started = waitForEvent<ConversationStarted>(socket, 'conversation:started');
  socket.connect();
  const payload = await started;
  return { socket, conversationId: payload.conversationId, started: payload, received, events };
}

/** An officer socket with `token` (or none), not yet connected: attach listeners, then call `connect()`. */
export function officerSocket(baseUrl: string, token?: string): OfficerClient {
  const socket: OfficerClient = io(`${baseUrl}${OFFICER_NAMESPACE}`, {
    path: OFFICER_SOCKET_PATH,
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
export async function connectQueuedCitizen(baseUrl: string): Promise<ConnectedCitizen> {
  const citizen = await connectCitizen(baseUrl);
  const queued = waitForEvent(citizen.socket, 'handoff:queued');
  await emitWithAck(citizen.socket, 'handoff:request', {});
  await queued;
  return citizen;
}

/** Queues a new citizen and has `officer` take the chat; resolves once the citizen saw the officer join. */
export async function connectHeldCitizen(baseUrl: string, officer: OfficerClient): Promise<ConnectedCitizen> {
  const citizen = await connectQueuedCitizen(baseUrl);
  const joined = nextMessage(citizen.socket, 'system');
  await emitWithAck(officer, 'handoff:take', { conversationId: citizen.conversationId });
  await joined;
  return citizen;
}

/** A connected officer console: the socket and what the server sent on connection. */
export interface ConnectedOfficer {
  socket: OfficerClient;
  queue: QueueItemView[];
  roster: { officers: OfficerLoadView[]; routingMode: RoutingMode };
  cannedAnswers: CannedAnswer[];
}

/**
 * Connects a signed-in (and not away) officer and resolves with the socket, the first queue snapshot, the roster
 * and the canned answers, which the server sends only to a valid session.
 */
export async function connectOfficer(baseUrl: string, token: string): Promise<ConnectedOfficer> {
  const socket = officerSocket(baseUrl, token);
  const firstQueue = waitForEvent<{ items: QueueItemView[] }>(socket, 'handoff:queue');
  const firstRoster = waitForEvent<ConnectedOfficer['roster']>(socket, 'officer:roster');
  const canned = waitForEvent<{ answers: CannedAnswer[] }>(socket, 'officer:canned-answers');
  socket.connect();
  const [queue, roster, { answers }] = await Promise.all([firstQueue, firstRoster, canned]);
  return { socket, queue: queue.items, roster, cannedAnswers: answers };
}

/** Disconnects every socket these helpers opened (call in afterEach). */
export function closeAllSockets(): void {
  for (const socket of openSockets) {
    socket.disconnect();
  }
  openSockets.clear();
}
