import { useEffect, useRef } from 'react';
import { useConversation } from '../hooks/useConversation';
import { ConnectionNotice } from './ConnectionNotice';
import { ConversationActions } from './ConversationActions';
import { ConversationClosed } from './ConversationClosed';
import { FailureAlert } from './FailureAlert';
import { HandoffStatus } from './HandoffStatus';
import { MessageComposer } from './MessageComposer';
import { MessageList } from './MessageList';
import { PrivacyNotice } from './PrivacyNotice';

/**
 * The whole chat, connected to the server while mounted: title, privacy notice and messages in a scrolling area,
 * then a fixed footer with the connection and queue status, the last failure, the closing notice, the message
 * field and the conversation buttons. Takes no props.
 */
export function Chat() {
  const { state, sendMessage, choose, requestHandoff, leave, startNew } = useConversation();
  const { messages, phase, connection, replacedLostConversation, failure } = state;
  const scrollAreaRef = useRef<HTMLDivElement>(null);
  const isOnline = connection === 'online';

  useEffect(() => {
    const scrollArea = scrollAreaRef.current;
    scrollArea?.scrollTo({ top: scrollArea.scrollHeight });
    // Phase and failure are dependencies too: their notices grow the footer, which shrinks this area.
  }, [messages, phase, failure]);

  return (
    <main className="chat">
      <div className="chat__scroll-area" ref={scrollAreaRef}>
        <div className="chat__content">
          <h1 className="chat__title">Posez votre question à la police</h1>
          <p className="chat__lead">
            Pour une demande non urgente. Un assistant automatique vous répond, et vous pouvez échanger avec un
            policier.
          </p>
          <PrivacyNotice />
          <h2 className="fr-sr-only">Conversation</h2>
          <MessageList messages={messages} onChoose={isOnline && phase.status === 'bot' ? (intent) => void choose(intent) : undefined} />
        </div>
      </div>
      <div className="chat__footer">
        <div className="chat__content">
          <div className="chat__statuses" role="status">
            <ConnectionNotice connection={connection} replacedLostConversation={replacedLostConversation} />
            <HandoffStatus phase={phase} />
          </div>
          {failure !== null && <FailureAlert code={failure} />}
          {phase.status === 'closed' && <ConversationClosed reason={phase.reason} onStartNew={startNew} />}
          <MessageComposer disabled={!isOnline || phase.status === 'closed'} onSend={sendMessage} />
          {phase.status !== 'closed' && (
            <ConversationActions
              canRequestHandoff={phase.status === 'bot'}
              disabled={!isOnline}
              onRequestHandoff={() => void requestHandoff()}
              onLeave={() => void leave()}
            />
          )}
        </div>
      </div>
    </main>
  );
}
