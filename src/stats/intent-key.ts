/** Shape of an intent id as counted: lower-case letters, digits and underscores, 1 to 64 characters. */
const INTENT_ID_SHAPE = /^[a-z0-9_]{1,64}$/;

/**
 * The key an intent is counted under in the daily statistics and the metric labels: `none` when no intent matched
 * (null), the id itself when it has the shape of an intent id, `other` for anything else, so that a stray value
 * (free text, a very long string) never becomes a label or a row of the supervisor view.
 */
export function intentKey(intent: string | null): string {
  if (intent === null) {
    return 'none';
  }
  return INTENT_ID_SHAPE.test(intent) ? intent : 'other';
}
