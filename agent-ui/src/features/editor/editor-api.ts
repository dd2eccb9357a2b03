import type { EditorCatalogView, ExplainedDecision, IntentSuggestion, SuggestionRequest } from '../../../../src/contracts/socket-events';

/** What the playground answers: the decision the service would take now, and its trace. */
export type PlaygroundResult = ExplainedDecision;

/**
 * Why an editor request gave nothing: 401 (token refused), 403 (role missing), 404 (unknown intent or suggestion),
 * 400 (body refused) or anything else (network, 5xx, unreadable answer).
 */
export type EditorFailure = 'expired' | 'forbidden' | 'not_found' | 'invalid' | 'unavailable';

/** The outcome of one request: `{ ok: true, value }` or `{ ok: false, failure, message }`; never rejects. */
export type EditorResult<T> = { ok: true; value: T } | { ok: false; failure: EditorFailure; message: string | null };

const EDITOR_INTENTS_URL = '/api/v1/editor/intents';
const PLAYGROUND_URL = '/api/v1/editor/playground';
const SUGGESTIONS_URL = '/api/v1/suggestions';

function failureOfStatus(status: number): EditorFailure {
  switch (status) {
    case 400:
      return 'invalid';
    case 401:
      return 'expired';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    default:
      return 'unavailable';
  }
}

/** The `message` of a Nest error body when it is one string (the French 404 texts), else null. */
async function errorMessage(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.json();
    const message = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).message : null;
    return typeof message === 'string' ? message : null;
  } catch {
    return null;
  }
}

async function request<T>(
  url: string,
  token: string,
  init: { method?: 'GET' | 'POST' | 'DELETE'; body?: unknown; signal?: AbortSignal },
  accept: (body: unknown) => body is T,
): Promise<EditorResult<T>> {
  try {
    const response = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: init.signal,
    });
    if (!response.ok) {
      return { ok: false, failure: failureOfStatus(response.status), message: await errorMessage(response) };
    }
    const body: unknown = response.status === 204 ? null : await response.json();
    return accept(body) ? { ok: true, value: body } : { ok: false, failure: 'unavailable', message: null };
  } catch {
    return { ok: false, failure: 'unavailable', message: null };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isCatalogView(value: unknown): value is EditorCatalogView {
  return isRecord(value) && Array.isArray(value.intents) && Array.isArray(value.errors) && typeof value.version === 'string';
}

function isSuggestion(value: unknown): value is IntentSuggestion {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.intent === 'string' &&
    typeof value.utterance === 'string' &&
    typeof value.officerName === 'string' &&
    typeof value.suggestedAt === 'number'
  );
}

function isSuggestionList(value: unknown): value is IntentSuggestion[] {
  return Array.isArray(value) && value.every(isSuggestion);
}

function isPlaygroundResult(value: unknown): value is PlaygroundResult {
  return (
    isRecord(value) &&
    typeof value.outcome === 'string' &&
    typeof value.confidence === 'number' &&
    typeof value.reply === 'string' &&
    Array.isArray(value.links) &&
    isRecord(value.trace) &&
    Array.isArray(value.trace.scores) &&
    Array.isArray(value.trace.tokens)
  );
}

function isNothing(value: unknown): value is null {
  return value === null;
}

/** `GET /api/v1/editor/intents` (editor role): the catalogue in force, validity and current errors. */
export function fetchEditorCatalog(token: string, signal?: AbortSignal): Promise<EditorResult<EditorCatalogView>> {
  return request(EDITOR_INTENTS_URL, token, { signal }, isCatalogView);
}

/** `GET /api/v1/suggestions` (editor role): the officers' suggestions, newest first. */
export function fetchSuggestions(token: string, signal?: AbortSignal): Promise<EditorResult<IntentSuggestion[]>> {
  return request(SUGGESTIONS_URL, token, { signal }, isSuggestionList);
}

/** `DELETE /api/v1/suggestions/:id` (editor role): marks a suggestion handled (204); `not_found` when already gone. */
export function deleteSuggestion(token: string, id: string): Promise<EditorResult<null>> {
  return request(`${SUGGESTIONS_URL}/${encodeURIComponent(id)}`, token, { method: 'DELETE' }, isNothing);
}

/** `POST /api/v1/editor/playground` (editor role) `{ text }` (at most 2 000 chars): decision and trace, nothing kept. */
export function runPlayground(token: string, text: string): Promise<EditorResult<PlaygroundResult>> {
  return request(PLAYGROUND_URL, token, { method: 'POST', body: { text } }, isPlaygroundResult);
}

/** `POST /api/v1/suggestions` (officer role) `{ intent, utterance }`: the kept suggestion, contact details masked. */
export function postSuggestion(token: string, suggestion: SuggestionRequest): Promise<EditorResult<IntentSuggestion>> {
  return request(SUGGESTIONS_URL, token, { method: 'POST', body: suggestion }, isSuggestion);
}
