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
import { IntentChoiceDto, MessageTextDto } from '../triage/triage.dto';
import {
  ConversationEvent,
  type ConversationClosedEvent,
  type ConversationMessageEvent,
  type HandoffAssignedEvent,
} from './conversation.events';
import { ConversationService } from './conversation.service';
import { HandoffQueue } from '../handoff/handoff-queue';

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
 * The `/citizen` namespace. Each connection opens its own conversation and joins the room
 * `conversation:<id>`; a citizen can only ever act on that conversation. Payloads are validated like HTTP bodies;
 * errors answer with a failed ack and an `exception` event, never with the citizen's text.
 *
 * Abuse limits (`CitizenRateLimiter`, settings in `AppConfig`): a connection from an IP address that already has
 * `MAX_CONVERSATIONS_PER_IP` conversations open gets `exception { code: 'RATE_LIMITED' }` and is disconnected; a
 * message or quick reply over `CITIZEN_MESSAGES_PER_SOCKET` or `CITIZEN_MESSAGES_PER_IP` is refused with
 * `RATE_LIMITED` and not posted. The address is the socket's `handshake.address`, or the proxy's
 * `X-Forwarded-For` with `TRUST_PROXY`.
 */
@WebSocketGateway({ namespace: CITIZEN_NAMESPACE })
@UseFilters(SocketExceptionFilter)
export class CitizenGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CitizenGateway.name);

  @WebSocketServer()
  private readonly server: Namespace<CitizenClientToServerEvents, CitizenServerToClientEvents>;

  private readonly limits: CitizenRateLimiter;

  constructor(
    private readonly conversations: ConversationService,
    private readonly queue: HandoffQueue,
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
    if (!(await this.limits.openConversation(address))) {
      client.emit('exception', TOO_MANY_CONVERSATIONS);
      client.disconnect(true);
      this.logger.warn('Citizen connection refused: too many conversations open from one address');
      return;
    }
    if (client.disconnected) {
      // Gone while the limit was checked: handleDisconnect found no conversation to close.
      await this.limits.closeConversation(address);
      return;
    }
    const conversationId = this.conversations.open();
    client.data.conversationId = conversationId;
    void client.join(room(conversationId));
    client.emit('conversation:started', { conversationId });
    this.logger.log(`Citizen connected, conversation ${conversationId}`);
  }

  async handleDisconnect(client: CitizenSocket): Promise<void> {
    const { conversationId, address } = client.data;
    if (conversationId) {
      this.conversations.close(conversationId, 'citizen_left');
      await this.limits.closeConversation(address);
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
  onHandoffRequest(@ConnectedSocket() client: CitizenSocket): Ack {
    this.conversations.requestHandoff(this.conversationOf(client));
    return { ok: true };
  }

  /** `conversation:leave`: the citizen ends the conversation; it is forgotten. */
  @SubscribeMessage('conversation:leave')
  onLeave(@ConnectedSocket() client: CitizenSocket): Ack {
    this.conversations.close(this.conversationOf(client), 'citizen_left');
    return { ok: true };
  }

  @OnEvent(ConversationEvent.Message)
  sendMessage({ message }: ConversationMessageEvent): void {
    this.server.to(room(message.conversationId)).emit('conversation:message', message);
  }

  @OnEvent(ConversationEvent.QueueChanged)
  sendQueuePositions(): void {
    this.queue.list().forEach((conversationId, index) => {
      this.server.to(room(conversationId)).emit('handoff:queued', { position: index + 1 });
    });
  }

  @OnEvent(ConversationEvent.Assigned)
  sendAssigned({ conversationId, officerName }: HandoffAssignedEvent): void {
    this.server.to(room(conversationId)).emit('handoff:assigned', { officerName });
  }

  @OnEvent(ConversationEvent.Closed)
  sendClosed({ conversationId, reason }: ConversationClosedEvent): void {
    this.server.to(room(conversationId)).emit('conversation:closed', { reason });
    // After the current handler has acknowledged (« conversation:leave » waits for its ack), not before.
    setImmediate(() => this.server.in(room(conversationId)).disconnectSockets(true));
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
