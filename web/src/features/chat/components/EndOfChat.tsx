import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { ChatRating } from './ChatRating';
import { TranscriptDownload } from './TranscriptDownload';

/**
 * Props: the closed conversation's messages, and the rating token of `conversation:closed` (null when the page
 * has none, e.g. the connection was lost: then there is nothing to rate).
 */
export interface EndOfChatProps {
  messages: ChatMessage[];
  ratingToken: string | null;
}

/**
 * Below the last message of a closed conversation: the rating, and the transcript to keep on the device. Renders
 * nothing when there is neither.
 */
export function EndOfChat({ messages, ratingToken }: EndOfChatProps) {
  if (ratingToken === null && messages.length === 0) {
    return null;
  }
  return (
    <section className="end-of-chat" aria-labelledby="end-of-chat-title" data-testid="end-of-chat">
      <h2 id="end-of-chat-title" className="end-of-chat__title">
        Fin de la conversation
      </h2>
      {ratingToken !== null && <ChatRating key={ratingToken} ratingToken={ratingToken} />}
      {messages.length > 0 && (
        <div className="end-of-chat__transcript">
          <TranscriptDownload messages={messages} />
          <p className="end-of-chat__hint">
            Le fichier reste sur votre appareil : le service n'en garde aucune copie.
          </p>
        </div>
      )}
    </section>
  );
}
