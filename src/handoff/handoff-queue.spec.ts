import { HandoffQueue } from './handoff-queue';

describe(HandoffQueue.name, () => {
  it('should serve flagged conversations first, each group in arrival order', () => {
    const sut = new HandoffQueue();

    sut.enqueue('a');
    sut.enqueue('b', true);
    sut.enqueue('c');
    sut.enqueue('d', true);

    expect(sut.list()).toEqual(['b', 'd', 'a', 'c']);
  });

  it('should move a waiting conversation up when it gets flagged, and never down', () => {
    const sut = new HandoffQueue();
    sut.enqueue('a');
    sut.enqueue('b');

    sut.enqueue('b', true);
    sut.enqueue('b');

    expect(sut.list()).toEqual(['b', 'a']);
    expect(sut.isPriority('b')).toBe(true);
  });

  it('should queue a conversation only once', () => {
    const sut = new HandoffQueue();

    sut.enqueue('a');
    sut.enqueue('a');

    expect(sut.list()).toEqual(['a']);
  });
});
