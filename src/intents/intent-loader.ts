import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isMap, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { IntentCatalog, IntentRule } from './intent-catalog';
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
        report(path, message);
      }
    }
    flattenValidationErrors(error.children ?? [], path, report);
  }
}

/** Errors in one file, and its intent when it has none. */
function loadIntentFile(directory: string, file: string): { intent?: IntentRule; errors: IntentFileError[] } {
  const source = readFileSync(join(directory, file), 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const errors: IntentFileError[] = [];
  for (const problem of [...document.errors, ...document.warnings]) {
    const [line, column] = problem.linePos ? [problem.linePos[0].line, problem.linePos[0].col] : [1, 1];
    const message =
      problem.code === 'DUPLICATE_KEY' ? 'clé en double : chaque clé ne doit apparaître qu’une fois' : `YAML invalide (${problem.code})`;
    errors.push({ file, line, column, field: '', message });
  }
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
  const intent: IntentRule = Object.freeze({
    id: dto.id,
    title: dto.title,
    outcome: dto.outcome ?? 'answer',
    keywords: Object.freeze([...dto.keywords]),
    examples: Object.freeze([...dto.examples]),
    answer: Object.freeze({
      text: dto.answer.text.trim(),
      links: Object.freeze(dto.answer.links.map((link) => Object.freeze({ title: link.title, url: link.url }))),
    }),
    sourceFile: file,
  });
  return { intent, errors };
}

/**
 * Reads every `*.yaml` file of `directory` (one intent per file), parses it with `yaml` (duplicate keys refused)
 * and validates it with class-validator (unknown keys refused).
 *
 * @returns a frozen catalog of all intents, sorted by id.
 * @throws IntentCatalogException with every error of every file (file, line, column, field, French message),
 *   also when the folder holds no intent, two files share an id, or no intent has `outcome: emergency`.
 */
export function loadIntentCatalog(directory: string, now: () => number = Date.now): IntentCatalog {
  const files = readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();
  const errors: IntentFileError[] = [];
  const intents: IntentRule[] = [];
  const hash = createHash('sha256');
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
  });
}
