import type { ExecutionContext } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { OfficerProfile } from '../../contracts/socket-events';
import type { OfficerAuthService, OfficerSession } from './officer-auth.service';
import { type OfficerSocketData, OfficerSocketGuard } from './officer-socket.guard';

function contextWith(data: OfficerSocketData): ExecutionContext {
  return { switchToWs: () => ({ getClient: () => ({ data }) }) } as unknown as ExecutionContext;
}

/** The error a guard threw, or undefined when it let the event through. */
function refusal(guard: OfficerSocketGuard, data: OfficerSocketData): unknown {
  try {
    guard.canActivate(contextWith(data));
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(WsException);
    return (error as WsException).getError();
  }
}

const OFFICER: OfficerProfile = { id: 'o1', username: 'o1', displayName: 'O1', roles: ['officer'] };
const session = (overrides: Partial<OfficerSession> = {}): OfficerSession => ({
  officer: OFFICER,
  jti: 'live',
  issuedAt: Date.now() - 1000,
  expiresAt: Date.now() + 60_000,
  ...overrides,
});

describe(OfficerSocketGuard.name, () => {
  const revokedJtis = new Set(['revoked']);
  const fakeAuth = { isRevoked: (checked: OfficerSession) => revokedJtis.has(checked.jti) } as OfficerAuthService;
  const sut = new OfficerSocketGuard(fakeAuth);

  it('should let a live session through', () => {
    expect(sut.canActivate(contextWith({ session: session() }))).toBe(true);
  });

  it.each<[string, OfficerSocketData]>([
    ['no session', {}],
    ['an expired session', { session: session({ expiresAt: Date.now() - 1 }) }],
  ])('should refuse %s with UNAUTHORIZED', (_case, data) => {
    expect(refusal(sut, data)).toEqual({ code: 'UNAUTHORIZED', message: 'Session expirée ou absente : reconnectez-vous.' });
  });

  it.each<[string, OfficerSocketData]>([
    ['a revoked token', { session: session({ jti: 'revoked' }) }],
    ['a socket being signed out', { session: session(), signedOut: true }],
  ])('should refuse %s with UNAUTHORIZED « Vous êtes déconnecté. »', (_case, data) => {
    expect(refusal(sut, data)).toEqual({ code: 'UNAUTHORIZED', message: 'Vous êtes déconnecté.' });
  });
});
