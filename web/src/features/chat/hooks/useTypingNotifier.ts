import { useCallback, useEffect, useRef } from 'react';

/** At most one « typing » signal per this many milliseconds while the citizen keeps typing. */
const TYPING_THROTTLE_MS = 2_000;
/** After this many milliseconds without input, the officer is told the citizen stopped typing. */
const TYPING_IDLE_MS = 2_000;

/** What the message field calls: on each input, and once its message is sent. */
export interface TypingNotifier {
  /** The citizen typed: sends `true` unless one was sent less than `TYPING_THROTTLE_MS` ago; restarts the idle timer. */
  typed: () => void;
  /** The citizen sent their message or the chat changed hands: sends `false` if a `true` is pending. */
  stopped: () => void;
}

/**
 * Tells the officer holding the chat when the citizen types, through `send(typing)`: `true` on input, at most once
 * per `TYPING_THROTTLE_MS`, and `false` after `TYPING_IDLE_MS` without input or on `stopped()`. While `active` is
 * false (no officer holds the chat, or the page is offline) nothing is sent, and becoming inactive stops a pending
 * signal. `send` should be stable (a `useCallback`). The rule mirrors the officer console's (issue #4, item 5).
 */
export function useTypingNotifier(active: boolean, send: (typing: boolean) => void): TypingNotifier {
  const lastTrueAt = useRef<number | null>(null);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stopped = useCallback(() => {
    if (idleTimer.current !== null) {
      clearTimeout(idleTimer.current);
      idleTimer.current = null;
    }
    if (lastTrueAt.current !== null) {
      lastTrueAt.current = null;
      send(false);
    }
  }, [send]);

  const typed = useCallback(() => {
    if (!active) {
      return;
    }
    const now = Date.now();
    if (lastTrueAt.current === null || now - lastTrueAt.current >= TYPING_THROTTLE_MS) {
      lastTrueAt.current = now;
      send(true);
    }
    if (idleTimer.current !== null) {
      clearTimeout(idleTimer.current);
    }
    idleTimer.current = setTimeout(stopped, TYPING_IDLE_MS);
  }, [active, stopped]);

  useEffect(() => {
    if (!active) {
      stopped();
    }
    return () => {
      if (idleTimer.current !== null) {
        clearTimeout(idleTimer.current);
        idleTimer.current = null;
      }
    };
  }, [active, stopped]);

  return { typed, stopped };
}
