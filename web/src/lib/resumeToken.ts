/**
 * Where the page keeps the resume token of its conversation: `localStorage`, so a reload, a second tab or a phone
 * coming back from the background finds the same conversation (scenario S-08). Only the token is stored, never a
 * message: the conversation itself lives on the server, in memory, for the reconnect grace period.
 */
const RESUME_TOKEN_KEY = 'police-chat:citizen:resume-token';

/**
 * The stored token, or null when there is none or storage is unavailable (private browsing, storage disabled):
 * the page then starts a new conversation, as on a first visit.
 */
export function readResumeToken(): string | null {
  try {
    return window.localStorage.getItem(RESUME_TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps `token` (from `conversation:started`) for the next connection; does nothing when storage is unavailable. */
export function saveResumeToken(token: string): void {
  try {
    window.localStorage.setItem(RESUME_TOKEN_KEY, token);
  } catch {
    // Without storage the conversation still survives network drops (the page keeps the token in memory).
  }
}

/** Forgets the token (the conversation is over, or the citizen starts a new one). */
export function clearResumeToken(): void {
  try {
    window.localStorage.removeItem(RESUME_TOKEN_KEY);
  } catch {
    // Nothing was stored.
  }
}
