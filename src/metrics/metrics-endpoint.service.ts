import { createHash, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, Request, Response } from 'express';
import { AppConfig } from '../config/app-config';
import { MetricsService } from './metrics.service';

/** Where Prometheus scrapes, outside the `/api/v1` prefix as scrapers expect. */
export const METRICS_PATH = '/metrics';

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Serves `GET /metrics`: the Prometheus text format (`MetricsService.contentType`), `Cache-Control: no-store`.
 * When `METRICS_TOKEN` is set the request needs `Authorization: Bearer <METRICS_TOKEN>`, compared in constant
 * time (SHA-256 digests of equal length, `timingSafeEqual`); otherwise 401 with `WWW-Authenticate: Bearer`
 * (RFC 6750). A failure to render is a bare 500 that logs only the error's name.
 *
 * The route is registered on the HTTP adapter itself, not as a Nest controller, because `configureApp` gives every
 * controller the `/api/v1` prefix; the citizen page's static serving excludes the path (`app.module.ts`).
 */
@Injectable()
export class MetricsEndpointService implements OnModuleInit {
  private readonly logger = new Logger(MetricsEndpointService.name);
  /** Digest of `METRICS_TOKEN`, or null when the endpoint is open. */
  private readonly tokenDigest: Buffer | null;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
    config: AppConfig,
  ) {
    this.tokenDigest = config.metricsToken === undefined ? null : sha256(config.metricsToken);
  }

  /** Registers the route; Nest runs this hook before it adds its not-found handler, so the route is reached. */
  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter.getInstance<Express>();
    app.get(METRICS_PATH, (request: Request, response: Response) => {
      void this.serve(request, response);
    });
  }

  private async serve(request: Request, response: Response): Promise<void> {
    if (!this.authorized(request.headers.authorization)) {
      response.status(401).setHeader('WWW-Authenticate', 'Bearer');
      response.json({ statusCode: 401, message: 'Jeton d’accès aux métriques requis' });
      return;
    }
    try {
      const body = await this.metrics.render();
      // end() rather than send(): send() would rewrite the content type's parameters.
      response.status(200).setHeader('Content-Type', this.metrics.contentType);
      response.setHeader('Cache-Control', 'no-store');
      response.end(body);
    } catch (error: unknown) {
      this.logger.error(`Unexpected ${error instanceof Error ? error.name : typeof error} while rendering metrics`);
      response.status(500).json({ statusCode: 500, message: 'Internal server error' });
    }
  }

  private authorized(authorization: string | undefined): boolean {
    if (this.tokenDigest === null) {
      return true;
    }
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    return match !== null && timingSafeEqual(sha256(match[1]), this.tokenDigest);
  }
}
