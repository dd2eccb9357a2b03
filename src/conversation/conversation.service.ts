import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import type {
  AssignedConversationView,
  ChatMessage,
  CloseOutcome,
  CloseReason,
  QueueExitReason,
  QueueItemView,
  ServiceLink,
  TriageDecision,
  TriageSummary,
} from '../contracts/socket-events';
import { HandoffQueue } from '../handoff/handoff-queue';
import { ScheduleService } from '../schedule/schedule.service';
import { OfficerPresenceService } from '../handoff/officer-presence.service';
import { TriageService } from '../triage/triage.service';
import {
  type CitizenPresenceEvent,
  type ConversationClosedEvent,
  ConversationEvent,
  type ConversationMessageEvent,
  type ConversationOpenedEvent,
  type HandoffEnqueuedEvent,
  type QueueLeftEvent,
  type TriageDecidedEvent,
  type TypingEvent,
} from './conversation.events';
import { ConversationException, ConversationExceptionCode } from './conversation.exception';
import { type Conversation, ConversationStore } from './conversation.store';

/** Bot message when the citizen is handed to the queue and an officer is available. */
export const HANDOFF_REQUESTED_REPLY =
  'Je transmets la conversation à un policier, qui vous répondra ici dès que possible. ' +
  'En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler).';

/**
 * Told to a citizen handed off while no officer is available (scenario S-05): no promise of a reply, the
 * emergency numbers, and the self-service links that fit. The request stays in the queue for the next officer.
 */
export const NO_OFFICER_AVAILABLE_NOTICE =
  'Aucun policier n’est disponible pour le moment. Votre demande reste dans la file d’attente et sera lue si un ' +
  'policier se libère. En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler). ' +
  'Vous pouvez aussi faire vos démarches en ligne :';

/** Sent when the maximum wait is reached (scenario S-07), with the links and the choice to keep waiting. */
export const MAX_WAIT_NOTICE =
  'Aucun policier n’a pu vous répondre pour le moment. En cas de danger immédiat, appelez le 17 ou le 112 ' +
  '(SMS au 114 si vous ne pouvez pas parler). Vous pouvez faire vos démarches en ligne, ou continuer d’attendre :';

/** Prefix of a confident answer given while the citizen waits for an officer. */
export const WHILE_QUEUED_PREFIX = 'En attendant qu’un policier vous réponde : ';

/** Messages one conversation may hold; past it the citizen is asked to start a new one (memory stays bounded). */
export const MAX_MESSAGES_PER_CONVERSATION = 500;
/** Messages of each waiting conversation sent to the consoles with the queue (the officer gets all on take). */
export const QUEUE_PREVIEW_MESSAGES = 20;
/** Self-service links offered when no officer can answer: at most this many. */
const MAX_FALLBACK_LINKS = 4;
/** Intents whose links help any citizen who cannot reach an officer (online complaint, nearest station). */
const GENERAL_HELP_INTENTS = ['complaint', 'station_locator'];

type NewMessage = Pick<ChatMessage, 'author' | 'text'> &
  Partial<Pick<ChatMessage, 'links' | 'outcome' | 'officerName' | 'choices' | 'safetyFlag' | 'whileQueued' | 'offerKeepWaiting'>>;

/** The safety intent an emergency decision stands for (suicide risk when it is the only one). */
function safetyFlagOf(decision: TriageDecision): ChatMessage['safetyFlag'] {
  return decision.intents.includes('emergency') || !decision.intents.includes('suicide_prevention') ? 'emergency' : 'suicide_prevention';
}

/**
 * The citizen's side of a conversation: the bot answers while no officer holds the chat, hands it to the queue
 * when the rules cannot resolve it, and falls silent once an officer has taken it (emergencies excepted while
 * waiting: danger is always answered at once). A conversation outlives its sockets for
 * `CITIZEN_RECONNECT_GRACE_SECONDS` (reload, phone in the background, second tab). Emits `ConversationEvent`s; logs
 * ids and outcomes, never text.
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
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly schedule: ScheduleService,
  ) {}

  /** Opens an empty conversation with the bot, with no citizen socket attached yet. */
  open(): Conversation {
    const conversation: Conversation = {
      id: randomUUID(),
      resumeToken: randomBytes(32).toString('base64url'),
      status: 'bot',
      messages: [],
      language: 'fr',
      summary: { intents: [], bestConfidence: null, flags: [] },
      notes: [],
      citizenSockets: 0,
    };
    this.store.add(conversation);
    const event: ConversationOpenedEvent = { conversationId: conversation.id };
    this.events.emit(ConversationEvent.Opened, event);
    return conversation;
  }

  /** The conversation of a resume token, when it is still in memory (live, or closed and not yet seen closed). */
  resume(resumeToken: string): Conversation | undefined {
    return this.store.getByToken(resumeToken);
  }

  /** A citizen socket joined the conversation: the grace period, if running, stops. */
  attachCitizen(conversation: Conversation): void {
    this.clock.clearTimeout(conversation.graceTimer);
    conversation.graceTimer = undefined;
    conversation.citizenSockets += 1;
    if (conversation.citizenSockets === 1) {
      this.announcePresence(conversation, true);
    }
  }

  /**
   * A citizen socket left. When it was the last one, the conversation waits `CITIZEN_RECONNECT_GRACE_SECONDS` for
   * the citizen (keeping its place in the queue or its officer), then ends (`citizen_gone`); a conversation already
   * closed is forgotten at once.
   */
  detachCitizen(conversationId: string): void {
    const conversation = this.store.get(conversationId);
    if (!conversation) {
      return;
    }
    conversation.citizenSockets = Math.max(0, conversation.citizenSockets - 1);
    if (conversation.citizenSockets > 0) {
      return;
    }
    if (conversation.status === 'closed') {
      // Already kept only until its grace timer, for a citizen who comes back to see the close.
      return;
    }
    if (this.config.citizenReconnectGraceMs === 0) {
      this.close(conversationId, 'citizen_gone');
      return;
    }
    this.announcePresence(conversation, false);
    conversation.graceTimer = this.clock.setTimeout(() => this.close(conversationId, 'citizen_gone'), this.config.citizenReconnectGraceMs);
  }

  /**
   * Records the citizen's message and lets the bot answer when it may.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` when the conversation has ended, `CONVERSATION_TOO_LONG`
   *   past `MAX_MESSAGES_PER_CONVERSATION` messages.
   */
  receiveCitizenMessage(conversationId: string, text: string): void {
    const conversation = this.requireRoom(conversationId);
    // Every message is triaged, whoever holds the chat: a safety flag always reaches the officer.
    const decision = this.triage.decide(text, { allowClarify: conversation.pendingChoices === undefined });
    const safetyFlag = decision.outcome === 'emergency' ? safetyFlagOf(decision) : undefined;
    this.post(conversation, { author: 'citizen', text, ...(safetyFlag ? { safetyFlag } : {}) });
    this.summarise(conversation, decision, safetyFlag);
    conversation.language = decision.language;
    switch (conversation.status) {
      case 'bot':
        // One clarification per question: a citizen who writes instead of picking gets an answer or an officer.
        this.answer(conversation, decision);
        break;
      case 'queued':
        this.answerWhileQueued(conversation, decision);
        break;
      case 'assigned':
      case 'closed':
        break;
    }
  }

  /**
   * The citizen picks one of the quick replies of the last `clarify` message: the bot answers with that intent. Once
   * the chat waits for or is held by an officer, the pick reaches the officer as the citizen's text and the bot
   * stays silent (S-02: the handoff gate does not depend on the kind of message).
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, or `CHOICE_NOT_OFFERED` when no such choice is pending.
   */
  choose(conversationId: string, intentId: string): void {
    const conversation = this.requireLive(conversationId);
    const choice = conversation.pendingChoices?.find((candidate) => candidate.intent === intentId);
    if (!choice) {
      throw new ConversationException(ConversationExceptionCode.ChoiceNotOffered);
    }
    if (conversation.status !== 'bot') {
      conversation.pendingChoices = undefined;
      this.post(conversation, { author: 'citizen', text: choice.title });
      return;
    }
    const decision = this.triage.answerIntent(choice.intent, conversation.language);
    if (!decision) {
      throw new ConversationException(ConversationExceptionCode.ChoiceNotOffered);
    }
    this.post(conversation, { author: 'citizen', text: choice.title });
    this.summarise(conversation, decision, undefined);
    this.answer(conversation, decision);
  }

  /**
   * The citizen asks for an officer: the conversation joins the queue (once, however often it is asked).
   * @throws ConversationException `CONVERSATION_NOT_FOUND` when the conversation has ended.
   */
  requestHandoff(conversationId: string): void {
    const conversation = this.requireRoom(conversationId);
    if (conversation.status === 'bot') {
      this.handOff(conversation, HANDOFF_REQUESTED_REPLY);
    }
  }

  /**
   * The citizen leaves the queue (or declines to keep waiting after the maximum wait); the bot answers again.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, or `NOT_WAITING` when the conversation is not waiting.
   */
  cancelQueue(conversationId: string): void {
    const conversation = this.requireRoom(conversationId);
    if (conversation.status !== 'queued' && !conversation.waitExpired) {
      throw new ConversationException(ConversationExceptionCode.NotWaiting);
    }
    this.leaveQueue(conversation, 'citizen_cancelled');
    this.post(conversation, { author: 'system', text: 'Vous avez quitté la file d’attente. Vous pouvez continuer à écrire à l’assistant.' });
  }

  /**
   * After the maximum wait, the citizen keeps waiting: back in the queue at the place of their first arrival.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, or `NOT_WAITING` when no such choice is pending.
   */
  keepWaiting(conversationId: string): void {
    const conversation = this.requireRoom(conversationId);
    if (!conversation.waitExpired) {
      throw new ConversationException(ConversationExceptionCode.NotWaiting);
    }
    const now = this.clock.now();
    if (!this.schedule.isOpen(now)) {
      conversation.waitExpired = undefined;
      this.post(conversation, { author: 'bot', text: this.outOfHoursReply(conversation, now), links: this.fallbackLinks(conversation), outcome: 'handoff' });
      return;
    }
    this.post(conversation, { author: 'system', text: 'Vous restez dans la file d’attente.' });
    this.enqueue(conversation);
  }

  /** The citizen is typing or stopped: forwarded to the officer holding the chat, when the state changes. */
  citizenTyping(conversationId: string, typing: boolean): void {
    const conversation = this.store.get(conversationId);
    if (conversation?.status !== 'assigned' || conversation.citizenTyping === typing) {
      return;
    }
    conversation.citizenTyping = typing;
    const event: TypingEvent = { conversationId, author: 'citizen', typing, officerId: conversation.officer?.id };
    this.events.emit(ConversationEvent.Typing, event);
  }

  /**
   * Ends a conversation. Ending an unknown or ended conversation does nothing. A conversation an officer closed
   * stays in memory, closed, for `CITIZEN_RECONNECT_GRACE_SECONDS`, until the citizen comes back and sees it, since
   * a socket may look connected after its network silently dropped; otherwise it is forgotten at once.
   * @param outcome how the officer ended it (officer closes only).
   */
  close(conversationId: string, reason: CloseReason, outcome?: CloseOutcome): void {
    const conversation = this.store.get(conversationId);
    if (!conversation) {
      return;
    }
    if (conversation.status === 'closed') {
      this.forget(conversation);
      return;
    }
    if (reason === 'officer_closed') {
      this.post(conversation, { author: 'system', text: 'La conversation a été clôturée par le policier.' });
    }
    const officerId = conversation.officer?.id;
    conversation.status = 'closed';
    conversation.officer = undefined;
    const wasQueued = this.queue.remove(conversationId);
    this.clock.clearTimeout(conversation.maxWaitTimer);
    const event: ConversationClosedEvent = {
      conversationId,
      reason,
      officerId,
      ...(outcome ? { outcome } : {}),
      handedOff: conversation.handedOff === true,
      intent: conversation.summary.intents[0] ?? null,
      handlingMs: conversation.assignedAt === undefined ? null : this.clock.now() - conversation.assignedAt,
    };
    this.events.emit(ConversationEvent.Closed, event);
    if (wasQueued) {
      this.events.emit(ConversationEvent.QueueChanged);
    }
    this.logger.log(`Conversation ${conversationId} closed (${reason}${outcome ? `, ${outcome}` : ''}, ${conversation.messages.length} messages)`);
    if (reason !== 'officer_closed' || this.config.citizenReconnectGraceMs === 0) {
      this.forget(conversation);
      return;
    }
    // Kept, closed, for the grace period: a phone whose connection silently dropped comes back to the officer's last
    // messages and the close instead of a new conversation (S-12). A citizen who does come back frees it at once.
    this.clock.clearTimeout(conversation.graceTimer);
    conversation.graceTimer = this.clock.setTimeout(() => this.forget(conversation), this.config.citizenReconnectGraceMs);
  }

  /** Forgets a closed conversation the citizen has now seen closed. */
  forgetClosed(conversationId: string): void {
    const conversation = this.store.get(conversationId);
    if (conversation?.status === 'closed') {
      this.forget(conversation);
    }
  }

  /** Appends a message with the next sequence number and announces it. */
  post(conversation: Conversation, message: NewMessage): ChatMessage {
    const chatMessage: ChatMessage = {
      conversationId: conversation.id,
      seq: conversation.messages.length + 1,
      links: [],
      sentAt: this.clock.now(),
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
              queuedAt: conversation.enteredQueueAt ?? this.clock.now(),
              messages: conversation.messages.slice(-QUEUE_PREVIEW_MESSAGES),
              summary: this.summaryOf(conversation),
              citizenConnected: conversation.citizenSockets > 0,
              notes: [...conversation.notes],
            },
          ]
        : [];
    });
  }

  /** A held conversation as the officer's console shows it, with its whole history. */
  assignedView(conversation: Conversation): AssignedConversationView {
    return {
      conversationId: conversation.id,
      status: conversation.status,
      messages: [...conversation.messages],
      summary: this.summaryOf(conversation),
      citizenConnected: conversation.citizenSockets > 0,
      notes: [...conversation.notes],
    };
  }

  /**
   * Puts a conversation in the queue: at its place (`queuedAt`: its arrival, kept when the citizen keeps waiting),
   * or at the very head (`first`: its officer dropped or sent it back). Starts the maximum-wait timer.
   */
  enqueue(conversation: Conversation, first = false): void {
    const now = this.clock.now();
    conversation.status = 'queued';
    conversation.waitExpired = undefined;
    conversation.officer = undefined;
    conversation.handedOff = true;
    conversation.enteredQueueAt = now;
    conversation.queuedAt ??= now;
    if (first) {
      this.queue.enqueueFirst(conversation.id, now);
    } else {
      this.queue.enqueue(conversation.id, conversation.safetyFlagged ?? false, conversation.queuedAt);
    }
    this.clock.clearTimeout(conversation.maxWaitTimer);
    conversation.maxWaitTimer = this.clock.setTimeout(() => this.expireWait(conversation.id), this.config.maxQueueWaitMs);
    const event: HandoffEnqueuedEvent = { conversationId: conversation.id, priority: this.queue.isPriority(conversation.id) };
    this.events.emit(ConversationEvent.Enqueued, event);
    this.events.emit(ConversationEvent.QueueChanged);
  }

  /** Stops the maximum-wait timer of a conversation that leaves the queue for an officer. */
  stopWaiting(conversation: Conversation): void {
    this.clock.clearTimeout(conversation.maxWaitTimer);
    conversation.maxWaitTimer = undefined;
  }

  /**
   * The live (not closed) conversation with this id.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`.
   */
  requireLive(conversationId: string): Conversation {
    const conversation = this.store.get(conversationId);
    if (!conversation || conversation.status === 'closed') {
      throw new ConversationException(ConversationExceptionCode.NotFound);
    }
    return conversation;
  }

  /**
   * The live conversation, when it may still take messages.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, or `CONVERSATION_TOO_LONG` past
   *   `MAX_MESSAGES_PER_CONVERSATION` messages (memory stays bounded whatever the citizen sends).
   */
  private requireRoom(conversationId: string): Conversation {
    const conversation = this.requireLive(conversationId);
    if (conversation.messages.length >= MAX_MESSAGES_PER_CONVERSATION) {
      throw new ConversationException(ConversationExceptionCode.TooLong);
    }
    return conversation;
  }

  /** Whether at least one officer is online, available and below capacity (S-05: no false promise). */
  officerAvailable(): boolean {
    return this.presence.online().some((officer) => officer.status === 'available' && this.store.heldBy(officer.id).length < officer.capacity);
  }

  /**
   * Self-service links for a citizen no officer can answer now: those of the intents triage recognised, then the
   * general ones (online complaint, nearest station); at most `MAX_FALLBACK_LINKS`, no duplicate.
   */
  fallbackLinks(conversation: Conversation): ServiceLink[] {
    const links = [...conversation.summary.intents, ...GENERAL_HELP_INTENTS].flatMap(
      (intent) => this.triage.answerIntent(intent, conversation.language)?.links ?? [],
    );
    return links.filter((link, index) => links.findIndex((other) => other.url === link.url) === index).slice(0, MAX_FALLBACK_LINKS);
  }

  private answer(conversation: Conversation, decision: TriageDecision): void {
    conversation.pendingChoices = decision.outcome === 'clarify' ? decision.choices : undefined;
    const decided: TriageDecidedEvent = { conversationId: conversation.id, outcome: decision.outcome, intent: decision.intent };
    this.events.emit(ConversationEvent.Decided, decided);
    this.logger.log(`Conversation ${conversation.id}: ${decision.outcome} (${decision.intent ?? 'no intent'}, ${decision.confidence})`);
    if (decision.outcome === 'handoff') {
      this.handOff(conversation, decision.reply, decision.links);
      return;
    }
    this.postDecision(conversation, decision);
  }

  /**
   * A message of a waiting citizen: danger is answered at once and moves the chat to the priority group; a
   * confident self-service answer is offered « en attendant », with the choice to leave the queue.
   */
  private answerWhileQueued(conversation: Conversation, decision: TriageDecision): void {
    if (decision.outcome === 'emergency') {
      this.postDecision(conversation, decision);
      this.queue.enqueue(conversation.id, true, conversation.queuedAt ?? this.clock.now());
    } else if (decision.outcome === 'answer' && decision.confidence >= this.config.confidenceThreshold) {
      this.post(conversation, { author: 'bot', text: `${WHILE_QUEUED_PREFIX}${decision.reply}`, links: decision.links, outcome: 'answer', whileQueued: true });
    }
    this.events.emit(ConversationEvent.QueueChanged);
  }

  /**
   * Puts the conversation in the queue with the right words: the reply, or the no-officer notice and links (S-05).
   * Out of business hours (`intents/settings.yaml`, S-27) nothing is queued: the citizen learns when officers are
   * back, the emergency numbers and the self-service links.
   */
  private handOff(conversation: Conversation, reply: string, links: ServiceLink[] = []): void {
    const now = this.clock.now();
    if (!this.schedule.isOpen(now)) {
      this.post(conversation, { author: 'bot', text: this.outOfHoursReply(conversation, now), links: this.fallbackLinks(conversation), outcome: 'handoff' });
      this.logger.log(`Conversation ${conversation.id}: handoff out of business hours, not queued`);
      return;
    }
    if (this.officerAvailable()) {
      this.post(conversation, { author: 'bot', text: reply, links, outcome: 'handoff' });
    } else {
      this.post(conversation, { author: 'bot', text: NO_OFFICER_AVAILABLE_NOTICE, links: this.fallbackLinks(conversation), outcome: 'handoff' });
    }
    this.enqueue(conversation);
  }

  private outOfHoursReply(conversation: Conversation, now: number): string {
    const english = conversation.language === 'en';
    return english
      ? `Police officers answer in this chat ${this.schedule.hoursSummary('en')}. ${this.schedule.describeClosure(now, 'en')} ` +
          'In an emergency, call 17 or 112 (text 114 if you cannot speak). Meanwhile, you can use these online services:'
      : `Les policiers répondent dans ce tchat ${this.schedule.hoursSummary('fr')}. ${this.schedule.describeClosure(now, 'fr')} ` +
          'En cas de danger immédiat, appelez le 17 ou le 112 (SMS au 114 si vous ne pouvez pas parler). ' +
          'En attendant, vous pouvez faire vos démarches en ligne :';
  }

  /** The maximum wait is reached: out of the queue, with the links and the choice to keep waiting (S-07). */
  private expireWait(conversationId: string): void {
    const conversation = this.store.get(conversationId);
    if (conversation?.status !== 'queued') {
      return;
    }
    this.leaveQueue(conversation, 'max_wait');
    conversation.waitExpired = true;
    this.post(conversation, { author: 'system', text: MAX_WAIT_NOTICE, links: this.fallbackLinks(conversation), offerKeepWaiting: true });
    this.logger.log(`Conversation ${conversationId} reached the maximum wait`);
  }

  private leaveQueue(conversation: Conversation, reason: QueueExitReason): void {
    conversation.status = 'bot';
    conversation.waitExpired = undefined;
    if (reason === 'citizen_cancelled') {
      // A citizen who asks again later waits behind those who came meanwhile.
      conversation.queuedAt = undefined;
    }
    this.stopWaiting(conversation);
    this.queue.remove(conversation.id);
    const event: QueueLeftEvent = { conversationId: conversation.id, reason };
    this.events.emit(ConversationEvent.QueueLeft, event);
    this.events.emit(ConversationEvent.QueueChanged);
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

  private summarise(conversation: Conversation, decision: TriageDecision, safetyFlag: ChatMessage['safetyFlag']): void {
    const { summary } = conversation;
    for (const intent of decision.intents) {
      if (!summary.intents.includes(intent)) {
        summary.intents.push(intent);
      }
    }
    if (decision.intents.length > 0) {
      summary.bestConfidence = Math.max(summary.bestConfidence ?? 0, decision.confidence);
    }
    if (safetyFlag) {
      conversation.safetyFlagged = true;
      if (!summary.flags.includes(safetyFlag)) {
        summary.flags.push(safetyFlag);
      }
    }
  }

  private summaryOf(conversation: Conversation): TriageSummary {
    const { intents, bestConfidence, flags } = conversation.summary;
    return { intents: [...intents], bestConfidence, flags: [...flags], language: conversation.language };
  }

  private announcePresence(conversation: Conversation, connected: boolean): void {
    const event: CitizenPresenceEvent = { conversationId: conversation.id, connected, officerId: conversation.officer?.id };
    this.events.emit(ConversationEvent.CitizenPresence, event);
    if (conversation.status === 'queued') {
      this.events.emit(ConversationEvent.QueueChanged);
    }
  }

  private forget(conversation: Conversation): void {
    this.clock.clearTimeout(conversation.graceTimer);
    this.clock.clearTimeout(conversation.maxWaitTimer);
    this.store.delete(conversation.id);
  }
}
