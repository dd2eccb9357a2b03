import { Logger, UseFilters } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayInit,
  type OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsException,
} from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ClusterEvent } from '../cluster/cluster.events';
import { CoreBus, SERVICE_UNAVAILABLE } from '../cluster/core-bus';
import { SocketRedisAdapter } from '../cluster/socket-redis-adapter';
import { SocketExceptionFilter, toSocketError } from '../common/errors/ws-exception.filter';
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
import { type CitizenCommand, CitizenCoreMethod, type CitizenSocketRef, LOCAL_SOCKET_IDS_EVENT } from './citizen-sessions';
import { parseCitizenHandshake, TypingDto } from './conversation.dto';

/** Data of a citizen socket: the client's IP address. */
interface CitizenSocketData {
  address: string;
}

type CitizenSocket = Socket<CitizenClientToServerEvents, CitizenServerToClientEvents, never, CitizenSocketData>;

/** Refusal of a message over the per-socket or per-address limit (ack and `exception` event). */
const TOO_MANY_MESSAGES: SocketException = {
  status: 'error',
  code: 'RATE_LIMITED',
  message: "Vous envoyez beaucoup de messages : patientez quelques secondes. En cas d'urgence, appelez le 17 ou le 112.",
};

/**
 * The `/citizen` namespace on every instance: it validates each payload like an HTTP body, counts it against the
 * abuse limits, and hands the connection, each event and the disconnection to `CitizenSessions` on the core
 * (`CoreBus`: in-process on the core, over Redis from an edge), which holds the conversation and sends everything
 * the citizen sees. Errors answer with a failed ack and an `exception` event, never with the citizen's text; a core
 * that does not answer gives `SERVICE_UNAVAILABLE`, and a connection it did not take is closed at the transport
 * level, so the page retries by itself (with its resume token) and goes on once the core answers again. On an edge,
 * when the core restarted or Redis came back after a loss, every socket is made to reconnect the same way, so it
 * catches up what it missed or learns that its conversation is gone.
 *
 * Abuse limits (`CitizenRateLimiter`, settings in `AppConfig`): a message, quick reply or queue request (ask for an
 * officer, leave the queue, keep waiting) over `CITIZEN_MESSAGES_PER_SOCKET` or `CITIZEN_MESSAGES_PER_IP` (counted
 * per instance) is refused with `RATE_LIMITED` and not acted on. The address is the socket's `handshake.address`,
 * or the proxy's `X-Forwarded-For` with `TRUST_PROXY`.
 */
@WebSocketGateway({ namespace: CITIZEN_NAMESPACE })
@UseFilters(SocketExceptionFilter)
export class CitizenGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(CitizenGateway.name);

  @WebSocketServer()
  private readonly server: Namespace<CitizenClientToServerEvents, CitizenServerToClientEvents>;

  /**
   * Each socket's connection call to the core (true once the core took it): its events and its disconnection wait
   * for it, so the core always learns of a socket before anything it does.
   */
  private readonly connections = new Map<string, Promise<boolean>>();

  constructor(
    private readonly bus: CoreBus,
    private readonly limits: CitizenRateLimiter,
    private readonly config: AppConfig,
    private readonly adapter: SocketRedisAdapter,
  ) {}

  /** Answers the core's sweep (`CitizenSessions.sweep`) with the ids of this instance's citizen sockets. */
  afterInit(server: Namespace): void {
    server.on(LOCAL_SOCKET_IDS_EVENT, (answer: (ids: string[]) => void) => answer([...server.sockets.keys()]));
  }

  async handleConnection(client: CitizenSocket): Promise<void> {
    const address = clientAddress(client.handshake, this.config.trustProxy);
    client.data.address = address;
    const ref: CitizenSocketRef = { socketId: client.id, address, ...parseCitizenHandshake(client.handshake.auth) };
    // An edge whose Redis adapter is down would not hear the core's messages to this socket.
    const call = this.config.isCore || this.adapter.linked ? this.bus.call<void>(CitizenCoreMethod.Connect, ref) : Promise.reject(new WsException({ ...SERVICE_UNAVAILABLE }));
    const connected = call.then(
      () => true,
      (error: unknown) => {
        client.emit('exception', { status: 'error', ...toSocketError(error) });
        client.conn.close();
        return false;
      },
    );
    this.connections.set(client.id, connected);
    await connected;
  }

  async handleDisconnect(client: CitizenSocket): Promise<void> {
    const connected = this.connections.get(client.id);
    this.connections.delete(client.id);
    await connected;
    await this.bus.call<void>(CitizenCoreMethod.Disconnect, { socketId: client.id }).catch(() => {
      this.logger.warn('The core did not learn that a citizen socket closed');
    });
  }

  /** `conversation:message`: acked `{ ok: true }` once the message and the bot's answer are sent. */
  @SubscribeMessage('conversation:message')
  async onMessage(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: MessageTextDto): Promise<Ack> {
    return this.limitedCommand(client, { type: 'message', text: body.text });
  }

  /** `conversation:choose`: the citizen picks a quick reply of the last `clarify` message. */
  @SubscribeMessage('conversation:choose')
  async onChoose(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: IntentChoiceDto): Promise<Ack> {
    return this.limitedCommand(client, { type: 'choose', intent: body.intent });
  }

  /** `handoff:request`: the citizen asks for an officer. */
  @SubscribeMessage('handoff:request')
  async onHandoffRequest(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    return this.limitedCommand(client, { type: 'handoff' });
  }

  /** `handoff:cancel`: the citizen leaves the queue and keeps chatting with the bot. */
  @SubscribeMessage('handoff:cancel')
  async onCancel(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    return this.limitedCommand(client, { type: 'cancel' });
  }

  /** `handoff:keep-waiting`: after the maximum wait, the citizen goes back to their place in the queue. */
  @SubscribeMessage('handoff:keep-waiting')
  async onKeepWaiting(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    return this.limitedCommand(client, { type: 'keep-waiting' });
  }

  /** `conversation:typing`: forwarded to the officer holding the chat, if any; a lost indicator is not an error. */
  @SubscribeMessage('conversation:typing')
  async onTyping(@ConnectedSocket() client: CitizenSocket, @MessageBody() body: TypingDto): Promise<void> {
    await this.command(client, { type: 'typing', typing: body.typing }).catch(() => undefined);
  }

  /** `conversation:leave`: the citizen ends the conversation; it is forgotten. */
  @SubscribeMessage('conversation:leave')
  async onLeave(@ConnectedSocket() client: CitizenSocket): Promise<Ack> {
    await this.command(client, { type: 'leave' });
    return { ok: true };
  }

  /**
   * Counts a message, quick reply or queue request against the socket's and the address's limits, then acts.
   * @throws WsException `RATE_LIMITED` over either limit: nothing is acted on.
   */
  private async limitedCommand(client: CitizenSocket, command: CitizenCommand): Promise<Ack> {
    if (!(await this.limits.allowMessage(client.id, client.data.address))) {
      throw new WsException({ code: TOO_MANY_MESSAGES.code, message: TOO_MANY_MESSAGES.message });
    }
    await this.command(client, command);
    return { ok: true };
  }

  /** On an edge, when the core restarted or Redis came back: every socket reconnects and catches up. */
  @OnEvent(ClusterEvent.CoreRestarted)
  @OnEvent(ClusterEvent.RedisRestored)
  reconnectAll(): void {
    if (this.config.isCore) {
      return;
    }
    for (const socket of this.server.sockets.values()) {
      socket.conn.close();
    }
  }

  /**
   * Hands a command to the core, once the core knows the socket.
   * @throws WsException `SERVICE_UNAVAILABLE` when the core did not take the socket's connection.
   */
  private async command(client: CitizenSocket, command: CitizenCommand): Promise<void> {
    if (!(await this.connections.get(client.id))) {
      throw new WsException({ ...SERVICE_UNAVAILABLE });
    }
    await this.bus.call<void>(CitizenCoreMethod.Command, { socketId: client.id, command });
  }
}
