import { useEffect, useEffectEvent, useState } from 'react';
import type { SupervisionSnapshot } from '../../../../../src/contracts/socket-events';

/** `GET` route of the shift snapshot (supervisor role). */
const SUPERVISION_URL = '/api/v1/supervision';
/** How often the supervisor view asks for a new snapshot, in ms (issue #4: every 5 s). */
export const SUPERVISION_POLL_INTERVAL_MS = 5_000;

/** Why the last request gave no snapshot: the account lacks the supervisor role (403), or anything else. */
export type SupervisionFailure = 'forbidden' | 'unavailable';

/** The last snapshot (null before the first), when it arrived (ms since epoch), and why the last request failed. */
export interface SupervisionState {
  snapshot: SupervisionSnapshot | null;
  receivedAt: number | null;
  failure: SupervisionFailure | null;
}

function isSupervisionSnapshot(value: unknown): value is SupervisionSnapshot {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Record<string, unknown>;
  const today = candidate.today as Record<string, unknown> | null | undefined;
  return (
    typeof candidate.queueLength === 'number' &&
    typeof candidate.longestWaitMs === 'number' &&
    Array.isArray(candidate.officers) &&
    typeof today === 'object' &&
    today !== null &&
    typeof today.conversations === 'number' &&
    Array.isArray(today.intents) &&
    Array.isArray(today.ratings) &&
    typeof today.outcomes === 'object'
  );
}

type Outcome = { kind: 'snapshot'; snapshot: SupervisionSnapshot } | { kind: 'expired' } | { kind: SupervisionFailure };

async function requestSnapshot(token: string, signal: AbortSignal): Promise<Outcome> {
  try {
    const response = await fetch(SUPERVISION_URL, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      signal,
    });
    if (response.status === 401) {
      return { kind: 'expired' };
    }
    if (response.status === 403) {
      return { kind: 'forbidden' };
    }
    if (!response.ok) {
      return { kind: 'unavailable' };
    }
    const body: unknown = await response.json();
    return isSupervisionSnapshot(body) ? { kind: 'snapshot', snapshot: body } : { kind: 'unavailable' };
  } catch {
    return { kind: 'unavailable' };
  }
}

/**
 * Polls `GET /api/v1/supervision` with the bearer `token` while mounted: at once, then `SUPERVISION_POLL_INTERVAL_MS`
 * after each answer (never two requests at once; the pending one is aborted on unmount). A 401 calls
 * `onSessionExpired()` and stops; a 403 stops with 'forbidden'; other failures keep the last snapshot, report
 * 'unavailable' and retry at the next tick.
 */
export function useSupervision(token: string, onSessionExpired: () => void): SupervisionState {
  const [state, setState] = useState<SupervisionState>({ snapshot: null, receivedAt: null, failure: null });
  const sessionExpired = useEffectEvent(onSessionExpired);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;

    const poll = async () => {
      const outcome = await requestSnapshot(token, controller.signal);
      if (controller.signal.aborted) {
        return;
      }
      switch (outcome.kind) {
        case 'snapshot':
          setState({ snapshot: outcome.snapshot, receivedAt: Date.now(), failure: null });
          break;
        case 'expired':
          sessionExpired();
          return;
        case 'forbidden':
          setState((current) => ({ ...current, failure: 'forbidden' }));
          return;
        case 'unavailable':
          setState((current) => ({ ...current, failure: 'unavailable' }));
          break;
      }
      timer = setTimeout(() => void poll(), SUPERVISION_POLL_INTERVAL_MS);
    };

    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token]);

  return state;
}
