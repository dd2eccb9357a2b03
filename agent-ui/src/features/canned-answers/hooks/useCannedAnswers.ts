import { useEffect, useState } from 'react';
import type { CannedAnswer } from '../../../../../src/contracts/socket-events';
import { officerSocket } from '../../../lib/socket';

/**
 * The canned answers as the server last sent them (`officer:canned-answers`, on connection and after every intent
 * reload), sorted by title in French order; empty before the first list. One listener, removed on unmount.
 */
export function useCannedAnswers(): CannedAnswer[] {
  const [answers, setAnswers] = useState<CannedAnswer[]>([]);

  useEffect(() => {
    const handleAnswers = (payload: { answers: CannedAnswer[] }) =>
      setAnswers([...payload.answers].sort((left, right) => left.title.localeCompare(right.title, 'fr')));
    officerSocket.on('officer:canned-answers', handleAnswers);
    return () => {
      officerSocket.off('officer:canned-answers', handleAnswers);
    };
  }, []);

  return answers;
}
