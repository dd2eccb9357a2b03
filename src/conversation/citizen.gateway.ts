import { Logger, UseFilters } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
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
import { Clock } from '../common/clock/clock';
import { coalescePerTurn } from '../common/coalesce';
import { SocketExceptionFilter } from '../common/errors/ws-exception.filter';
import { clientAddress } from '../common/security/client-address';
import { CitizenRateLimiter } from '../common/security/citizen-rate-limiter';
import { AppConfig } from '../config/app-config';
import {
  type Ack,
  CITIZEN_NAMESPACE,
  type CitizenClientToServerEvents,
  type CitizenServerToClientEvents,
  type SocketException,
} from '../contracts/socket-events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { HandoffService } from '../handoff/handoff.service';
import { ScheduleService } from '../schedule/schedule.service';
import { RatingService } from '../stats/rating.service';
import { IntentChoiceDto, MessageTextDto } from '../triage/triage.dto';
import { parseCitizenHandshake, TypingDto } from './conversation.dto';
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

/** Data of a citizen socket: its conversation (set once the connection is accepted) and the client's IP address. */
interface CitizenSocketData {
  conversationId?: string;
  address: string;
}

type CitizenSocket = Socket<CitizenClientToServerEvents, CitizenServerToClientEvents, never, CitizenSocketData>;

const room = (conversationId: string) => `conversation:${conversationId}`;

/** Refusal of a message over the per-socket or per-address limit (ack and `exception` event). */
const TOO_MANY_MESSAGES: SocketException = {
  status: 'error',
  code: 'RATE_LIMITED',
  message: "Vous envoyez beaucoup de messages : patientez quelques secondes. En cas d'urgence, appelez le 17 ou le 112.",
};

/** Refusal of a connection from an address that already has `MAX_CONVERSATIONS_PER_IP` conversations open. */
const TOO_MANY_CONVERSATIONS: SocketException = {
  status: 'error',
  code: 'RATE_LIMITED',
  message:
    "Trop de conversations sont ouvertes depuis votre connexion : terminez-en une avant d'en commencer une autre. " +
    "En cas d'urgence, appelez le 17 ou le 112.",
};

/**
 * The `/citizen` namespace. A connection joins the conversation of its handshake's `resumeToken` when it is still
 * in memory (reload, network drop, second tab: S-08, S-11, S-12) and receives the messages it missed
 * (`seq > lastSeq`) and the current state; otherwise it opens a new conversation. Identity is that app-level token,
 * never the socket id. Every socket of a conversation is in the room `conversation:<id>`; a citizen can only ever
 * act on that conversation. Payloads are validated like HTTP bodies; errors answer with a failed ack and an
 * `exception` event, never with the citizen's text.
 *
 * Abuse limits (`CitizenRateLimiter`, settings in `AppConfig`): opening a conversation from an IP address that
 * already has `MAX_CONVERSATIONS_PER_IP` open gets `exception { code: 'RATE_LIMITED' }` and is disconnected; a
 * message, quick reply or queue request (ask for an officer, leave the queue, keep waiting) over
 * `CITIZEN_MESSAGES_PER_SOCKET` or `CITIZEN_MESSAGES_PER_IP` is refused with `RATE_LIMITED` and not acted on. The address is the socket's `handshake.address`, or the proxy's `X-Forwarded-For`
 * with `TRUST_PROXY`.
 */
@WebSocketGateway({ namespace: CITIZEN_NAMESPACE })
@UseFilters(SocketExceptionFilter)
export class CitizenGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CitizenGateway.name);

  @WebSocketServer()
  private readonly server: Namespace<CitizenClientToServerEvents, CitizenServerToClientEvents>;

  private readonly limits: CitizenRateLimiter;
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
    private readonly config: AppConfig,
  ) {
    this.limits = new CitizenRateLimiter({
      perSocket: config.citizenSocketMessageLimit,
      perAddress: config.citizenIpMessageLimit,
      maxConversationsPerAddress: config.maxConversationsPerIp,
    });
  }

  async handleConnection(client: CitizenSocket): Promise<void> {
    const address = clientAddress(client.handshake, this.config.trustProxy);
    client.data.address = address;
    const { resumeToken, lastSeq } = parseCitizenHandshake(client.handshake.auth);
    const existing = resumeToken === undefined ? undefined : this.conversations.resume(resumeToken);
    if (existing) {
      this.join(client, existing, true, lastSeq);
      return;
    }
    if (!(await this.limits.openConversation(address))) {
      client.emit('exception', TOO_MANY_CONVERSATIONS);
      client.disconnect(true);
      this.logger.warn('Citizen connection refused: too many conversations open from one address');
      return;
    }
    if (client.disconnected) {
      // Gone while the limit was checked: no conversation was opened.
      await this.limits.closeConversation(address);
      return;
    }
    const conversation = this.conversations.open();
    this.openedFrom.set(conversation.id, address);
    this.join(client, conversation, false, 0);
  }

  handleDisconnect(client: CitizenSocket): void {
    if (client.data.conversationId) {
      this.conversations.detachCitizen(client.data.conversationId);
    }
  }

  /** `conversation:message`: acked `{ ok: true }` once the message and the bot's answer are sent. */
  @SubscribeMessage('conversation:message')
  async onMessage(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: MessageTextDto): Promise<Ack> {
    await this.assertWithinMessageLimits(client);
    this.conversations.receiveCitizenMessage(this.conversationOf(client), body.text);
    return { ok: true };
  }

  /** `conversation:choose`: the citizen picks a quick reply of the last `clarify` message. */
  @SubscribeMessage('conversation:choose')
  async onChoose(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: IntentChoiceDto): Promise<Ack> {
    await this.assertWithinMessageLimits(client);
    this.conversations.choose(this.conversationOf(client), body.intent);
    return { ok: true };
  }

  /** `handoff:request`: the citizen asks for an officer. */
  @SubscribeMessage('handoff:request')
  async onHandoffRequest(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    await this.assertWithinMessageLimits(client);
    this.conversations.requestHandoff(this.conversationOf(client));
    return { ok: true };
  }

  /** `handoff:cancel`: the citizen leaves the queue and keeps chatting with the bot. */
  @SubscribeMessage('handoff:cancel')
  async onCancel(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    await this.assertWithinMessageLimits(client);
    this.conversations.cancelQueue(this.conversationOf(client));
    return { ok: true };
  }

  /** `handoff:keep-waiting`: after the maximum wait, the citizen goes back to their place in the queue. */
  @SubscribeMessage('handoff:keep-waiting')
  async onKeepWaiting(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    await this.assertWithinMessageLimits(client);
    this.conversations.keepWaiting(this.conversationOf(client));
    return { ok: true };
  }

  /** `conversation:typing`: forwarded to the officer holding the chat, if any. */
  @SubscribeMessage('conversation:typing')
  onTyping(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: TypingDto): void {
    this.conversations.citizenTyping(this.conversationOf(client), body.typing);
  }

  /** `conversation:leave`: the citizen ends the conversation; it is forgotten. */
  @SubscribeMessage('conversation:leave')
  onLeave(@ConnectedSocket() client: CitizenSocket): Ack {
    this.conversations.requireLive(this.conversationOf(client));
    this.conversations.close(this.conversationOf(client), 'citizen_left');
    return { ok: true };
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
    setImmediate(() => this.server.in(room(conversationId)).disconnectSockets(true));
  }

  /**
   * Attaches a socket to a conversation: the room, `conversation:started`, then what a returning citizen missed
   * (messages after `lastSeq`, the queue position or officer, or the close).
   */
  private join(client: CitizenSocket, conversation: Conversation, resumed: boolean, lastSeq: number): void {
    client.data.conversationId = conversation.id;
    void client.join(room(conversation.id));
    this.conversations.attachCitizen(conversation);
    client.emit('conversation:started', {
      conversationId: conversation.id,
      resumeToken: conversation.resumeToken,
      resumed,
      status: conversation.status,
      announcements: this.schedule.activeAnnouncements(this.clock.now()),
      orientation: this.schedule.orientation(this.clock.now()),
    });
    for (const message of conversation.messages.slice(lastSeq)) {
      client.emit('conversation:message', message);
    }
    if (conversation.status === 'queued') {
      this.sendPosition(client, conversation.id);
    } else if (conversation.status === 'assigned' && conversation.officer) {
      client.emit('handoff:assigned', { officerName: conversation.officer.displayName });
    } else if (conversation.status === 'closed') {
      client.emit('conversation:closed', { reason: 'officer_closed', ratingToken: this.ratings.issue() });
      this.conversations.forgetClosed(conversation.id);
      setImmediate(() => client.disconnect(true));
    }
    this.logger.log(`Citizen ${resumed ? 'back in' : 'connected, new'} conversation ${conversation.id}`);
  }

  /** Sends a citizen who just (re)connected their position and estimate, whatever was sent before. */
  private sendPosition(client: CitizenSocket, conversationId: string): void {
    const position = this.queue.position(conversationId);
    if (position > 0) {
      const estimatedWaitMs = this.handoff.estimatedWaitMs(conversationId);
      this.positionsSent.set(conversationId, `${position}:${estimatedWaitMs}`);
      client.emit('handoff:queued', { position, estimatedWaitMs });
    }
  }

  /**
   * Counts a message or quick reply against the socket's and the address's limits.
   * @throws WsException `RATE_LIMITED` over either limit: the message is not posted.
   */
  private async assertWithinMessageLimits(client: CitizenSocket): Promise<void> {
    if (!(await this.limits.allowMessage(client.id, client.data.address))) {
      throw new WsException({ code: TOO_MANY_MESSAGES.code, message: TOO_MANY_MESSAGES.message });
    }
  }

  /** The socket's conversation; an empty id (no conversation yet) makes the service answer not found. */
  private conversationOf(client: CitizenSocket): string {
    return client.data.conversationId ?? '';
  }
}
