import { Injectable } from '@nestjs/common';

/**
 * Waiting conversations: those the safety layer flagged first, then the others, each group in arrival order.
 * Operations are synchronous, so in Node's single thread a conversation is dequeued at most once.
 */
@Injectable()
export class HandoffQueue {
  private readonly waiting: { conversationId: string; priority: boolean }[] = [];

  /**
   * Adds a conversation behind the others of its group (`priority`: after the last flagged one). Adding one
   * already waiting changes nothing, except that a newly flagged one moves up to the flagged group.
   */
  enqueue(conversationId: string, priority = false): void {
    const current = this.waiting.find((entry) => entry.conversationId === conversationId);
    if (current && (current.priority || !priority)) {
      return;
    }
    this.remove(conversationId);
    const firstOrdinary = this.waiting.findIndex((entry) => !entry.priority);
    const index = priority && firstOrdinary !== -1 ? firstOrdinary : this.waiting.length;
    this.waiting.splice(index, 0, { conversationId, priority });
  }

  /** Puts a conversation at the very head (a chat whose officer dropped waits no longer than anyone). */
  enqueueFirst(conversationId: string): void {
    this.remove(conversationId);
    this.waiting.unshift({ conversationId, priority: true });
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

  /** Whether a waiting conversation is in the flagged group. */
  isPriority(conversationId: string): boolean {
    return this.waiting.some((entry) => entry.conversationId === conversationId && entry.priority);
  }
}
