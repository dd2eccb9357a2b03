import { useCallback, useEffect, useState } from 'react';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import { observeServerTime } from '../../../lib/server-clock';
import { awaitAck, officerSocket, type AckResult } from '../../../lib/socket';

/**
 * The waiting queue as the server last sent it, sorted by position: each `handoff:queue` replaces it whole (also
 * the full queue the server sends when the officer comes back from « Absent », or after a reconnect). The
 * instants it carries feed the estimate of the server's clock (`observeServerTime`).
 *
 * Returns `items`, `take(conversationId)`, which emits `handoff:take` and resolves with the server's
 * acknowledgement (never rejects), and `clear()`, which forgets the items until the next `handoff:queue` (the
 * server sends none while the officer is away, so what was shown would go stale).
 */
export function useQueue(): {
  items: QueueItemView[];
  take: (conversationId: string) => Promise<AckResult>;
  clear: () => void;
} {
  const [items, setItems] = useState<QueueItemView[]>([]);

  useEffect(() => {
    const handleQueue = (payload: { items: QueueItemView[] }) => {
      for (const item of payload.items) {
        observeServerTime(Math.max(item.queuedAt, ...item.messages.map((message) => message.sentAt)));
      }
      setItems([...payload.items].sort((left, right) => left.position - right.position));
    };
    officerSocket.on('handoff:queue', handleQueue);
    return () => {
      officerSocket.off('handoff:queue', handleQueue);
    };
  }, []);

  const take = useCallback(
    (conversationId: string) =>
      awaitAck((acknowledge) => officerSocket.emit('handoff:take', { conversationId }, acknowledge)),
    [],
  );

  const clear = useCallback(() => setItems([]), []);

  return { items, take, clear };
}
