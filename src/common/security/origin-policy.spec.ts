import { isOriginAllowed, type OriginPolicy } from './origin-policy';

describe(isOriginAllowed.name, () => {
  const sameOriginOnly: OriginPolicy = { allowedOrigins: [], trustProxy: false };

  it.each([
    ['no Origin header', { host: 'chat.example:3000' }],
    ['an Origin equal to the Host', { host: 'chat.example:3000', origin: 'http://chat.example:3000' }],
    ['the same host behind a TLS proxy', { host: 'chat.example', origin: 'https://chat.example' }],
    ['a Host in capitals', { host: 'Chat.Example', origin: 'https://chat.example' }],
  ])('should allow %s when only the same origin is allowed', (_case, headers) => {
    expect(isOriginAllowed(headers, sameOriginOnly)).toBe(true);
  });

  it.each([
    ['a foreign origin', { host: 'chat.example', origin: 'https://evil.example' }],
    ['another port', { host: 'chat.example:3000', origin: 'http://chat.example:4000' }],
    ['the null origin', { host: 'chat.example', origin: 'null' }],
    ['an origin and no Host', { origin: 'https://chat.example' }],
    ['a forwarded host without TRUST_PROXY', { host: 'internal:3000', 'x-forwarded-host': 'chat.example', origin: 'https://chat.example' }],
  ])('should refuse %s when only the same origin is allowed', (_case, headers) => {
    expect(isOriginAllowed(headers, sameOriginOnly)).toBe(false);
  });

  it('should allow a listed origin, compared as URL.origin', () => {
    const sut: OriginPolicy = { allowedOrigins: ['https://console.example'], trustProxy: false };

    expect(isOriginAllowed({ host: 'chat.example', origin: 'https://console.example' }, sut)).toBe(true);
    expect(isOriginAllowed({ host: 'chat.example', origin: 'http://console.example' }, sut)).toBe(false);
  });

  it('should take the last X-Forwarded-Host as the own host with TRUST_PROXY', () => {
    const sut: OriginPolicy = { allowedOrigins: [], trustProxy: true };

    expect(isOriginAllowed({ host: 'internal:3000', 'x-forwarded-host': 'forged.example, chat.example', origin: 'https://chat.example' }, sut)).toBe(true);
    expect(isOriginAllowed({ host: 'internal:3000', 'x-forwarded-host': 'forged.example, chat.example', origin: 'https://forged.example' }, sut)).toBe(false);
  });
});
