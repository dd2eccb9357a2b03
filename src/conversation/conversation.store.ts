import { Injectable } from '@nestjs/common';
import type { ChatMessage, ConversationStatus, IntentChoice, ReplyLanguage } from '../contracts/socket-events';

/** A live conversation, held in memory only and deleted when it ends. */
export interface Conversation {
  readonly id: string;
  status: ConversationStatus;
  /** Messages in server order; `seq` of the next one is `messages.length + 1`. */
  readonly messages: ChatMessage[];
  /** Milliseconds since the epoch when the conversation entered the queue. */
  queuedAt?: number;
  officer?: { id: string; displayName: string };
  /** The quick replies of the last `clarify` message, until the citizen picks one or writes again. */
  pendingChoices?: IntentChoice[];
  /** Set once the safety layer flagged a message: the chat then waits in the priority group of the queue. */
  safetyFlagged?: boolean;
  /** Language of the citizen's last message, for the replies to quick-reply picks. */
  language: ReplyLanguage;
}

/** In-memory conversations by id. Nothing is written to disk: a deleted conversation is gone. */
@Injectable()
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();

  add(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  delete(id: string): void {
    this.conversations.delete(id);
  }

  /** The conversations an officer holds, oldest first. */
  heldBy(officerId: string): Conversation[] {
    return [...this.conversations.values()].filter((conversation) => conversation.status === 'assigned' && conversation.officer?.id === officerId);
  }

  /** Number of live conversations. */
  size(): number {
    return this.conversations.size;
  }
}
