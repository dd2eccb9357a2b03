import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useDeferredValue, useId, useState } from 'react';
import type { EditorIntentView } from '../../../../../src/contracts/socket-events';
import { testId } from '../../../lib/test-id';
import { LinkCardList } from '../../conversations/components/LinkCardList';
import { outcomeLabel, validityLabel } from '../editor-labels';

/** Props: the intents of the catalogue in force, in catalogue order. */
export interface IntentListProps {
  intents: EditorIntentView[];
}

/** Lower case without accents, so « Fraude » matches « fraude » and « securite » matches « sécurité ». */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('fr');
}

/** Whether `intent` matches every word of `query` in its id, title, source file or examples. */
function matches(intent: EditorIntentView, words: string[]): boolean {
  const haystack = fold([intent.id, intent.title, intent.sourceFile, ...intent.examples].join('\n'));
  return words.every((word) => haystack.includes(word));
}

function IntentItem({ intent }: { intent: EditorIntentView }) {
  const validity = validityLabel(intent);
  return (
    <li className="fr-mb-3w" data-testid="editor-intent" data-intent-id={intent.id}>
      <h4 className="fr-h6 fr-mb-1v">
        {intent.title}
        {!intent.active && (
          <Badge as="span" small severity="warning" className="fr-ml-1w" {...testId('intent-out-of-period')}>
            Hors période
          </Badge>
        )}
      </h4>
      <p className="fr-text--sm fr-mb-1v">
        <code>{intent.id}</code> · {outcomeLabel(intent.outcome)} · fichier <code>{intent.sourceFile}</code>
      </p>
      {validity !== null && (
        <p className="fr-text--sm fr-mb-1v" data-testid="intent-validity">
          {validity}
        </p>
      )}
      <Accordion label={`Exemples (${intent.examples.length})`} titleAs="h5">
        <ul data-testid="intent-examples">
          {intent.examples.map((example) => (
            <li key={example}>{example}</li>
          ))}
        </ul>
      </Accordion>
      <LinkCardList links={intent.links} />
    </li>
  );
}

/**
 * « Intentions » (`data-testid="editor-intents"`): a search field (every word must appear, accents and case ignored,
 * in the id, title, file or examples) over the intents, each with title, « Hors période » when not in force now,
 * id, outcome, file, validity in Paris time, examples in a collapsible and links as cards.
 */
export function IntentList({ intents }: IntentListProps) {
  const headingId = useId();
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const words = fold(deferredQuery).split(/\s+/u).filter((word) => word !== '');
  const shown = intents.filter((intent) => matches(intent, words));

  return (
    <section className="fr-mb-4w" aria-labelledby={headingId} data-testid="editor-intents">
      <h3 id={headingId} className="fr-h5">
        Intentions en vigueur ({intents.length})
      </h3>
      <Input
        label="Rechercher une intention"
        hintText="Identifiant, titre, fichier ou exemple"
        nativeInputProps={{
          type: 'search',
          value: query,
          onChange: (event) => setQuery(event.target.value),
          ...testId('intent-search'),
        }}
      />
      <p className="fr-text--sm" aria-live="polite" data-testid="intent-count">
        {shown.length === intents.length
          ? `${intents.length} intentions`
          : `${shown.length} intention${shown.length > 1 ? 's' : ''} sur ${intents.length}`}
      </p>
      <ul className="fr-raw-list">
        {shown.map((intent) => (
          <IntentItem key={intent.id} intent={intent} />
        ))}
      </ul>
    </section>
  );
}
