import { LoginLockout } from './login-lockout';

describe(LoginLockout.name, () => {
  it('should lock a username for the lockout after the maximum number of failures', async () => {
    const sut = new LoginLockout(2, 15);

    const first = await sut.attempt('alice');
    const second = await sut.attempt('alice');
    const locked = await sut.attempt('alice');

    expect([first, second]).toEqual([0, 0]);
    expect(locked).toBeGreaterThan(14 * 60_000);
    expect(locked).toBeLessThanOrEqual(15 * 60_000);
    expect(await sut.attempt('bob')).toBe(0);
  });

  it('should refuse every attempt in parallel beyond the maximum', async () => {
    const sut = new LoginLockout(2, 15);

    const results = await Promise.all([1, 2, 3, 4].map(() => sut.attempt('alice')));

    expect(results.filter((lockedForMs) => lockedForMs === 0)).toHaveLength(2);
  });

  it('should forget the attempts after a successful sign-in', async () => {
    const sut = new LoginLockout(2, 15);
    await sut.attempt('alice');
    await sut.attempt('alice');

    await sut.succeeded('alice');

    expect(await sut.attempt('alice')).toBe(0);
  });
});
