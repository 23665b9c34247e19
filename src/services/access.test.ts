import { describe, expect, it } from 'vitest';
import type { Actor } from '#src/domain/access/policy.ts';
import {
  holdsRole,
  mobilityResource,
  programResource,
  refusalOf,
  requireAccess,
} from './access.ts';

const coordinator = (institution: string): Actor => ({
  id: `u-${institution}`,
  platformAdmin: false,
  roles: [{ role: 'coordinator', scopeType: 'institution', scopeId: institution }],
});
const funder: Actor = {
  id: 'u-funder',
  platformAdmin: false,
  roles: [{ role: 'funder_officer', scopeType: 'program', scopeId: 'p-1' }],
};
const stay = mobilityResource({
  id: 'm-1',
  homeId: 'home.ac.jp',
  hostId: 'host.ru',
  studentUserId: 'u-student',
  programIds: ['p-1'],
});

describe('requireAccess', () => {
  it('allows what can() allows', () => {
    expect(() =>
      requireAccess({ actor: coordinator('home.ac.jp') }, 'person:read', stay),
    ).not.toThrow();
  });

  it('answers a refused read with 404 naming the record, never 403', () => {
    const refusal = refusalOf(coordinator('other.ac.jp'), 'person:read', stay);
    expect(refusal?.code).toBe('not_found');
    expect(refusal?.details).toEqual({ resource: 'mobility', id: 'm-1' });
  });

  it('answers a refused write on a visible record with 403', () => {
    const refusal = refusalOf(funder, 'mobility:manage', stay, {
      visibleBy: ['person:read', stay],
    });
    expect(refusal?.code).toBe('forbidden');
  });

  it('answers a refused write on a record the actor cannot see with 404', () => {
    const refusal = refusalOf(coordinator('other.ac.jp'), 'mobility:manage', stay, {
      visibleBy: ['person:read', stay],
    });
    expect(refusal?.code).toBe('not_found');
  });

  it('answers an anonymous write with 403 when nothing hides the record', () => {
    expect(refusalOf(null, 'program:write', programResource('p-1'))?.code).toBe('forbidden');
  });
});

describe('holdsRole', () => {
  it('reads the part from the roles, within their scope', () => {
    expect(holdsRole(funder, 'funder_officer', stay)).toBe(true);
    expect(holdsRole(funder, 'funder_officer', programResource('p-2'))).toBe(false);
    expect(holdsRole(coordinator('home.ac.jp'), 'funder_officer', stay)).toBe(false);
  });

  it('lets a platform administrator act in every part', () => {
    const admin: Actor = { id: 'u-admin', platformAdmin: true, roles: [] };
    expect(holdsRole(admin, 'rep_officer', stay)).toBe(true);
    expect(holdsRole(null, 'student', stay)).toBe(false);
  });
});
