import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CLOSE_OUTCOMES, type CloseOutcome } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { testId } from '../../../lib/test-id';
import { closeOutcomeLabel } from '../close-outcome-label';
import { useAckForm } from '../hooks/useAckForm';
import { PanelFormActions } from './PanelFormActions';

/**
 * Props: `disabled` when the socket is down, `onConfirm(outcome)` resolving with the server's acknowledgement of
 * `conversation:close`, and `onCancel()`.
 */
export interface CloseFormProps {
  disabled: boolean;
  onConfirm: (outcome: CloseOutcome) => Promise<AckResult>;
  onCancel: () => void;
}

/**
 * « Clôturer la conversation » (`data-testid="close-form"`): the required « Issue de la conversation », one of the
 * five `CLOSE_OUTCOMES` in French (`data-testid="close-outcome-<outcome>"`), then « Confirmer la clôture »
 * (`data-testid="close-confirm"`). Confirming without a choice says so on the field; a refusal of the server is
 * shown in an alert. The focus goes to the first outcome on opening.
 */
export function CloseForm({ disabled, onConfirm, onCancel }: CloseFormProps) {
  const [outcome, setOutcome] = useState<CloseOutcome | null>(null);
  const { submitted, pending, error, submit } = useAckForm(disabled);
  const name = useId();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    // Opened by « Clôturer »: bring the form into view with the keyboard focus on the first outcome.
    formRef.current?.querySelector('input')?.focus();
  }, []);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => submit(event, outcome === null ? null : () => onConfirm(outcome));

  return (
    <form
      ref={formRef}
      className="chat-panel__form fr-mt-2w"
      onSubmit={(event) => void handleSubmit(event)}
      aria-label="Clôturer la conversation"
      noValidate
      data-testid="close-form"
    >
      <RadioButtons
        legend="Issue de la conversation"
        hintText="Obligatoire : comment la conversation s’est terminée"
        name={name}
        small
        state={submitted && outcome === null ? 'error' : 'default'}
        stateRelatedMessage="Choisissez l’issue de la conversation"
        options={CLOSE_OUTCOMES.map((value) => ({
          label: closeOutcomeLabel(value),
          nativeInputProps: {
            value,
            checked: outcome === value,
            onChange: () => setOutcome(value),
            ...testId(`close-outcome-${value}`),
          },
        }))}
      />
      <PanelFormActions
        error={error}
        label="Confirmer la clôture"
        pendingLabel="Clôture…"
        iconId="fr-icon-chat-check-line"
        submitTestId="close-confirm"
        disabled={disabled}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
