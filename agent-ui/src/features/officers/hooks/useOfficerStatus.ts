import { useCallback, useState } from 'react';
import type { OfficerStatus } from '../../../../../src/contracts/socket-events';
import { awaitAck, officerSocket, type AckResult } from '../../../lib/socket';

/** A status the officer chose in this console, and when (ms since epoch). */
interface ChosenStatus {
  status: OfficerStatus;
  chosenAt: number;
}

/**
 * The officer's availability. `rosterStatus` is the own entry of the last `officer:roster` (null before one
 * arrives) and `rosterReceivedAt` when it arrived. The status shown is the one chosen here until a newer roster
 * arrives, then the roster's (another tab of the same officer may change it); 'available' before either.
 *
 * Returns `status`, `pending` while `officer:status` awaits its acknowledgement, and `change(status)`, which
 * emits `officer:status` and resolves with the acknowledgement (never rejects); a refused change is undone.
 */
export function useOfficerStatus(rosterStatus: OfficerStatus | null, rosterReceivedAt: number) {
  const [chosen, setChosen] = useState<ChosenStatus | null>(null);
  const [pending, setPending] = useState(false);

  const change = useCallback(async (status: OfficerStatus): Promise<AckResult> => {
    const choice = { status, chosenAt: Date.now() };
    setChosen(choice);
    setPending(true);
    const result = await awaitAck((acknowledge) => officerSocket.emit('officer:status', { status }, acknowledge));
    setPending(false);
    if (!result.ok) {
      setChosen((current) => (current === choice ? null : current));
    }
    return result;
  }, []);

  const status: OfficerStatus =
    chosen !== null && (rosterStatus === null || chosen.chosenAt >= rosterReceivedAt)
      ? chosen.status
      : (rosterStatus ?? 'available');

  return { status, pending, change };
}
