import { useCallback, useEffect, useState } from 'react';
import type { QueueItemView } from '../../../../../src/contracts/socket-events';
import { awaitAck, officerSocket, type AckResult } from '../../../lib/socket';

/**
 * The waiting queue as the server last sent it (`handoff:queue` replaces it whole), sorted by position, and
 * `take(conversationId)`, which emits `handoff:take` and resolves with the server's acknowledgement (never rejects).
 */
export function useQueue(): { items: QueueItemView[]; take: (conversationId: string) => Promise<AckResult> } {
  const [items, setItems] = useState<QueueItemView[]>([]);

  useEffect(() => {
    const handleQueue = (payload: { items: QueueItemView[] }) =>
      setItems([...payload.items].sort((left, right) => left.position - right.position));
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

  return { items, take };
}
