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
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { SocketExceptionFilter } from '../common/errors/ws-exception.filter';
import {
  type Ack,
  CITIZEN_NAMESPACE,
  type CitizenClientToServerEvents,
  type CitizenServerToClientEvents,
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

type CitizenSocket = Socket<CitizenClientToServerEvents, CitizenServerToClientEvents, never, { conversationId: string }>;

const room = (conversationId: string) => `conversation:${conversationId}`;

/**
 * The `/citizen` namespace. Each connection opens its own conversation and joins the room
 * `conversation:<id>`; a citizen can only ever act on that conversation. Payloads are validated like HTTP bodies;
 * errors answer with a failed ack and an `exception` event, never with the citizen's text.
 */
@WebSocketGateway({ namespace: CITIZEN_NAMESPACE })
@UseFilters(SocketExceptionFilter)
export class CitizenGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CitizenGateway.name);

  @WebSocketServer()
  private readonly server: Namespace<CitizenClientToServerEvents, CitizenServerToClientEvents>;

  constructor(
    private readonly conversations: ConversationService,
    private readonly queue: HandoffQueue,
  ) {}

  handleConnection(client: CitizenSocket): void {
    const conversationId = this.conversations.open();
    client.data.conversationId = conversationId;
    void client.join(room(conversationId));
    client.emit('conversation:started', { conversationId });
    this.logger.log(`Citizen connected, conversation ${conversationId}`);
  }

  handleDisconnect(client: CitizenSocket): void {
    const { conversationId } = client.data;
    if (conversationId) {
      this.conversations.close(conversationId, 'citizen_left');
    }
  }

  /** `conversation:message`: acked `{ ok: true }` once the message and the bot's answer are sent. */
  @SubscribeMessage('conversation:message')
  onMessage(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: MessageTextDto): Ack {
    this.conversations.receiveCitizenMessage(client.data.conversationId, body.text);
    return { ok: true };
  }

  /** `conversation:choose`: the citizen picks a quick reply of the last `clarify` message. */
  @SubscribeMessage('conversation:choose')
  onChoose(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: IntentChoiceDto): Ack {
    this.conversations.choose(client.data.conversationId, body.intent);
    return { ok: true };
  }

  /** `handoff:request`: the citizen asks for an officer. */
  @SubscribeMessage('handoff:request')
  onHandoffRequest(@ConnectedSocket() client: CitizenSocket): Ack {
    this.conversations.requestHandoff(client.data.conversationId);
    return { ok: true };
  }

  /** `conversation:leave`: the citizen ends the conversation; it is forgotten. */
  @SubscribeMessage('conversation:leave')
  onLeave(@ConnectedSocket() client: CitizenSocket): Ack {
    this.conversations.close(client.data.conversationId, 'citizen_left');
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
}
