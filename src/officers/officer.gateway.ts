import { Logger, UseFilters, UseGuards } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { Clock, type TimerHandle } from '../common/clock/clock';
import { coalescePerTurn } from '../common/coalesce';
import { SocketExceptionFilter } from '../common/errors/ws-exception.filter';
import { AppConfig } from '../config/app-config';
import {
  type Ack,
  OFFICER_NAMESPACE,
  OFFICER_SOCKET_PATH,
  type OfficerClientToServerEvents,
  type OfficerProfile,
  type OfficerServerToClientEvents,
} from '../contracts/socket-events';
import {
  type CitizenPresenceEvent,
  ConversationEvent,
  type ConversationClosedEvent,
  type ConversationMessageEvent,
  type HandoffAssignedEvent,
  type HandoffReleasedEvent,
  type TypingEvent,
} from '../conversation/conversation.events';
import { ConversationService } from '../conversation/conversation.service';
import { CannedAnswersService } from '../handoff/canned-answers.service';
import { HandoffService } from '../handoff/handoff.service';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { IntentCatalogEvent } from '../intents/intent-catalog.service';
import { AuthEvent, type OfficerSessionsRevokedEvent, type SessionRevokedEvent } from './auth/auth.events';
import { OfficerAuthService, type OfficerSession } from './auth/officer-auth.service';
import { type OfficerSocketData, OfficerSocketGuard } from './auth/officer-socket.guard';
import { OfficerAccountStore } from './officer-account.store';
import { CloseConversationDto, ConversationIdDto, OfficerMessageDto, OfficerStatusDto, OfficerTypingDto, TransferDto } from './officer.dto';

type OfficerSocket = Socket<OfficerClientToServerEvents, OfficerServerToClientEvents, never, OfficerSocketData>;

/** Told to a console that reaches an edge instance: consoles and the officer API are served by the core only. */
export const EDGE_SERVES_CITIZENS_ONLY =
  'Cette instance ne sert que le tchat des citoyens : ouvrez la console à l’adresse de l’instance principale (cœur).';

/** Room of every signed-in officer socket (roster, canned answers). */
const ALL_OFFICERS_ROOM = 'officers:all';
/** Room of the sockets of officers who are not away (queue updates). */
const QUEUE_ROOM = 'officers:queue';
/** Room of one officer's sockets (their conversations). */
const officerRoom = (officerId: string) => `officer:${officerId}`;

/**
 * The `/officer` namespace, on the engine.io path `OFFICER_SOCKET_PATH`. A connection must carry `auth: { token }` from `POST /api/v1/auth/login`; without a
 * valid token it gets `exception { code: 'UNAUTHORIZED' }` and is disconnected, and every event handler checks the
 * session again (`OfficerSocketGuard`), so no other socket can send officer events. A connection gets the roster,
 * the canned answers, the queue (unless the officer is away) and the conversations the officer holds, so a
 * reloaded console finds its chats again (S-06). On an edge instance (`INSTANCE_ROLE=edge`) every connection gets
 * `exception SERVICE_UNAVAILABLE` and is closed: consoles connect to the core, which holds the queue.
 */
@WebSocketGateway({ namespace: OFFICER_NAMESPACE, path: OFFICER_SOCKET_PATH })
@UseFilters(SocketExceptionFilter)
@UseGuards(OfficerSocketGuard)
export class OfficerGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(OfficerGateway.name);
  /** Officers who dropped, with the timer that gives their chats back to the queue. */
  private readonly releaseTimers = new Map<string, TimerHandle>();
  private readonly accounts: OfficerAccountStore;

  @WebSocketServer()
  private readonly server: Namespace<OfficerClientToServerEvents, OfficerServerToClientEvents>;

  constructor(
    private readonly auth: OfficerAuthService,
    private readonly handoff: HandoffService,
    private readonly conversations: ConversationService,
    private readonly canned: CannedAnswersService,
    private readonly presence: OfficerPresenceService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {
    this.accounts = new OfficerAccountStore(config.dataDir);
  }

  handleConnection(client: OfficerSocket): void {
    if (!this.config.isCore) {
      client.emit('exception', { status: 'error', code: 'SERVICE_UNAVAILABLE', message: EDGE_SERVES_CITIZENS_ONLY });
      client.disconnect(true);
      return;
    }
    const session = this.auth.verify((client.handshake.auth as { token?: unknown }).token);
    if (!session) {
      client.emit('exception', { status: 'error', code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
      client.disconnect(true);
      return;
    }
    client.data.session = session;
    const { officer } = session;
    // The token's end ends the socket too: an expired session receives nothing more.
    const expiry = setTimeout(() => {
      client.emit('exception', { status: 'error', code: 'UNAUTHORIZED', message: 'Session expirée : reconnectez-vous.' });
      client.disconnect(true);
    }, Math.max(0, session.expiresAt - Date.now()));
    client.once('disconnect', () => clearTimeout(expiry));
    if (!officer.roles.includes('officer')) {
      // A supervisor or editor account without the officer role sees the roster and the canned answers, never the
      // queue or a citizen's words, and is not counted as an officer who can answer.
      void client.join(ALL_OFFICERS_ROOM);
      client.emit('officer:session', { officer });
      client.emit('officer:canned-answers', { answers: this.canned.answers() });
      client.emit('officer:roster', { officers: this.handoff.roster(), routingMode: this.config.routingMode });
      return;
    }
    const capacity = this.accounts.findByUsername(officer.username)?.capacity ?? this.config.defaultOfficerCapacity;
    this.presence.connected(officer, client.id, capacity);
    this.clock.clearTimeout(this.releaseTimers.get(officer.id));
    this.releaseTimers.delete(officer.id);
    const away = this.presence.get(officer.id)?.status === 'away';
    void client.join([ALL_OFFICERS_ROOM, officerRoom(officer.id), ...(away ? [] : [QUEUE_ROOM])]);
    client.emit('officer:session', { officer });
    client.emit('officer:canned-answers', { answers: this.canned.answers() });
    if (!away) {
      client.emit('handoff:queue', { items: this.conversations.queueView() });
    }
    for (const view of this.handoff.heldBy(officer.id)) {
      client.emit('conversation:assigned', view);
    }
    this.events.emit(ConversationEvent.OfficersChanged);
    this.logger.log(`Officer ${officer.id} connected`);
  }

  /**
   * When an officer's last socket closes, their chats wait `OFFICER_RECONNECT_GRACE_SECONDS` for them, then go back
   * to the head of the queue (S-10); when it closed because its token was revoked (sign-out, password change),
   * they go back at once.
   */
  handleDisconnect(client: OfficerSocket): void {
    const officerId = client.data.session?.officer.id;
    if (!officerId || !this.presence.disconnected(officerId, client.id)) {
      return;
    }
    this.events.emit(ConversationEvent.OfficersChanged);
    this.clock.clearTimeout(this.releaseTimers.get(officerId));
    if (client.data.signedOut) {
      this.releaseTimers.delete(officerId);
      this.handoff.release(officerId);
      return;
    }
    const timer = this.clock.setTimeout(() => {
      this.releaseTimers.delete(officerId);
      this.handoff.release(officerId);
    }, this.config.officerReconnectGraceMs);
    this.releaseTimers.set(officerId, timer);
  }

  /** `handoff:take`: acked `{ ok: true }` for the one officer who gets the conversation. */
  @SubscribeMessage('handoff:take')
  onTake(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: ConversationIdDto): Ack {
    this.handoff.take(body.conversationId, this.answering(client));
    return { ok: true };
  }

  /** `conversation:message`: the officer writes to the citizen of a conversation they hold. */
  @SubscribeMessage('conversation:message')
  onMessage(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: OfficerMessageDto): Ack {
    this.handoff.reply(body.conversationId, this.answering(client), body.text, body.links);
    return { ok: true };
  }

  /** `conversation:close`: the officer ends a conversation they hold, with its outcome. */
  @SubscribeMessage('conversation:close')
  onClose(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: CloseConversationDto): Ack {
    this.handoff.close(body.conversationId, this.answering(client), body.outcome);
    return { ok: true };
  }

  /** `handoff:transfer`: to a colleague or back to the head of the queue, with a note. */
  @SubscribeMessage('handoff:transfer')
  onTransfer(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: TransferDto): Ack {
    this.handoff.transfer(body.conversationId, this.answering(client), body.to, body.note);
    return { ok: true };
  }

  /** `officer:status`: away stops queue updates on every console of the officer; back, the whole queue is sent. */
  @SubscribeMessage('officer:status')
  onStatus(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: OfficerStatusDto): Ack {
    const officer = this.answering(client);
    const sockets = this.server.in(officerRoom(officer.id));
    if (body.status === 'away') {
      sockets.socketsLeave(QUEUE_ROOM);
    } else {
      sockets.socketsJoin(QUEUE_ROOM);
      this.server.to(officerRoom(officer.id)).emit('handoff:queue', { items: this.conversations.queueView() });
    }
    this.handoff.setStatus(officer.id, body.status);
    return { ok: true };
  }

  /** `conversation:typing`: forwarded to the citizen of a conversation the officer holds. */
  @SubscribeMessage('conversation:typing')
  onTyping(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: OfficerTypingDto): void {
    this.handoff.officerTyping(body.conversationId, this.answering(client), body.typing);
  }

  @OnEvent(ConversationEvent.QueueChanged)
  sendQueue(): void {
    this.flushQueue();
  }

  /** Sends the queue to every console not away, once per turn of the event loop however many changes. */
  private readonly flushQueue = coalescePerTurn(() => {
    if ((this.server.adapter.rooms.get(QUEUE_ROOM)?.size ?? 0) > 0) {
      this.server.to(QUEUE_ROOM).emit('handoff:queue', { items: this.conversations.queueView() });
    }
  });

  @OnEvent(ConversationEvent.OfficersChanged)
  sendRoster(): void {
    this.server.to(ALL_OFFICERS_ROOM).emit('officer:roster', { officers: this.handoff.roster(), routingMode: this.config.routingMode });
  }

  @OnEvent(IntentCatalogEvent.Reloaded)
  sendCannedAnswers(): void {
    this.server.to(ALL_OFFICERS_ROOM).emit('officer:canned-answers', { answers: this.canned.answers() });
  }

  @OnEvent(ConversationEvent.Assigned)
  sendAssigned({ conversationId, officerId }: HandoffAssignedEvent): void {
    const view = this.handoff.assignedView(conversationId);
    if (view) {
      this.server.to(officerRoom(officerId)).emit('conversation:assigned', view);
    }
  }

  @OnEvent(ConversationEvent.Released)
  sendReleased({ conversationId, officerId }: HandoffReleasedEvent): void {
    this.server.to(officerRoom(officerId)).emit('conversation:released', { conversationId });
  }

  @OnEvent(ConversationEvent.Message)
  sendMessage({ message, officerId }: ConversationMessageEvent): void {
    if (officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:message', message);
    }
  }

  @OnEvent(ConversationEvent.Typing)
  sendTyping({ conversationId, author, typing, officerId }: TypingEvent): void {
    if (author === 'citizen' && officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:typing', { conversationId, typing });
    }
  }

  @OnEvent(ConversationEvent.CitizenPresence)
  sendCitizenPresence({ conversationId, connected, officerId }: CitizenPresenceEvent): void {
    if (officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:citizen-presence', { conversationId, connected });
    }
  }

  @OnEvent(ConversationEvent.Closed)
  sendClosed({ conversationId, reason, officerId }: ConversationClosedEvent): void {
    if (officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:closed', { conversationId, reason });
    }
  }

  /** A sign-out: every socket opened with the revoked token is told and disconnected at once. */
  @OnEvent(AuthEvent.SessionRevoked)
  endSession({ jti }: SessionRevokedEvent): void {
    this.signOut((session) => session.jti === jti);
  }

  /** A password change: every socket of the officer opened with another token is told and disconnected. */
  @OnEvent(AuthEvent.OfficerSessionsRevoked)
  endOtherSessions({ officerId, keptJti }: OfficerSessionsRevokedEvent): void {
    this.signOut((session) => session.officer.id === officerId && session.jti !== keptJti);
  }

  /** Sends `exception UNAUTHORIZED` then disconnects every open socket whose session matches `revoked`. */
  private signOut(revoked: (session: OfficerSession) => boolean): void {
    const sockets = [...this.server.sockets.values()] as unknown as OfficerSocket[];
    for (const client of sockets.filter((socket) => socket.data.session && revoked(socket.data.session))) {
      client.data.signedOut = true;
      client.emit('exception', { status: 'error', code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' });
      client.disconnect(true);
    }
  }

  /** The guard has checked the session before any handler runs. */
  private session(client: OfficerSocket): OfficerSession {
    return client.data.session as OfficerSession;
  }

  /**
   * The officer behind the socket, for events that answer citizens.
   * @throws WsException `UNAUTHORIZED` when the account lacks the officer role (a supervisor or editor only).
   */
  private answering(client: OfficerSocket): OfficerProfile {
    const { officer } = this.session(client);
    if (!officer.roles.includes('officer')) {
      throw new WsException({ code: 'UNAUTHORIZED', message: 'Ce compte n’a pas le rôle officier : il ne répond pas aux citoyens.' });
    }
    return officer;
  }
}
