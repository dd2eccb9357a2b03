import type { NextFunction, Request, Response } from 'express';
import { EDGE_SERVES_CITIZENS_ONLY } from '../officers/officer.gateway';

/** HTTP paths an edge serves besides the citizen page: its health, the citizens' ratings and its own metrics. */
const EDGE_PATHS = [/^\/api\/v1\/health\/?$/i, /^\/api\/v1\/ratings\/?$/i, /^\/metrics\/?$/i];
/** What a browser that opens the console on an edge sees (static French text, no script). */
const EDGE_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Console indisponible ici</title></head><body><main><h1>Console indisponible sur cette instance</h1><p>${EDGE_SERVES_CITIZENS_ONLY}</p></main></body></html>`;
/** Paths only the core serves: the officer console and the rest of the HTTP API (any case: Express routes ignore it). */
const CORE_PATHS = /^\/(agent|api)(\/|$)/i;

/**
 * Express middleware of an edge instance (`INSTANCE_ROLE=edge`): the officer console (`/agent/`) and the HTTP API
 * other than health and ratings answer 503 with a French explanation (a small page for a browser, JSON
 * `{ statusCode, message }` otherwise), since they need the queue, the accounts and the figures the core holds;
 * everything else (the citizen page, the `/citizen` sockets) is served.
 */
export function edgeRoutes(): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    if (CORE_PATHS.test(request.path) && !EDGE_PATHS.some((path) => path.test(request.path))) {
      if (request.accepts(['json', 'html']) === 'html') {
        response.status(503).type('html').send(EDGE_PAGE);
      } else {
        response.status(503).json({ statusCode: 503, message: EDGE_SERVES_CITIZENS_ONLY });
      }
      return;
    }
    next();
  };
}
