import { HandoffQueue } from './handoff-queue';

describe(HandoffQueue.name, () => {
  it('should serve flagged conversations first, each group in arrival order', () => {
    const sut = new HandoffQueue();
    let now = 0;
    const at = () => ++now;

    sut.enqueue('a', false, at());
    sut.enqueue('b', true, at());
    sut.enqueue('c', false, at());
    sut.enqueue('d', true, at());

    expect(sut.list()).toEqual(['b', 'd', 'a', 'c']);
  });

  it('should move a waiting conversation up when it gets flagged, and never down', () => {
    const sut = new HandoffQueue();
    let now = 0;
    const at = () => ++now;
    sut.enqueue('a', false, at());
    sut.enqueue('b', false, at());

    sut.enqueue('b', true, at());
    sut.enqueue('b', false, at());

    expect(sut.list()).toEqual(['b', 'a']);
    expect(sut.isPriority('b')).toBe(true);
  });

  it('should queue a conversation only once', () => {
    const sut = new HandoffQueue();
    let now = 0;
    const at = () => ++now;

    sut.enqueue('a', false, at());
    sut.enqueue('a', false, at());

    expect(sut.list()).toEqual(['a']);
  });
});

describe(`${HandoffQueue.name} places`, () => {
  it('should put a conversation back at the place of its arrival time, within its group', () => {
    const sut = new HandoffQueue();
    sut.enqueue('a', false, 10);
    sut.enqueue('c', false, 30);
    sut.enqueue('flagged', true, 40);

    sut.enqueue('b', false, 20);

    expect(sut.list()).toEqual(['flagged', 'a', 'b', 'c']);
    expect(sut.position('b')).toBe(3);
    expect(sut.position('gone')).toBe(0);
    expect(sut.oldestQueuedAt()).toBe(10);
  });
});

describe(`${HandoffQueue.name} groups`, () => {
  it('should keep returned chats ahead of flagged ones, whatever their arrival times', () => {
    const sut = new HandoffQueue();
    sut.enqueue('ordinary', false, 1);
    sut.enqueueFirst('returned.early', 5);
    sut.enqueueFirst('returned.late', 50);

    sut.enqueue('flagged.old', true, 0);

    expect(sut.list()).toEqual(['returned.late', 'returned.early', 'flagged.old', 'ordinary']);
    expect(sut.isPriority('returned.early')).toBe(true);
    expect(sut.isPriority('ordinary')).toBe(false);
  });
});
