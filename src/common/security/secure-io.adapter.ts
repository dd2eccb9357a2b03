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
 * instances, `adapter` (socket.io's Redis adapter) carries room broadcasts to the sockets of every instance.
 */
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
    if (this.adapter !== undefined) {
      server.adapter(this.adapter);
    }
    return server;
  }
}
