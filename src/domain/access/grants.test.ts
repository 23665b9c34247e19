import { describe, expect, it } from 'vitest';
import { mayGrant, mayGrantAnything, type Grant, type GrantFacts } from './grants.ts';
import type { Actor, RoleAssignment } from './policy.ts';

const actor = (roles: RoleAssignment[], platformAdmin = false): Actor => ({
  id: 'u-1',
  platformAdmin,
  roles,
});

const ACTORS: Record<string, Actor> = {
  admin: actor([], true),
  coordinator: actor([{ role: 'coordinator', scopeType: 'institution', scopeId: 'tohoku.ac.jp' }]),
  rep: actor([{ role: 'rep_officer', scopeType: 'consortium', scopeId: 'tohoku-jr' }]),
  funder: actor([{ role: 'funder_officer', scopeType: 'program', scopeId: 'mext' }]),
  secretariat: actor([{ role: 'secretariat', scopeType: 'association', scopeId: 'ajru' }]),
  reviewer: actor([{ role: 'reviewer', scopeType: 'call', scopeId: 'call-a' }]),
  student: actor([{ role: 'student', scopeType: 'self', scopeId: 'u-1' }]),
};

const FACTS: GrantFacts = {
  membershipsInForce: [
    { consortiumId: 'tohoku-jr', institutionId: 'tohoku.ac.jp' },
    { consortiumId: 'ajru', institutionId: 'nsu.ru' },
  ],
  callPrograms: { 'call-a': 'mext', 'call-b': 'other', 'call-c': null },
};

const G = (role: Grant['role'], scopeType: Grant['scopeType'], scopeId: string): Grant => ({
  role,
  scopeType,
  scopeId,
});

// Columns: admin, coordinator, rep, funder, secretariat, reviewer, student (1 = may grant).
const TABLE: [Grant, string][] = [
  [G('coordinator', 'institution', 'tohoku.ac.jp'), '1110000'],
  [G('coordinator', 'institution', 'nsu.ru'), '1000100'],
  [G('coordinator', 'institution', 'tsukuba.ac.jp'), '1000000'],
  [G('student', 'self', 'u-2'), '1100000'],
  [G('rep_officer', 'consortium', 'tohoku-jr'), '1010000'],
  [G('rep_officer', 'consortium', 'cic'), '1000000'],
  [G('funder_officer', 'program', 'mext'), '1001000'],
  [G('funder_officer', 'program', 'other'), '1000000'],
  [G('reviewer', 'call', 'call-a'), '1001000'],
  [G('reviewer', 'call', 'call-b'), '1000000'],
  [G('reviewer', 'call', 'call-c'), '1000000'],
  [G('reviewer', 'call', 'unknown-call'), '1000000'],
  [G('secretariat', 'association', 'ajru'), '1000100'],
  [G('secretariat', 'association', 'other'), '1000000'],
  // A role in a scope type it is never held in: refused to everyone.
  [G('coordinator', 'consortium', 'tohoku-jr'), '0000000'],
  [G('student', 'institution', 'tohoku.ac.jp'), '0000000'],
];

describe('who may grant which role in which scope', () => {
  const names = Object.keys(ACTORS);
  it.each(TABLE)('%o → %s', (grant, expected) => {
    const observed = names.map((n) => (mayGrant(ACTORS[n]!, grant, FACTS) ? '1' : '0')).join('');
    expect(observed).toBe(expected);
  });

  it('an anonymous visitor grants nothing', () => {
    expect(mayGrant(null, G('student', 'self', 'u-2'), FACTS)).toBe(false);
  });

  it('a membership not in force today gives a rep officer nothing', () => {
    const grant = G('coordinator', 'institution', 'tohoku.ac.jp');
    expect(mayGrant(ACTORS.rep!, grant, { ...FACTS, membershipsInForce: [] })).toBe(false);
  });

  it('membership in a consortium the actor does not represent gives nothing', () => {
    const grant = G('coordinator', 'institution', 'nsu.ru');
    expect(mayGrant(ACTORS.rep!, grant, FACTS)).toBe(false);
  });

  it('the people pages belong to those who may grant something', () => {
    expect(
      Object.fromEntries(Object.entries(ACTORS).map(([n, a]) => [n, mayGrantAnything(a)])),
    ).toEqual({
      admin: true,
      coordinator: true,
      rep: true,
      funder: true,
      secretariat: true,
      reviewer: false,
      student: false,
    });
    expect(mayGrantAnything(null)).toBe(false);
  });
});
