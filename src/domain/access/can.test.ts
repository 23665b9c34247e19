import { describe, expect, it } from 'vitest';
import { can } from './can.ts';
import type { Action, Actor, Resource } from './policy.ts';

const actor = (id: string, roles: Actor['roles'], platformAdmin = false): Actor => ({
  id,
  platformAdmin,
  roles,
});

const admin = actor('u-admin', [], true);
const funder = actor('u-funder', [
  { role: 'funder_officer', scopeType: 'program', scopeId: 'mext-iep-2014' },
]);
const rep = actor('u-rep', [
  { role: 'rep_officer', scopeType: 'consortium', scopeId: 'jp-tohoku' },
]);
const coordTohoku = actor('u-ct', [
  { role: 'coordinator', scopeType: 'institution', scopeId: 'tohoku.ac.jp' },
]);
const coordNsu = actor('u-cn', [
  { role: 'coordinator', scopeType: 'institution', scopeId: 'nsu.ru' },
]);
const reviewer = actor('u-rev', [{ role: 'reviewer', scopeType: 'call', scopeId: 'call-1' }]);
const student = actor('u-stu', [{ role: 'student', scopeType: 'self', scopeId: 'u-stu' }]);
const secretariat = actor('u-sec', [
  { role: 'secretariat', scopeType: 'association', scopeId: 'ajru' },
]);

// A student of Tohoku placed at MSU, applying in call-1 of program mext-iep-2014.
const studentRecord: Resource = {
  type: 'student',
  institutionIds: ['tohoku.ac.jp', 'msu.ru'],
  consortiumIds: ['jp-tohoku'],
  programIds: ['mext-iep-2014'],
  callIds: ['call-1'],
  ownerUserId: 'u-stu',
};
const tohoku: Resource = { type: 'institution', institutionIds: ['tohoku.ac.jp'] };
const association: Resource = { type: 'consortium', consortiumIds: ['ajru'] };
const otherProgram: Resource = { type: 'program', programIds: ['mext-pilot-2003'] };

const table: [string, Actor | null, Action, Resource, boolean][] = [
  ['anyone reads the registry', null, 'registry:read', tohoku, true],
  ['anonymous sees no personal data', null, 'person:read', studentRecord, false],
  ['admin manages accounts', admin, 'account:manage', { type: 'user' }, true],
  ['coordinator cannot manage accounts', coordTohoku, 'account:manage', { type: 'user' }, false],
  ['home coordinator sees the student', coordTohoku, 'person:read', studentRecord, true],
  ['coordinator of another institution does not', coordNsu, 'person:read', studentRecord, false],
  ['the student sees themself', student, 'person:read', studentRecord, true],
  [
    'a student does not see another student',
    student,
    'person:read',
    { ...studentRecord, ownerUserId: 'u-x' },
    false,
  ],
  ['reviewer of the call sees the applicant', reviewer, 'person:read', studentRecord, true],
  [
    'reviewer of another call does not',
    reviewer,
    'person:read',
    { ...studentRecord, callIds: ['call-2'] },
    false,
  ],
  ['reviewer scores in their call', reviewer, 'score:write', studentRecord, true],
  ['coordinator edits own institution', coordTohoku, 'registry:write', tohoku, true],
  ['coordinator cannot edit another institution', coordNsu, 'registry:write', tohoku, false],
  [
    'funder edits own program',
    funder,
    'program:write',
    { type: 'program', programIds: ['mext-iep-2014'] },
    true,
  ],
  ['funder cannot edit another program', funder, 'program:write', otherProgram, false],
  ['R8: only the representative officer pays', rep, 'payment:manage', studentRecord, true],
  ['R8: a coordinator does not pay', coordTohoku, 'payment:manage', studentRecord, false],
  [
    '003 §11: the representative submits the application',
    rep,
    'application:submit',
    { type: 'application', consortiumIds: ['jp-tohoku'] },
    true,
  ],
  [
    '003 §11: a coordinator cannot submit',
    coordTohoku,
    'application:submit',
    { type: 'application', consortiumIds: ['jp-tohoku'], institutionIds: ['tohoku.ac.jp'] },
    false,
  ],
  ['secretariat manages its association', secretariat, 'consortium:write', association, true],
  [
    'secretariat cannot manage another body',
    secretariat,
    'consortium:write',
    { type: 'consortium', consortiumIds: ['cic'] },
    false,
  ],
  [
    'a student applies for themself',
    student,
    'call:apply',
    { type: 'application', ownerUserId: 'u-stu' },
    true,
  ],
  [
    "a party's coordinator manages the agreement",
    coordTohoku,
    'agreement:manage',
    { type: 'agreement', institutionIds: ['tohoku.ac.jp'] },
    true,
  ],
  [
    'a third institution does not',
    coordNsu,
    'agreement:manage',
    { type: 'agreement', institutionIds: ['tohoku.ac.jp', 'msu.ru'] },
    false,
  ],
  [
    'a student does not manage agreements',
    student,
    'agreement:manage',
    { type: 'agreement', ownerUserId: 'u-stu' },
    false,
  ],
  [
    'a coordinator may add a new institution',
    coordNsu,
    'registry:create',
    { type: 'institution' },
    true,
  ],
  ['a student may not', student, 'registry:create', { type: 'institution' }, false],
  [
    'the secretariat edits a member of its association',
    secretariat,
    'registry:write',
    { type: 'institution', institutionIds: ['asu.ru'], consortiumIds: ['ajru'] },
    true,
  ],
];

describe('access: can(actor, action, resource)', () => {
  it.each(table)('%s', (_name, who, action, resource, expected) => {
    expect(can(who, action, resource)).toBe(expected);
  });
});

describe('registry:write on an institution someone added', () => {
  const partner: Resource = {
    type: 'institution',
    institutionIds: ['omsk.example.ru'],
    createdBy: 'u-ct',
  };
  it('lets the coordinator who added it keep it up to date', () => {
    expect(can(coordTohoku, 'registry:write', partner)).toBe(true);
  });
  it('refuses another coordinator, and a student, even were they named as its creator', () => {
    expect(can(coordNsu, 'registry:write', partner)).toBe(false);
    expect(can(student, 'registry:write', { ...partner, createdBy: 'u-stu' })).toBe(false);
  });
  it('keeps the scoped coordinators of the institution itself', () => {
    expect(can(coordTohoku, 'registry:write', { ...tohoku, createdBy: null })).toBe(true);
    expect(can(coordNsu, 'registry:write', tohoku)).toBe(false);
  });
});

describe('alumni associations', () => {
  const alumniAssociation: Resource = {
    type: 'alumni-association',
    institutionIds: ['tohoku.ac.jp'],
    officerUserIds: ['u-officer'],
  };
  const officer = actor('u-officer', []);

  it("lets the university's coordinators and the association's officers manage it, no one else", () => {
    expect(can(coordTohoku, 'alumni:manage', alumniAssociation)).toBe(true);
    expect(can(officer, 'alumni:manage', alumniAssociation)).toBe(true);
    expect(can(coordNsu, 'alumni:manage', alumniAssociation)).toBe(false);
    expect(can(student, 'alumni:manage', alumniAssociation)).toBe(false);
    expect(can(null, 'alumni:manage', alumniAssociation)).toBe(false);
  });

  it('lets only its holder manage an alumni profile and its consent', () => {
    const profile: Resource = {
      type: 'alumni-record',
      institutionIds: ['tohoku.ac.jp'],
      ownerUserId: 'u-stu',
    };
    expect(can(student, 'alumni:profile', profile)).toBe(true);
    expect(can(coordTohoku, 'alumni:profile', profile)).toBe(false);
    expect(can(officer, 'alumni:profile', { ...profile, officerUserIds: ['u-officer'] })).toBe(
      false,
    );
    expect(can(null, 'alumni:profile', profile)).toBe(false);
  });

  it('lets anyone read the directory (each entry shows only what was consented)', () => {
    expect(can(null, 'alumni:read', alumniAssociation)).toBe(true);
  });
});
