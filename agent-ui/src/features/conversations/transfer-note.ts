/**
 * Longest transfer note, in characters (UTF-16 code units): the limit issue #4 sets for `handoff:transfer`
 * notes; the contracts do not export it.
 */
export const MAX_TRANSFER_NOTE_LENGTH_CHARS = 500;
