import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AssignedConversationView, OfficerProfile } from '../contracts/socket-events';
import { ConversationEvent, type HandoffAssignedEvent } from '../conversation/conversation.events';
import { ConversationException, ConversationExceptionCode } from '../conversation/conversation.exception';
import { ConversationService } from '../conversation/conversation.service';
import { type Conversation, ConversationStore } from '../conversation/conversation.store';
import { HandoffQueue } from './handoff-queue';

/**
 * The officer's side of a handoff: take a waiting conversation, write to the citizen, close. Every operation
 * checks that the conversation is live and, after the take, that this officer holds it.
 */
@Injectable()
export class HandoffService {
  private readonly logger = new Logger(HandoffService.name);

  constructor(
    private readonly conversations: ConversationService,
    private readonly queue: HandoffQueue,
    private readonly store: ConversationStore,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Gives a waiting conversation to `officer`. Synchronous from check to assignment, so when two officers take
   * the same conversation at once exactly one succeeds.
   * The officer's sockets receive the history (`handoff.assigned`) before the « a rejoint » system message.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` (ended) or `CONVERSATION_ALREADY_TAKEN` (not waiting).
   */
  take(conversationId: string, officer: OfficerProfile): void {
    const conversation = this.conversations.require(conversationId);
    if (!this.queue.remove(conversationId)) {
      throw new ConversationException(ConversationExceptionCode.AlreadyTaken);
    }
    conversation.status = 'assigned';
    conversation.officer = { id: officer.id, displayName: officer.displayName };
    const event: HandoffAssignedEvent = {
      conversationId,
      officerId: officer.id,
      officerName: officer.displayName,
      messages: [...conversation.messages],
    };
    this.events.emit(ConversationEvent.Assigned, event);
    this.conversations.post(conversation, { author: 'system', text: `${officer.displayName} a rejoint la conversation.` });
    this.events.emit(ConversationEvent.QueueChanged);
    this.logger.log(`Conversation ${conversationId} taken by officer ${officer.id}`);
  }

  /** The conversations `officerId` holds, with their history: a console that reloads gets them back. */
  heldBy(officerId: string): AssignedConversationView[] {
    return this.store.heldBy(officerId).map((conversation) => ({ conversationId: conversation.id, status: conversation.status, messages: [...conversation.messages] }));
  }

  /**
   * Puts back at the head of the queue every conversation `officerId` holds (the officer dropped and did not come
   * back within the grace period); each citizen is told.
   * @returns how many conversations went back.
   */
  release(officerId: string): number {
    const held = this.store.heldBy(officerId);
    for (const conversation of held.reverse()) {
      conversation.status = 'queued';
      conversation.officer = undefined;
      conversation.queuedAt = Date.now();
      this.queue.enqueueFirst(conversation.id);
      this.conversations.post(conversation, {
        author: 'system',
        text: 'Le policier a été déconnecté : votre demande revient en tête de la file d’attente.',
      });
    }
    if (held.length > 0) {
      this.events.emit(ConversationEvent.QueueChanged);
      this.logger.log(`Officer ${officerId} gone: ${held.length} conversation(s) back in the queue`);
    }
    return held.length;
  }

  /**
   * Sends the officer's message to the citizen.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` or `NOT_YOUR_CONVERSATION`.
   */
  reply(conversationId: string, officer: OfficerProfile, text: string): void {
    const conversation = this.held(conversationId, officer);
    this.conversations.post(conversation, { author: 'officer', text, officerName: officer.displayName });
  }

  /**
   * Closes a conversation the officer holds; the citizen is told and the conversation is forgotten.
   * @throws ConversationException `CONVERSATION_NOT_FOUND` or `NOT_YOUR_CONVERSATION`.
   */
  close(conversationId: string, officer: OfficerProfile): void {
    this.held(conversationId, officer);
    this.conversations.close(conversationId, 'officer_closed');
  }

  private held(conversationId: string, officer: OfficerProfile): Conversation {
    const conversation = this.conversations.require(conversationId);
    if (conversation.status !== 'assigned' || conversation.officer?.id !== officer.id) {
      throw new ConversationException(ConversationExceptionCode.NotYours);
    }
    return conversation;
  }
}
