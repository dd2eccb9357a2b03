import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useId, useState } from 'react';
import type { CannedAnswer } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { validityLabel } from '../../editor/editor-labels';
import { searchCannedAnswers } from '../search-canned-answers';

/** Props: the canned answers, `disabled` when no reply can be written, and `onPick(answer)`. */
export interface CannedAnswerPickerProps {
  answers: CannedAnswer[];
  disabled: boolean;
  onPick: (answer: CannedAnswer) => void;
}

/** How many matches the picker lists at once. */
const MAX_RESULTS = 6;

/**
 * « Réponses types »: a search field over the intents' titles (case and accents ignored) and the matches as
 * buttons (`data-testid="canned-answer"`); choosing one (or Enter in the field, for the first match) hands its
 * links to the reply being written and clears the search. The number of matches is announced to screen readers.
 * A time-boxed intent's match says since when it is in force (« En vigueur depuis le 1 décembre 2026 à 00:00
 * jusqu'au … », French, Paris time; `data-testid="canned-answer-validity"`), tied to its button as a description.
 */
export function CannedAnswerPicker({ answers, disabled, onPick }: CannedAnswerPickerProps) {
  const [query, setQuery] = useState('');
  const resultsId = useId();
  const matches = searchCannedAnswers(answers, query, MAX_RESULTS);
  const searching = query.trim() !== '';
  const plural = matches.length > 1 ? 's' : '';

  const pick = (answer: CannedAnswer) => {
    onPick(answer);
    setQuery('');
  };

  return (
    <div className="canned-answers fr-mb-1w">
      <Input
        label="Réponses types"
        hintText="Recherchez par intitulé (par exemple « plainte ») pour joindre les liens officiels à votre réponse"
        disabled={disabled || answers.length === 0}
        nativeInputProps={{
          type: 'search',
          value: query,
          autoComplete: 'off',
          'aria-controls': resultsId,
          onChange: (event) => setQuery(event.target.value),
          onKeyDown: (event) => {
            // The field sits in the reply form: Enter picks the first match instead of sending the reply.
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              if (matches.length > 0) {
                pick(matches[0]);
              }
            }
          },
          ...testId('canned-search'),
        }}
      />
      <p className="fr-sr-only" aria-live="polite">
        {searching ? `${matches.length} réponse${plural} type trouvée${plural}` : ''}
      </p>
      <ul id={resultsId} className="canned-answers__results fr-raw-list" aria-label="Réponses types trouvées">
        {matches.map((answer) => {
          const validity = validityLabel({ activeSince: answer.activeSince ?? null, activeUntil: answer.activeUntil ?? null });
          const validityId = `${resultsId}-${answer.intent}-validity`;
          return (
            <li key={answer.intent}>
              <Button
                priority="tertiary"
                size="small"
                iconId="fr-icon-link"
                disabled={disabled}
                onClick={() => pick(answer)}
                nativeButtonProps={{
                  title: `Joindre les liens : ${answer.title}`,
                  'aria-describedby': validity === null ? undefined : validityId,
                  ...testId('canned-answer'),
                }}
              >
                {answer.title} ({answer.links.length} lien{answer.links.length > 1 ? 's' : ''})
              </Button>
              {validity !== null && (
                <p id={validityId} className="fr-text--xs fr-text-mention--grey fr-mb-0" data-testid="canned-answer-validity">
                  {validity}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {searching && matches.length === 0 && <p className="fr-text--sm fr-mb-0">Aucune réponse type ne correspond.</p>}
    </div>
  );
}
