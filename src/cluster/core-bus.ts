import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { Redis } from 'ioredis';
import { type SocketError, toSocketError } from '../common/errors/ws-exception.filter';
import { AppConfig } from '../config/app-config';
import { redisOptionsFromUrl } from './redis-url';

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
}

/** The core's answer, as published on the calling edge's reply channel. */
type CoreReply = { id: string; ok: true; result: unknown } | { id: string; ok: false; error: SocketError };

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

  constructor(private readonly config: AppConfig) {}

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
    const request: CoreRequest = { id, method, payload, replyTo: replies };
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
    const publisher = this.connect(cluster.redisUrl);
    const subscriber = this.connect(cluster.redisUrl);
    const requests = `${cluster.prefix}:core`;
    if (cluster.role === 'core') {
      subscriber.on('message', (_channel: string, raw: string) => void this.answer(publisher, raw));
      await subscriber.subscribe(requests);
      return;
    }
    const replies = `${cluster.prefix}:reply:${randomUUID()}`;
    subscriber.on('message', (_channel: string, raw: string) => {
      const reply = parse<CoreReply>(raw);
      if (reply !== undefined) {
        this.settle(reply.id, reply);
      }
    });
    await subscriber.subscribe(replies);
    this.remote = { publisher, requests, replies };
  }

  async onApplicationShutdown(): Promise<void> {
    for (const id of [...this.pending.keys()]) {
      this.settle(id, { id, ok: false, error: SERVICE_UNAVAILABLE });
    }
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
  }

  /** Runs an edge's call on the core and publishes the answer; a malformed call is dropped. */
  private async answer(publisher: Redis, raw: string): Promise<void> {
    const request = parse<CoreRequest>(raw);
    const handler = request === undefined ? undefined : this.handlers.get(request.method);
    if (request === undefined || handler === undefined || typeof request.replyTo !== 'string') {
      this.logger.warn('Dropped a malformed core call');
      return;
    }
    let reply: CoreReply;
    try {
      reply = { id: request.id, ok: true, result: (await handler(request.payload)) ?? null };
    } catch (error: unknown) {
      reply = { id: request.id, ok: false, error: toSocketError(error) };
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

  private connect(url: string): Redis {
    const connection = new Redis(redisOptionsFromUrl(url));
    // ioredis reconnects by itself; an unhandled « error » event would end the process.
    connection.on('error', (error: Error) => this.logger.warn(`Redis (core bus): ${error.name}`));
    this.connections.push(connection);
    return connection;
  }
}

function parse<T>(raw: string): T | undefined {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}
