import { DEFAULT_HANDLING_MS, PICKUP_MS, RECENT_HANDLING_SAMPLES, WaitEstimator } from './wait-estimator';

describe(WaitEstimator.name, () => {
  it('should have no estimate without an available officer', () => {
    expect(new WaitEstimator().estimate(1, [])).toBeNull();
  });

  it('should need only the pick-up time while an officer has a free slot', () => {
    expect(new WaitEstimator().estimate(2, [{ capacity: 3, load: 1 }])).toBe(PICKUP_MS);
  });

  it('should add one handling time per slot to free, shared among the slots', () => {
    const sut = new WaitEstimator();
    sut.recordHandling(4 * 60_000);
    sut.recordHandling(8 * 60_000);

    // 2 officers × 2 slots, all busy: the 3rd in line waits for 3 releases, one every 6 min / 4.
    expect(sut.estimate(3, [{ capacity: 2, load: 2 }, { capacity: 2, load: 2 }])).toBe(PICKUP_MS + (3 * 6 * 60_000) / 4);
  });

  it('should keep only the recent handling times', () => {
    const sut = new WaitEstimator();
    expect(sut.averageHandlingMs()).toBe(DEFAULT_HANDLING_MS);
    sut.recordHandling(100 * 60_000);
    for (let index = 0; index < RECENT_HANDLING_SAMPLES; index += 1) {
      sut.recordHandling(60_000);
    }

    expect(sut.averageHandlingMs()).toBe(60_000);
  });
});
