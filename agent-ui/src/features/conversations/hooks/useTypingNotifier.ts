import { useCallback, useEffect, useRef } from 'react';

/** Without a keystroke for this long, the officer counts as no longer typing, in ms. */
export const TYPING_IDLE_MS = 2_000;
/** At most one « typing: true » per this many ms, so that a fast typist does not flood the server. */
export const TYPING_THROTTLE_MS = 2_000;

/**
 * Tells the citizen when this officer types, through `notify(typing)` (which emits `conversation:typing`).
 *
 * Returns `inputChanged()`, to call on every edit of the answer, and `stopped()`, to call on send: `true` goes out
 * on input, at most once per `TYPING_THROTTLE_MS` (an input inside that window after a `false` sends its `true`
 * when the window ends); `false` goes out after `TYPING_IDLE_MS` without input, or on `stopped()`, and only after
 * a `true`. While `enabled` is false (chat closed, socket down) nothing is sent and pending timers are dropped;
 * unmounting drops them too without sending, as the chat may no longer be this officer's.
 */
export function useTypingNotifier(notify: (typing: boolean) => void, enabled: boolean) {
  const notifyRef = useRef(notify);
  const typingSent = useRef(false);
  const lastTrueAt = useRef(Number.NEGATIVE_INFINITY);
  const idleTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const deferredTrueTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    notifyRef.current = notify;
  }, [notify]);

  const clearTimers = useCallback(() => {
    clearTimeout(idleTimer.current);
    clearTimeout(deferredTrueTimer.current);
    idleTimer.current = undefined;
    deferredTrueTimer.current = undefined;
  }, []);

  const sendTrue = useCallback(() => {
    deferredTrueTimer.current = undefined;
    lastTrueAt.current = Date.now();
    typingSent.current = true;
    notifyRef.current(true);
  }, []);

  const stopped = useCallback(() => {
    clearTimers();
    if (typingSent.current) {
      typingSent.current = false;
      notifyRef.current(false);
    }
  }, [clearTimers]);

  const inputChanged = useCallback(() => {
    if (!enabled) {
      return;
    }
    const sinceLastTrueMs = Date.now() - lastTrueAt.current;
    if (sinceLastTrueMs >= TYPING_THROTTLE_MS) {
      clearTimeout(deferredTrueTimer.current);
      sendTrue();
    } else if (!typingSent.current && deferredTrueTimer.current === undefined) {
      deferredTrueTimer.current = setTimeout(sendTrue, TYPING_THROTTLE_MS - sinceLastTrueMs);
    }
    clearTimeout(idleTimer.current);
    idleTimer.current = setTimeout(stopped, TYPING_IDLE_MS);
  }, [enabled, sendTrue, stopped]);

  useEffect(() => {
    if (!enabled) {
      clearTimers();
      typingSent.current = false;
    }
    return clearTimers;
  }, [enabled, clearTimers]);

  return { inputChanged, stopped };
}
