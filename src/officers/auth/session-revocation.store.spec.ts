import { SessionRevocationStore, type TokenIdentity } from './session-revocation.store';

const T0 = Date.parse('2026-11-30T10:00:00Z');
const HOUR_MS = 3_600_000;

/** A token of `officerId` issued at `issuedAt` for eight hours. */
const token = (jti: string, officerId = 'o1', issuedAt = T0): TokenIdentity => ({ jti, officerId, issuedAt, expiresAt: issuedAt + 8 * HOUR_MS });

describe(SessionRevocationStore.name, () => {
  it('should refuse a revoked token and only that one', () => {
    const sut = new SessionRevocationStore();

    sut.revoke(token('a'), T0 + 1);

    expect(sut.isRevoked(token('a'))).toBe(true);
    expect(sut.isRevoked(token('b'))).toBe(false);
  });

  it('should forget revocations once their tokens have expired', () => {
    const sut = new SessionRevocationStore();
    sut.revoke(token('old', 'o1', T0 - 8 * HOUR_MS + 10), T0);
    sut.revoke(token('live'), T0);

    sut.revoke(token('next'), T0 + 11);

    expect(sut.size()).toBe(2);
    expect(sut.isRevoked(token('live'))).toBe(true);
  });

  it('should not store a token that has already expired', () => {
    const sut = new SessionRevocationStore();

    sut.revoke(token('gone', 'o1', T0 - 9 * HOUR_MS), T0);

    expect(sut.size()).toBe(0);
  });

  it('should cut off every token of the officer issued until then except the kept one', () => {
    const sut = new SessionRevocationStore();

    sut.cutOff('o1', T0 + 500, 'kept', T0 + 8 * HOUR_MS + 500);

    expect(sut.isRevoked(token('other', 'o1', T0 + 499))).toBe(true);
    expect(sut.isRevoked(token('same-ms', 'o1', T0 + 500))).toBe(true);
    expect(sut.isRevoked(token('kept', 'o1', T0))).toBe(false);
    expect(sut.isRevoked(token('later', 'o1', T0 + 501))).toBe(false);
    expect(sut.isRevoked(token('colleague', 'o2', T0))).toBe(false);
  });

  it('should let a later cut-off revoke the token an earlier one kept', () => {
    const sut = new SessionRevocationStore();
    sut.cutOff('o1', T0 + 500, 'first', T0 + 8 * HOUR_MS);

    sut.cutOff('o1', T0 + 900, 'second', T0 + 8 * HOUR_MS + 900);

    expect(sut.isRevoked(token('first', 'o1', T0))).toBe(true);
    expect(sut.isRevoked(token('second', 'o1', T0 + 600))).toBe(false);
  });

  it('should cut off the officer instead of growing past its bound, so no revoked token comes back', () => {
    const sut = new SessionRevocationStore(2);
    sut.revoke(token('a', 'o1'), T0 + 1);
    sut.revoke(token('b', 'o2'), T0 + 1);

    sut.revoke(token('c', 'o3'), T0 + 2);

    expect(sut.size()).toBe(2);
    expect(['a', 'b'].map((jti, index) => sut.isRevoked(token(jti, `o${index + 1}`)))).toEqual([true, true]);
    expect(sut.isRevoked(token('c', 'o3'))).toBe(true);
    expect(sut.isRevoked(token('other-console', 'o3', T0 + 1))).toBe(true);
    expect(sut.isRevoked(token('signed-in-after', 'o3', T0 + 3))).toBe(false);
  });
});
