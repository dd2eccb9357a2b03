import { CitizenRateLimiter } from './citizen-rate-limiter';

describe(CitizenRateLimiter.name, () => {
  const makeSut = (overrides: Partial<ConstructorParameters<typeof CitizenRateLimiter>[0]> = {}) =>
    new CitizenRateLimiter({
      perSocket: { points: 2, durationSeconds: 60 },
      perAddress: { points: 3, durationSeconds: 60 },
      maxConversationsPerAddress: 2,
      ...overrides,
    });

  it('should allow a socket its own number of messages, then refuse it', async () => {
    const sut = makeSut();

    const allowed = [await sut.allowMessage('s1', 'a'), await sut.allowMessage('s1', 'a'), await sut.allowMessage('s1', 'a')];

    expect(allowed).toEqual([true, true, false]);
  });

  it('should not count a message the socket limit refused against the address', async () => {
    const sut = makeSut();
    for (let index = 0; index < 5; index += 1) {
      await sut.allowMessage('flooder', 'a');
    }

    const neighbour = [await sut.allowMessage('s2', 'a'), await sut.allowMessage('s3', 'a')];

    expect(neighbour).toEqual([true, false]);
  });

  it('should refuse a conversation over the cap and accept one again after one closed', async () => {
    const sut = makeSut();

    const opened = [await sut.openConversation('a'), await sut.openConversation('a'), await sut.openConversation('a')];
    await sut.closeConversation('a');
    const reopened = await sut.openConversation('a');

    expect(opened).toEqual([true, true, false]);
    expect(reopened).toBe(true);
    expect(await sut.openConversation('b')).toBe(true);
  });
});
