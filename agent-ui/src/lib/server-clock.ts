/**
 * The server's clock as this console estimates it. Waiting times are differences between the server's instants
 * (`queuedAt`) and now, so a workstation clock minutes off would show wrong waits; every instant the server sends
 * (`sentAt`, `queuedAt`) is at most the server's time when it was sent, so the largest `serverMs - Date.now()`
 * seen so far is a lower bound of the offset, within the network delay of the freshest event.
 */
let offsetMs: number | null = null;

/** Records an instant the server stamped (ms since epoch, server clock), just received. */
export function observeServerTime(serverMs: number): void {
  const sample = serverMs - Date.now();
  if (offsetMs === null || sample > offsetMs) {
    offsetMs = sample;
  }
}

/** The server's current time, in ms since the epoch: the browser's clock until the first observation. */
export function serverNow(): number {
  return Date.now() + (offsetMs ?? 0);
}
