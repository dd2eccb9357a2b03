import Alert from '@codegouvfr/react-dsfr/Alert';
import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { LinkCardList } from './LinkCardList';
import { MessageFollowUp, type MessageFollowUpProps } from './MessageFollowUp';
import { QuickReplies } from './QuickReplies';

/**
 * Props: one message as the server sent it; `onChoose` is set on the last message while its choices are open;
 * `followUp` when the message offers to leave the queue or to keep waiting.
 */
export interface MessageItemProps {
  message: ChatMessage;
  onChoose?: (intent: string) => void;
  followUp?: MessageFollowUpProps;
}

/**
 * One message of the conversation, laid out by author: the citizen's on the right, the bot's marked
 * « Assistant automatique » (an emergency answer as a red DSFR alert), an officer's under the officer's name, the
 * service's centred; link cards under any message but the citizen's; a clarifying question with its quick replies
 * while they are open; the queue follow-up buttons. Text is always rendered as text.
 */
export function MessageItem({ message, onChoose, followUp }: MessageItemProps) {
  const { author, seq, text, links } = message;
  const isEmergency = author === 'bot' && message.outcome === 'emergency';
  const className = isEmergency ? 'message message--bot message--emergency' : `message message--${author}`;

  return (
    <div className={className} data-testid="message" data-author={author} data-seq={seq}>
      {author === 'citizen' && <p className="fr-sr-only">Vous :</p>}
      {author === 'bot' && <p className="message__author">Assistant automatique</p>}
      {author === 'officer' && <p className="message__author">{message.officerName ?? 'Policier'} (policier)</p>}
      {isEmergency ? (
        <Alert severity="error" title="Urgence" description={<span className="message__text">{text}</span>} />
      ) : (
        <p className="message__text">{text}</p>
      )}
      {author !== 'citizen' && <LinkCardList links={links} />}
      {onChoose && message.choices && <QuickReplies choices={message.choices} onChoose={onChoose} />}
      {followUp && <MessageFollowUp {...followUp} />}
    </div>
  );
}
