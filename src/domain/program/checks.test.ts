import { describe, expect, it } from 'vitest';
import type { ProjectApplication } from './application.ts';
import { emptyApplication, projectApplicationSchema } from './application.ts';
import type { CheckResult } from './checks.ts';
import {
  checkApplication,
  checkSubmission,
  checkSubmitter,
  deadlineCountdown,
  projectBudget,
  startSupport,
  supportPeriod,
  transitionSupport,
  type RegistryAgreement,
} from './checks.ts';
import { DRAFT_FAILING_R1, TOHOKU_JAPAN_RUSSIA } from '#src/db/seed/demo-applications.ts';
import {
  IEP_RUSSIA_INDIA_2014 as IEP,
  PILOT_PROGRAM_2003 as PILOT,
} from '#src/db/seed/demo-programs.ts';
import type { ProgramRules } from './rules.ts';
import { annualScholarshipBudget, reviseProgramRules } from './rules.ts';

const TODAY_2014 = '2014-05-01';

/** An application with its signed copy of the agreement stored (R2 without the registry). */
const withStoredCopy = (app: ProjectApplication): ProjectApplication => ({
  ...app,
  attachments: app.attachments.map((a) =>
    a.kind === 'agreement-copy' ? { ...a, fileName: 'agreement.pdf', sha256: 'ab'.repeat(32) } : a,
  ),
});
const TOHOKU = withStoredCopy(TOHOKU_JAPAN_RUSSIA);
const TODAY_2003 = '2003-05-01';

const edit = (change: (a: ProjectApplication) => void, base = TOHOKU): ProjectApplication => {
  const copy = structuredClone(base);
  change(copy);
  return projectApplicationSchema.parse(copy);
};
const refusals = (
  rules: ProgramRules,
  app: ProjectApplication,
  today = TODAY_2014,
): CheckResult[] => checkApplication(rules, app, { today }).filter((r) => !r.ok);
const codes = (rs: CheckResult[]) => rs.map((r) => r.code);

describe('the demo applications', () => {
  it('R1–R18: Tohoku’s selected project (source document 000) passes every check of its program', () => {
    expect(refusals(IEP, TOHOKU)).toEqual([]);
  });
  it('R2: without a stored copy nor an agreement of the registry, the declaration is refused', () => {
    expect(codes(refusals(IEP, TOHOKU_JAPAN_RUSSIA))).toEqual(['program.agreement_copy_missing']);
  });

  it('R1: the invented draft has two Japanese universities and fails R1 only (003 §5(1))', () => {
    const r = refusals(PILOT, withStoredCopy(DRAFT_FAILING_R1), TODAY_2003);
    expect(codes(r)).toEqual(['program.home_too_few']);
    expect(r[0]).toMatchObject({
      rule: 'R1',
      field: 'outline.consortia.home.members',
      params: { count: 2, min: 3 },
    });
    expect(r[0]?.params).toMatchObject({ missing: 1, country: 'JP' });
    expect(r[0]).not.toHaveProperty('message');
  });

  it('R15: an empty draft lists every missing item of §6(1) by number', () => {
    expect(() => projectApplicationSchema.parse(emptyApplication('x', PILOT.id))).not.toThrow();
    const r = refusals(PILOT, emptyApplication('x', PILOT.id), TODAY_2003).filter(
      (x) => x.code === 'program.item_missing',
    );
    expect(r.map((x) => x.params?.item)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
  });
});

describe('R1 — 003 §2(1), §5(1)', () => {
  it('R1: academies of sciences do not count as universities', () => {
    const app = edit((a) => {
      a.outline.consortia.partner.members = a.outline.consortia.partner.members.filter(
        (m) => m.kind !== 'university' || m.institutionId === 'msu.ru',
      );
    });
    const rules = reviseProgramRules(IEP, (r) => ({
      ...r,
      consortium: { ...r.consortium, minPartnerUniversities: 3 },
    }));
    expect(codes(refusals(rules, app))).toContain('program.partner_too_few');
  });

  it('R1: the minimum per side is program data — Tohoku alone fails the pilot’s 3 + 3', () => {
    const app = edit((a) => {
      a.programId = PILOT.id;
    });
    expect(codes(refusals(PILOT, app, TODAY_2003))).toContain('program.home_too_few');
  });

  it('R1: partners must be in the program’s countries (FY2014: Russia and India)', () => {
    const app = edit((a) => {
      const m = a.outline.consortia.partner.members[0];
      if (m) m.country = 'FR';
    });
    expect(codes(refusals(IEP, app))).toContain('program.partner_country_not_allowed');
  });

  it('R1: a foreign institution cannot sit in the home consortium', () => {
    const app = edit((a) => {
      const msu = a.outline.consortia.partner.members[0];
      if (msu) a.outline.consortia.home.members.push(msu);
    });
    expect(codes(refusals(IEP, app))).toContain('program.home_member_abroad');
  });
});

describe('R2 — 003 §5(2)', () => {
  it('R2: a stored signed copy without the registry passes, flagged as not verified', () => {
    const r2 = checkApplication(IEP, TOHOKU, { today: TODAY_2014 }).filter((r) => r.rule === 'R2');
    expect(r2).toEqual([
      expect.objectContaining({
        ok: true,
        warning: true,
        code: 'program.agreement_copy_unverified',
      }),
    ]);
  });
  it('R2: an unsigned agreement is refused', () => {
    const app = edit((a) => {
      delete a.outline.agreement.signedOn;
    });
    expect(codes(refusals(IEP, app))).toContain('program.agreement_not_signed');
  });
  it('R2: an agreement dated after today is not signed yet', () => {
    expect(codes(refusals(IEP, TOHOKU, '2014-04-24'))).toContain('program.agreement_not_signed');
  });
  it('R2: the copy must be attached and both representatives must sign', () => {
    const app = edit((a) => {
      a.outline.agreement.copyAttachmentId = 'nope';
      a.outline.agreement.signatories = ['tohoku.ac.jp'];
    });
    expect(codes(refusals(IEP, app))).toEqual(
      expect.arrayContaining([
        'program.agreement_copy_missing',
        'program.representative_not_signatory',
      ]),
    );
  });
});

describe('R3 — 003 §5(3)', () => {
  it('R3: a level the program does not target is refused', () => {
    const rules = reviseProgramRules(IEP, (r) => ({ ...r, levels: ['master', 'doctor'] }));
    const r = refusals(rules, TOHOKU).filter((x) => x.rule === 'R3');
    expect(r[0]).toMatchObject({
      code: 'program.level_not_targeted',
      params: { level: { en: 'bachelor' } },
    });
  });
  it('R3: no level at all is refused', () => {
    const app = edit((a) => {
      a.outline.levels = [];
    });
    expect(codes(refusals(IEP, app))).toContain('program.no_level');
  });
});

describe('R4, R12, R14 — 003 §5(4), §3(2)2), §4', () => {
  it('R4: unbalanced numbers beyond the tolerance are refused; the tolerance is program data', () => {
    const app = edit((a) => {
      const y = a.outline.numbers[0];
      if (y) y.inbound = { students: 4, studentMonths: 24 };
    });
    expect(codes(refusals(IEP, app))).toContain('program.unbalanced');
    const lenient = reviseProgramRules(IEP, (r) => ({
      ...r,
      balanceTolerance: { students: 4, studentMonths: 24 },
    }));
    expect(codes(refusals(lenient, app))).not.toContain('program.unbalanced');
  });
  it('R14: more student-months than the annual cap are refused', () => {
    const app = edit((a) => {
      a.outline.numbers[2] = {
        year: 3,
        outbound: { students: 31, studentMonths: 372 },
        inbound: { students: 31, studentMonths: 372 },
      };
    });
    expect(codes(refusals(IEP, app))).toContain('program.over_cap');
  });
  it('R12: planned stays outside the program’s range are refused', () => {
    const app = edit((a) => {
      a.outline.schedule.stayMonths = { min: 1, max: 12 };
    });
    expect(refusals(IEP, app).find((r) => r.rule === 'R12')).toMatchObject({
      code: 'program.stay_out_of_range',
      params: { min: 3, max: 12 },
    });
  });
});

describe('R5, R6, R7 — 003 §5(5)–(7)', () => {
  it('R5: the tuition waiver must be stipulated, with a copy', () => {
    const app = edit((a) => {
      a.outline.tuitionWaiver = { stipulated: false, clause: {} };
    });
    expect(codes(refusals(IEP, app))).toEqual(
      expect.arrayContaining([
        'program.tuition_waiver_not_stipulated',
        'program.tuition_waiver_copy_missing',
      ]),
    );
  });
  it('R6: screening must be common to both sides', () => {
    const app = edit((a) => {
      a.outline.screening.commonToBothSides = false;
    });
    expect(refusals(IEP, app).find((r) => r.rule === 'R6')).toMatchObject({
      code: 'program.screening_not_common',
      field: 'outline.screening.commonToBothSides',
    });
  });
  it('R7: one recognition system common to all members', () => {
    const app = edit((a) => {
      a.outline.recognition = { system: {}, commonToAllMembers: false };
    });
    expect(codes(refusals(IEP, app))).toEqual(
      expect.arrayContaining([
        'program.recognition_system_missing',
        'program.recognition_not_common',
      ]),
    );
  });
});

describe('R16 — 003 §7(2)', () => {
  it('R16: a member that neither signed the agreement nor attached a consent is named', () => {
    const app = edit((a) => {
      a.attachments = a.attachments.filter((x) => x.institutionId !== 'sbras.ru');
    });
    const r = refusals(IEP, app).filter((x) => x.rule === 'R16');
    expect(r).toHaveLength(1);
    expect(r[0]).toMatchObject({
      code: 'program.consent_missing',
      params: { institutionId: 'sbras.ru' },
    });
  });
  it('R16: an agreement that does not stipulate recognition needs consents from every member', () => {
    const app = edit((a) => {
      a.outline.agreement.stipulatesRecognition = false;
    });
    const named = refusals(IEP, app)
      .filter((x) => x.rule === 'R16')
      .map((x) => x.params?.institutionId);
    expect(named).toEqual(['tohoku.ac.jp', 'msu.ru', 'nsu.ru', 'dvfu.ru']);
  });
});

describe('R17 — 003 §7(3)', () => {
  it('R17: a foreign member’s attachment without a Japanese translation is refused', () => {
    const app = edit((a) => {
      a.attachments = a.attachments.filter((x) => x.id !== 'att-febras-consent-ja');
    });
    expect(refusals(IEP, app).find((r) => r.rule === 'R17')).toMatchObject({
      code: 'program.attachment_untranslated',
      params: { attachmentId: 'att-febras-consent' },
    });
  });
  it('R17: a foreign member’s outline without Japanese is refused', () => {
    const app = edit((a) => {
      const msu = a.outline.consortia.partner.members[0];
      if (msu) delete msu.outline.ja;
    });
    expect(codes(refusals(IEP, app))).toContain('program.texts_untranslated');
  });
});

describe('R18 — 003 §8–9', () => {
  it('R18: on the deadline day (May 30, 2003) the call is open; the next day it is closed', () => {
    expect(codes(refusals(PILOT, DRAFT_FAILING_R1, '2003-05-30'))).not.toContain(
      'program.deadline_passed',
    );
    const r = refusals(PILOT, DRAFT_FAILING_R1, '2003-05-31').find((x) => x.rule === 'R18');
    expect(r).toMatchObject({
      code: 'program.deadline_passed',
      params: { deadline: '2003-05-30', outcomeBy: '2003-06-30' },
    });
  });
  it('R18: instants are read in Tokyo time (+09:00)', () => {
    const at = (now: string) => codes(refusals(PILOT, DRAFT_FAILING_R1, now));
    expect(at('2003-05-30T23:59:59+09:00')).not.toContain('program.deadline_passed');
    expect(at('2003-05-30T15:00:00Z')).toContain('program.deadline_passed');
  });
  it('R18: the countdown to the deadline', () => {
    const c = deadlineCountdown(PILOT, '2003-05-28T12:30:00+09:00');
    expect(c).toMatchObject({
      closesAt: '2003-05-30T15:00:00.000Z',
      passed: false,
      days: 2,
      hours: 11,
      minutes: 30,
      seconds: 0,
    });
    expect(deadlineCountdown(PILOT, '2003-06-01T00:00:00Z')).toMatchObject({
      passed: true,
      totalMs: 0,
    });
  });
  it('R18: a submission after the deadline is refused with the rule', () => {
    const app = edit((a) => {
      a.responsiblePerson.userId = 'u-hana';
    }, DRAFT_FAILING_R1);
    const v = checkSubmission(PILOT, app, { today: '2003-06-02', submitterUserId: 'u-hana' });
    expect(v.ok).toBe(false);
    expect(v.refusals.map((r) => r.rule)).toEqual(expect.arrayContaining(['R1', 'R18']));
  });
});

describe('§11 — only the responsible person of the representative university submits', () => {
  const app = edit((a) => {
    a.status = 'draft';
    a.responsiblePerson.userId = 'u-reiko';
  });
  it('§11: the responsible person may submit before the deadline', () => {
    const v = checkSubmission(IEP, app, { today: TODAY_2014, submitterUserId: 'u-reiko' });
    expect(v.refusals).toEqual([]);
    expect(v.ok).toBe(true);
  });
  it('§11: anyone else is refused, naming the rule', () => {
    expect(checkSubmitter(app, 'u-kenji')).toMatchObject({
      rule: '§11',
      ok: false,
      code: 'program.not_responsible_person',
    });
    expect(checkSubmitter(app, undefined).ok).toBe(false);
    expect(checkSubmission(IEP, app, { today: TODAY_2014, submitterUserId: 'u-kenji' }).ok).toBe(
      false,
    );
  });
  it('§11: the responsible person must be at the representative university', () => {
    const moved = edit((a) => {
      a.responsiblePerson.institutionId = 'msu.ru';
    }, app);
    expect(checkSubmitter(moved, 'u-reiko').code).toBe('program.responsible_not_at_representative');
  });
  it('§11: an application already submitted cannot be submitted again', () => {
    const submitted = edit((a) => {
      a.status = 'submitted';
    }, app);
    expect(
      codes(
        checkSubmission(IEP, submitted, { today: TODAY_2014, submitterUserId: 'u-reiko' }).refusals,
      ),
    ).toEqual(['program.not_draft']);
  });
});

describe('R11 × R14 — amounts come from the program', () => {
  it('R11: changing the stipend in the program changes every amount', () => {
    const before = projectBudget(IEP, TOHOKU);
    const richer = reviseProgramRules(IEP, (r) => ({
      ...r,
      stipend: { ...r.stipend, monthlyAmount: r.stipend.monthlyAmount + 20_000 },
    }));
    const after = projectBudget(richer, TOHOKU);
    const ratio = richer.stipend.monthlyAmount / IEP.stipend.monthlyAmount;
    expect(after.monthlyStipendYen).toBe(richer.stipend.monthlyAmount);
    expect(after.totalYen).toBe(before.totalYen * ratio);
    after.years.forEach((y, i) => {
      const b = before.years[i];
      expect(y.scholarshipYen).toBe((b?.scholarshipYen ?? NaN) * ratio);
      expect(y.capYen).toBe((b?.capYen ?? NaN) * ratio);
    });
    expect(annualScholarshipBudget(richer)).toBe(annualScholarshipBudget(IEP) * ratio);
    expect(richer.version).toBe(IEP.version + 1);
  });
  it('R11: the budget is student-months × the monthly stipend', () => {
    const b = projectBudget(IEP, TOHOKU);
    expect(b.years[0]).toMatchObject({
      studentMonths: 48,
      scholarshipYen: 48 * IEP.stipend.monthlyAmount,
      withinCap: true,
    });
  });
});

describe('R10 — 003 §3(1)', () => {
  const start = '2003-07-01';
  it('R10: years elapsed are counted in fiscal years (April–March)', () => {
    expect(supportPeriod(PILOT, start, '2003-12-01')).toMatchObject({
      currentYear: 1,
      yearsElapsed: 0,
      endsOn: '2006-03-31',
      ended: false,
    });
    expect(supportPeriod(PILOT, start, '2004-04-01')).toMatchObject({
      currentYear: 2,
      yearsElapsed: 1,
    });
    expect(supportPeriod(PILOT, start, '2006-04-01')).toMatchObject({
      yearsElapsed: 3,
      ended: true,
    });
    expect(supportPeriod(PILOT, start, '2003-06-30')).toMatchObject({
      currentYear: 0,
      yearsElapsed: 0,
    });
  });
  it('R10: support is suspended with a reason and reinstated', () => {
    const s0 = startSupport(start);
    expect(
      transitionSupport(PILOT, s0, { type: 'suspend', on: '2004-01-10', reason: ' ' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R10', code: 'program.suspension_reason_required' },
    });
    const s1 = transitionSupport(PILOT, s0, {
      type: 'suspend',
      on: '2004-01-10',
      reason: 'report not filed',
    });
    expect(s1).toMatchObject({
      ok: true,
      state: { status: 'suspended', reason: 'report not filed' },
    });
    if (!s1.ok) return;
    expect(
      transitionSupport(PILOT, s1.state, { type: 'suspend', on: '2004-02-01', reason: 'again' }),
    ).toMatchObject({ ok: false, refusal: { rule: 'R10', code: 'program.support_not_active' } });
    const s2 = transitionSupport(PILOT, s1.state, { type: 'reinstate', on: '2004-03-01' });
    expect(s2).toMatchObject({ ok: true, state: { status: 'active', since: '2004-03-01' } });
    if (s2.ok)
      expect(s2.state.history.map((h) => h.status)).toEqual(['active', 'suspended', 'active']);
  });
  it('R10: no reinstatement after the support period; events cannot go back in time', () => {
    const s1 = transitionSupport(PILOT, startSupport(start), {
      type: 'suspend',
      on: '2005-01-10',
      reason: 'x',
    });
    if (!s1.ok) throw new Error('expected suspension');
    expect(
      transitionSupport(PILOT, s1.state, { type: 'reinstate', on: '2006-04-02' }),
    ).toMatchObject({ ok: false, refusal: { rule: 'R10', code: 'program.support_period_over' } });
    expect(
      transitionSupport(PILOT, s1.state, { type: 'reinstate', on: '2005-01-01' }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R10', code: 'program.support_change_before_last' },
    });
  });
  it('R10: a program without suspension refuses it', () => {
    const rules = reviseProgramRules(PILOT, (r) => ({
      ...r,
      supportPeriod: { ...r.supportPeriod, maySuspend: false },
    }));
    expect(
      transitionSupport(rules, startSupport(start), {
        type: 'suspend',
        on: '2004-01-01',
        reason: 'x',
      }),
    ).toMatchObject({
      ok: false,
      refusal: { rule: 'R10', code: 'program.suspension_not_allowed' },
    });
  });
});

describe('R2 against the registry — 003 §5(2)', () => {
  const registryApp = edit((a) => {
    a.outline.agreement.registryAgreementId = '00000000-0000-4000-8000-000000000001';
  });
  const signed = (
    over: Partial<{
      validFrom: string;
      validTo: string;
      signedA: string | null;
      signedB: string | null;
      status: RegistryAgreement['status'];
      partyB: string;
    }> = {},
  ): RegistryAgreement => {
    const o = {
      validFrom: '2014-04-01',
      validTo: '2020-03-31',
      signedA: '2014-04-20',
      signedB: '2014-04-25',
      status: 'active' as const,
      partyB: 'tohoku-jr-russia',
      ...over,
    };
    return {
      id: '00000000-0000-4000-8000-000000000001',
      status: o.status,
      parties: {
        A: { type: 'consortium', id: 'tohoku-jr-japan', name: { en: 'Japanese side' } },
        B: { type: 'consortium', id: o.partyB, name: { en: 'Russian side' } },
      },
      versions: [
        {
          version: 1,
          kind: 'draft',
          content: {
            title: 'Agreement on student exchange',
            validFrom: o.validFrom,
            validTo: o.validTo,
            clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
            directions: [],
          },
          signatures: [
            ...(o.signedA
              ? [{ party: 'A' as const, signedOn: o.signedA, signatory: 'Rector' }]
              : []),
            ...(o.signedB
              ? [{ party: 'B' as const, signedOn: o.signedB, signatory: 'Rector' }]
              : []),
          ],
        },
      ],
    };
  };
  const r2 = (agreement: RegistryAgreement | null, today = TODAY_2014) =>
    checkApplication(IEP, registryApp, { today, agreement }).filter((r) => r.rule === 'R2');

  it('R2: an id the registry does not know is refused', () => {
    expect(codes(r2(null))).toEqual(['program.agreement_not_in_registry']);
  });
  it('R2: an agreement signed by both consortia and in force on the first dispatch passes', () => {
    expect(r2(signed())).toEqual([
      expect.objectContaining({ ok: true, code: 'program.agreement_registry_ok' }),
    ]);
    expect(r2(signed())[0]?.warning).toBeUndefined();
  });
  it('R2: a signature after the day judged does not count', () => {
    expect(codes(r2(signed({ signedB: '2014-05-02' })))).toEqual([
      'program.agreement_not_signed_by_all',
    ]);
    expect(codes(r2(signed({ signedB: null }), '2015-01-01'))).toEqual([
      'program.agreement_not_signed_by_all',
    ]);
  });
  it('R2: an agreement that expired before the first dispatch, or starts after it, is refused', () => {
    // the IEP call's outcome is 2014-08-29: the first planned dispatch is 2014-08-30
    expect(codes(r2(signed({ validTo: '2014-08-01' })))).toEqual([
      'program.agreement_not_in_force',
    ]);
    expect(codes(r2(signed({ validFrom: '2014-10-01' })))).toEqual([
      'program.agreement_not_in_force',
    ]);
  });
  it('R2: an agreement that ends before the planned years is flagged', () => {
    expect(r2(signed({ validTo: '2015-03-31' }))).toEqual([
      expect.objectContaining({
        ok: true,
        warning: true,
        code: 'program.agreement_ends_before_plan',
      }),
    ]);
  });
  it('R5: the registry agreement itself must stipulate the tuition waiver', () => {
    const noWaiver = signed();
    noWaiver.versions[0]!.content.clauses.tuitionWaiver = false;
    const r5 = checkApplication(IEP, registryApp, { today: TODAY_2014, agreement: noWaiver });
    expect(codes(r5.filter((r) => r.rule === 'R5' && !r.ok))).toEqual([
      'program.tuition_waiver_not_in_agreement',
    ]);
  });
  it('R16: a consortium that signed binds its members; the clauses are the registry’s', () => {
    const withoutConsents = edit((a) => {
      a.outline.agreement.registryAgreementId = '00000000-0000-4000-8000-000000000001';
      a.attachments = a.attachments.filter((x) => x.kind !== 'member-consent');
    });
    const r16 = (agreement: RegistryAgreement) =>
      checkApplication(IEP, withoutConsents, { today: TODAY_2014, agreement }).filter(
        (r) => r.rule === 'R16' && !r.ok,
      );
    expect(r16(signed())).toEqual([]);
    const silent = signed();
    silent.versions[0]!.content.clauses.commonRecognition = false;
    expect(codes(r16(silent))).toContain('program.recognition_consent_missing');
  });
  it('R2: a terminated agreement or one between other parties is refused', () => {
    expect(codes(r2(signed({ status: 'terminated' })))).toEqual(['program.agreement_terminated']);
    expect(codes(r2(signed({ partyB: 'ajru' })))).toContain('program.agreement_parties_mismatch');
  });
});

describe('R18 and R1 on the dates they concern', () => {
  it('R18: a submitted application is judged on its submission instant, not on today', () => {
    const late = checkApplication(IEP, TOHOKU, {
      today: '2026-12-06T00:00:00Z',
      submittedAt: '2014-05-20T10:00:00+09:00',
    }).filter((r) => r.rule === 'R18');
    expect(late).toEqual([
      expect.objectContaining({ ok: true, code: 'program.submitted_in_time' }),
    ]);
  });
  it('R1: a declared member the registry does not list on the day is not counted', () => {
    const r1 = checkApplication(IEP, TOHOKU, {
      today: TODAY_2014,
      registryMembers: {
        partner: { consortiumId: 'tohoku-jr-russia', institutionIds: ['msu.ru', 'nsu.ru'] },
      },
    }).filter((r) => r.rule === 'R1' && !r.ok);
    expect(codes(r1)).toContain('program.member_not_in_consortium');
  });
  it('R8: the representative university is the one the registry records', () => {
    const r8 = checkApplication(IEP, TOHOKU, {
      today: TODAY_2014,
      registryMembers: {
        home: {
          consortiumId: 'tohoku-jr-japan',
          institutionIds: ['tohoku.ac.jp'],
          representative: { id: 'hokudai.ac.jp', name: { en: 'Hokkaido University' } },
        },
      },
    }).filter((r) => r.rule === 'R8' && !r.ok);
    expect(codes(r8)).toEqual(['program.representative_not_registered']);
  });
});
