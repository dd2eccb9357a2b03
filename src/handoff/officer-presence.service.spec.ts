import { OfficerPresenceService } from './officer-presence.service';

describe(OfficerPresenceService.name, () => {
  const alice = { id: 'alice', displayName: 'Alice' };
  const bob = { id: 'bob', displayName: 'Bob' };

  it('should count officers, not consoles, and say when an officer closed their last console', () => {
    const sut = new OfficerPresenceService();
    sut.connected(alice, 's1', 3);
    sut.connected(alice, 's2', 3);
    sut.connected(bob, 's3', 3);

    expect(sut.onlineCount()).toBe(2);
    expect(sut.disconnected('alice', 's1')).toBe(false);
    expect(sut.onlineCount()).toBe(2);
    expect(sut.disconnected('alice', 's2')).toBe(true);
    expect(sut.onlineCount()).toBe(1);
    expect(sut.disconnected('alice', 's2')).toBe(false);
  });

  it('should keep an officer status across reconnects and start new officers available', () => {
    const sut = new OfficerPresenceService();
    sut.connected(alice, 's1', 2);
    sut.setStatus('alice', 'away');
    sut.disconnected('alice', 's1');

    sut.connected(alice, 's2', 4);
    sut.connected(bob, 's3', 3);

    expect(sut.get('alice')).toMatchObject({ status: 'away', capacity: 4 });
    expect(sut.get('bob')?.status).toBe('available');
    expect(sut.all().map((officer) => officer.id)).toEqual(['alice', 'bob']);
  });
});
