import { Injectable } from '@nestjs/common';
import type { OfficerStatus } from '../contracts/socket-events';

/** An officer as the service knows them during this process's life: consoles open, availability, capacity. */
export interface OfficerPresence {
  id: string;
  displayName: string;
  /** Socket ids of the officer's open consoles; empty when offline. */
  sockets: Set<string>;
  status: OfficerStatus;
  /** Concurrent chats the officer may hold. */
  capacity: number;
}

/**
 * Which officers have a console open, their status (available, busy, away) and their capacity, in memory. The
 * officer gateway keeps it up to date; routing, the wait estimate and the supervisor view read it. An officer keeps
 * their status across reconnects; a first connection starts `available`.
 */
@Injectable()
export class OfficerPresenceService {
  private readonly officers = new Map<string, OfficerPresence>();

  /** Records an open console of `officer`, whose account allows `capacity` concurrent chats. */
  connected(officer: { id: string; displayName: string }, socketId: string, capacity: number): void {
    const known = this.officers.get(officer.id);
    const presence = known ?? { id: officer.id, displayName: officer.displayName, sockets: new Set<string>(), status: 'available' as OfficerStatus, capacity };
    presence.displayName = officer.displayName;
    presence.capacity = capacity;
    presence.sockets.add(socketId);
    this.officers.set(officer.id, presence);
  }

  /** @returns true when it was the officer's last open console. */
  disconnected(officerId: string, socketId: string): boolean {
    const presence = this.officers.get(officerId);
    if (!presence?.sockets.delete(socketId)) {
      return false;
    }
    return presence.sockets.size === 0;
  }

  /** Sets an officer's availability; unknown officers are ignored. */
  setStatus(officerId: string, status: OfficerStatus): void {
    const presence = this.officers.get(officerId);
    if (presence) {
      presence.status = status;
    }
  }

  get(officerId: string): OfficerPresence | undefined {
    return this.officers.get(officerId);
  }

  isOnline(officerId: string): boolean {
    return (this.officers.get(officerId)?.sockets.size ?? 0) > 0;
  }

  /** Number of officers with at least one console open. */
  onlineCount(): number {
    return this.online().length;
  }

  /** Officers with at least one console open, in order of first connection. */
  online(): OfficerPresence[] {
    return [...this.officers.values()].filter((presence) => presence.sockets.size > 0);
  }

  /** Every officer seen since the start, online or not, in order of first connection. */
  all(): OfficerPresence[] {
    return [...this.officers.values()];
  }
}
