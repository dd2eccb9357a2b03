import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ClassConstructor, plainToInstance } from 'class-transformer';
import { getMetadataStorage, isString, maxLength, minLength, validateSync, type ValidationError } from 'class-validator';
import safeRegex from 'safe-regex2';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Scalar } from 'yaml';
import { boundedEditDistance } from '../triage/edit-distance';
import type { IntentAnswer, IntentCatalog, IntentRule, IntentVariant, Validity } from './intent-catalog';
import { IntentRuleDto, type ValidityDto } from './intent-rule.dto';
import { DEFAULT_TIME_ZONE, LOCAL_DATE_TIME_PATTERN, parseLocalDateTime } from './local-date-time';
import { phoneNumberProblems } from './phone-numbers';

/** One problem in one intent file, located for the editor. Lines and columns are 1-based. */
export interface IntentFileError {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `answer.links[0].url`; empty for a whole-file problem. */
  field: string;
  /** French explanation of what is wrong and how to fix it. */
  message: string;
}

/** Formats an error as `file:line:column: field: message`, the form editors and their tools read. */
export function formatIntentFileError(error: IntentFileError): string {
  const field = error.field ? `${error.field} : ` : '';
  return `${error.file}:${error.line}:${error.column}: ${field}${error.message}`;
}

/** Thrown when the intent folder cannot make a catalog; carries every error found, not only the first. */
export class IntentCatalogException extends Error {
  constructor(readonly errors: IntentFileError[]) {
    super(`Intent catalog rejected (${errors.length} error(s)):\n${errors.map(formatIntentFileError).join('\n')}`);
    this.name = IntentCatalogException.name;
  }
}

/** One step of a path into a YAML document: a map key or a list index. */
export type PathSegment = string | number;

/** Reports a problem at `path`; with `unknownKey`, the problem is that key of the map at `path`. */
export type ProblemReporter = (path: PathSegment[], message: string, unknownKey?: string) => void;

/** Texts no real pattern should match: one that does would answer every message. */
const MATCH_ANYTHING_PROBES = ['', 'zqxj', 'zqxj wvkp'];

/** Numbers the answers of the safety intents must give (../shared/reference/services.md: 17, 112, 114; 3114). */
const SAFETY_ANSWER_NUMBERS: Readonly<Record<string, readonly string[]>> = {
  emergency: ['17', '112', '114'],
  suicide_prevention: ['3114'],
};

/** The file of SMS and phonetic spellings: not an intent. */
export const LEXICON_FILE = 'lexicon.yaml';

/** The file of opening hours and announcements (`src/schedule/settings-loader.ts`): not an intent either. */
export const SETTINGS_FILE = 'settings.yaml';

/** Where an example or a test sentence is written in its intent file (1-based line and column). */
export interface IntentSentence {
  file: string;
  line: number;
  column: number;
  /** e.g. `examples[3]` or `tests[0]`. */
  field: string;
  text: string;
}

/** An editor's test: a sentence and the intent id or outcome the chat must decide for it. */
export interface IntentTestCase extends IntentSentence {
  expected: string;
}

/** The located examples and tests of one valid intent file, for `npm run intents:check`. */
export interface IntentFileSentences {
  intentId: string;
  examples: IntentSentence[];
  tests: IntentTestCase[];
}

/** What `inspectIntentFolder` found: the catalog when there is no error, and every error otherwise. */
export interface IntentFolderInspection {
  catalog?: IntentCatalog;
  errors: IntentFileError[];
  /** One entry per valid intent file, sorted by file name. */
  sentences: IntentFileSentences[];
}

/** A path as editors read it: `answer.links[0].url`. */
export function formatPath(path: PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/**
 * The 1-based line and column of the YAML node at `path`, or of its deepest existing parent (a missing field is
 * reported on its parent); 1:1 when nothing of the path exists.
 */
export function locate(document: Document, lineCounter: LineCounter, path: PathSegment[]): { line: number; column: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : (document.getIn(path.slice(0, depth), true) as Node | undefined);
    const offset = node?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return { line: 1, column: 1 };
}

/** The 1-based line and column of the key `key` of the map at `parentPath`, so an error points at the key the editor typed. */
export function locateKey(document: Document, lineCounter: LineCounter, parentPath: PathSegment[], key: string): { line: number; column: number } {
  const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
  if (isMap(parent)) {
    const pair = parent.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
    const offset = (pair?.key as Node | undefined)?.range?.[0];
    if (offset !== undefined) {
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    }
  }
  return locate(document, lineCounter, parentPath);
}

/**
 * For a list checked element by element (`each: true`), the index of the first element that breaks the rule, so
 * the error points at that line rather than at the whole list. The rule's bounds come from the DTO's metadata.
 */
function firstBadElement(target: object, property: string, value: unknown, constraint: string): number | undefined {
  if (!Array.isArray(value)) {
    return undefined;
  }
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target.constructor, '', true, false)
    .find((candidate) => candidate.propertyName === property && candidate.each && candidate.name === constraint);
  const bound = Number(metadata?.constraints?.[0]);
  const breaks = (element: unknown) => {
    switch (constraint) {
      case 'isString':
        return !isString(element);
      case 'minLength':
        return !minLength(element, bound);
      case 'maxLength':
        return !maxLength(element, bound);
      default:
        return false;
    }
  };
  const index = value.findIndex(breaks);
  return index === -1 ? undefined : index;
}

/**
 * The French message for an unknown key: the closest allowed key of the same DTO when it is near enough to be a
 * typo (« exemples » → « examples »), else the list of allowed keys. Allowed keys are the DTO's validated properties.
 */
function unknownKeyMessage(key: string, target: object | undefined): string {
  const allowed = target
    ? [...new Set(getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false).map((metadata) => metadata.propertyName))]
    : [];
  // One edit per three letters, at most 3: « kewords » is a typo of « keywords », « foo » is not one of « id ».
  const maxDistance = Math.min(3, Math.max(1, Math.floor(key.length / 3)));
  const closest = allowed
    .map((candidate) => ({ candidate, distance: boundedEditDistance(key.toLowerCase(), candidate, maxDistance) }))
    .filter(({ distance }) => distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance)[0];
  if (closest) {
    return `clé inconnue « ${key} » : vouliez-vous dire « ${closest.candidate} » ?`;
  }
  return `clé inconnue « ${key} » : supprimez-la ou corrigez son nom (clés permises : ${allowed.join(', ')})`;
}

function flattenValidationErrors(errors: ValidationError[], parentPath: PathSegment[], report: ProblemReporter): void {
  for (const error of errors) {
    const segment: PathSegment = /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const path = [...parentPath, segment];
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      if (constraint === 'whitelistValidation') {
        report(parentPath, unknownKeyMessage(error.property, error.target), error.property);
      } else {
        const index = error.target ? firstBadElement(error.target, error.property, error.value, constraint) : undefined;
        report(index === undefined ? path : [...path, index], message);
      }
    }
    flattenValidationErrors(error.children ?? [], path, report);
  }
}

function freezeAnswer(text: string, links: readonly { title: string; url: string }[]): IntentAnswer {
  return Object.freeze({
    text: text.trim(),
    links: Object.freeze(links.map((link) => Object.freeze({ title: link.title, url: link.url }))),
  });
}

/** A parsed YAML file: its document, its text (for the exact spelling of values) and its line counter. */
export interface ParsedYaml {
  document: Document;
  lineCounter: LineCounter;
  source: string;
}

const BYTE_ORDER_MARK = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Where the first byte that is not UTF-8 sits (1-based line and column, the column counted in the characters read
 * before it), and its value; undefined for a valid UTF-8 file.
 */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number; byte: number } | undefined {
  if (isUtf8(bytes)) {
    return undefined;
  }
  // Node decodes each bad sequence as U+FFFD, so the characters before the first one are the file's own.
  let offset = 0;
  let line = 1;
  let column = 1;
  for (const character of bytes.toString('utf8')) {
    const length = Buffer.byteLength(character);
    if (character === '\uFFFD' && !bytes.subarray(offset, offset + length).equals(Buffer.from(character))) {
      return { line, column, byte: bytes[offset] };
    }
    offset += length;
    [line, column] = character === '\n' ? [line + 1, 1] : [line, column + character.length];
  }
  return undefined;
}

/** The first YAML problem of each line, in French: one mistake often makes the parser report several. */
function yamlSyntaxErrors(file: string, document: Document, source: string): IntentFileError[] {
  const lines = source.split('\n');
  const errors: IntentFileError[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    const [line, column] = problem.linePos ? [problem.linePos[0].line, problem.linePos[0].col] : [1, 1];
    if (errors.some((error) => error.line === line)) {
      continue;
    }
    // A tab in the indentation is the mistake, whatever the parser makes of it (TAB_AS_INDENT, BAD_INDENT…).
    const tab = (/^[ \t]*/.exec(lines[line - 1] ?? '')?.[0] ?? '').indexOf('\t');
    if (problem.code === 'DUPLICATE_KEY') {
      errors.push({ file, line, column, field: '', message: 'clé en double : chaque clé ne doit apparaître qu’une fois' });
    } else if (tab !== -1) {
      errors.push({ file, line, column: tab + 1, field: '', message: 'tabulation : indentez avec des espaces' });
    } else {
      errors.push({ file, line, column, field: '', message: `YAML invalide (${problem.code})` });
    }
  }
  return errors;
}

/**
 * Reads and parses one YAML file (YAML 1.2 with the `yaml` package, keys unique); problems are returned located,
 * never thrown. `parsed` is absent when the file cannot be read as YAML (not UTF-8, syntax error, duplicate key,
 * tab indentation); a byte-order mark is reported but the file is still parsed, so its other errors come at once.
 *
 * @param file the file name inside `directory`, as errors name it.
 * @throws the file-system error when the file cannot be read.
 */
export function parseYamlFile(directory: string, file: string): { parsed?: ParsedYaml; errors: IntentFileError[] } {
  const bytes = readFileSync(join(directory, file));
  const invalid = firstInvalidUtf8(bytes);
  if (invalid) {
    const byte = `0x${invalid.byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const message = `fichier illisible en UTF-8 (octet ${byte}) : enregistrez-le en UTF-8 (un « é » enregistré en Windows-1252 ou Latin-1 donne souvent cette erreur)`;
    return { errors: [{ file, line: invalid.line, column: invalid.column, field: '', message }] };
  }
  const errors: IntentFileError[] = [];
  const hasByteOrderMark = bytes.subarray(0, BYTE_ORDER_MARK.length).equals(BYTE_ORDER_MARK);
  if (hasByteOrderMark) {
    errors.push({ file, line: 1, column: 1, field: '', message: 'fichier enregistré avec un BOM : enregistrez-le en UTF-8 sans BOM' });
  }
  const source = bytes.toString('utf8', hasByteOrderMark ? BYTE_ORDER_MARK.length : 0);
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const syntaxErrors = yamlSyntaxErrors(file, document, source);
  errors.push(...syntaxErrors);
  return syntaxErrors.length > 0 ? { errors } : { parsed: { document, lineCounter, source }, errors };
}

/** Typed words of the lexicon: one lower-case word without accents or apostrophes. */
const LEXICON_KEY = /^[a-z0-9]{1,30}$/;
/** Replacements: lower-case words without accents, separated by single spaces. */
const LEXICON_VALUE = /^[a-z0-9]+( [a-z0-9]+){0,4}$/;

/** Reads `lexicon.yaml` (`spellings:` typed word → standard words); an absent file is an empty lexicon. */
function loadLexicon(directory: string, errors: IntentFileError[]): Map<string, string> {
  const lexicon = new Map<string, string>();
  if (!existsSync(join(directory, LEXICON_FILE))) {
    return lexicon;
  }
  const { parsed, errors: yamlErrors } = parseYamlFile(directory, LEXICON_FILE);
  errors.push(...yamlErrors);
  if (!parsed) {
    return lexicon;
  }
  const { document, lineCounter } = parsed;
  const spellings = document.get('spellings', true);
  const unknownKeys = isMap(document.contents) ? document.contents.items.filter((pair) => (pair.key as { value?: unknown })?.value !== 'spellings') : [];
  for (const pair of unknownKeys) {
    const key = String((pair.key as { value?: unknown })?.value);
    errors.push({ file: LEXICON_FILE, ...locateKey(document, lineCounter, [], key), field: key, message: `clé inconnue « ${key} » : seule « spellings » est permise` });
  }
  if (!isMap(spellings)) {
    errors.push({ file: LEXICON_FILE, ...locate(document, lineCounter, ['spellings']), field: 'spellings', message: 'doit associer chaque mot tapé à sa forme standard (jsuis: je suis)' });
    return lexicon;
  }
  for (const pair of spellings.items) {
    const key = (pair.key as { value?: unknown })?.value;
    const value = (pair.value as { value?: unknown } | null)?.value;
    const where = locateKey(document, lineCounter, ['spellings'], String(key));
    if (typeof key !== 'string' || !LEXICON_KEY.test(key)) {
      errors.push({ file: LEXICON_FILE, ...where, field: `spellings.${String(key)}`, message: 'le mot tapé doit être un seul mot en minuscules, sans accents ni apostrophe' });
    } else if (typeof value !== 'string' || !LEXICON_VALUE.test(value)) {
      errors.push({ file: LEXICON_FILE, ...where, field: `spellings.${key}`, message: 'la forme standard doit être 1 à 5 mots en minuscules, sans accents (mettez-la entre guillemets si besoin)' });
    } else {
      lexicon.set(key, value);
    }
  }
  return lexicon;
}

/** Plain values YAML 1.1 tools read as booleans (`on`, `no`): YAML 1.2, used here, reads most of them as text. */
const YAML11_BOOLEANS = /^(on|off|yes|no|y|n|true|false)$/i;
/** Plain values YAML reads as null. */
const YAML11_NULLS = /^(~|null)$/i;
/** Plain values YAML 1.1 reads as numbers: base 60 (`10:00`) and leading zeros (`0123456789`). */
const YAML11_NUMBERS = [/^\d+(:\d+)+$/, /^0\d+$/];
/** Plain values YAML 1.1 reads as dates (yaml.org/type/timestamp): `2026-12-25`, `2026-12-25 10:00:00`. */
const YAML11_TIMESTAMPS = [/^\d{4}-\d\d-\d\d$/, /^\d{4}-\d\d?-\d\d?([Tt]|[ \t]+)\d\d?:\d\d:\d\d(\.\d*)?([ \t]*(Z|[-+]\d\d?(:\d\d)?))?$/];

/**
 * Why a value written where text is meant would not be read as that text, or undefined when it is fine: a value
 * YAML turned into a number, boolean or null, or a plain (unquoted) value YAML 1.1 tools would.
 */
function yamlValuePitfall(node: Scalar, source: string): string | undefined {
  const written = source.slice(node.range?.[0] ?? 0, node.range?.[1] ?? 0);
  const isDate = YAML11_TIMESTAMPS.some((pattern) => pattern.test(written));
  const plainLookalike =
    node.type === 'PLAIN' && (YAML11_BOOLEANS.test(written) || YAML11_NULLS.test(written) || YAML11_NUMBERS.some((pattern) => pattern.test(written)) || isDate);
  if (typeof node.value === 'string' && !plainLookalike) {
    return undefined;
  }
  if (written === '') {
    return 'valeur vide : écrivez un texte ou supprimez la ligne';
  }
  const kind =
    typeof node.value === 'boolean' || YAML11_BOOLEANS.test(written)
      ? 'un booléen (vrai ou faux)'
      : node.value === null || YAML11_NULLS.test(written)
        ? 'une valeur vide'
        : isDate
          ? 'une date'
          : 'un nombre';
  return `« ${written} » peut être lu par YAML comme ${kind} et non comme un texte : mettez-le entre guillemets ("${written}")`;
}

/**
 * Walks the fields the DTOs declare `@IsString` (elements too for `each`), following nested DTOs, and reports
 * each value that YAML reads, or may read, as something else than text. Undeclared keys are not visited: they
 * are reported as unknown.
 */
function findYamlPitfalls(dto: object, path: PathSegment[], parsed: ParsedYaml, report: (path: PathSegment[], message: string) => void): void {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(dto.constructor, '', true, false);
  for (const metadata of metadatas.filter((candidate) => candidate.name === 'isString')) {
    const fieldPath = [...path, metadata.propertyName];
    const node = parsed.document.getIn(fieldPath, true);
    const located: [PathSegment[], unknown][] = metadata.each
      ? isSeq(node)
        ? node.items.map((item, index) => [[...fieldPath, index], item])
        : []
      : [[fieldPath, node]];
    for (const [valuePath, value] of located) {
      const pitfall = isScalar(value) ? yamlValuePitfall(value, parsed.source) : undefined;
      if (pitfall) {
        report(valuePath, pitfall);
      }
    }
  }
  const nested = new Set(metadatas.filter((candidate) => candidate.type === 'nestedValidation').map((candidate) => candidate.propertyName));
  for (const property of nested) {
    const value: unknown = (dto as Record<string, unknown>)[property];
    const children: [PathSegment[], unknown][] = Array.isArray(value) ? value.map((item, index) => [[...path, property, index], item]) : [[[...path, property], value]];
    for (const [childPath, child] of children) {
      if (typeof child === 'object' && child !== null) {
        findYamlPitfalls(child, childPath, parsed, report);
      }
    }
  }
}

/** `(?<=` or `(?<!` not escaped (an even number of backslashes before the parenthesis). */
const LOOKBEHIND = /(?<!\\)((?:\\\\)*)\(\?<([=!])/g;
/** `)?` or `)??` not escaped: the end of an optional group. */
const OPTIONAL_GROUP_END = /(?<!\\)((?:\\\\)*)\)\?\??/g;

/**
 * A regular expression that may backtrack catastrophically, by `safe-regex2` (star height above 1, or more than
 * 25 repetitions). Two readings make it fit the patterns editors write: a lookbehind is read as a lookahead (its
 * parser does not know lookbehinds, and both backtrack alike), and an optional group `(…)?` does not count as a
 * repetition (it matches once or not at all, so it cannot multiply the ways to match).
 */
function isDangerousPattern(source: string): boolean {
  return !safeRegex(source.replace(LOOKBEHIND, '$1(?$2').replace(OPTIONAL_GROUP_END, '$1)'));
}

/** The examples and tests of a valid intent file, each with its line and column. */
function locateSentences(file: string, dto: IntentRuleDto, parsed: ParsedYaml): IntentFileSentences {
  const at = (path: PathSegment[], text: string): IntentSentence => ({ file, ...locate(parsed.document, parsed.lineCounter, path), field: formatPath(path), text });
  return {
    intentId: dto.id,
    examples: dto.examples.map((text, index) => at(['examples', index], text)),
    tests: (dto.tests ?? []).map((test, index) => ({ ...at(['tests', index], test.text), expected: test.expect })),
  };
}

/**
 * Reads a parsed YAML document as a `dtoClass` instance and checks it as every editor's file is checked: values
 * YAML reads, or YAML 1.1 tools would read, as something else than text where text is meant (`"10:00"`, `"on"`,
 * `"2026-12-25"` must be quoted), then the DTO's class-validator rules, first error of each property, unknown keys
 * refused with the closest allowed key (« vouliez-vous dire »). Aliases expand to at most 50 nodes.
 *
 * @param notAMapMessage the French error when the document is not a map of keys.
 * @returns `dto` (absent when the document is not a map or has too many aliases), the errors found (in the order
 *   found: sort them once the caller's own checks are done), and `report`, which adds a located error for those
 *   checks unless the field already has an error about its YAML value.
 */
export function validateYamlDocument<T extends object>(
  file: string,
  parsed: ParsedYaml,
  dtoClass: ClassConstructor<T>,
  notAMapMessage: string,
): { dto?: T; errors: IntentFileError[]; report: ProblemReporter } {
  const { document, lineCounter } = parsed;
  const errors: IntentFileError[] = [];
  const pitfallFields = new Set<string>();
  const report: ProblemReporter = (path, message, unknownKey) => {
    const position = unknownKey !== undefined ? locateKey(document, lineCounter, path, unknownKey) : locate(document, lineCounter, path);
    const field = unknownKey !== undefined ? formatPath([...path, unknownKey]) : formatPath(path);
    if (!pitfallFields.has(field)) {
      errors.push({ file, ...position, field, message });
    }
  };
  if (!isMap(document.contents)) {
    errors.push({ file, line: 1, column: 1, field: '', message: notAMapMessage });
    return { errors, report };
  }
  let plain: object;
  try {
    plain = document.toJS({ maxAliasCount: 50 }) as object;
  } catch {
    // An alias bomb (a few lines that expand to millions of nodes) is refused, not expanded.
    errors.push({ file, line: 1, column: 1, field: '', message: 'trop d’alias YAML (*nom) : écrivez les valeurs en entier' });
    return { errors, report };
  }
  const dto = plainToInstance(dtoClass, plain);
  findYamlPitfalls(dto, [], parsed, (path, message) => errors.push({ file, ...locate(document, lineCounter, path), field: formatPath(path), message }));
  // A value read as a number or a boolean also fails its `@IsString`: the pitfall alone says why and how to fix it.
  errors.forEach((error) => pitfallFields.add(error.field));
  flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }), [], report);
  return { dto, errors, report };
}

/**
 * The validity period of a DTO with `valid_from` / `valid_until` (see `ValidityDto`), read as local date-times of
 * `timeZone`. Values already refused by the DTO's rules (not text, wrong format) are skipped; a date that does
 * not exist (« 2026-02-30 10:00 », a time skipped when clocks go forward) or a `valid_until` that is not after
 * `valid_from` is reported at its field.
 *
 * @param path where the DTO sits in the document (`[]` for the whole file, `['variants', 0]`).
 * @returns the period in milliseconds since the epoch (null for an absent bound), or undefined when a problem
 *   was reported or a value was invalid.
 */
export function readValidity(dto: ValidityDto, path: PathSegment[], timeZone: string, report: ProblemReporter): Validity | undefined {
  const bounds: { validFrom: number | null; validUntil: number | null } = { validFrom: null, validUntil: null };
  let valid = true;
  for (const [key, bound] of [['valid_from', 'validFrom'], ['valid_until', 'validUntil']] as const) {
    const text: unknown = dto[key];
    if (text === undefined || text === null) {
      continue;
    }
    if (typeof text !== 'string' || !LOCAL_DATE_TIME_PATTERN.test(text)) {
      valid = false;
      continue;
    }
    const parsed = parseLocalDateTime(text, timeZone);
    if ('problem' in parsed) {
      report([...path, key], parsed.problem);
      valid = false;
    } else {
      bounds[bound] = parsed.at;
    }
  }
  if (valid && bounds.validFrom !== null && bounds.validUntil !== null && bounds.validUntil <= bounds.validFrom) {
    report([...path, 'valid_until'], `doit être après valid_from (« ${dto.valid_from} ») : la période finirait avant de commencer`);
    return undefined;
  }
  return valid ? Object.freeze(bounds) : undefined;
}

/**
 * Checks the validity periods of an intent DTO and reads them (each undefined when absent or invalid): the
 * intent's own, then one per answer variant, by index. A safety intent (`outcome: emergency`) may have neither a
 * period nor variants: it is always in force with its checked answer. A variant needs at least one bound, or it
 * would always replace the answer.
 */
function readTimeLimits(dto: IntentRuleDto, timeZone: string, report: ProblemReporter): { validity?: Validity; variantValidities: (Validity | undefined)[] } {
  if (dto.outcome === 'emergency') {
    for (const key of ['valid_from', 'valid_until', 'variants'] as const) {
      if (dto[key] !== undefined) {
        report([key], 'une intention de sécurité (outcome: emergency) est toujours en service avec sa réponse : retirez valid_from, valid_until et variants');
      }
    }
    return { variantValidities: [] };
  }
  const validity = readValidity(dto, [], timeZone, report);
  const variantValidities = (Array.isArray(dto.variants) ? dto.variants : []).map((variant, index) => {
    if (typeof variant !== 'object' || variant === null) {
      return undefined;
    }
    if (variant.valid_from === undefined && variant.valid_until === undefined) {
      report(['variants', index], 'une variante a besoin de valid_from, de valid_until ou des deux : sans période, elle remplacerait toujours la réponse');
      return undefined;
    }
    return readValidity(variant, ['variants', index], timeZone, report);
  });
  const hasBounds = validity !== undefined && (validity.validFrom !== null || validity.validUntil !== null);
  return { validity: hasBounds ? validity : undefined, variantValidities };
}

/** The frozen answer variants of a valid intent DTO, with the periods `readTimeLimits` read; undefined without any. */
function freezeVariants(dto: IntentRuleDto, validities: (Validity | undefined)[]): readonly IntentVariant[] | undefined {
  const variants = (dto.variants ?? []).flatMap((variant, index) => {
    const validity = validities[index];
    if (validity === undefined) {
      return [];
    }
    const answer = freezeAnswer(variant.answer.text, variant.answer.links);
    const answerEn = variant.answer_en ? freezeAnswer(variant.answer_en.text, variant.answer_en.links ?? answer.links) : undefined;
    return [Object.freeze({ answer, answerEn, validity })];
  });
  return variants.length > 0 ? Object.freeze(variants) : undefined;
}

/** Errors in one file, and, when it has none, its intent and its located examples and tests. */
function loadIntentFile(directory: string, file: string, timeZone: string): { intent?: IntentRule; sentences?: IntentFileSentences; errors: IntentFileError[] } {
  const { parsed, errors } = parseYamlFile(directory, file);
  if (!parsed) {
    return { errors };
  }
  const { dto, errors: fileErrors, report } = validateYamlDocument(file, parsed, IntentRuleDto, 'le fichier doit décrire une intention (id, title, keywords, examples, answer)');
  if (!dto) {
    return { errors: [...errors, ...fileErrors] };
  }
  const expectedId = file.replace(/\.ya?ml$/, '');
  if (typeof dto.id === 'string' && dto.id !== expectedId) {
    report(['id'], `doit être identique au nom du fichier (« ${expectedId} »)`);
  }
  const patterns: RegExp[] = [];
  (Array.isArray(dto.patterns) ? dto.patterns : []).forEach((source, index) => {
    if (typeof source !== 'string') {
      return;
    }
    try {
      patterns.push(new RegExp(source, 'u'));
    } catch {
      report(['patterns', index], 'expression régulière invalide : vérifiez les parenthèses, crochets et barres obliques inverses');
      return;
    }
    if (isDangerousPattern(source)) {
      report(['patterns', index], 'motif dangereux : il peut bloquer le service (retour arrière catastrophique) ; évitez les quantificateurs imbriqués comme (a+)+');
    } else if (MATCH_ANYTHING_PROBES.some((probe) => patterns[patterns.length - 1].test(probe))) {
      report(['patterns', index], 'motif trop large : il accepte n’importe quel message ; retirez les alternatives vides comme (escroc|)');
    }
  });
  const answerTexts: [(string | number)[], unknown][] = [
    [['answer', 'text'], dto.answer?.text],
    [['answer_en', 'text'], dto.answer_en?.text],
    ...(Array.isArray(dto.variants) ? dto.variants : []).flatMap((variant, index): [(string | number)[], unknown][] => [
      [['variants', index, 'answer', 'text'], variant?.answer?.text],
      [['variants', index, 'answer_en', 'text'], variant?.answer_en?.text],
    ]),
  ];
  for (const [path, text] of answerTexts) {
    for (const problem of typeof text === 'string' ? phoneNumberProblems(text) : []) {
      report(path, problem.message);
    }
  }
  const requiredNumbers = SAFETY_ANSWER_NUMBERS[dto.id];
  if (requiredNumbers && fileErrors.length === 0) {
    if (dto.outcome !== 'emergency') {
      report(['outcome'], 'doit valoir emergency : cette intention de sécurité n’est jamais mise en file d’attente');
    }
    const missing = requiredNumbers.filter((number) => !new RegExp(`(^|\\D)${number}(\\D|$)`).test(dto.answer.text.replace(/\s/g, '')));
    if (missing.length > 0) {
      report(['answer', 'text'], `doit donner ${missing.join(', ')} : la réponse de sécurité contient toujours ces numéros`);
    }
  }
  const { validity, variantValidities } = readTimeLimits(dto, timeZone, report);
  if (fileErrors.length === 0) {
    (dto.combinations ?? []).forEach((combination, index) => {
      combination.all.forEach((group, groupIndex) => {
        if (group.length === 0 || group.some((phrase) => typeof phrase !== 'string' || phrase.trim().length < 2 || phrase.length > 60)) {
          report(['combinations', index, 'all', groupIndex], 'chaque groupe doit contenir des mots ou expressions de 2 à 60 caractères, entre guillemets si besoin');
        }
      });
    });
  }
  errors.push(...fileErrors.sort((a, b) => a.line - b.line || a.column - b.column));
  if (errors.length > 0) {
    return { errors };
  }
  const answer = freezeAnswer(dto.answer.text, dto.answer.links);
  const intent: IntentRule = Object.freeze({
    id: dto.id,
    title: dto.title,
    outcome: dto.outcome ?? 'answer',
    smallTalk: dto.small_talk ?? false,
    keywords: Object.freeze([...dto.keywords]),
    patterns: Object.freeze(patterns),
    combinations: Object.freeze((dto.combinations ?? []).map((combination) => Object.freeze({ name: combination.name, all: Object.freeze(combination.all.map((group) => Object.freeze([...group]))) }))),
    exclusions: Object.freeze([...(dto.exclusions ?? [])]),
    examples: Object.freeze([...dto.examples]),
    answer,
    answerEn: dto.answer_en ? freezeAnswer(dto.answer_en.text, dto.answer_en.links ?? answer.links) : undefined,
    sourceFile: file,
    validity,
    variants: freezeVariants(dto, variantValidities),
  });
  return { intent, sentences: locateSentences(file, dto, parsed), errors };
}

/**
 * Reads every `*.yaml` file of `directory` (one intent per file, except `lexicon.yaml`, the SMS spellings) as
 * bytes (UTF-8 without byte-order mark), parses it with `yaml` (duplicate keys and tab indentation refused) and
 * validates it with class-validator (unknown keys refused with the closest allowed key; values YAML would read as
 * numbers or booleans where text is meant; regular expressions that do not compile or may backtrack
 * catastrophically). Never throws for the files' content: every problem is in `errors`.
 *
 * @returns the frozen catalog of all intents, sorted by id, when there is no error; every error of every file
 *   (file, 1-based line and column, field, French message), also when the folder holds no intent, two files share
 *   an id, or no intent has `outcome: emergency`; and the located examples and tests of each valid intent file.
 * @throws the file-system error when `directory` cannot be read.
 */
export function inspectIntentFolder(directory: string, now: () => number = Date.now, timeZone: string = DEFAULT_TIME_ZONE): IntentFolderInspection {
  const files = readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && entry.name !== LEXICON_FILE && entry.name !== SETTINGS_FILE)
    .map((entry) => entry.name)
    .sort();
  const errors: IntentFileError[] = [];
  const intents: IntentRule[] = [];
  const sentences: IntentFileSentences[] = [];
  const hash = createHash('sha256');
  const lexicon = loadLexicon(directory, errors);
  if (existsSync(join(directory, LEXICON_FILE))) {
    hash.update(readFileSync(join(directory, LEXICON_FILE)));
  }
  if (existsSync(join(directory, SETTINGS_FILE))) {
    hash.update(SETTINGS_FILE).update('\0').update(readFileSync(join(directory, SETTINGS_FILE))).update('\0');
  }
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(directory, file))).update('\0');
    const result = loadIntentFile(directory, file, timeZone);
    errors.push(...result.errors);
    if (result.intent && result.sentences) {
      const duplicate = intents.find((intent) => intent.id === result.intent?.id);
      if (duplicate) {
        errors.push({ file, line: 1, column: 1, field: 'id', message: `l’id « ${result.intent.id} » est déjà utilisé par ${duplicate.sourceFile}` });
      } else {
        intents.push(result.intent);
        sentences.push(result.sentences);
      }
    }
  }
  if (files.length === 0) {
    errors.push({ file: directory, line: 1, column: 1, field: '', message: 'aucun fichier d’intention (*.yaml) dans ce dossier' });
  } else if (errors.length === 0 && !intents.some((intent) => intent.outcome === 'emergency')) {
    errors.push({ file: directory, line: 1, column: 1, field: 'outcome', message: 'aucune intention d’urgence : une intention doit avoir « outcome: emergency »' });
  }
  if (errors.length > 0) {
    return { errors, sentences };
  }
  const catalog: IntentCatalog = Object.freeze({
    version: hash.digest('hex').slice(0, 12),
    loadedAt: now(),
    intents: Object.freeze(intents.sort((a, b) => a.id.localeCompare(b.id))),
    lexicon,
  });
  return { catalog, errors, sentences };
}

/**
 * Loads the intent folder as `inspectIntentFolder` does.
 *
 * @returns a frozen catalog of all intents, sorted by id.
 * @throws IntentCatalogException with every error of every file (file, line, column, field, French message).
 */
export function loadIntentCatalog(directory: string, now: () => number = Date.now, timeZone: string = DEFAULT_TIME_ZONE): IntentCatalog {
  const { catalog, errors } = inspectIntentFolder(directory, now, timeZone);
  if (!catalog) {
    throw new IntentCatalogException(errors);
  }
  return catalog;
}
