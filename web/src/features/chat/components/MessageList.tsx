import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { MessageItem } from './MessageItem';

/** Props: the conversation's messages, already unique by `seq` and sorted by it. */
export interface MessageListProps {
  messages: ChatMessage[];
}

/** The conversation as a polite live log, so screen readers announce each new message. */
export function MessageList({ messages }: MessageListProps) {
  return (
    <div
      className="message-list"
      role="log"
      aria-live="polite"
      aria-label="Messages de la conversation"
      data-testid="message-list"
    >
      {messages.map((message) => (
        <MessageItem key={message.seq} message={message} />
      ))}
    </div>
  );
}
