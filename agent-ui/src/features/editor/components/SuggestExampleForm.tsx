import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { MAX_SUGGESTION_CHARS } from '../../../../../src/contracts/socket-events';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useId, useState } from 'react';
import { testId } from '../../../lib/test-id';
import { postSuggestion } from '../editor-api';
import { failureMessage } from '../editor-labels';


/** One intent the officer may pick: its id and French title (from the canned answers the console has). */
export interface SuggestableIntent {
  id: string;
  title: string;
}

/** Props: the officer's bearer token and the intents to offer, in display order. */
export interface SuggestExampleFormProps {
  accessToken: string;
  intents: readonly SuggestableIntent[];
}

type SendState = { kind: 'idle' } | { kind: 'sending' } | { kind: 'sent' } | { kind: 'failed'; message: string };

/**
 * « Le bot aurait dû répondre » (`data-testid="suggest-example-form"`), after a closed chat: the officer picks an
 * intent and writes an example sentence of their own (at most 300 characters, no personal data; the server masks
 * phone numbers and e-mail addresses anyway) and « Envoyer la suggestion » sends `POST /api/v1/suggestions`. Shows
 * « Suggestion envoyée » (and empties the sentence) or the error in an alert. The chat's own text is never copied in.
 */
export function SuggestExampleForm({ accessToken, intents }: SuggestExampleFormProps) {
  const headingId = useId();
  const [intent, setIntent] = useState('');
  const [utterance, setUtterance] = useState('');
  const [state, setState] = useState<SendState>({ kind: 'idle' });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (intent === '' || utterance.trim() === '') {
      setState({ kind: 'failed', message: 'Choisissez une intention et écrivez une phrase d’exemple.' });
      return;
    }
    setState({ kind: 'sending' });
    const result = await postSuggestion(accessToken, { intent, utterance });
    if (result.ok) {
      setUtterance('');
      setState({ kind: 'sent' });
    } else {
      setState({ kind: 'failed', message: failureMessage(result.failure, result.message) });
    }
  };

  return (
    <section aria-labelledby={headingId} data-testid="suggest-example-form">
      <h3 id={headingId} className="fr-h6">
        Le bot aurait dû répondre
      </h3>
      <form onSubmit={(event) => void submit(event)}>
        <Select
          label="Intention attendue"
          nativeSelectProps={{
            value: intent,
            onChange: (event) => setIntent(event.target.value),
            ...testId('suggest-intent'),
          }}
        >
          <option value="" disabled>
            Choisir une intention
          </option>
          {intents.map((option) => (
            <option key={option.id} value={option.id}>
              {option.title} ({option.id})
            </option>
          ))}
        </Select>
        <Input
          label="Phrase d'exemple (écrite par vous, sans données personnelles)"
          hintText={`${utterance.length} / ${MAX_SUGGESTION_CHARS} caractères`}
          textArea
          nativeTextAreaProps={{
            value: utterance,
            maxLength: MAX_SUGGESTION_CHARS,
            rows: 2,
            onChange: (event) => setUtterance(event.target.value),
            ...testId('suggest-utterance'),
          }}
        />
        <Button type="submit" disabled={state.kind === 'sending'} nativeButtonProps={testId('suggest-submit')}>
          Envoyer la suggestion
        </Button>
      </form>
      <div aria-live="polite" className="fr-mt-2w">
        {state.kind === 'sent' && (
          <Alert severity="success" small description="Suggestion envoyée" {...testId('suggest-sent')} />
        )}
        {state.kind === 'failed' && (
          <Alert severity="error" small role="alert" description={state.message} {...testId('suggest-error')} />
        )}
      </div>
    </section>
  );
}
