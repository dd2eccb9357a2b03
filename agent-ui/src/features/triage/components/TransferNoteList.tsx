import type { TransferNote } from '../../../../../src/contracts/socket-events';

/** Props: notes of earlier transfers, oldest first. */
export interface TransferNoteListProps {
  notes: TransferNote[];
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

/**
 * « Notes de transfert »: who wrote each note, when, and the note as plain text (`data-testid="transfer-note"`).
 * Renders nothing when there is none. Notes are for officers only; the citizen never sees them.
 */
export function TransferNoteList({ notes }: TransferNoteListProps) {
  if (notes.length === 0) {
    return null;
  }
  return (
    <div className="transfer-notes fr-mb-1w">
      <p className="fr-text--sm fr-text--bold fr-mb-1v">Notes de transfert</p>
      <ul className="fr-raw-list">
        {notes.map((note, index) => {
          const at = new Date(note.at);
          return (
            <li key={`${note.at}-${index}`} className="transfer-note fr-text--sm fr-mb-1v" data-testid="transfer-note">
              <strong>{note.fromOfficerName}</strong>{' '}
              <time dateTime={at.toISOString()}>{timeFormat.format(at)}</time> :{' '}
              <span className="transfer-note__text">{note.text}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
