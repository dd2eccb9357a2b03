import type { ExecutionContext } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import type { OfficerProfile } from '../../contracts/socket-events';
import type { OfficerSession } from './officer-auth.service';
import { OfficerSocketGuard } from './officer-socket.guard';

function contextWith(session: OfficerSession | undefined): ExecutionContext {
  return { switchToWs: () => ({ getClient: () => ({ data: { session } }) }) } as unknown as ExecutionContext;
}

const OFFICER: OfficerProfile = { id: 'o1', username: 'o1', displayName: 'O1', roles: ['officer'] };

describe(OfficerSocketGuard.name, () => {
  const sut = new OfficerSocketGuard();

  it('should let a live session through', () => {
    expect(sut.canActivate(contextWith({ officer: OFFICER, expiresAt: Date.now() + 60_000 }))).toBe(true);
  });

  it.each<[string, OfficerSession | undefined]>([
    ['no session', undefined],
    ['an expired session', { officer: OFFICER, expiresAt: Date.now() - 1 }],
  ])('should refuse %s with UNAUTHORIZED', (_case, session) => {
    expect(() => sut.canActivate(contextWith(session))).toThrow(WsException);
    try {
      sut.canActivate(contextWith(session));
    } catch (error) {
      expect((error as WsException).getError()).toMatchObject({ code: 'UNAUTHORIZED' });
    }
  });
});
