import { Injectable } from '@nestjs/common';
import type { ChatMessage, ConversationStatus } from '../contracts/socket-events';

/** A live conversation, held in memory only and deleted when it ends. */
export interface Conversation {
  readonly id: string;
  status: ConversationStatus;
  /** Messages in server order; `seq` of the next one is `messages.length + 1`. */
  readonly messages: ChatMessage[];
  /** Milliseconds since the epoch when the conversation entered the queue. */
  queuedAt?: number;
  officer?: { id: string; displayName: string };
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

  /** Number of live conversations. */
  size(): number {
    return this.conversations.size;
  }
}
