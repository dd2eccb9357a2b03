/**
 * Wraps `flush` so that any number of calls within one turn of the event loop run it once, right after that turn
 * (`setImmediate`). Broadcasts that depend only on the current state (the queue, the positions) use it: a burst of
 * changes (a spike of handoffs) sends one update instead of one per change, and each update is the latest state.
 */
export function coalescePerTurn(flush: () => void): () => void {
  let scheduled = false;
  return () => {
    if (scheduled) {
      return;
    }
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      flush();
    });
  };
}
