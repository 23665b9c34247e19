import { describe, expect, it } from 'vitest';
import {
  approveVersion,
  currentVersion,
  diffVersions,
  draftLearningAgreement,
  isSigned,
  laPartyOf,
  pendingProposal,
  proposeChanges,
  rejectVersion,
  versionCredits,
  versionOf,
} from './learning-agreement.ts';
import type { LaComponent, LaParty, LaResult, LearningAgreement } from './learning-agreement.ts';

const T = (n: number) => `2026-0${n}-01T10:00:00+09:00`;

/** A Tohoku student at Novosibirsk: host credits in зачётные единицы, home in 単位. */
const comp = (id: string, code: string, ze: number, tan: number): LaComponent => ({
  id,
  host: {
    code,
    title: { ru: `Курс ${code}`, en: `Course ${code}` },
    credits: { value: ze, system: 'ru-ze' },
  },
  home: {
    code: `TH-${code}`,
    title: { ja: `科目${code}` },
    credits: { value: tan, system: 'jp-tan-i' },
  },
});

const sign = (party: LaParty, at = T(3)) => ({
  party,
  signerName: `${party} signer`,
  signedAt: at,
});

function must(r: LaResult): LearningAgreement {
  if (!r.ok) throw new Error(`${r.refusal.code}: ${r.refusal.message}`);
  return r.value.agreement;
}

function draft(): LearningAgreement {
  return must(
    draftLearningAgreement({
      id: 'la-1',
      mobilityId: 'm-1',
      homeInstitutionId: 'tohoku.ac.jp',
      hostInstitutionId: 'nsu.ru',
      homeCreditSystem: 'jp-tan-i',
      hostCreditSystem: 'ru-ze',
      components: [comp('c1', 'RUS101', 3, 2), comp('c2', 'HIS210', 4, 2)],
      proposedBy: 'student',
      at: T(1),
    }),
  );
}

function signedByAll(la: LearningAgreement, version: number): LearningAgreement {
  for (const p of ['student', 'home', 'host'] as const)
    la = must(approveVersion(la, version, sign(p)));
  return la;
}

describe('learning agreement: three signatures', () => {
  it('R7: the first version is approved when student, home and host have signed', () => {
    let la = draft();
    expect(isSigned(la)).toBe(false);
    la = must(approveVersion(la, 1, sign('student')));
    la = must(approveVersion(la, 1, sign('host')));
    expect(pendingProposal(la)?.number).toBe(1);
    const r = approveVersion(la, 1, sign('home'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.events.map((e) => e.type)).toEqual(['la.signed', 'la.approved']);
    expect(r.value.events[1]?.notify).toEqual(['student', 'home', 'host']);
    la = r.value.agreement;
    expect(isSigned(la)).toBe(true);
    expect(currentVersion(la)?.number).toBe(1);
    expect(pendingProposal(la)).toBeNull();
  });

  it('a party signs once', () => {
    const la = must(approveVersion(draft(), 1, sign('student')));
    expect(approveVersion(la, 1, sign('student'))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_already_signed' },
    });
  });

  it('refuses drafts with bad components', () => {
    const base = {
      id: 'la-x',
      mobilityId: 'm',
      homeInstitutionId: 'a',
      hostInstitutionId: 'b',
      homeCreditSystem: 'jp-tan-i' as const,
      hostCreditSystem: 'ru-ze' as const,
      proposedBy: 'student' as const,
      at: T(1),
    };
    expect(draftLearningAgreement({ ...base, components: [] })).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_no_components' },
    });
    const wrongSystem = {
      ...comp('c1', 'X', 3, 2),
      host: { ...comp('c1', 'X', 3, 2).host, credits: { value: 5, system: 'ects' as const } },
    };
    expect(draftLearningAgreement({ ...base, components: [wrongSystem] })).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_wrong_credit_system' },
    });
    expect(
      draftLearningAgreement({
        ...base,
        components: [comp('c1', 'X', 3, 2), comp('c1', 'Y', 3, 2)],
      }),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.la_duplicate_component' } });
    expect(draftLearningAgreement({ ...base, components: [comp('c1', 'X', 0, 2)] }).ok).toBe(false);
  });

  it('editing an unsigned draft supersedes it; signatures on the old draft do not carry over', () => {
    let la = must(approveVersion(draft(), 1, sign('student')));
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [{ kind: 'delete', componentId: 'c2', reason: 'timetable-conflict' }],
        proposedBy: 'home',
        at: T(2),
      }),
    );
    expect(versionOf(la, 1)?.status).toBe('superseded');
    expect(versionOf(la, 2)).toMatchObject({ basedOn: null, status: 'proposed', signatures: {} });
    expect(approveVersion(la, 1, sign('host'))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_version_not_pending' },
    });
  });
});

describe('learning agreement: changes after signing', () => {
  it('R7: a change is a proposal all three approve; the signed version stays current until then', () => {
    let la = signedByAll(draft(), 1);
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [
          { kind: 'delete', componentId: 'c2', reason: 'not-available' },
          { kind: 'insert', component: comp('c3', 'ECO300', 5, 3), reason: 'substituting-deleted' },
          {
            kind: 'update',
            component: { ...comp('c1', 'RUS101', 4, 3), conditions: 'oral exam in Russian' },
            reason: 'extending-mobility',
          },
        ],
        proposedBy: 'student',
        at: T(4),
      }),
    );
    expect(currentVersion(la)?.number).toBe(1);
    expect(pendingProposal(la)).toMatchObject({ number: 2, basedOn: 1 });
    la = must(approveVersion(la, 2, sign('student', T(5))));
    la = must(approveVersion(la, 2, sign('host', T(5))));
    expect(currentVersion(la)?.number).toBe(1);
    la = must(approveVersion(la, 2, sign('home', T(5))));
    expect(currentVersion(la)?.number).toBe(2);
    expect(la.versions.map((v) => v.status)).toEqual(['approved', 'approved']);
    expect(versionCredits(la, currentVersion(la)!)).toEqual({
      host: { value: 9, system: 'ru-ze' },
      home: { value: 6, system: 'jp-tan-i' },
    });
  });

  it('R7: an approval made on an older version is refused as stale', () => {
    let la = signedByAll(draft(), 1);
    const change = (id: string, base: number) =>
      proposeChanges(la, {
        baseVersion: base,
        changes: [
          { kind: 'insert', component: comp(id, id, 2, 1), reason: 'adding-virtual-component' },
        ],
        proposedBy: 'home',
        at: T(4),
      });
    la = must(change('c4', 1));
    la = must(approveVersion(la, 2, sign('host')));
    // The home coordinator revises the proposal before the student signs: version 3 replaces 2.
    la = must(change('c5', 2));
    expect(versionOf(la, 2)?.status).toBe('superseded');
    const stale = approveVersion(la, 2, sign('student'));
    expect(stale).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_version_not_pending' },
    });
    expect(approveVersion(la, 1, sign('student'))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_version_not_pending' },
    });
    // A proposal made from an outdated view is stale too.
    expect(change('c6', 2)).toMatchObject({ ok: false, refusal: { code: 'recognition.la_stale' } });
    expect(approveVersion(la, 3, sign('student')).ok).toBe(true);
  });

  it('a party rejects a proposal with a comment; the signed version stays current', () => {
    let la = signedByAll(draft(), 1);
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [{ kind: 'delete', componentId: 'c1', reason: 'other', reasonText: 'too hard' }],
        proposedBy: 'student',
        at: T(4),
      }),
    );
    expect(rejectVersion(la, 2, { party: 'home', comment: ' ', at: T(5) })).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_comment_required' },
    });
    la = must(rejectVersion(la, 2, { party: 'home', comment: 'RUS101 is compulsory', at: T(5) }));
    expect(versionOf(la, 2)).toMatchObject({
      status: 'rejected',
      rejection: { party: 'home', comment: 'RUS101 is compulsory' },
    });
    expect(currentVersion(la)?.number).toBe(1);
    expect(pendingProposal(la)).toBeNull();
    expect(approveVersion(la, 2, sign('host'))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_no_pending_proposal' },
    });
  });

  it('refuses empty, unknown, duplicate and unexplained changes', () => {
    const la = signedByAll(draft(), 1);
    const p = (changes: Parameters<typeof proposeChanges>[1]['changes']) =>
      proposeChanges(la, { baseVersion: 1, changes, proposedBy: 'student', at: T(4) });
    expect(p([])).toMatchObject({ ok: false, refusal: { code: 'recognition.la_no_changes' } });
    expect(p([{ kind: 'delete', componentId: 'zz', reason: 'not-available' }])).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_unknown_component' },
    });
    expect(
      p([{ kind: 'insert', component: comp('c1', 'X', 1, 1), reason: 'not-available' }]),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.la_duplicate_component' } });
    expect(p([{ kind: 'delete', componentId: 'c1', reason: 'other' }])).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_reason_text_required' },
    });
    expect(
      p([
        { kind: 'delete', componentId: 'c1', reason: 'not-available' },
        { kind: 'delete', componentId: 'c2', reason: 'not-available' },
      ]),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.la_no_components' } });
  });
});

describe('diffVersions', () => {
  it('lists added, removed and changed components with the changed fields', () => {
    let la = signedByAll(draft(), 1);
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [
          { kind: 'delete', componentId: 'c2', reason: 'not-available' },
          { kind: 'insert', component: comp('c3', 'ECO300', 5, 3), reason: 'substituting-deleted' },
          { kind: 'update', component: comp('c1', 'RUS101', 4, 3), reason: 'extending-mobility' },
        ],
        proposedBy: 'student',
        at: T(4),
      }),
    );
    const d = diffVersions(versionOf(la, 1)!, versionOf(la, 2)!);
    expect(d.added.map((c) => c.id)).toEqual(['c3']);
    expect(d.removed.map((c) => c.id)).toEqual(['c2']);
    expect(d.changed).toHaveLength(1);
    expect(d.changed[0]).toMatchObject({
      id: 'c1',
      fields: ['home.credits.value', 'host.credits.value'],
    });
    expect(diffVersions(versionOf(la, 2)!, versionOf(la, 2)!)).toEqual({
      added: [],
      removed: [],
      changed: [],
    });
  });
});

describe('laPartyOf', () => {
  it('maps actors to the party they sign as', () => {
    expect(laPartyOf({ role: 'student', side: null })).toBe('student');
    expect(laPartyOf({ role: 'coordinator', side: 'host' })).toBe('host');
    expect(laPartyOf({ role: 'coordinator', side: null })).toBeNull();
    expect(laPartyOf({ role: 'rep_officer', side: null })).toBeNull();
  });
});
