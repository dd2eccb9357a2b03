import { Injectable } from '@nestjs/common';
import type { TimerHandle } from '../common/clock/clock';
import type { ChatMessage, ConversationStatus, IntentChoice, ReplyLanguage, SafetyFlag, TransferNote } from '../contracts/socket-events';

/** A live conversation, held in memory only and deleted when it ends. */
export interface Conversation {
  readonly id: string;
  /**
   * The citizen's app-level identity for this conversation (random, 256 bits, base64url): the handshake carries it
   * back after a reload, a network drop or in a second tab. Never the socket id.
   */
  readonly resumeToken: string;
  status: ConversationStatus;
  /** Messages in server order; `seq` of the next one is `messages.length + 1`. */
  readonly messages: ChatMessage[];
  /**
   * Milliseconds since the epoch when the conversation entered the queue: its place in its group, kept when the
   * citizen keeps waiting after the maximum wait, forgotten when the citizen leaves the queue.
   */
  queuedAt?: number;
  /** Milliseconds since the epoch of the latest entry into the queue: waits are measured from it. */
  enteredQueueAt?: number;
  /** The conversation reached the queue at least once (it was not deflected by the bot). */
  handedOff?: boolean;
  /** The officer who sent it back to the queue or dropped it: automatic routing gives it to someone else. */
  releasedBy?: string;
  /** Set when the conversation left the queue on the maximum wait: the citizen may keep waiting. */
  waitExpired?: boolean;
  officer?: { id: string; displayName: string };
  /** Milliseconds since the epoch of the first take: handling time runs from it. */
  assignedAt?: number;
  /** The quick replies of the last `clarify` message, until the citizen picks one or writes again. */
  pendingChoices?: IntentChoice[];
  /** Set once the safety layer flagged a message: the chat then waits in the priority group of the queue. */
  safetyFlagged?: boolean;
  /** Language of the citizen's last message, for the replies to quick-reply picks. */
  language: ReplyLanguage;
  /** What triage saw (intent ids, best confidence, flags), for the officer. */
  readonly summary: { intents: string[]; bestConfidence: number | null; flags: SafetyFlag[] };
  /** Transfer notes, officers only. */
  readonly notes: TransferNote[];
  /** Citizen sockets joined to the conversation (tabs); 0 while the citizen is away. */
  citizenSockets: number;
  /** Ends the conversation when the citizen stays away past the grace period. */
  graceTimer?: TimerHandle;
  /** Offers the choice to keep waiting when the maximum wait is reached. */
  maxWaitTimer?: TimerHandle;
  /** The citizen typing state last forwarded to the officer. */
  citizenTyping?: boolean;
}

/**
 * In-memory conversations by id and by resume token. Nothing is written to disk: a deleted conversation is gone.
 */
@Injectable()
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly byToken = new Map<string, string>();

  add(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
    this.byToken.set(conversation.resumeToken, conversation.id);
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  /** The conversation a resume token stands for, if it is still in memory. */
  getByToken(resumeToken: string): Conversation | undefined {
    const id = this.byToken.get(resumeToken);
    return id === undefined ? undefined : this.conversations.get(id);
  }

  delete(id: string): void {
    const conversation = this.conversations.get(id);
    if (conversation) {
      this.byToken.delete(conversation.resumeToken);
      this.conversations.delete(id);
    }
  }

  /** The conversations an officer holds, oldest first. */
  heldBy(officerId: string): Conversation[] {
    return [...this.conversations.values()].filter((conversation) => conversation.status === 'assigned' && conversation.officer?.id === officerId);
  }

  /** Number of live conversations (closed ones kept for a citizen who has not seen the close yet included). */
  size(): number {
    return this.conversations.size;
  }
}
