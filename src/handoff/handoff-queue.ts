import { Injectable } from '@nestjs/common';

/**
 * Groups of the queue, served in this order: chats that came back (their officer dropped or sent them back), chats
 * the safety layer flagged, then the others.
 */
const enum Rank {
  Returned = 0,
  Flagged = 1,
  Ordinary = 2,
}

interface QueueEntry {
  conversationId: string;
  rank: Rank;
  /** Milliseconds since the epoch: the entry's place in its group (arrival time; for returned chats, return time). */
  queuedAt: number;
}

/**
 * Waiting conversations: those that came back to the head of the queue first (latest first), then those the safety
 * layer flagged, then the others, each of those two groups by arrival time. Operations are synchronous, so in
 * Node's single thread a conversation is dequeued at most once.
 */
@Injectable()
export class HandoffQueue {
  private readonly waiting: QueueEntry[] = [];

  /**
   * Adds a conversation to its group (`priority`: flagged) at the place of its arrival time `queuedAt` (ms since
   * the epoch; a citizen who keeps waiting after the maximum wait finds their place again). Adding one already
   * waiting changes nothing, except that a newly flagged ordinary one moves up to the flagged group.
   */
  enqueue(conversationId: string, priority: boolean, queuedAt: number): void {
    const rank = priority ? Rank.Flagged : Rank.Ordinary;
    const current = this.waiting.find((entry) => entry.conversationId === conversationId);
    if (current && current.rank <= rank) {
      return;
    }
    this.remove(conversationId);
    const index = this.waiting.findIndex((entry) => entry.rank > rank || (entry.rank === rank && entry.queuedAt > queuedAt));
    this.waiting.splice(index === -1 ? this.waiting.length : index, 0, { conversationId, rank, queuedAt });
  }

  /**
   * Puts a conversation at the very head, before the other returned ones (a chat whose officer dropped or sent it
   * back waits no longer than anyone). `returnedAt` is when it came back, in ms since the epoch.
   */
  enqueueFirst(conversationId: string, returnedAt: number): void {
    this.remove(conversationId);
    this.waiting.unshift({ conversationId, rank: Rank.Returned, queuedAt: returnedAt });
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

  /** Whether a waiting conversation is served ahead of the ordinary ones (returned or flagged). */
  isPriority(conversationId: string): boolean {
    return this.waiting.some((entry) => entry.conversationId === conversationId && entry.rank !== Rank.Ordinary);
  }

  /** Arrival time (ms since the epoch) of the entry waiting longest; undefined when the queue is empty. */
  oldestQueuedAt(): number | undefined {
    return this.waiting.reduce<number | undefined>((oldest, entry) => (oldest === undefined || entry.queuedAt < oldest ? entry.queuedAt : oldest), undefined);
  }
}
