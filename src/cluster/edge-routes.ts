import type { NextFunction, Request, Response } from 'express';
import { EDGE_SERVES_CITIZENS_ONLY } from '../officers/officer.gateway';

/** HTTP paths an edge serves besides the citizen page: its health, the citizens' ratings and its own metrics. */
const EDGE_PATHS = [/^\/api\/v1\/health$/, /^\/api\/v1\/ratings$/, /^\/metrics$/];
/** Paths only the core serves: the officer console and the rest of the HTTP API. */
const CORE_PATHS = /^\/(agent|api)(\/|$)/;

/**
 * Express middleware of an edge instance (`INSTANCE_ROLE=edge`): the officer console (`/agent/`) and the HTTP API
 * other than health and ratings answer 503 with a French explanation, since they need the queue, the accounts and
 * the figures the core holds; everything else (the citizen page, the `/citizen` sockets) is served.
 */
export function edgeRoutes(): (request: Request, response: Response, next: NextFunction) => void {
  return (request, response, next) => {
    if (CORE_PATHS.test(request.path) && !EDGE_PATHS.some((path) => path.test(request.path))) {
      response.status(503).json({ statusCode: 503, message: EDGE_SERVES_CITIZENS_ONLY });
      return;
    }
    next();
  };
}
