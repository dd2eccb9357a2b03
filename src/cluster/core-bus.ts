import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { WsException } from '@nestjs/websockets';
import { Redis, type RedisOptions } from 'ioredis';
import { type SocketError, toSocketError, UNKNOWN_ERROR } from '../common/errors/ws-exception.filter';
import { AppConfig } from '../config/app-config';
import { CallLateness } from './call-lateness';
import { ClusterEvent } from './cluster.events';
import { closeRedis, connectOrFail, onReconnected, redisOptionsFromUrl, reportRedisErrors } from './redis-url';
import { SocketRedisAdapter } from './socket-redis-adapter';

/** How long an edge waits for the core's answer, in ms, before telling the client the service is unavailable. */
export const CORE_CALL_TIMEOUT_MS = 5_000;

/**
 * The time left for the answer's way back, in ms: the core drops a call that reaches it more than its timeout minus
 * this later than the quickest recent transit from the same caller (`CallLateness`), so an answer rarely arrives
 * after the edge gave up.
 */
export const CORE_CALL_MARGIN_MS = 1_000;

/** How long a core starting waits, in ms, to learn whether another core already answers on the same prefix. */
export const CORE_PING_TIMEOUT_MS = 2_000;

/** How long one check that the core answers serves, in ms (`CoreBus.coreAnswers`). */
const CORE_CHECK_TTL_MS = 1_000;

/**
 * Core bus method every core answers with its boot id, however late it arrives (answering changes nothing): a core
 * starting asks it to find another one, and an edge's health to know whether the core answers.
 */
const PING = 'cluster.ping';

/** Refusal of a call an edge could not get answered by the core (core or Redis down). */
export const SERVICE_UNAVAILABLE: SocketError = {
  code: 'SERVICE_UNAVAILABLE',
  message: "Le service est momentanément indisponible : réessayez dans un instant. En cas d'urgence, appelez le 17 ou le 112 (SMS au 114).",
};

/** Thrown at start by a core that finds another core answering on the same `CLUSTER_PREFIX`. */
export class AnotherCoreError extends Error {
  constructor(prefix: string) {
    super(
      `Another core already answers on CLUSTER_PREFIX=${prefix} on this Redis: two cores would split the conversations. ` +
        'Start this instance with INSTANCE_ROLE=edge, or give it a CLUSTER_PREFIX of its own.',
    );
    this.name = AnotherCoreError.name;
  }
}

type CoreHandler = (payload: unknown) => unknown;

/** A call to the core, as published on `<prefix>:core`. */
interface CoreRequest {
  id: string;
  method: string;
  payload: unknown;
  replyTo: string;
  /** When the caller sent it, in ms of the caller's monotonic clock (`performance.now()`): see `CallLateness`. */
  sentAt: number;
  /** How long the caller waits for the answer, in ms. */
  timeoutMs: number;
}

/** The core's answer, as published on the caller's reply channel, with the core's boot id. */
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
 * A call is never queued while Redis is unreachable (it fails at once), and the core drops a call that reaches it
 * too late to be answered in time (`CallLateness`), so a citizen told « indisponible » can resend without the first
 * attempt landing later. The core has a boot id, announced when it starts and carried by its answers: an edge that
 * sees a new one emits `ClusterEvent.CoreRestarted` (the conversations it knew are gone). When an instance's Redis
 * connections (this bus's and the socket.io adapter's) all work again after a loss, broadcasts of the meantime may
 * be lost: the edges resync their sockets (`ClusterEvent.RedisRestored`), an edge on its own and the core by asking
 * every edge.
 *
 * One core per prefix: a core refuses to start when another answers (`AnotherCoreError`), and logs an error each
 * time it hears another core announce itself (two started at the same instant, or one started while the other was
 * cut from Redis).
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
  /** Where calls are published and answers come back (every instance of several). */
  private link: { publisher: Redis; requests: string; replies: string } | undefined;
  /** Set on the core: its boot id and where it announces itself. */
  private core: { publisher: Redis; coreId: string; announcements: string } | undefined;
  /** On an edge: the boot id of the core that answered last. */
  private knownCoreId: string | undefined;
  /** On an edge: the last check that the core answers (`coreAnswers`), started at `at` (monotonic ms). */
  private coreCheck: { at: number; answers: Promise<boolean> } | undefined;
  /** On the core: how late each call arrives, by caller (its reply channel). */
  private readonly lateness = new CallLateness();

  constructor(
    private readonly config: AppConfig,
    private readonly events: EventEmitter2,
    private readonly adapter: SocketRedisAdapter,
  ) {
    this.handlers.set(PING, () => this.core?.coreId ?? null);
  }

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
    if (this.config.isCore) {
      const handler = this.handlers.get(method);
      if (handler === undefined) {
        throw new Error(`No core handler named ${method}`);
      }
      return (await handler(payload)) as R;
    }
    return this.request<R>(method, payload, CORE_CALL_TIMEOUT_MS);
  }

  /** Whether all of this instance's Redis connections (this bus's and the socket.io adapter's) are ready; true alone. */
  get linked(): boolean {
    return this.connections.every((connection) => connection.status === 'ready') && this.adapter.linked;
  }

  /**
   * Whether the core answers a call within `timeoutMs` (ms); always true on the core itself. One check runs at a
   * time and its result serves every caller for `CORE_CHECK_TTL_MS`, so a flood of health requests costs the core
   * one ping a second at most.
   */
  async coreAnswers(timeoutMs: number): Promise<boolean> {
    if (this.config.isCore) {
      return true;
    }
    const now = performance.now();
    if (this.coreCheck === undefined || now - this.coreCheck.at >= CORE_CHECK_TTL_MS) {
      this.coreCheck = { at: now, answers: this.request(PING, null, timeoutMs).then(() => true, () => false) };
    }
    return this.coreCheck.answers;
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
    const replies = `${cluster.prefix}:reply:${randomUUID()}`;
    subscriber.on('message', (channel: string, raw: string) => {
      if (channel === requests) {
        void this.answer(publisher, raw);
      } else if (channel === announcements) {
        this.heard(parse<CoreAnnouncement>(raw));
      } else {
        this.replied(parse<CoreReply>(raw));
      }
    });
    // Broadcasts were dropped while the link was down: sockets of edges catch up once it all works again.
    onReconnected([publisher, subscriber, ...this.adapter.connections], () => this.restored());
    await subscriber.subscribe(replies, announcements);
    this.link = { publisher, requests, replies };
    if (cluster.role === 'edge') {
      return;
    }
    // A subscriber that does not answer is a core that died without closing its connection: not a reason to refuse.
    if (await this.request(PING, null, CORE_PING_TIMEOUT_MS).then(() => true, () => false)) {
      await closeRedis(this.connections);
      throw new AnotherCoreError(cluster.prefix);
    }
    await subscriber.subscribe(requests);
    this.core = { publisher, coreId: randomUUID(), announcements };
    this.announce('started');
  }

  async onApplicationShutdown(): Promise<void> {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE });
    }
    await closeRedis(this.connections);
  }

  /** Publishes a call to the core and waits up to `timeoutMs` for its answer (see `call` for errors). */
  private request<R>(method: string, payload: unknown, timeoutMs: number): Promise<R> {
    const link = this.link;
    if (link === undefined) {
      return Promise.reject(new WsException({ ...SERVICE_UNAVAILABLE }));
    }
    const id = randomUUID();
    const request: CoreRequest = { id, method, payload, replyTo: link.replies, sentAt: performance.now(), timeoutMs };
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }), timeoutMs);
      this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject, timer });
      link.publisher.publish(link.requests, JSON.stringify(request)).then(
        (receivers) => receivers === 0 && this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }),
        () => this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE }),
      );
    });
  }

  /**
   * Runs a call on the core and publishes the answer; a malformed call, or one but `PING` that came too late
   * (`CallLateness`: its caller has told, or is about to tell, its client that it failed), is dropped.
   */
  private async answer(publisher: Redis, raw: string): Promise<void> {
    const request = parse<CoreRequest>(raw);
    if (
      request === undefined ||
      typeof request.id !== 'string' ||
      typeof request.method !== 'string' ||
      typeof request.replyTo !== 'string' ||
      !Number.isFinite(request.sentAt) ||
      !Number.isFinite(request.timeoutMs)
    ) {
      this.logger.warn('Dropped a malformed core call');
      return;
    }
    const handler = this.handlers.get(request.method);
    if (handler === undefined) {
      this.logger.warn('Dropped a core call to an unknown method');
      return;
    }
    const lateness = this.lateness.lateness(request.replyTo, request.sentAt, performance.now());
    if (request.method !== PING && lateness > request.timeoutMs - CORE_CALL_MARGIN_MS) {
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

  /** An answer from the core on this instance's reply channel. */
  private replied(reply: CoreReply | undefined): void {
    if (reply === undefined || typeof reply.id !== 'string') {
      return;
    }
    if (!this.config.isCore) {
      this.noteCore(reply.coreId);
    }
    this.settle(reply.id, reply);
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

  /** All of this instance's Redis connections work again after a loss: edges' citizen sockets reconnect. */
  private restored(): void {
    if (this.config.isCore) {
      this.logger.warn('Redis is back: the edges resync their citizen sockets');
      this.announce('resync');
    } else {
      this.logger.warn('Redis is back: citizen sockets reconnect to catch up');
      this.events.emit(ClusterEvent.RedisRestored);
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

  /** A core announcement: on an edge, a resync or a core's boot id; on the core, another core's (an error). */
  private heard(announcement: CoreAnnouncement | undefined): void {
    if (announcement === undefined || typeof announcement.coreId !== 'string') {
      return;
    }
    if (this.config.isCore) {
      if (this.core !== undefined && announcement.coreId !== this.core.coreId) {
        this.logger.error('Another core started on the same CLUSTER_PREFIX: the conversations are split between them; stop one');
      }
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
    reportRedisErrors(connection, (description) => this.logger.warn(`Redis (core bus): ${description}; retrying`));
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
