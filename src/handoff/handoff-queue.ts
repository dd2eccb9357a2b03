import { Injectable } from '@nestjs/common';

interface QueueEntry {
  conversationId: string;
  priority: boolean;
  /** Milliseconds since the epoch when the conversation first entered the queue: its place in its group. */
  queuedAt: number;
}

/**
 * Waiting conversations: those the safety layer flagged first, then the others, each group by arrival time.
 * Operations are synchronous, so in Node's single thread a conversation is dequeued at most once.
 */
@Injectable()
export class HandoffQueue {
  private readonly waiting: QueueEntry[] = [];

  /**
   * Adds a conversation to its group at the place of its arrival time `queuedAt` (ms since the epoch; a citizen
   * who keeps waiting after the maximum wait finds their place again). Adding one already waiting changes
   * nothing, except that a newly flagged one moves up to the flagged group.
   */
  enqueue(conversationId: string, priority: boolean, queuedAt: number): void {
    const current = this.waiting.find((entry) => entry.conversationId === conversationId);
    if (current && (current.priority || !priority)) {
      return;
    }
    this.remove(conversationId);
    const index = this.waiting.findIndex((entry) => (priority && !entry.priority) || (entry.priority === priority && entry.queuedAt > queuedAt));
    this.waiting.splice(index === -1 ? this.waiting.length : index, 0, { conversationId, priority, queuedAt });
  }

  /** Puts a conversation at the very head (a chat whose officer dropped or sent it back waits no longer than anyone). */
  enqueueFirst(conversationId: string, queuedAt: number): void {
    this.remove(conversationId);
    this.waiting.unshift({ conversationId, priority: true, queuedAt });
  }

  /** Removes a conversation; returns false when it was not waiting (already taken, left, unknown). */
  remove(conversationId: string): boolean {
    const index = this.waiting.findIndex((entry) => entry.conversationId === conversationId);
    if (index === -1) {
      return false;
    }
    this.waiting.splice(index, 1);
    return true;
  }

  /** Waiting conversation ids, head first. */
  list(): readonly string[] {
    return this.waiting.map((entry) => entry.conversationId);
  }

  /** 1-based position of a waiting conversation; 0 when it is not waiting. */
  position(conversationId: string): number {
    return this.waiting.findIndex((entry) => entry.conversationId === conversationId) + 1;
  }

  /** Whether a waiting conversation is in the flagged group. */
  isPriority(conversationId: string): boolean {
    return this.waiting.some((entry) => entry.conversationId === conversationId && entry.priority);
  }

  /** Arrival time (ms since the epoch) of the conversation waiting longest; undefined when the queue is empty. */
  oldestQueuedAt(): number | undefined {
    return this.waiting.reduce<number | undefined>((oldest, entry) => (oldest === undefined || entry.queuedAt < oldest ? entry.queuedAt : oldest), undefined);
  }
}
