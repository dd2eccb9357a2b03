import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { WsException } from '@nestjs/websockets';
import { Redis, type RedisOptions } from 'ioredis';
import { type SocketError, toSocketError, UNKNOWN_ERROR } from '../common/errors/ws-exception.filter';
import { AppConfig } from '../config/app-config';
import { ClusterEvent } from './cluster.events';
import { closeRedis, connectOrFail, describeRedisError, onReconnected, redisOptionsFromUrl } from './redis-url';

/** How long an edge waits for the core's answer, in ms, before telling the client the service is unavailable. */
export const CORE_CALL_TIMEOUT_MS = 5_000;

/** Refusal of a call an edge could not get answered by the core (core or Redis down). */
export const SERVICE_UNAVAILABLE: SocketError = {
  code: 'SERVICE_UNAVAILABLE',
  message: "Le service est momentanément indisponible : réessayez dans un instant. En cas d'urgence, appelez le 17 ou le 112 (SMS au 114).",
};

type CoreHandler = (payload: unknown) => unknown;

/** A call from an edge, as published on `<prefix>:core`. */
interface CoreRequest {
  id: string;
  method: string;
  payload: unknown;
  replyTo: string;
  /** Milliseconds since the epoch after which the edge has given up: the core drops the call. */
  deadline: number;
}

/** The core's answer, as published on the calling edge's reply channel, with the core's boot id. */
type CoreReply = { id: string; coreId?: string } & ({ ok: true; result: unknown } | { ok: false; error: SocketError });

/** What the core announces on `<prefix>:core-events`: it started (new boot id), or edges should resync sockets. */
interface CoreAnnouncement {
  coreId: string;
  type: 'started' | 'resync';
}

interface PendingCall {
  resolve: (result: unknown) => void;
  reject: (error: WsException) => void;
  timer: NodeJS.Timeout;
}

/**
 * Calls from any instance to the core, the one instance that holds the conversations (`INSTANCE_ROLE`). Each
 * handler is registered by name with `serve` on every instance, during module init; `call` runs it in-process on the
 * core, and on an edge publishes it on the Redis channel `<CLUSTER_PREFIX>:core` and waits for the answer on the
 * edge's own channel. The core handles the calls in the order it receives them. Redis carries the payload (citizen
 * text included) without storing it. A handler's error reaches the edge as the same socket error code and static
 * message (`toSocketError`), never its payload.
 *
 * A call is never queued while Redis is unreachable (it fails at once) and the core drops a call that arrives
 * after the edge gave up, so a citizen told « indisponible » can resend without the first attempt landing later.
 * The core has a boot id, announced when it starts and carried by its answers: an edge that sees a new one emits
 * `ClusterEvent.CoreRestarted` (the conversations it knew are gone). After the core's Redis link comes back, it
 * asks the edges to resync their sockets (`ClusterEvent.RedisRestored` on each edge).
 *
 * Written on ioredis rather than `@nestjs/microservices`' Redis transport, whose client leaves a failed publish
 * promise unhandled: with Node's default, a Redis outage would end the process.
 */
@Injectable()
export class CoreBus implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CoreBus.name);
  private readonly handlers = new Map<string, CoreHandler>();
  private readonly pending = new Map<string, PendingCall>();
  private readonly connections: Redis[] = [];
  /** Set on an edge: where the core publishes the calls and the answers. */
  private remote: { publisher: Redis; requests: string; replies: string } | undefined;
  /** Set on the core: its boot id and where it announces itself. */
  private core: { publisher: Redis; coreId: string; announcements: string } | undefined;
  /** On an edge: the boot id of the core that answered last. */
  private knownCoreId: string | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
  ) {}

  /** Registers the core's handler of `method`. Call it during module init, on every instance. */
  serve<P, R>(method: string, handler: (payload: P) => R | Promise<R>): void {
    this.handlers.set(method, handler as CoreHandler);
  }

  /**
   * Runs `method` on the core with `payload` (a JSON value) and returns its result.
   * @throws on the core, the handler's own exception; on an edge, `WsException { code, message }` with the handler's
   *   socket error code, or `SERVICE_UNAVAILABLE` when no core listens or no answer came within
   *   `CORE_CALL_TIMEOUT_MS`.
   */
  async call<R>(method: string, payload: unknown): Promise<R> {
    if (this.remote === undefined) {
      const handler = this.handlers.get(method);
      if (handler === undefined) {
        throw new Error(`No core handler named ${method}`);
      }
      return (await handler(payload)) as R;
    }
    const { publisher, requests, replies } = this.remote;
    const id = randomUUID();
    const request: CoreRequest = { id, method, payload, replyTo: replies, deadline: Date.now() + CORE_CALL_TIMEOUT_MS };
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }), CORE_CALL_TIMEOUT_MS);
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
      publisher.publish(requests, JSON.stringify(request)).then(
        (receivers) => receivers === 0 && this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }),
        () => this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }),
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { cluster } = this.config;
    if (cluster === undefined) {
      return;
    }
    const publisher = this.connect(cluster.redisUrl, { enableOfflineQueue: false });
    const subscriber = this.connect(cluster.redisUrl);
    await connectOrFail(publisher, 'core bus');
    await connectOrFail(subscriber, 'core bus').catch((error: unknown) => {
      publisher.disconnect();
      throw error;
    });
    const requests = `${cluster.prefix}:core`;
    const announcements = `${cluster.prefix}:core-events`;
    if (cluster.role === 'core') {
      subscriber.on('message', (_channel: string, raw: string) => void this.answer(publisher, raw));
      await subscriber.subscribe(requests);
      this.core = { publisher, coreId: randomUUID(), announcements };
      this.announce('started');
      // Broadcasts to the edges were dropped while the link was down: their sockets catch up once it is back.
      onReconnected(publisher, () => this.announce('resync'));
      return;
    }
    const replies = `${cluster.prefix}:reply:${randomUUID()}`;
    subscriber.on('message', (channel: string, raw: string) => {
      if (channel === announcements) {
        this.heard(parse<CoreAnnouncement>(raw));
        return;
      }
      const reply = parse<CoreReply>(raw);
      if (reply !== undefined && typeof reply.id === 'string') {
        this.noteCore(reply.coreId);
        this.settle(reply.id, reply);
      }
    });
    await subscriber.subscribe(replies, announcements);
    this.remote = { publisher, requests, replies };
  }


  async onApplicationShutdown(): Promise<void> {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE });
    }
    await closeRedis(this.connections);
  }

  /**
   * Runs an edge's call on the core and publishes the answer; a malformed call, or one past its deadline (the edge
   * has already told its client it failed), is dropped.
   */
  private async answer(publisher: Redis, raw: string): Promise<void> {
    const request = parse<CoreRequest>(raw);
    if (request === undefined || typeof request.id !== 'string' || typeof request.method !== 'string' || typeof request.replyTo !== 'string') {
      this.logger.warn('Dropped a malformed core call');
      return;
    }
    const handler = this.handlers.get(request.method);
    if (handler === undefined) {
      this.logger.warn('Dropped a core call to an unknown method');
      return;
    }
    if (typeof request.deadline !== 'number' || Date.now() > request.deadline) {
      this.logger.warn(`Dropped a late core call ${request.method}`);
      return;
    }
    const coreId = this.core?.coreId;
    let reply: CoreReply;
    try {
      reply = { id: request.id, coreId, ok: true, result: (await handler(request.payload)) ?? null };
    } catch (error: unknown) {
      const socketError = toSocketError(error);
      if (socketError === UNKNOWN_ERROR) {
        this.logger.error(`Unexpected ${error instanceof Error ? error.name : typeof error} in core call ${request.method}`);
      }
      reply = { id: request.id, coreId, ok: false, error: socketError };
    }
    await publisher.publish(request.replyTo, JSON.stringify(reply)).catch(() => this.logger.warn(`Could not answer core call ${request.method}`));
  }

  private settle(id: string, reply: CoreReply): void {
    const call = this.pending.get(id);
    if (call === undefined) {
      return;
    }
    this.pending.delete(id);
    clearTimeout(call.timer);
    if (reply.ok) {
      call.resolve(reply.result);
    } else {
      call.reject(new WsException({ code: reply.error.code, message: reply.error.message }));
    }
  }

  /** On the core: publishes an announcement to the edges (lost if Redis is down, like any broadcast). */
  private announce(type: CoreAnnouncement['type']): void {
    if (this.core === undefined) {
      return;
    }
    const announcement: CoreAnnouncement = { coreId: this.core.coreId, type };
    this.core.publisher.publish(this.core.announcements, JSON.stringify(announcement)).catch(() => this.logger.warn(`Could not announce ${type} to the edges`));
  }

  /** On an edge: a core announcement. */
  private heard(announcement: CoreAnnouncement | undefined): void {
    if (announcement === undefined || typeof announcement.coreId !== 'string') {
      return;
    }
    if (announcement.type === 'resync' && announcement.coreId === this.knownCoreId) {
      this.events.emit(ClusterEvent.RedisRestored);
      return;
    }
    this.noteCore(announcement.coreId);
  }

  /** On an edge: the boot id of the core that just spoke; a new one after another means the core restarted. */
  private noteCore(coreId: unknown): void {
    if (typeof coreId !== 'string' || coreId === this.knownCoreId) {
      return;
    }
    const restarted = this.knownCoreId !== undefined;
    this.knownCoreId = coreId;
    if (restarted) {
      this.logger.warn('The core restarted: citizen sockets reconnect');
      this.events.emit(ClusterEvent.CoreRestarted);
    }
  }

  private connect(url: string, options: RedisOptions = {}): Redis {
    const connection = new Redis({ ...redisOptionsFromUrl(url), lazyConnect: true, ...options });
    // ioredis reconnects by itself; an unhandled « error » event would end the process.
    connection.on('error', (error: Error) => this.logger.warn(`Redis (core bus): ${describeRedisError(error)}`));
    this.connections.push(connection);
    return connection;
  }
}

/** The JSON object in `raw`; undefined for invalid JSON or anything but an object. */
function parse<T>(raw: string): T | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as T) : undefined;
  } catch {
    return undefined;
  }
}
