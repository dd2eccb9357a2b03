import { useEffect, useState } from 'react';
import type { OfficerLoadView, RoutingMode } from '../../../../../src/contracts/socket-events';
import { officerSocket } from '../../../lib/socket';

/**
 * The roster as the server last sent it (`officer:roster`, on connection and after every change): every officer
 * account with presence, status and load, and the routing mode (null until the first roster). `receivedAt` is
 * when it arrived (ms since epoch, 0 before), so a status chosen later can take precedence until the next roster.
 */
export interface RosterState {
  officers: OfficerLoadView[];
  routingMode: RoutingMode | null;
  receivedAt: number;
}

/** Listens to `officer:roster` while mounted (one listener, removed on unmount) and returns the last roster. */
export function useRoster(): RosterState {
  const [roster, setRoster] = useState<RosterState>({ officers: [], routingMode: null, receivedAt: 0 });

  useEffect(() => {
    const handleRoster = ({ officers, routingMode }: { officers: OfficerLoadView[]; routingMode: RoutingMode }) =>
      setRoster({ officers, routingMode, receivedAt: Date.now() });
    officerSocket.on('officer:roster', handleRoster);
    return () => {
      officerSocket.off('officer:roster', handleRoster);
    };
  }, []);

  return roster;
}
