import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ChatMessage } from '../../../../../src/contracts/socket-events';
import { latestOfferSeq, type ConversationPhase } from '../hooks/conversationReducer';
import { useConversation } from '../hooks/useConversation';
import { useTypingNotifier } from '../hooks/useTypingNotifier';
import { AnnouncementList } from './AnnouncementList';
import { ConnectionNotice } from './ConnectionNotice';
import { ConversationActions } from './ConversationActions';
import { ConversationClosed } from './ConversationClosed';
import { EndOfChat } from './EndOfChat';
import { FailureAlert } from './FailureAlert';
import { HandoffStatus } from './HandoffStatus';
import { MessageComposer } from './MessageComposer';
import type { MessageFollowUpProps } from './MessageFollowUp';
import { MessageList } from './MessageList';
import { OrientationMenu } from './OrientationMenu';
import { PrivacyNotice } from './PrivacyNotice';
import { TypingIndicator } from './TypingIndicator';

/** The citizen's possible answers to the queue follow-ups, and whether they can be sent now. */
interface FollowUpActions {
  disabled: boolean;
  leaveQueue: (offerSeq?: number) => void;
  keepWaiting: (offerSeq: number) => void;
}

/**
 * The buttons under messages, by `seq`: while queued, « Cette réponse vous suffit ? » under the latest bot
 * message when it was given while queued (`whileQueued`); once the maximum wait took the citizen out of the queue,
 * « Continuer d'attendre » / « Quitter la file d'attente » under the latest offer (`offerKeepWaiting`) not yet
 * answered (answered here, or followed by a message of the service).
 */
function followUpsFor(
  messages: ChatMessage[],
  phase: ConversationPhase,
  answeredOfferSeq: number | null,
  actions: FollowUpActions,
): Map<number, MessageFollowUpProps> {
  const followUps = new Map<number, MessageFollowUpProps>();
  const { disabled, leaveQueue, keepWaiting } = actions;
  if (phase.status === 'queued') {
    const latestBot = messages.findLast((message) => message.author === 'bot');
    if (latestBot?.whileQueued) {
      followUps.set(latestBot.seq, { kind: 'queue-check', disabled, onLeaveQueue: () => leaveQueue() });
    }
  }
  const offerSeq = latestOfferSeq(messages);
  // The service answers either choice with a message of its own: after a reload, that is how an answered offer shows.
  const answered =
    offerSeq !== null &&
    (offerSeq <= (answeredOfferSeq ?? 0) || messages.some((message) => message.seq > offerSeq && message.author === 'system'));
  if (phase.status === 'bot' && offerSeq !== null && !answered) {
    followUps.set(offerSeq, {
      kind: 'keep-waiting',
      disabled,
      onKeepWaiting: () => keepWaiting(offerSeq),
      onLeaveQueue: () => leaveQueue(offerSeq),
    });
  }
  return followUps;
}

/**
 * The whole chat, connected to the server while mounted: title, announcements, the orientation menu (folded once
 * the citizen has written), privacy notice, messages (with their queue follow-ups) and, once closed, the rating
 * and the transcript, in a scrolling area; then a fixed footer with the connection and queue status, the officer
 * typing, the last failure, the closing notice, the message field and the conversation buttons. Takes no props.
 */
export function Chat() {
  const {
    state,
    sendMessage,
    choose,
    requestHandoff,
    leaveQueue,
    keepWaiting,
    sendTyping,
    leave,
    startNew,
  } = useConversation();
  const { messages, announcements, orientation, phase, connection, replacedLostConversation, failure } = state;
  const scrollAreaRef = useRef<HTMLDivElement>(null);
  const isOnline = connection === 'online';
  // The officer sees the citizen type only while one holds the chat (issue #4, item 5).
  const { typed, stopped } = useTypingNotifier(isOnline && phase.status === 'assigned', sendTyping);

  useEffect(() => {
    const scrollArea = scrollAreaRef.current;
    scrollArea?.scrollTo({ top: scrollArea.scrollHeight });
    // Phase and failure are dependencies too: their notices grow the footer, which shrinks this area.
  }, [messages, phase, failure]);

  const followUps = useMemo(
    () =>
      followUpsFor(messages, phase, state.answeredOfferSeq, {
        disabled: !isOnline,
        leaveQueue: (offerSeq) => void leaveQueue(offerSeq),
        keepWaiting: (offerSeq) => void keepWaiting(offerSeq),
      }),
    [messages, phase, state.answeredOfferSeq, isOnline, leaveQueue, keepWaiting],
  );

  const send = useCallback(
    (text: string) => {
      stopped();
      return sendMessage(text);
    },
    [stopped, sendMessage],
  );

  return (
    <main className="chat">
      <div className="chat__scroll-area" ref={scrollAreaRef}>
        <div className="chat__content">
          <h1 className="chat__title">Posez votre question à la police</h1>
          <p className="chat__lead">
            Pour une demande non urgente. Un assistant automatique vous répond, et vous pouvez échanger avec un
            policier.
          </p>
          <AnnouncementList announcements={announcements} />
          <OrientationMenu sections={orientation} collapsible={messages.some((message) => message.author === 'citizen')} />
          <PrivacyNotice />
          <h2 className="fr-sr-only">Conversation</h2>
          <MessageList
            messages={messages}
            onChoose={isOnline && phase.status === 'bot' ? (intent) => void choose(intent) : undefined}
            followUps={followUps}
          />
          {phase.status === 'closed' && <EndOfChat messages={messages} ratingToken={phase.ratingToken} />}
        </div>
      </div>
      <div className="chat__footer">
        <div className="chat__content">
          <div className="chat__statuses" role="status">
            <ConnectionNotice connection={connection} replacedLostConversation={replacedLostConversation} />
            <HandoffStatus phase={phase} queueExit={state.queueExit} />
            <TypingIndicator typing={state.officerTyping} />
          </div>
          {failure !== null && <FailureAlert code={failure} />}
          {phase.status === 'closed' && <ConversationClosed reason={phase.reason} onStartNew={startNew} />}
          <MessageComposer
            disabled={!isOnline || phase.status === 'closed'}
            onSend={send}
            onTyping={typed}
          />
          {phase.status !== 'closed' && (
            <ConversationActions
              stage={phase.status}
              disabled={!isOnline}
              onRequestHandoff={() => void requestHandoff()}
              onLeaveQueue={() => void leaveQueue()}
              onLeave={() => void leave()}
            />
          )}
        </div>
      </div>
    </main>
  );
}
