import { Logger, UseFilters, UseGuards } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { SocketExceptionFilter } from '../common/errors/ws-exception.filter';
import { AppConfig } from '../config/app-config';
import {
  type Ack,
  OFFICER_NAMESPACE,
  type OfficerClientToServerEvents,
  type OfficerServerToClientEvents,
} from '../contracts/socket-events';
import {
  ConversationEvent,
  type ConversationClosedEvent,
  type ConversationMessageEvent,
  type HandoffAssignedEvent,
} from '../conversation/conversation.events';
import { ConversationService } from '../conversation/conversation.service';
import { HandoffService } from '../handoff/handoff.service';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { OfficerAuthService, type OfficerSession } from './auth/officer-auth.service';
import { type OfficerSocketData, OfficerSocketGuard } from './auth/officer-socket.guard';
import { ConversationIdDto, OfficerMessageDto } from './officer.dto';

type OfficerSocket = Socket<OfficerClientToServerEvents, OfficerServerToClientEvents, never, OfficerSocketData>;

/** Room of every signed-in officer socket (queue updates). */
const OFFICERS_ROOM = 'officers';
/** Room of one officer's sockets (their conversations). */
const officerRoom = (officerId: string) => `officer:${officerId}`;

/**
 * The `/officer` namespace. A connection must carry `auth: { token }` from `POST /api/v1/auth/login`; without a
 * valid token it gets `exception { code: 'UNAUTHORIZED' }` and is disconnected, and every event handler checks the
 * session again (`OfficerSocketGuard`), so no other socket can send officer events. A connection gets the queue and
 * the conversations the officer holds, so a reloaded console finds its chats again.
 */
@WebSocketGateway({ namespace: OFFICER_NAMESPACE })
@UseFilters(SocketExceptionFilter)
@UseGuards(OfficerSocketGuard)
export class OfficerGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(OfficerGateway.name);
  /** Officers who dropped, with the timer that gives their chats back to the queue. */
  private readonly releaseTimers = new Map<string, NodeJS.Timeout>();

  @WebSocketServer()
  private readonly server: Namespace<OfficerClientToServerEvents, OfficerServerToClientEvents>;

  constructor(
    private readonly auth: OfficerAuthService,
    private readonly handoff: HandoffService,
    private readonly conversations: ConversationService,
    private readonly config: AppConfig,
    private readonly presence: OfficerPresenceService,
  ) {}

  handleConnection(client: OfficerSocket): void {
    const session = this.auth.verify((client.handshake.auth as { token?: unknown }).token);
    if (!session) {
      client.emit('exception', { status: 'error', code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
      client.disconnect(true);
      return;
    }
    client.data.session = session;
    // The token's end ends the socket too: an expired session receives nothing more.
    const expiry = setTimeout(() => {
      client.emit('exception', { status: 'error', code: 'UNAUTHORIZED', message: 'Session expirée : reconnectez-vous.' });
      client.disconnect(true);
    }, Math.max(0, session.expiresAt - Date.now()));
    client.once('disconnect', () => clearTimeout(expiry));
    this.presence.connected(session.officer.id, client.id);
    clearTimeout(this.releaseTimers.get(session.officer.id));
    this.releaseTimers.delete(session.officer.id);
    void client.join([OFFICERS_ROOM, officerRoom(session.officer.id)]);
    client.emit('officer:session', { officer: session.officer });
    client.emit('handoff:queue', { items: this.conversations.queueView() });
    for (const view of this.handoff.heldBy(session.officer.id)) {
      client.emit('conversation:assigned', view);
    }
    this.logger.log(`Officer ${session.officer.id} connected`);
  }

  /**
   * When an officer's last socket closes, their chats wait `OFFICER_RECONNECT_GRACE_SECONDS` for them, then go back
   * to the head of the queue.
   */
  handleDisconnect(client: OfficerSocket): void {
    const officerId = client.data.session?.officer.id;
    if (!officerId || !this.presence.disconnected(officerId, client.id)) {
      return;
    }
    clearTimeout(this.releaseTimers.get(officerId));
    const timer = setTimeout(() => {
      this.releaseTimers.delete(officerId);
      this.handoff.release(officerId);
    }, this.config.officerReconnectGraceMs);
    timer.unref();
    this.releaseTimers.set(officerId, timer);
  }

  /** `handoff:take`: acked `{ ok: true }` for the one officer who gets the conversation. */
  @SubscribeMessage('handoff:take')
  onTake(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: ConversationIdDto): Ack {
    this.handoff.take(body.conversationId, this.session(client).officer);
    return { ok: true };
  }

  /** `conversation:message`: the officer writes to the citizen of a conversation they hold. */
  @SubscribeMessage('conversation:message')
  onMessage(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: OfficerMessageDto): Ack {
    this.handoff.reply(body.conversationId, this.session(client).officer, body.text);
    return { ok: true };
  }

  /** `conversation:close`: the officer ends a conversation they hold. */
  @SubscribeMessage('conversation:close')
  onClose(@ConnectedSocket() client: OfficerSocket, @MessageBody() body: ConversationIdDto): Ack {
    this.handoff.close(body.conversationId, this.session(client).officer);
    return { ok: true };
  }

  @OnEvent(ConversationEvent.QueueChanged)
  sendQueue(): void {
    this.server.to(OFFICERS_ROOM).emit('handoff:queue', { items: this.conversations.queueView() });
  }

  @OnEvent(ConversationEvent.Assigned)
  sendAssigned({ conversationId, officerId, messages }: HandoffAssignedEvent): void {
    this.server.to(officerRoom(officerId)).emit('conversation:assigned', { conversationId, status: 'assigned', messages });
  }

  @OnEvent(ConversationEvent.Message)
  sendMessage({ message, officerId }: ConversationMessageEvent): void {
    if (officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:message', message);
    }
  }

  @OnEvent(ConversationEvent.Closed)
  sendClosed({ conversationId, reason, officerId }: ConversationClosedEvent): void {
    if (officerId) {
      this.server.to(officerRoom(officerId)).emit('conversation:closed', { conversationId, reason });
    }
  }

  /** The guard has checked the session before any handler runs. */
  private session(client: OfficerSocket): OfficerSession {
    return client.data.session as OfficerSession;
  }
}
