import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { WebSocketGateway, WebSocketServer, WsException } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { CoreBus, SERVICE_UNAVAILABLE } from '../cluster/core-bus';
import { SocketRedisAdapter } from '../cluster/socket-redis-adapter';
import { Clock } from '../common/clock/clock';
import { coalescePerTurn } from '../common/coalesce';
import { CitizenRateLimiter } from '../common/security/citizen-rate-limiter';
import { AppConfig } from '../config/app-config';
import {
  CITIZEN_NAMESPACE,
  type CitizenClientToServerEvents,
  type CitizenServerToClientEvents,
  type SocketException,
} from '../contracts/socket-events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { HandoffService } from '../handoff/handoff.service';
import { ScheduleService } from '../schedule/schedule.service';
import { RatingService } from '../stats/rating.service';
import {
  ConversationEvent,
  type ConversationClosedEvent,
  type ConversationMessageEvent,
  type HandoffAssignedEvent,
  type QueueLeftEvent,
  type TypingEvent,
} from './conversation.events';
import { ConversationService } from './conversation.service';
import type { Conversation } from './conversation.store';

/** A citizen socket as the instance that holds it describes it to the core. */
export interface CitizenSocketRef {
  socketId: string;
  /** The client's IP address (see `clientAddress`), for the per-address conversation limit. */
  address: string;
  /** From the handshake (`parseCitizenHandshake`): the conversation to resume, and the last `seq` the client has. */
  resumeToken?: string;
  lastSeq: number;
}

/** What a citizen socket asks of its conversation, once validated and within the message limits. */
export type CitizenCommand =
  | { type: 'message'; text: string }
  | { type: 'choose'; intent: string }
  | { type: 'handoff' }
  | { type: 'cancel' }
  | { type: 'keep-waiting' }
  | { type: 'leave' }
  | { type: 'typing'; typing: boolean };

/** Core bus methods served by `CitizenSessions` (payloads: `CitizenSocketRef`, `{ socketId }`, `{ socketId, command }`). */
export const CitizenCoreMethod = {
  Connect: 'citizen.connect',
  Disconnect: 'citizen.disconnect',
  Command: 'citizen.command',
} as const;

/** Refusal of a connection from an address that already has `MAX_CONVERSATIONS_PER_IP` conversations open. */
const TOO_MANY_CONVERSATIONS: SocketException = {
  status: 'error',
  code: 'RATE_LIMITED',
  message:
    "Trop de conversations sont ouvertes depuis votre connexion : terminez-en une avant d'en commencer une autre. " +
    "En cas d'urgence, appelez le 17 ou le 112.",
};

const room = (conversationId: string) => `conversation:${conversationId}`;

/**
 * How often the core checks, with several instances, that the citizen sockets it knows still exist on some instance,
 * in ms: an edge that crashed never said its sockets closed.
 */
export const SOCKET_SWEEP_INTERVAL_MS = 30_000;

/**
 * Server-side event (socket.io `serverSideEmitWithAck`) each instance answers with the ids of its own citizen
 * sockets: ids only, never handshakes, which carry resume tokens.
 */
export const LOCAL_SOCKET_IDS_EVENT = 'citizen:local-socket-ids';

/**
 * How long the sweep waits for every instance's socket ids, in ms: a little more than the Redis adapter's own
 * request timeout (5 s), since the adapter never answers at all when Redis fails under its request.
 */
const SWEEP_ANSWER_TIMEOUT_MS = 6_000;

/** A citizen socket the core knows: its conversation, and the order in which it was registered. */
interface KnownSocket {
  conversationId: string;
  registration: number;
}

/**
 * The core's side of the `/citizen` namespace: which conversation each citizen socket belongs to, and everything
 * sent to citizens. It runs where the conversations are (the core instance, `INSTANCE_ROLE`), serving the core bus
 * calls of `CitizenGateway` from every instance, and reaches each socket by its id or its conversation's room
 * (`conversation:<id>`), so socket.io's Redis adapter delivers to sockets held by any instance (S-13).
 *
 * A connection joins the conversation of its `resumeToken` when it is still in memory (reload, network drop, second
 * tab: S-08, S-11, S-12) and receives the messages it missed (`seq > lastSeq`) and the current state; otherwise it
 * opens a new one, unless its address already has `MAX_CONVERSATIONS_PER_IP` open (`exception RATE_LIMITED`, then
 * disconnected). A socket can only act on its own conversation.
 *
 * socket.io's Redis adapter (8.3) joins and disconnects sockets by id or room only through a Redis round trip, its
 * own sockets included: the sockets of this instance are acted on directly, so the core's own citizens never depend
 * on Redis; sockets elsewhere go through it, as they must.
 */
@WebSocketGateway({ namespace: CITIZEN_NAMESPACE })
export class CitizenSessions implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CitizenSessions.name);

  @WebSocketServer()
  private readonly server: Namespace<CitizenClientToServerEvents, CitizenServerToClientEvents>;

  /** Each connected citizen socket, by socket id. */
  private readonly sockets = new Map<string, KnownSocket>();
  private registrations = 0;
  private sweepTimer: NodeJS.Timeout | undefined;
  /** Sockets the last sweep found on no instance: found missing again by the next, they are treated as closed. */
  private missingAtLastSweep = new Set<string>();
  /** The address that opened each live conversation, to give its slot back when it ends. */
  private readonly openedFrom = new Map<string, string>();
  /** The last position and estimate sent to each waiting conversation (`position:estimate`), to send only changes. */
  private readonly positionsSent = new Map<string, string>();

  constructor(
    private readonly conversations: ConversationService,
    private readonly handoff: HandoffService,
    private readonly queue: HandoffQueue,
    private readonly ratings: RatingService,
    private readonly schedule: ScheduleService,
    private readonly clock: Clock,
    private readonly bus: CoreBus,
    private readonly limits: CitizenRateLimiter,
    private readonly config: AppConfig,
    private readonly adapter: SocketRedisAdapter,
  ) {}

  onModuleInit(): void {
    this.bus.serve(CitizenCoreMethod.Connect, (ref: CitizenSocketRef) => this.connect(ref));
    this.bus.serve(CitizenCoreMethod.Disconnect, ({ socketId }: { socketId: string }) => this.disconnect(socketId));
    this.bus.serve(CitizenCoreMethod.Command, ({ socketId, command }: { socketId: string; command: CitizenCommand }) =>
      this.command(socketId, command),
    );
  }

  onApplicationBootstrap(): void {
    if (this.config.cluster !== undefined && this.config.isCore) {
      this.sweepTimer = setInterval(() => void this.sweep(), SOCKET_SWEEP_INTERVAL_MS);
      this.sweepTimer.unref();
    }
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweepTimer);
  }

  /**
   * Treats as closed every citizen socket that no instance has held at two sweeps in a row (its edge crashed), so its
   * conversation can wait for the citizen and end; sockets registered after a sweep began are not judged by it.
   * Every instance answers with its socket ids (`LOCAL_SOCKET_IDS_EVENT`); an instance briefly cut from Redis is not
   * asked, hence the second sweep. When the core's Redis adapter is down, or an instance does not answer within
   * `SWEEP_ANSWER_TIMEOUT_MS`, nothing is decided.
   * @returns how many sockets were found gone.
   */
  async sweep(): Promise<number> {
    if (!this.adapter.linked) {
      this.logger.warn('Citizen socket sweep skipped: Redis is not reachable');
      return 0;
    }
    const before = this.registrations;
    let timer: NodeJS.Timeout | undefined;
    let live: Set<string>;
    try {
      const remote = await Promise.race([
        this.server.serverSideEmitWithAck(LOCAL_SOCKET_IDS_EVENT) as Promise<unknown[]>,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('no answer')), SWEEP_ANSWER_TIMEOUT_MS);
        }),
      ]);
      live = new Set([...this.server.sockets.keys(), ...remote.flatMap((ids) => (Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []))]);
    } catch {
      this.logger.warn('Citizen socket sweep skipped: an instance did not answer');
      return 0;
    } finally {
      clearTimeout(timer);
    }
    const missing = [...this.sockets].filter(([socketId, known]) => known.registration <= before && !live.has(socketId)).map(([socketId]) => socketId);
    const gone = missing.filter((socketId) => this.missingAtLastSweep.has(socketId));
    this.missingAtLastSweep = new Set(missing.filter((socketId) => !this.missingAtLastSweep.has(socketId)));
    for (const socketId of gone) {
      this.disconnect(socketId);
    }
    if (gone.length > 0) {
      this.logger.warn(`${gone.length} citizen sockets of a lost instance treated as closed`);
    }
    return gone.length;
  }

  /**
   * A citizen socket connected: it resumes its conversation or opens a new one (see the class).
   * @throws WsException `SERVICE_UNAVAILABLE` for a socket of another instance while the Redis adapter cannot reach
   *   it (its room join would be lost, leaving it connected to a conversation it never hears from).
   */
  async connect(ref: CitizenSocketRef): Promise<void> {
    if (!this.adapter.linked && !this.server.sockets.has(ref.socketId)) {
      throw new WsException({ ...SERVICE_UNAVAILABLE });
    }
    const existing = ref.resumeToken === undefined ? undefined : this.conversations.resume(ref.resumeToken);
    if (existing) {
      this.join(ref, existing, true);
      return;
    }
    if (!(await this.limits.openConversation(ref.address))) {
      this.server.to(ref.socketId).emit('exception', TOO_MANY_CONVERSATIONS);
      this.closeSocket(ref.socketId);
      this.logger.warn('Citizen connection refused: too many conversations open from one address');
      return;
    }
    const conversation = this.conversations.open();
    this.openedFrom.set(conversation.id, ref.address);
    this.join({ ...ref, lastSeq: 0 }, conversation, false);
  }

  /** A citizen socket closed: its conversation may wait for the citizen (see `ConversationService.detachCitizen`). */
  disconnect(socketId: string): void {
    const known = this.sockets.get(socketId);
    this.sockets.delete(socketId);
    if (known !== undefined) {
      this.conversations.detachCitizen(known.conversationId);
    }
  }

  /**
   * Acts on the socket's own conversation.
   * @throws ConversationException as `ConversationService` does (`CONVERSATION_NOT_FOUND` for a socket without one).
   */
  command(socketId: string, command: CitizenCommand): void {
    const conversationId = this.sockets.get(socketId)?.conversationId ?? '';
    switch (command.type) {
      case 'message':
        return this.conversations.receiveCitizenMessage(conversationId, command.text);
      case 'choose':
        return this.conversations.choose(conversationId, command.intent);
      case 'handoff':
        return this.conversations.requestHandoff(conversationId);
      case 'cancel':
        return this.conversations.cancelQueue(conversationId);
      case 'keep-waiting':
        return this.conversations.keepWaiting(conversationId);
      case 'typing':
        return this.conversations.citizenTyping(conversationId, command.typing);
      case 'leave':
        this.conversations.requireLive(conversationId);
        return this.conversations.close(conversationId, 'citizen_left');
    }
  }

  @OnEvent(ConversationEvent.Message)
  sendMessage({ message }: ConversationMessageEvent): void {
    this.server.to(room(message.conversationId)).emit('conversation:message', message);
  }

  @OnEvent(ConversationEvent.QueueChanged)
  @OnEvent(ConversationEvent.OfficersChanged)
  sendQueuePositions(): void {
    this.flushQueuePositions();
  }

  /**
   * Sends every waiting citizen whose position or estimate changed the new ones, once per turn of the event loop
   * however many changes: a chat joining the tail of a long queue during a spike costs one message, not one per
   * waiting citizen.
   */
  private readonly flushQueuePositions = coalescePerTurn(() => {
    const estimate = this.handoff.waitEstimates();
    this.queue.list().forEach((conversationId, index) => {
      const update = { position: index + 1, estimatedWaitMs: estimate(index + 1) };
      const key = `${update.position}:${update.estimatedWaitMs}`;
      if (this.positionsSent.get(conversationId) !== key) {
        this.positionsSent.set(conversationId, key);
        this.server.to(room(conversationId)).emit('handoff:queued', update);
      }
    });
  });

  @OnEvent(ConversationEvent.QueueLeft)
  sendQueueLeft({ conversationId, reason }: QueueLeftEvent): void {
    this.positionsSent.delete(conversationId);
    this.server.to(room(conversationId)).emit('handoff:left', { reason });
  }

  @OnEvent(ConversationEvent.Assigned)
  sendAssigned({ conversationId, officerName }: HandoffAssignedEvent): void {
    this.positionsSent.delete(conversationId);
    this.server.to(room(conversationId)).emit('handoff:assigned', { officerName });
  }

  @OnEvent(ConversationEvent.Typing)
  sendTyping({ conversationId, author, typing }: TypingEvent): void {
    if (author === 'officer') {
      this.server.to(room(conversationId)).emit('conversation:typing', { typing });
    }
  }

  @OnEvent(ConversationEvent.Closed)
  sendClosed({ conversationId, reason }: ConversationClosedEvent): void {
    this.positionsSent.delete(conversationId);
    const address = this.openedFrom.get(conversationId);
    this.openedFrom.delete(conversationId);
    if (address !== undefined) {
      void this.limits.closeConversation(address);
    }
    if (reason === 'citizen_gone') {
      return;
    }
    this.server.to(room(conversationId)).emit('conversation:closed', { reason, ratingToken: this.ratings.issue() });
    // After the current handler has acknowledged (« conversation:leave » waits for its ack), not before.
    setImmediate(() => this.disconnectRoom(room(conversationId)));
  }

  /**
   * Attaches a socket to a conversation: the room, `conversation:started`, then what a returning citizen missed
   * (messages after `lastSeq`, the queue position or officer, or the close). Everything goes through the socket's
   * own room, in order, after the room join, so no message posted meanwhile is lost.
   */
  private join(ref: CitizenSocketRef, conversation: Conversation, resumed: boolean): void {
    this.registrations += 1;
    this.sockets.set(ref.socketId, { conversationId: conversation.id, registration: this.registrations });
    this.joinRoom(ref.socketId, room(conversation.id));
    this.conversations.attachCitizen(conversation);
    const client = this.server.to(ref.socketId);
    client.emit('conversation:started', {
      conversationId: conversation.id,
      resumeToken: conversation.resumeToken,
      resumed,
      status: conversation.status,
      announcements: this.schedule.activeAnnouncements(this.clock.now()),
      orientation: this.schedule.orientation(this.clock.now()),
    });
    for (const message of conversation.messages.slice(ref.lastSeq)) {
      client.emit('conversation:message', message);
    }
    if (conversation.status === 'queued') {
      this.sendPosition(ref.socketId, conversation.id);
    } else if (conversation.status === 'assigned' && conversation.officer) {
      client.emit('handoff:assigned', { officerName: conversation.officer.displayName });
    } else if (conversation.status === 'closed') {
      client.emit('conversation:closed', { reason: 'officer_closed', ratingToken: this.ratings.issue() });
      this.conversations.forgetClosed(conversation.id);
      setImmediate(() => this.closeSocket(ref.socketId));
    }
    this.logger.log(`Citizen ${resumed ? 'back in' : 'connected, new'} conversation ${conversation.id}`);
  }

  /** Puts the socket `socketId`, on this instance or another, in `roomName`. */
  private joinRoom(socketId: string, roomName: string): void {
    const local = this.server.sockets.get(socketId);
    if (local) {
      void local.join(roomName);
    } else {
      this.server.in(socketId).socketsJoin(roomName);
    }
  }

  /** Closes the socket `socketId`, on this instance or another. */
  private closeSocket(socketId: string): void {
    const local = this.server.sockets.get(socketId);
    if (local) {
      local.disconnect(true);
    } else {
      this.server.in(socketId).disconnectSockets(true);
    }
  }

  /** Closes every socket of `roomName`: those of this instance at once, then those of the others. */
  private disconnectRoom(roomName: string): void {
    this.server.local.in(roomName).disconnectSockets(true);
    if (this.config.cluster !== undefined) {
      this.server.in(roomName).disconnectSockets(true);
    }
  }

  /** Sends a citizen who just (re)connected their position and estimate, whatever was sent before. */
  private sendPosition(socketId: string, conversationId: string): void {
    const position = this.queue.position(conversationId);
    if (position > 0) {
      const estimatedWaitMs = this.handoff.estimatedWaitMs(conversationId);
      this.positionsSent.set(conversationId, `${position}:${estimatedWaitMs}`);
      this.server.to(socketId).emit('handoff:queued', { position, estimatedWaitMs });
    }
  }
}
