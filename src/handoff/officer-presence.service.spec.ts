import { OfficerPresenceService } from './officer-presence.service';

describe(OfficerPresenceService.name, () => {
  it('should count officers, not consoles, and say when an officer closed their last console', () => {
    const sut = new OfficerPresenceService();
    sut.connected('alice', 's1');
    sut.connected('alice', 's2');
    sut.connected('bob', 's3');

    expect(sut.onlineCount()).toBe(2);
    expect(sut.disconnected('alice', 's1')).toBe(false);
    expect(sut.onlineCount()).toBe(2);
    expect(sut.disconnected('alice', 's2')).toBe(true);
    expect(sut.onlineCount()).toBe(1);
  });
});
