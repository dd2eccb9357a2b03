import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { ReactNode } from 'react';
import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { safetyFlagLabel } from '../../triage/triage-labels';
import { LinkCardList } from './LinkCardList';

/** Props: one message of a held conversation. */
export interface MessageItemProps {
  message: ChatMessage;
}

const timeFormat = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });

function renderAuthor(message: ChatMessage): ReactNode {
  switch (message.author) {
    case 'citizen':
      return <strong>Citoyen</strong>;
    case 'officer':
      return <strong>{message.officerName ?? 'Officier'}</strong>;
    case 'bot':
      return (
        <Badge as="span" small noIcon severity="info" data-testid="automatic-reply">
          Réponse automatique
        </Badge>
      );
    case 'system':
      return <span>Information</span>;
  }
}

/**
 * One message as a list item (`data-testid="message"`, `data-author`, `data-seq`): who wrote it (citizen, officer
 * name, « Réponse automatique » for the bot, information for system messages), the time, the text as plain text,
 * an « Urgence » badge on emergency bot answers, a « Danger signalé » / « Risque suicidaire » badge and a red frame
 * on citizen messages the safety layer flagged, and the http(s) links of bot and officer messages as link cards.
 */
export function MessageItem({ message }: MessageItemProps) {
  const sentAt = new Date(message.sentAt);
  return (
    <li
      className={`chat-message chat-message--${message.author}${message.safetyFlag ? ' chat-message--flagged' : ''}`}
      data-testid="message"
      data-author={message.author}
      data-seq={message.seq}
    >
      <p className="chat-message__meta fr-text--xs fr-mb-1v">
        {renderAuthor(message)}
        {message.outcome === 'emergency' && (
          <Badge as="span" small severity="error" className="fr-ml-1w">
            Urgence
          </Badge>
        )}
        {message.safetyFlag && (
          <Badge as="span" small severity="error" className="fr-ml-1w" data-testid="safety-flag">
            {safetyFlagLabel(message.safetyFlag)}
          </Badge>
        )}
        <time className="fr-ml-1w" dateTime={sentAt.toISOString()}>
          {timeFormat.format(sentAt)}
        </time>
      </p>
      <p className="chat-message__text fr-mb-0">{message.text}</p>
      {(message.author === 'bot' || message.author === 'officer') && <LinkCardList links={message.links} />}
    </li>
  );
}
