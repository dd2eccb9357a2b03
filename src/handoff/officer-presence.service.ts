import { Injectable } from '@nestjs/common';

/**
 * Which officers have a console open: socket ids by officer id, in memory. The officer gateway keeps it up to
 * date; the conversation service reads it to tell a citizen at once when nobody can answer.
 */
@Injectable()
export class OfficerPresenceService {
  private readonly sockets = new Map<string, Set<string>>();

  connected(officerId: string, socketId: string): void {
    const sockets = this.sockets.get(officerId) ?? new Set<string>();
    sockets.add(socketId);
    this.sockets.set(officerId, sockets);
  }

  /** @returns true when it was the officer's last open console. */
  disconnected(officerId: string, socketId: string): boolean {
    const sockets = this.sockets.get(officerId);
    sockets?.delete(socketId);
    if (sockets && sockets.size === 0) {
      this.sockets.delete(officerId);
      return true;
    }
    return false;
  }

  /** Number of officers with at least one console open. */
  onlineCount(): number {
    return this.sockets.size;
  }
}
