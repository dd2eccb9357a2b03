import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button, type ButtonProps } from '@codegouvfr/react-dsfr/Button';
import { testId } from '../../../lib/test-id';

/**
 * Props: the server's refusal to show (`error`, French, or null), the submit button's `label`, `pendingLabel`
 * while the acknowledgement is awaited, `iconId` and `submitTestId`; `disabled` (socket down), `pending`, and
 * `onCancel` for « Annuler ».
 */
export interface PanelFormActionsProps {
  error: string | null;
  label: string;
  pendingLabel: string;
  iconId: ButtonProps.IconOnly['iconId'];
  submitTestId: string;
  disabled: boolean;
  pending: boolean;
  onCancel: () => void;
}

/** The foot of a chat panel's form (close, transfer): the refusal in an alert, then submit and « Annuler ». */
export function PanelFormActions({ error, label, pendingLabel, iconId, submitTestId, disabled, pending, onCancel }: PanelFormActionsProps) {
  return (
    <>
      {error !== null && <Alert className="fr-mb-2w" severity="error" small role="alert" description={error} />}
      <div className="chat-panel__form-actions">
        <Button type="submit" iconId={iconId} disabled={disabled || pending} nativeButtonProps={testId(submitTestId)}>
          {pending ? pendingLabel : label}
        </Button>
        <Button type="button" priority="secondary" onClick={onCancel}>
          Annuler
        </Button>
      </div>
    </>
  );
}
