import type { CannedAnswer } from '../../../../src/contracts/socket-events';

/** Lower case, without accents (NFD then combining marks removed), trimmed: « Dépôt » and « depot » compare equal. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim();
}

/**
 * The canned answers whose title contains every word of `query`, ignoring case and accents, in their given order,
 * at most `limit`. An empty or blank query matches nothing (the picker then shows a hint, not 20 intents).
 */
export function searchCannedAnswers(answers: CannedAnswer[], query: string, limit: number): CannedAnswer[] {
  const words = fold(query).split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) {
    return [];
  }
  return answers.filter((answer) => words.every((word) => fold(answer.title).includes(word))).slice(0, limit);
}
