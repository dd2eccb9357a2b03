import { coalescePerTurn } from './coalesce';

describe(coalescePerTurn.name, () => {
  it('should run once after a burst of calls in one turn, and again for a later burst', async () => {
    const flush = jest.fn();
    const sut = coalescePerTurn(flush);

    sut();
    sut();
    sut();
    expect(flush).not.toHaveBeenCalled();
    await new Promise((resolve) => setImmediate(resolve));
    expect(flush).toHaveBeenCalledTimes(1);

    sut();
    await new Promise((resolve) => setImmediate(resolve));
    expect(flush).toHaveBeenCalledTimes(2);
  });
});
