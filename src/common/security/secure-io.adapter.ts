import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { SocketAdapterConstructor } from '../../cluster/socket-redis-adapter';
import { isOriginAllowed, type OriginPolicy } from './origin-policy';

/**
 * Largest socket.io message the server reads, in bytes (engine.io `maxHttpBufferSize`; its default is 1 MB). A
 * longer one closes that socket. 16 KiB holds the longest valid message: 2 000 characters of JSON-escaped text,
 * at most 6 bytes each (`\u0000`), plus the packet's framing.
 */
export const SOCKET_MAX_PAYLOAD_BYTES = 16 * 1024;

/**
 * The socket.io adapter of the service (`configureApp` applies it): every gateway's server gets
 * `maxHttpBufferSize` = `SOCKET_MAX_PAYLOAD_BYTES`, and `allowRequest` refuses, with 403 before any socket opens,
 * a request whose `Origin` the `OriginPolicy` does not allow (see `isOriginAllowed`). When `ALLOWED_ORIGINS` lists
 * origins, the long-polling transport also answers them with CORS headers; otherwise it sends none. With several
 * instances, `adapter` (socket.io's Redis adapter) carries the citizens' server's room broadcasts to the sockets of
 * every instance.
 */
/** Engine.io path of the citizens' socket server (socket.io's default). */
const CITIZEN_SOCKET_PATH = '/socket.io';

type IoServerOptions = NonNullable<Parameters<IoAdapter['createIOServer']>[1]>;

export class SecureIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly policy: OriginPolicy,
    private readonly adapter?: SocketAdapterConstructor,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoServerOptions): ReturnType<IoAdapter['createIOServer']> {
    const secured: Partial<IoServerOptions> = {
      ...options,
      maxHttpBufferSize: SOCKET_MAX_PAYLOAD_BYTES,
      allowRequest: (request, callback) => callback(null, isOriginAllowed(request.headers, this.policy)),
      ...(this.policy.allowedOrigins.length > 0 ? { cors: { origin: [...this.policy.allowedOrigins] } } : {}),
    };
    // Nest types the options as socket.io's complete ServerOptions; socket.io takes any subset and fills in defaults.
    const server = super.createIOServer(port, secured as IoServerOptions) as ReturnType<IoAdapter['createIOServer']>;
    // Officer sockets (their own path) only ever live on the core: only the citizens' server spans instances.
    if (this.adapter !== undefined && (options?.path ?? CITIZEN_SOCKET_PATH) === CITIZEN_SOCKET_PATH) {
      server.adapter(this.adapter);
    }
    return server;
  }
}
