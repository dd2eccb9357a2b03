import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { OfficerLoadView } from '../../../../../src/contracts/socket-events';
import type { AckResult } from '../../../lib/socket';
import { testId } from '../../../lib/test-id';
import { officerLoadLabel, officerStatusLabel } from '../../officers/officer-labels';
import type { TransferTarget } from '../hooks/useConversations';
import { useAckForm } from '../hooks/useAckForm';
import { PanelFormActions } from './PanelFormActions';
import { MAX_TRANSFER_NOTE_CHARS } from '../../../../../src/contracts/socket-events';

/**
 * Props: the `colleagues` who may receive the chat (online, not away, with free capacity, not this officer),
 * `disabled` when the socket is down, `onTransfer(target, note)` resolving with the server's acknowledgement of
 * `handoff:transfer`, and `onCancel()`.
 */
export interface TransferFormProps {
  colleagues: OfficerLoadView[];
  disabled: boolean;
  onTransfer: (target: TransferTarget, note: string) => Promise<AckResult>;
  onCancel: () => void;
}

/** Value of the « Remettre en file d'attente » option; officer ids are UUIDs, so it cannot clash with one. */
const QUEUE_OPTION = 'queue';

/**
 * « Transférer la conversation » (`data-testid="transfer-form"`): « Transférer à » (a colleague with their status
 * and load, or « Remettre en file d'attente », `data-testid="transfer-target"`) and a required « Note pour le
 * prochain officier » of at most 500 characters (`data-testid="transfer-note-input"`), then « Transférer »
 * (`data-testid="transfer-confirm"`). A missing choice or note is shown on its field; a refusal of the server
 * (for example « Ce collègue n'est plus disponible ») in an alert. The focus goes to « Transférer à » on opening.
 */
export function TransferForm({ colleagues, disabled, onTransfer, onCancel }: TransferFormProps) {
  const [targetValue, setTargetValue] = useState('');
  const [note, setNote] = useState('');
  const { submitted, pending, error, submit } = useAckForm(disabled);
  const formRef = useRef<HTMLFormElement>(null);
  const trimmedNote = note.trim();

  useEffect(() => {
    // Opened by « Transférer »: bring the form into view with the keyboard focus on its first field.
    formRef.current?.querySelector('select')?.focus();
  }, []);
  const colleague = colleagues.find((officer) => officer.id === targetValue);
  const target: TransferTarget | null =
    targetValue === QUEUE_OPTION
      ? { kind: 'queue' }
      : colleague === undefined
        ? null
        : { kind: 'officer', officerId: colleague.id, officerName: colleague.displayName };
  const targetMissing = submitted && target === null;
  const noteMissing = submitted && trimmedNote === '';

  const handleSubmit = (event: FormEvent<HTMLFormElement>) =>
    submit(event, target === null || trimmedNote === '' ? null : () => onTransfer(target, trimmedNote));

  return (
    <form
      ref={formRef}
      className="chat-panel__form fr-mt-2w"
      onSubmit={(event) => void handleSubmit(event)}
      aria-label="Transférer la conversation"
      noValidate
      data-testid="transfer-form"
    >
      <p className="fr-h6 fr-mb-1w">Transférer la conversation</p>
      <Select
        label="Transférer à"
        hint={
          colleagues.length === 0
            ? "Aucun collègue connecté n'a de place : vous pouvez remettre la conversation en file d'attente"
            : 'Un collègue connecté avec de la place, ou la file d’attente (en tête de file)'
        }
        state={targetMissing ? 'error' : 'default'}
        stateRelatedMessage="Choisissez à qui transférer la conversation"
        nativeSelectProps={{
          value: targetValue,
          required: true,
          onChange: (event) => setTargetValue(event.target.value),
          ...testId('transfer-target'),
        }}
      >
        <option value="" disabled>
          Choisir…
        </option>
        <option value={QUEUE_OPTION}>Remettre en file d'attente</option>
        {colleagues.map((officer) => (
          <option key={officer.id} value={officer.id}>
            {officer.displayName} ({officerStatusLabel(officer.status)}, {officerLoadLabel(officer)})
          </option>
        ))}
      </Select>
      <Input
        textArea
        label="Note pour le prochain officier"
        hintText={`Obligatoire, visible des officiers seulement (${note.length} / ${MAX_TRANSFER_NOTE_CHARS})`}
        state={noteMissing ? 'error' : 'default'}
        stateRelatedMessage="Écrivez une note pour le prochain officier"
        nativeTextAreaProps={{
          value: note,
          rows: 2,
          required: true,
          maxLength: MAX_TRANSFER_NOTE_CHARS,
          onChange: (event) => setNote(event.target.value),
          ...testId('transfer-note-input'),
        }}
      />
      <PanelFormActions
        error={error}
        label="Transférer"
        pendingLabel="Transfert…"
        iconId="fr-icon-arrow-right-line"
        submitTestId="transfer-confirm"
        disabled={disabled}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  );
}
