import { FakeClock } from '../../../../test/support/fake-clock';
import { PENDING_LOGIN_TTL_MS, PendingLoginStore } from './pending-login.store';

const login = (label: string) => ({ codeVerifier: `verifier-${label}`, nonce: `nonce-${label}` });

describe(PendingLoginStore.name, () => {
  it('should give back a login once when its state comes back', () => {
    const clock = new FakeClock();
    const sut = new PendingLoginStore(clock);
    sut.add('state-a', login('a'));

    expect(sut.take('state-a')).toEqual(login('a'));
    expect(sut.take('state-a')).toBeUndefined();
  });

  it('should know nothing of a state it never kept', () => {
    const sut = new PendingLoginStore(new FakeClock());
    sut.add('state-a', login('a'));

    expect(sut.take('state-b')).toBeUndefined();
  });

  it('should refuse a login after 10 minutes and keep it until then', () => {
    const clock = new FakeClock();
    const sut = new PendingLoginStore(clock);
    sut.add('late', login('late'));
    sut.add('in-time', login('in-time'));

    clock.tick(PENDING_LOGIN_TTL_MS - 1);
    expect(sut.take('in-time')).toEqual(login('in-time'));
    clock.tick(1);
    expect(sut.take('late')).toBeUndefined();
  });

  it('should drop the oldest login when full', () => {
    const clock = new FakeClock();
    const sut = new PendingLoginStore(clock, PENDING_LOGIN_TTL_MS, 2);
    sut.add('first', login('first'));
    sut.add('second', login('second'));

    sut.add('third', login('third'));

    expect(sut.take('first')).toBeUndefined();
    expect(sut.take('second')).toEqual(login('second'));
    expect(sut.take('third')).toEqual(login('third'));
  });

  it('should make room by dropping expired logins before the oldest live one', () => {
    const clock = new FakeClock();
    const sut = new PendingLoginStore(clock, 1000, 2);
    sut.add('expired', login('expired'));
    clock.tick(600);
    sut.add('live', login('live'));
    clock.tick(400);

    sut.add('new', login('new'));

    expect(sut.take('live')).toEqual(login('live'));
    expect(sut.take('new')).toEqual(login('new'));
  });
});
