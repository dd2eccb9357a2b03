/** Whether `source` has a `|` outside any group or character class (an alternation of the whole pattern). */
function hasTopLevelAlternation(source: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    if (char === '\\') {
      index++;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      depth++;
    } else if (char === ')') {
      depth--;
    } else if (char === '|' && depth === 0) {
      return true;
    }
  }
  return false;
}

/** A leading `\b(word|other words)` group, not optional, or a leading `\bword`. */
const LEADING_GROUP = /^\\b\(([a-z |]+)\)(?![?*{])/;
const LEADING_WORDS = /^\\b([a-z ]+)(?![?*{a-z ])/;

/**
 * The literal texts one of which any match of the pattern must contain, read from a leading `\b(a|b c)` group or
 * a leading `\bword`; undefined when the pattern has no such start (it is then always tested). Testing
 * `text.includes` first skips most patterns at a fraction of a regular expression's cost.
 *
 * @param source a regular expression's source, as intent files write it (lower case, on normalised text).
 */
export function requiredLiterals(source: string): string[] | undefined {
  if (hasTopLevelAlternation(source)) {
    return undefined;
  }
  const group = LEADING_GROUP.exec(source);
  if (group) {
    const alternatives = group[1].split('|');
    return alternatives.every((alternative) => alternative.length > 0) ? alternatives : undefined;
  }
  const words = LEADING_WORDS.exec(source);
  return words ? [words[1]] : undefined;
}
