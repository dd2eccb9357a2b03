import { clientAddress } from './client-address';

describe(clientAddress.name, () => {
  const peer = '10.0.0.2';

  it('should use the TCP peer and ignore X-Forwarded-For when the proxy is not trusted', () => {
    expect(clientAddress({ address: peer, headers: { 'x-forwarded-for': '203.0.113.9' } }, false)).toBe(peer);
  });

  it('should use the last X-Forwarded-For entry, the one the trusted proxy wrote, when the proxy is trusted', () => {
    expect(clientAddress({ address: peer, headers: { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' } }, true)).toBe('203.0.113.9');
  });

  it.each([
    ['missing', {}],
    ['blank', { 'x-forwarded-for': ' ' }],
  ])('should fall back to the TCP peer when X-Forwarded-For is %s', (_case, headers) => {
    expect(clientAddress({ address: peer, headers }, true)).toBe(peer);
  });
});
