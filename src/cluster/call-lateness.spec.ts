import { CallLateness, TRANSIT_WINDOW_MS } from './call-lateness';

describe('CallLateness', () => {
  const anHour = 3_600_000;

  it('should measure lateness against the quickest recent transit, whatever the offset between the clocks', () => {
    const lateness = new CallLateness();

    expect(lateness.lateness('edge', 1_000 + anHour, 1_002)).toBe(0);
    expect(lateness.lateness('edge', 2_000 + anHour, 6_502)).toBe(4_500);
    expect(lateness.lateness('edge', 7_000 + anHour, 7_003)).toBe(1);
    expect(lateness.lateness('other-edge', 5_000 - anHour, 7_004)).toBe(0);
  });

  it('should forget the quickest transit after two windows, so a clock that drifts behind never makes every call late', () => {
    const lateness = new CallLateness();
    lateness.lateness('edge', 0, 1);
    // The caller's clock has fallen 5 s behind since: a call that took 1 ms arrives 5 001 ms after its send time.
    const later = 3 * TRANSIT_WINDOW_MS;

    expect(lateness.lateness('edge', later - 5_000, later + 1)).toBe(0);
    expect(lateness.lateness('edge', later + 100 - 5_000, later + 100 + 4_001)).toBe(4_000);
  });

  it('should keep the quickest transit of the previous window', () => {
    const lateness = new CallLateness();
    lateness.lateness('edge', 0, 1);

    expect(lateness.lateness('edge', TRANSIT_WINDOW_MS + 10, TRANSIT_WINDOW_MS + 4_511)).toBe(4_500);
  });

  it('should remember a bounded number of callers, forgetting the least recently heard', () => {
    const lateness = new CallLateness(2);
    lateness.lateness('a', 0, 1);
    lateness.lateness('b', 0, 1);
    lateness.lateness('a', 10, 11);
    lateness.lateness('c', 0, 1);

    expect(lateness.lateness('a', 20, 4_021)).toBe(4_000);
    expect(lateness.lateness('b', 20, 4_021)).toBe(0);
  });
});
