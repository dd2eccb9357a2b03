import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { ChatMessage, CloseReason, QueueItemView, TriageDecision } from '../contracts/socket-events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { TriageService } from '../triage/triage.service';
import { ConversationEvent, type ConversationClosedEvent, type ConversationMessageEvent } from './conversation.events';
import { ConversationException, ConversationExceptionCode } from './conversation.exception';
import { type Conversation, ConversationStore } from './conversation.store';

/** Bot message when the citizen presses « Parler à un policier ». */
export const HANDOFF_REQUESTED_REPLY =
  'Je transmets la conversation à un policier, qui vous répondra ici dès que possible. ' +
  'En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler).';

/** Told to a citizen handed off while no officer has a console open (scenario S-05). */
export const NO_OFFICER_ONLINE_NOTICE =
  'Aucun policier n’est connecté pour le moment : votre demande reste en file d’attente et sera lue dès qu’un ' +
  'policier se connecte. En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler).';

/** Messages one conversation may hold; past it the citizen is asked to start a new one (memory stays bounded). */
export const MAX_MESSAGES_PER_CONVERSATION = 500;
/** Messages of each waiting conversation sent to the consoles with the queue (the officer gets all on take). */
export const QUEUE_PREVIEW_MESSAGES = 20;

type NewMessage = Pick<ChatMessage, 'author' | 'text'> & Partial<Pick<ChatMessage, 'links' | 'outcome' | 'officerName' | 'choices' | 'safetyFlag'>>;

/** The safety intent an emergency decision stands for (suicide risk when it is the only one). */
function safetyFlagOf(decision: TriageDecision): ChatMessage['safetyFlag'] {
  return decision.intents.includes('emergency') || !decision.intents.includes('suicide_prevention') ? 'emergency' : 'suicide_prevention';
}

/**
 * The citizen's side of a conversation: the bot answers while no officer holds the chat, hands it to the queue
 * when the rules cannot resolve it, and falls silent once an officer has taken it (emergencies excepted while
 * waiting: danger is always answered at once). Emits `ConversationEvent`s; logs ids and outcomes, never text.
 */
@Injectable()
export class ConversationService {
  private readonly logger = new Logger(ConversationService.name);

  constructor(
    private readonly store: ConversationStore,
    private readonly queue: HandoffQueue,
    private readonly triage: TriageService,
    private readonly presence: OfficerPresenceService,
    private readonly events: EventEmitter2,
  ) {}

  /** Opens an empty conversation with the bot; returns its id (a random UUID). */
  open(): string {
    const conversation: Conversation = { id: randomUUID(), status: 'bot', messages: [], language: 'fr' };
    this.store.add(conversation);
    return conversation.id;
  }

  /**
   * Records the citizen's message and lets the bot answer when it may.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` when the conversation has ended, `CONVERSATION_TOO_LONG`
   *   past `MAX_MESSAGES_PER_CONVERSATION` messages.
   */
  receiveCitizenMessage(conversationId: string, text: string): void {
    const conversation = this.require(conversationId);
    if (conversation.messages.length >= MAX_MESSAGES_PER_CONVERSATION) {
      throw new ConversationException(ConversationExceptionCode.TooLong);
    }
    // Every message is triaged, whoever holds the chat: a safety flag always reaches the officer.
    const decision = this.triage.decide(text, { allowClarify: conversation.pendingChoices === undefined });
    const safetyFlag = decision.outcome === 'emergency' ? safetyFlagOf(decision) : undefined;
    this.post(conversation, { author: 'citizen', text, ...(safetyFlag ? { safetyFlag } : {}) });
    if (safetyFlag) {
      conversation.safetyFlagged = true;
    }
    switch (conversation.status) {
      case 'bot':
        // One clarification per question: a citizen who writes instead of picking gets an answer or an officer.
        conversation.language = decision.language;
        this.answer(conversation, decision);
        break;
      case 'queued':
        if (decision.outcome === 'emergency') {
          // Danger while waiting: answered at once, and the chat moves up to the priority group.
          this.postDecision(conversation, decision);
          this.queue.enqueue(conversation.id, true);
        }
        this.events.emit(ConversationEvent.QueueChanged);
        break;
      case 'assigned':
      case 'closed':
        break;
    }
  }

  /**
   * The citizen picks one of the quick replies of the last `clarify` message: the bot answers with that intent.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, or `CHOICE_NOT_OFFERED` when no such choice is pending.
   */
  choose(conversationId: string, intentId: string): void {
    const conversation = this.require(conversationId);
    const choice = conversation.pendingChoices?.find((candidate) => candidate.intent === intentId);
    const decision = choice && conversation.status === 'bot' ? this.triage.answerIntent(choice.intent, conversation.language) : null;
    if (!decision) {
      throw new ConversationException(ConversationExceptionCode.ChoiceNotOffered);
    }
    this.post(conversation, { author: 'citizen', text: choice?.title ?? intentId });
    this.answer(conversation, decision);
  }

  /**
   * The citizen asks for an officer: the conversation joins the queue (once, however often it is asked).
   * @throws ConversationException `CONVERSATION_NOT_FOUND` when the conversation has ended.
   */
  requestHandoff(conversationId: string): void {
    const conversation = this.require(conversationId);
    if (conversation.status === 'bot') {
      this.post(conversation, { author: 'bot', text: HANDOFF_REQUESTED_REPLY, outcome: 'handoff' });
      this.enqueue(conversation);
    }
  }

  /** Ends a conversation and forgets it. Ending an unknown or ended conversation does nothing. */
  close(conversationId: string, reason: CloseReason): void {
    const conversation = this.store.get(conversationId);
    if (!conversation) {
      return;
    }
    if (reason === 'officer_closed') {
      this.post(conversation, { author: 'system', text: 'La conversation a été clôturée par le policier.' });
    }
    conversation.status = 'closed';
    const wasQueued = this.queue.remove(conversationId);
    this.store.delete(conversationId);
    const event: ConversationClosedEvent = { conversationId, reason, officerId: conversation.officer?.id };
    this.events.emit(ConversationEvent.Closed, event);
    if (wasQueued) {
      this.events.emit(ConversationEvent.QueueChanged);
    }
    this.logger.log(`Conversation ${conversationId} closed (${reason}, ${conversation.messages.length} messages)`);
  }

  /** Appends a message with the next sequence number and announces it. */
  post(conversation: Conversation, message: NewMessage): ChatMessage {
    const chatMessage: ChatMessage = {
      conversationId: conversation.id,
      seq: conversation.messages.length + 1,
      links: [],
      sentAt: Date.now(),
      ...message,
    };
    conversation.messages.push(chatMessage);
    const event: ConversationMessageEvent = { message: chatMessage, officerId: conversation.officer?.id };
    this.events.emit(ConversationEvent.Message, event);
    return chatMessage;
  }

  /** The waiting conversations, head first, each with its last `QUEUE_PREVIEW_MESSAGES` messages. */
  queueView(): QueueItemView[] {
    return this.queue.list().flatMap((conversationId, index) => {
      const conversation = this.store.get(conversationId);
      return conversation
        ? [
            {
              conversationId,
              position: index + 1,
              priority: this.queue.isPriority(conversationId),
              queuedAt: conversation.queuedAt ?? Date.now(),
              messages: conversation.messages.slice(-QUEUE_PREVIEW_MESSAGES),
            },
          ]
        : [];
    });
  }

  /**
   * The live conversation with this id.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`.
   */
  require(conversationId: string): Conversation {
    const conversation = this.store.get(conversationId);
    if (!conversation) {
      throw new ConversationException(ConversationExceptionCode.NotFound);
    }
    return conversation;
  }

  private answer(conversation: Conversation, decision: TriageDecision): void {
    conversation.pendingChoices = decision.outcome === 'clarify' ? decision.choices : undefined;
    this.postDecision(conversation, decision);
    this.logger.log(`Conversation ${conversation.id}: ${decision.outcome} (${decision.intent ?? 'no intent'}, ${decision.confidence})`);
    if (decision.outcome === 'handoff') {
      this.enqueue(conversation);
    }
  }

  private postDecision(conversation: Conversation, decision: TriageDecision): void {
    this.post(conversation, {
      author: 'bot',
      text: decision.reply,
      links: decision.links,
      outcome: decision.outcome,
      ...(decision.choices ? { choices: decision.choices } : {}),
    });
  }

  private enqueue(conversation: Conversation): void {
    conversation.status = 'queued';
    conversation.queuedAt = Date.now();
    this.queue.enqueue(conversation.id, conversation.safetyFlagged ?? false);
    if (this.presence.onlineCount() === 0) {
      // No false promise: the citizen knows at once that nobody is reading, and what to do in danger.
      this.post(conversation, { author: 'system', text: NO_OFFICER_ONLINE_NOTICE });
    }
    this.events.emit(ConversationEvent.QueueChanged);
  }
}
