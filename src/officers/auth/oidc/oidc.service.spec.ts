import { rolesOfClaims } from './oidc.service';

describe(rolesOfClaims.name, () => {
  it('should keep the known roles of a list, in the console order, once each', () => {
    expect(rolesOfClaims({ roles: ['editor', 'admin', 'officer', 'editor'] }, 'roles')).toEqual(['officer', 'editor']);
  });

  it('should read a string of space-separated roles', () => {
    expect(rolesOfClaims({ groups: 'supervisor  officer' }, 'groups')).toEqual(['officer', 'supervisor']);
  });

  it('should follow a dotted path when no claim has that exact name', () => {
    expect(rolesOfClaims({ realm_access: { roles: ['supervisor', 'offline_access'] } }, 'realm_access.roles')).toEqual(['supervisor']);
  });

  it('should prefer a claim whose name has a dot over the path', () => {
    expect(rolesOfClaims({ 'app.roles': ['editor'], app: { roles: ['officer'] } }, 'app.roles')).toEqual(['editor']);
  });

  it.each<[string, Record<string, unknown>]>([
    ['a missing claim', {}],
    ['unknown roles only', { roles: ['admin', 'Officer'] }],
    ['a number', { roles: 3 }],
    ['a list of non-strings', { roles: [{ name: 'officer' }] }],
    ['a path through a non-object', { realm_access: 'officer' }],
  ])('should find no role in %s', (_case, claims) => {
    expect(rolesOfClaims(claims, claims.realm_access === undefined ? 'roles' : 'realm_access.roles')).toEqual([]);
  });
});
