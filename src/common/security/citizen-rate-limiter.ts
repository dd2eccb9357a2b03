import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit } from '../../config/app-config';

/** The citizen limits, from `AppConfig`. */
export interface CitizenLimits {
  /** Messages of one socket per window (settings `CITIZEN_MESSAGES_PER_SOCKET`, `CITIZEN_SOCKET_WINDOW_SECONDS`). */
  perSocket: RateLimit;
  /** Messages of one IP address per window (settings `CITIZEN_MESSAGES_PER_IP`, `CITIZEN_IP_WINDOW_SECONDS`). */
  perAddress: RateLimit;
  /** Conversations open at once from one IP address (setting `MAX_CONVERSATIONS_PER_IP`). */
  maxConversationsPerAddress: number;
}

/** Resolves true when `limiter` had a point left for `key`, false when the key is over its limit. */
async function consumed(limiter: RateLimiterMemory, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (rejection) {
    // rate-limiter-flexible rejects with a RateLimiterRes when over the limit, with an Error only on a store fault.
    if (rejection instanceof RateLimiterRes) {
      return false;
    }
    throw rejection;
  }
}

/**
 * Abuse limits of the citizen chat, kept in memory (rate-limiter-flexible's `RateLimiterMemory`, fixed windows):
 * messages per socket and per IP address, and conversations open at once per IP address. Keys are socket ids and
 * addresses, never message text.
 */
export class CitizenRateLimiter {
  private readonly perSocket: RateLimiterMemory;
  private readonly perAddress: RateLimiterMemory;
  /** Open conversations per address: a point per open one, given back when it ends; no expiry (duration 0). */
  private readonly openConversations: RateLimiterMemory;

  constructor(limits: CitizenLimits) {
    this.perSocket = new RateLimiterMemory({ points: limits.perSocket.points, duration: limits.perSocket.durationSeconds });
    this.perAddress = new RateLimiterMemory({ points: limits.perAddress.points, duration: limits.perAddress.durationSeconds });
    this.openConversations = new RateLimiterMemory({ points: limits.maxConversationsPerAddress, duration: 0 });
  }

  /**
   * Counts one more message of socket `socketId` from `address`. The socket's own limit is checked first, so a
   * socket refused by it does not use up the allowance of the other citizens at the same address.
   * @returns true when the message may be posted, false when either limit is reached.
   */
  async allowMessage(socketId: string, address: string): Promise<boolean> {
    return (await consumed(this.perSocket, socketId)) && (await consumed(this.perAddress, address));
  }

  /**
   * Counts a new conversation from `address`.
   * @returns true when it may open (then call `closeConversation` when it ends), false when the address already
   *   has the maximum open (nothing to give back then).
   */
  async openConversation(address: string): Promise<boolean> {
    if (await consumed(this.openConversations, address)) {
      return true;
    }
    await this.closeConversation(address);
    return false;
  }

  /** Gives back the point of a conversation opened by `openConversation`; forgets the address at zero. */
  async closeConversation(address: string): Promise<void> {
    const { consumedPoints } = await this.openConversations.reward(address);
    if (consumedPoints <= 0) {
      await this.openConversations.delete(address);
    }
  }
}
