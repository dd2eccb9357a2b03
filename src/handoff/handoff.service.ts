import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import { Clock } from '../common/clock/clock';
import { AppConfig } from '../config/app-config';
import type {
  AssignedConversationView,
  CloseOutcome,
  OfficerLoadView,
  OfficerProfile,
  OfficerStatus,
  ServiceLink,
} from '../contracts/socket-events';
import {
  type ConversationClosedEvent,
  ConversationEvent,
  type HandoffAssignedEvent,
  type HandoffReleasedEvent,
  type TypingEvent,
} from '../conversation/conversation.events';
import { ConversationException, ConversationExceptionCode } from '../conversation/conversation.exception';
import { ConversationService } from '../conversation/conversation.service';
import { type Conversation, ConversationStore } from '../conversation/conversation.store';
import { CannedAnswersService } from './canned-answers.service';
import { HandoffQueue } from './handoff-queue';
import { OfficerPresenceService } from './officer-presence.service';
import { WaitEstimator } from './wait-estimator';

/**
 * The officer's side of a handoff: take a waiting conversation (or get one by automatic routing), write to the
 * citizen, transfer, close with an outcome. Every operation checks that the conversation is live and, after the
 * take, that this officer holds it. Routing follows `ROUTING_MODE`: `pick` (officers take from the queue) or
 * `auto` (the head of the queue goes to the available officer with the fewest chats below capacity, ties to the
 * one who connected first). Operations are synchronous, so two officers racing for a chat cannot both get it.
 */
@Injectable()
export class HandoffService {
  private readonly logger = new Logger(HandoffService.name);
  private readonly estimator = new WaitEstimator();
  private dispatching = false;

  constructor(
    private readonly conversations: ConversationService,
    private readonly queue: HandoffQueue,
    private readonly store: ConversationStore,
    private readonly presence: OfficerPresenceService,
    private readonly canned: CannedAnswersService,
    private readonly events: EventEmitter2,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /**
   * Gives a waiting conversation to `officer`. The officer's sockets receive the history (`handoff.assigned`)
   * before the « a rejoint » system message.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` (ended), `CONVERSATION_EXPIRED` (no longer waiting: left
   *   the queue or reached the maximum wait), `CONVERSATION_ALREADY_TAKEN` (a colleague has it), `AT_CAPACITY`.
   */
  take(conversationId: string, officer: OfficerProfile): void {
    const conversation = this.conversations.requireLive(conversationId);
    if (conversation.status === 'bot') {
      throw new ConversationException(ConversationExceptionCode.Expired);
    }
    if (conversation.status !== 'queued') {
      throw new ConversationException(ConversationExceptionCode.AlreadyTaken);
    }
    if (this.loadOf(officer.id) >= this.capacityOf(officer.id)) {
      throw new ConversationException(ConversationExceptionCode.AtCapacity);
    }
    this.assign(conversation, officer);
  }

  /** The conversations `officerId` holds, with their history: a console that reloads gets them back. */
  heldBy(officerId: string): AssignedConversationView[] {
    return this.store.heldBy(officerId).map((conversation) => this.conversations.assignedView(conversation));
  }

  /** The view of one held conversation, for the console of the officer who holds it. */
  assignedView(conversationId: string): AssignedConversationView | undefined {
    const conversation = this.store.get(conversationId);
    return conversation ? this.conversations.assignedView(conversation) : undefined;
  }

  /**
   * Puts back at the head of the queue every conversation `officerId` holds (the officer dropped and did not come
   * back within the grace period); each citizen is told.
   * @returns how many conversations went back.
   */
  release(officerId: string): number {
    const held = this.store.heldBy(officerId);
    for (const conversation of held.reverse()) {
      this.requeueFirst(conversation, officerId, 'Le policier a été déconnecté : votre demande revient en tête de la file d’attente, un autre policier va vous répondre.');
    }
    if (held.length > 0) {
      this.logger.log(`Officer ${officerId} gone: ${held.length} conversation(s) back in the queue`);
    }
    return held.length;
  }

  /**
   * Sends the officer's message to the citizen, with links taken from the canned answers.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, `NOT_YOUR_CONVERSATION`, or `LINK_NOT_IN_CATALOG`.
   */
  reply(conversationId: string, officer: OfficerProfile, text: string, links: ServiceLink[] = []): void {
    const conversation = this.held(conversationId, officer);
    if (links.some((link) => !this.canned.isCatalogLink(link))) {
      throw new ConversationException(ConversationExceptionCode.LinkNotInCatalog);
    }
    this.officerTyping(conversationId, officer, false);
    this.conversations.post(conversation, {
      author: 'officer',
      text,
      officerName: officer.displayName,
      links: links.map((link) => ({ title: link.title, url: link.url })),
    });
  }

  /**
   * Closes a conversation the officer holds, with its outcome; the citizen is told.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` or `NOT_YOUR_CONVERSATION`.
   */
  close(conversationId: string, officer: OfficerProfile, outcome: CloseOutcome): void {
    this.held(conversationId, officer);
    this.conversations.close(conversationId, 'officer_closed', outcome);
  }

  /**
   * Hands a held conversation to another officer (`to`: their id) or back to the head of the queue (`'queue'`),
   * with a note the next officer reads (officers only). The citizen is told that another officer takes over.
   * @throws ConversationException `CONVERSATION_NOT_FOUND`, `NOT_YOUR_CONVERSATION`, or `OFFICER_UNAVAILABLE` when
   *   the colleague is oneself, offline, away or at capacity.
   */
  transfer(conversationId: string, officer: OfficerProfile, to: string, note: string): void {
    const conversation = this.held(conversationId, officer);
    const target = to === 'queue' ? undefined : this.presence.get(to);
    if (to !== 'queue' && (!target || to === officer.id || !this.presence.isOnline(to) || target.status === 'away' || this.loadOf(to) >= target.capacity)) {
      throw new ConversationException(ConversationExceptionCode.OfficerUnavailable);
    }
    conversation.notes.push({ fromOfficerName: officer.displayName, text: note, at: this.clock.now() });
    if (!target) {
      this.requeueFirst(conversation, officer.id, 'Votre demande est transmise à un autre policier, qui va vous répondre.');
      this.logger.log(`Conversation ${conversationId} sent back to the queue by officer ${officer.id}`);
      return;
    }
    this.released(conversation, officer.id);
    this.assign(conversation, { id: target.id, displayName: target.displayName }, 0);
    this.logger.log(`Conversation ${conversationId} transferred from officer ${officer.id} to officer ${target.id}`);
  }

  /** Sets an officer's availability; routing and the roster follow. */
  setStatus(officerId: string, status: OfficerStatus): void {
    this.presence.setStatus(officerId, status);
    this.events.emit(ConversationEvent.OfficersChanged);
  }

  /** The officer is typing or stopped, in a conversation they hold; silently ignored otherwise. */
  officerTyping(conversationId: string, officer: OfficerProfile, typing: boolean): void {
    const conversation = this.store.get(conversationId);
    if (conversation?.status === 'assigned' && conversation.officer?.id === officer.id) {
      const event: TypingEvent = { conversationId, author: 'officer', typing, officerId: officer.id };
      this.events.emit(ConversationEvent.Typing, event);
    }
  }

  /** Every officer seen since the start, with presence, status, load and capacity. */
  roster(): OfficerLoadView[] {
    return this.presence.all().map((officer) => ({
      id: officer.id,
      displayName: officer.displayName,
      online: officer.sockets.size > 0,
      status: officer.status,
      load: this.loadOf(officer.id),
      capacity: officer.capacity,
    }));
  }

  /** Estimated wait of a queued conversation in milliseconds (`WaitEstimator`); null when no officer is available. */
  estimatedWaitMs(conversationId: string): number | null {
    return this.waitEstimates()(this.queue.position(conversationId));
  }

  /**
   * The estimate for any 1-based place in the queue, with the officers' slots read once: for sending every waiting
   * citizen their estimate after a change without reading the officers again for each.
   */
  waitEstimates(): (position: number) => number | null {
    const slots = this.presence
      .online()
      .filter((officer) => officer.status === 'available')
      .map((officer) => ({ capacity: officer.capacity, load: this.loadOf(officer.id) }));
    return (position) => this.estimator.estimate(position, slots);
  }

  /**
   * Automatic routing (`ROUTING_MODE=auto`): while chats wait and an available officer has a free slot, the first
   * waiting chat goes to the least-loaded one, never back to the officer who sent it back or dropped it. Runs after
   * every queue or officer change; re-entrant calls are folded.
   */
  @OnEvent(ConversationEvent.QueueChanged)
  @OnEvent(ConversationEvent.OfficersChanged)
  dispatch(): void {
    if (this.config.routingMode !== 'auto' || this.dispatching) {
      return;
    }
    this.dispatching = true;
    try {
      // Each pass gives the first waiting chat that someone can take to the least-loaded officer who may take it (not
      // the one who sent it back), so a chat only its former officer could take does not hold up those behind it.
      for (let assigned = true; assigned; ) {
        assigned = false;
        for (const conversationId of this.queue.list()) {
          const conversation = this.store.get(conversationId);
          const officer = conversation && this.leastLoadedAvailable(conversation.releasedBy);
          if (conversation && officer) {
            this.assign(conversation, officer);
            assigned = true;
            break;
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }

  @OnEvent(ConversationEvent.Closed)
  recordHandling({ handlingMs, officerId }: ConversationClosedEvent): void {
    if (handlingMs !== null) {
      this.estimator.recordHandling(handlingMs);
    }
    if (officerId) {
      this.events.emit(ConversationEvent.OfficersChanged);
    }
  }

  private assign(conversation: Conversation, officer: { id: string; displayName: string }, waitedMs?: number): void {
    const now = this.clock.now();
    this.queue.remove(conversation.id);
    this.conversations.stopWaiting(conversation);
    conversation.status = 'assigned';
    conversation.officer = { id: officer.id, displayName: officer.displayName };
    conversation.assignedAt ??= now;
    conversation.releasedBy = undefined;
    conversation.citizenTyping = undefined;
    const event: HandoffAssignedEvent = {
      conversationId: conversation.id,
      officerId: officer.id,
      officerName: officer.displayName,
      waitedMs: waitedMs ?? now - (conversation.enteredQueueAt ?? now),
    };
    this.events.emit(ConversationEvent.Assigned, event);
    this.conversations.post(conversation, { author: 'system', text: `${officer.displayName} a rejoint la conversation.` });
    this.events.emit(ConversationEvent.QueueChanged);
    this.events.emit(ConversationEvent.OfficersChanged);
    this.logger.log(`Conversation ${conversation.id} assigned to officer ${officer.id}`);
  }

  private requeueFirst(conversation: Conversation, officerId: string, notice: string): void {
    this.released(conversation, officerId);
    conversation.releasedBy = officerId;
    this.conversations.post(conversation, { author: 'system', text: notice });
    this.conversations.enqueue(conversation, true);
    this.events.emit(ConversationEvent.OfficersChanged);
  }

  private released(conversation: Conversation, officerId: string): void {
    conversation.officer = undefined;
    const event: HandoffReleasedEvent = { conversationId: conversation.id, officerId };
    this.events.emit(ConversationEvent.Released, event);
  }

  private leastLoadedAvailable(excluded?: string): { id: string; displayName: string } | undefined {
    return this.presence
      .online()
      .filter((officer) => officer.id !== excluded && officer.status === 'available' && this.loadOf(officer.id) < officer.capacity)
      .reduce<{ id: string; displayName: string; load: number } | undefined>((best, officer) => {
        const load = this.loadOf(officer.id);
        return best === undefined || load < best.load ? { id: officer.id, displayName: officer.displayName, load } : best;
      }, undefined);
  }

  private loadOf(officerId: string): number {
    return this.store.heldBy(officerId).length;
  }

  private capacityOf(officerId: string): number {
    return this.presence.get(officerId)?.capacity ?? this.config.defaultOfficerCapacity;
  }

  private held(conversationId: string, officer: OfficerProfile): Conversation {
    const conversation = this.conversations.requireLive(conversationId);
    if (conversation.status !== 'assigned' || conversation.officer?.id !== officer.id) {
      throw new ConversationException(ConversationExceptionCode.NotYours);
    }
    return conversation;
  }
}
