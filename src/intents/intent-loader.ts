import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, isString, maxLength, minLength, validateSync, type ValidationError } from 'class-validator';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { IntentAnswer, IntentCatalog, IntentRule } from './intent-catalog';
import { IntentRuleDto } from './intent-rule.dto';

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

type PathSegment = string | number;

/** The file of SMS and phonetic spellings; every other `*.yaml` file is an intent. */
export const LEXICON_FILE = 'lexicon.yaml';

function formatPath(path: PathSegment[]): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('');
}

/** Finds the YAML node at `path`, or the deepest existing parent (a missing field is reported on its parent). */
function locate(document: Document, lineCounter: LineCounter, path: PathSegment[]): { line: number; column: number } {
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

/** The key node of an unknown property, so the error points at the key the editor typed. */
function locateKey(document: Document, lineCounter: LineCounter, parentPath: PathSegment[], key: string) {
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

function flattenValidationErrors(
  errors: ValidationError[],
  parentPath: PathSegment[],
  report: (path: PathSegment[], message: string, unknownKey?: string) => void,
): void {
  for (const error of errors) {
    const segment: PathSegment = /^\d+$/.test(error.property) ? Number(error.property) : error.property;
    const path = [...parentPath, segment];
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      if (constraint === 'whitelistValidation') {
        report(parentPath, `clé inconnue « ${error.property} » : supprimez-la ou corrigez son nom`, error.property);
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

/** Parses one YAML file; syntax errors and duplicate keys are returned located, never thrown. */
function parseYamlFile(directory: string, file: string): { document: Document; lineCounter: LineCounter; errors: IntentFileError[] } {
  const source = readFileSync(join(directory, file), 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const errors = [...document.errors, ...document.warnings].map((problem): IntentFileError => {
    const [line, column] = problem.linePos ? [problem.linePos[0].line, problem.linePos[0].col] : [1, 1];
    const message =
      problem.code === 'DUPLICATE_KEY' ? 'clé en double : chaque clé ne doit apparaître qu’une fois' : `YAML invalide (${problem.code})`;
    return { file, line, column, field: '', message };
  });
  return { document, lineCounter, errors };
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
  const { document, lineCounter, errors: yamlErrors } = parseYamlFile(directory, LEXICON_FILE);
  errors.push(...yamlErrors);
  if (yamlErrors.length > 0) {
    return lexicon;
  }
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

/** Errors in one file, and its intent when it has none. */
function loadIntentFile(directory: string, file: string): { intent?: IntentRule; errors: IntentFileError[] } {
  const { document, lineCounter, errors } = parseYamlFile(directory, file);
  if (errors.length > 0) {
    return { errors };
  }
  if (!isMap(document.contents)) {
    errors.push({ file, line: 1, column: 1, field: '', message: 'le fichier doit décrire une intention (id, title, keywords, examples, answer)' });
    return { errors };
  }
  const dto = plainToInstance(IntentRuleDto, document.toJS() as object);
  const report = (path: PathSegment[], message: string, unknownKey?: string) => {
    const position = unknownKey !== undefined ? locateKey(document, lineCounter, path, unknownKey) : locate(document, lineCounter, path);
    const field = unknownKey !== undefined ? formatPath([...path, unknownKey]) : formatPath(path);
    errors.push({ file, ...position, field, message });
  };
  flattenValidationErrors(validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }), [], report);
  const expectedId = file.replace(/\.ya?ml$/, '');
  if (typeof dto.id === 'string' && dto.id !== expectedId) {
    report(['id'], `doit être identique au nom du fichier (« ${expectedId} »)`);
  }
  if (errors.length > 0) {
    return { errors };
  }
  const patterns: RegExp[] = [];
  (dto.patterns ?? []).forEach((source, index) => {
    try {
      patterns.push(new RegExp(source, 'u'));
    } catch {
      report(['patterns', index], 'expression régulière invalide : vérifiez les parenthèses, crochets et barres obliques inverses');
    }
  });
  (dto.combinations ?? []).forEach((combination, index) => {
    combination.all.forEach((group, groupIndex) => {
      if (group.length === 0 || group.some((phrase) => typeof phrase !== 'string' || phrase.trim().length < 2 || phrase.length > 60)) {
        report(['combinations', index, 'all', groupIndex], 'chaque groupe doit contenir des mots ou expressions de 2 à 60 caractères, entre guillemets si besoin');
      }
    });
  });
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
  });
  return { intent, errors };
}

/**
 * Reads every `*.yaml` file of `directory` (one intent per file, except `lexicon.yaml`, the SMS spellings), parses it with `yaml` (duplicate keys refused)
 * and validates it with class-validator (unknown keys refused).
 *
 * @returns a frozen catalog of all intents, sorted by id.
 * @throws IntentCatalogException with every error of every file (file, line, column, field, French message),
 *   also when the folder holds no intent, two files share an id, or no intent has `outcome: emergency`.
 */
export function loadIntentCatalog(directory: string, now: () => number = Date.now): IntentCatalog {
  const files = readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name) && name !== LEXICON_FILE)
    .sort();
  const errors: IntentFileError[] = [];
  const intents: IntentRule[] = [];
  const hash = createHash('sha256');
  const lexicon = loadLexicon(directory, errors);
  if (existsSync(join(directory, LEXICON_FILE))) {
    hash.update(readFileSync(join(directory, LEXICON_FILE)));
  }
  for (const file of files) {
    hash.update(file).update('\0').update(readFileSync(join(directory, file))).update('\0');
    const result = loadIntentFile(directory, file);
    errors.push(...result.errors);
    if (result.intent) {
      const duplicate = intents.find((intent) => intent.id === result.intent?.id);
      if (duplicate) {
        errors.push({ file, line: 1, column: 1, field: 'id', message: `l’id « ${result.intent.id} » est déjà utilisé par ${duplicate.sourceFile}` });
      } else {
        intents.push(result.intent);
      }
    }
  }
  if (files.length === 0) {
    errors.push({ file: directory, line: 1, column: 1, field: '', message: 'aucun fichier d’intention (*.yaml) dans ce dossier' });
  } else if (errors.length === 0 && !intents.some((intent) => intent.outcome === 'emergency')) {
    errors.push({ file: directory, line: 1, column: 1, field: 'outcome', message: 'aucune intention d’urgence : une intention doit avoir « outcome: emergency »' });
  }
  if (errors.length > 0) {
    throw new IntentCatalogException(errors);
  }
  return Object.freeze({
    version: hash.digest('hex').slice(0, 12),
    loadedAt: now(),
    intents: Object.freeze(intents.sort((a, b) => a.id.localeCompare(b.id))),
    lexicon,
  });
}
