import { useEffect } from 'react';

const TITLE = 'Console officier';

/**
 * Shows the number of waiting conversations in the browser tab: `(N) Console officier` when `waitingCount` > 0,
 * `Console officier` otherwise and on unmount (sign-out).
 */
export function useQueueTitleBadge(waitingCount: number): void {
  useEffect(() => {
    document.title = waitingCount > 0 ? `(${waitingCount}) ${TITLE}` : TITLE;
    return () => {
      document.title = TITLE;
    };
  }, [waitingCount]);
}
