import Button from '@codegouvfr/react-dsfr/Button';
import type { IntentChoice } from '../../../../../src/contracts/socket-events';

/** Props: the choices of a `clarify` bot message, and what to do when the citizen picks one. */
export interface QuickRepliesProps {
  choices: IntentChoice[];
  onChoose: (intent: string) => void;
}

/** The quick-reply buttons of the bot's last clarifying question, one per intent title. */
export function QuickReplies({ choices, onChoose }: QuickRepliesProps) {
  return (
    <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm quick-replies" data-testid="quick-replies">
      {choices.map((choice) => (
        <li key={choice.intent}>
          <Button priority="secondary" size="small" onClick={() => onChoose(choice.intent)} data-testid="quick-reply">
            {choice.title}
          </Button>
        </li>
      ))}
    </ul>
  );
}
