import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { MessageItem } from './MessageItem';
import type { MessageFollowUpProps } from './MessageFollowUp';

/**
 * Props: the conversation's messages, already unique by `seq` and sorted by it; `onChoose` when the last message's
 * quick replies may still be picked; `followUps`, by message `seq`, the queue buttons shown under those messages.
 */
export interface MessageListProps {
  messages: ChatMessage[];
  onChoose?: (intent: string) => void;
  followUps: ReadonlyMap<number, MessageFollowUpProps>;
}

/** The conversation as a polite live log, so screen readers announce each new message. */
export function MessageList({ messages, onChoose, followUps }: MessageListProps) {
  return (
    <div
      className="message-list"
      role="log"
      aria-live="polite"
      aria-label="Messages de la conversation"
      data-testid="message-list"
    >
      {messages.map((message, index) => (
        <MessageItem
          key={message.seq}
          message={message}
          onChoose={index === messages.length - 1 ? onChoose : undefined}
          followUp={followUps.get(message.seq)}
        />
      ))}
    </div>
  );
}
