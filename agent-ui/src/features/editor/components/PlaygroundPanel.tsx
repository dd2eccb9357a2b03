import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useId, useState } from 'react';
import { MAX_MESSAGE_LENGTH_CHARS } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { LinkCardList } from '../../conversations/components/LinkCardList';
import { confidenceLabel } from '../../triage/triage-labels';
import { type PlaygroundResult, runPlayground } from '../editor-api';
import { failureMessage, outcomeLabel, policyStepLabel } from '../editor-labels';

/** Props: the bearer token of an editor account. */
export interface PlaygroundPanelProps {
  accessToken: string;
}

/** How many intent scores the compact trace lists, best first. */
const TOP_SCORES = 3;

function Trace({ trace }: { trace: PlaygroundResult['trace'] }) {
  const topScores = [...trace.scores].sort((left, right) => right.confidence - left.confidence).slice(0, TOP_SCORES);
  const rulesHit = trace.scores.flatMap((score) => score.rulesHit.map((rule) => `${score.intent} : ${rule}`));
  return (
    <dl className="fr-text--sm" data-testid="playground-trace">
      <dt className="fr-text--bold">Mots normalisés</dt>
      <dd data-testid="playground-words">
        {trace.tokens.length === 0
          ? '—'
          : trace.tokens.map((token) => (token.negated ? `${token.word} (nié)` : token.word)).join(' · ')}
      </dd>
      <dt className="fr-text--bold">Règles déclenchées</dt>
      <dd data-testid="playground-rules">{rulesHit.length === 0 ? 'aucune' : rulesHit.join(' ; ')}</dd>
      <dt className="fr-text--bold">Meilleurs scores</dt>
      <dd>
        <ol className="fr-mb-0" data-testid="playground-scores">
          {topScores.map((score) => (
            <li key={score.intent}>
              {score.intent} : {confidenceLabel(score.confidence)} (similarité {confidenceLabel(score.similarity)})
            </li>
          ))}
        </ol>
      </dd>
      <dt className="fr-text--bold">Étape de décision</dt>
      <dd data-testid="playground-step">{policyStepLabel(trace.step)}</dd>
    </dl>
  );
}

function Decision({ result }: { result: PlaygroundResult }) {
  return (
    <div className="fr-mt-2w" data-testid="playground-result" aria-live="polite">
      <dl>
        <dt className="fr-text--bold">Décision</dt>
        <dd data-testid="playground-outcome">{outcomeLabel(result.outcome)}</dd>
        <dt className="fr-text--bold">Intention</dt>
        <dd data-testid="playground-intent">{result.intent ?? 'aucune'}</dd>
        <dt className="fr-text--bold">Confiance</dt>
        <dd data-testid="playground-confidence">{confidenceLabel(result.confidence)}</dd>
        <dt className="fr-text--bold">Réponse du robot</dt>
        <dd data-testid="playground-reply" style={{ whiteSpace: 'pre-wrap' }}>
          {result.reply}
        </dd>
      </dl>
      <LinkCardList links={result.links} />
      <Trace trace={result.trace} />
    </div>
  );
}

/**
 * « Bac à sable » (`data-testid="playground"`): the editor types a sentence (at most 2 000 chars) and « Tester » sends
 * it to `POST /api/v1/editor/playground`; shows the outcome, intent, confidence (%), reply (as text), link cards and a
 * compact trace (normalised words, rules hit, three best scores, policy step), or the error in an alert.
 */
export function PlaygroundPanel({ accessToken }: PlaygroundPanelProps) {
  const headingId = useId();
  const [text, setText] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<PlaygroundResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (text.trim() === '') {
      setError('Saisissez une phrase à tester.');
      return;
    }
    setPending(true);
    const outcome = await runPlayground(accessToken, text);
    setPending(false);
    if (outcome.ok) {
      setResult(outcome.value);
      setError(null);
    } else {
      setResult(null);
      setError(failureMessage(outcome.failure, outcome.message));
    }
  };

  return (
    <section className="fr-mb-4w" aria-labelledby={headingId} data-testid="playground">
      <h3 id={headingId} className="fr-h5">
        Bac à sable
      </h3>
      <form onSubmit={(event) => void submit(event)}>
        <Input
          label="Phrase à tester"
          hintText="Rien n’est enregistré : la phrase est seulement analysée."
          textArea
          nativeTextAreaProps={{
            value: text,
            maxLength: MAX_MESSAGE_LENGTH_CHARS,
            rows: 3,
            onChange: (event) => setText(event.target.value),
            ...testId('playground-input'),
          }}
        />
        <Button type="submit" disabled={pending} nativeButtonProps={testId('playground-submit')}>
          Tester
        </Button>
      </form>
      {error !== null && <Alert className="fr-mt-2w" severity="error" small role="alert" description={error} />}
      {result !== null && <Decision result={result} />}
    </section>
  );
}
