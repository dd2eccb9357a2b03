import { useCallback, useEffect, useState } from 'react';
import type { EditorCatalogView, IntentSuggestion } from '../../../../../src/contracts/socket-events';
import { deleteSuggestion, fetchEditorCatalog, fetchSuggestions } from '../editor-api';
import { failureMessage } from '../editor-labels';

/** The editor page's data: null before the first answer; `error` is the French text of the last failure. */
export interface EditorDataState {
  catalog: EditorCatalogView | null;
  suggestions: IntentSuggestion[] | null;
  loading: boolean;
  error: string | null;
}

/**
 * Loads `GET /api/v1/editor/intents` and `GET /api/v1/suggestions` with the bearer `token` on mount and on
 * `refresh()` (the pending load is aborted on unmount or by a newer one). `resolveSuggestion(id)` sends
 * `DELETE /api/v1/suggestions/:id` and drops the suggestion from the list (also when the server no longer has it);
 * it resolves with the French error text, or null on success, and never rejects.
 */
export function useEditorData(token: string) {
  const [state, setState] = useState<EditorDataState>({ catalog: null, suggestions: null, loading: true, error: null });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const load = async () => {
      setState((current) => ({ ...current, loading: true }));
      const [catalog, suggestions] = await Promise.all([
        fetchEditorCatalog(token, controller.signal),
        fetchSuggestions(token, controller.signal),
      ]);
      if (controller.signal.aborted) {
        return;
      }
      const failed = !catalog.ok ? catalog : !suggestions.ok ? suggestions : null;
      setState((current) => ({
        catalog: catalog.ok ? catalog.value : current.catalog,
        suggestions: suggestions.ok ? suggestions.value : current.suggestions,
        loading: false,
        error: failed === null ? null : failureMessage(failed.failure, failed.message),
      }));
    };
    void load();
    return () => controller.abort();
  }, [token, generation]);

  const refresh = useCallback(() => setGeneration((current) => current + 1), []);

  const resolveSuggestion = useCallback(
    async (id: string): Promise<string | null> => {
      const result = await deleteSuggestion(token, id);
      if (result.ok || result.failure === 'not_found') {
        setState((current) => ({
          ...current,
          suggestions: current.suggestions?.filter((suggestion) => suggestion.id !== id) ?? null,
        }));
        return null;
      }
      return failureMessage(result.failure, result.message);
    },
    [token],
  );

  return { ...state, refresh, resolveSuggestion };
}
