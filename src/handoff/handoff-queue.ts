import { Injectable } from '@nestjs/common';

/**
 * Waiting conversations in arrival order (first in, first out). Operations are synchronous, so in Node's single
 * thread a conversation is dequeued at most once.
 */
@Injectable()
export class HandoffQueue {
  private readonly waiting: string[] = [];

  /** Adds a conversation at the tail; adding one already waiting changes nothing. */
  enqueue(conversationId: string): void {
    if (!this.waiting.includes(conversationId)) {
      this.waiting.push(conversationId);
    }
  }

  /** Puts a conversation at the head (a chat whose officer dropped waits no longer than anyone). */
  enqueueFirst(conversationId: string): void {
    this.remove(conversationId);
    this.waiting.unshift(conversationId);
  }

  /** Removes a conversation; returns false when it was not waiting (already taken, left, unknown). */
  remove(conversationId: string): boolean {
    const index = this.waiting.indexOf(conversationId);
    if (index === -1) {
      return false;
    }
    this.waiting.splice(index, 1);
    return true;
  }

  /** Waiting conversation ids, head first. */
  list(): readonly string[] {
    return [...this.waiting];
  }
}
