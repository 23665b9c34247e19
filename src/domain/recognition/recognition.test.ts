import { describe, expect, it } from 'vitest';
import {
  addToEquivalenceTable,
  agreementComponent,
  decideRecognition,
  equivalenceKey,
  recognitionRate,
  suggestRecognition,
} from './recognition.ts';
import type {
  DecisionInput,
  EquivalenceTable,
  RecognitionDecision,
  TranscriptEntry,
} from './recognition.ts';
import {
  checkRecognitionAgreed,
  defineRecognitionSystem,
  recordConsent,
} from './recognition-system.ts';
import { approveVersion, draftLearningAgreement, proposeChanges } from './learning-agreement.ts';
import type { LaComponent, LaResult, LearningAgreement } from './learning-agreement.ts';

const AT = '2027-03-01T10:00:00+09:00';
const HOME = 'tohoku.ac.jp';
const HOST = 'msu.ru';

const consent = (institutionId: string, agreedOn = '2026-01-15') => ({
  institutionId,
  via: 'agreement-clause' as const,
  documentRef: 'agreement-2026 §7',
  agreedOn,
});

const SYSTEM = defineRecognitionSystem({
  id: 'rs-jp-ru',
  name: { en: 'Japan–Russia common recognition system' },
  description: { en: 'Credits by study hours; grades by EGRACONS tables where published.' },
  gradeScaleIds: ['jp-sabcf', 'ru-5'],
  consents: [consent(HOME), consent(HOST), consent('nsu.ru')],
});

const comp = (
  id: string,
  code: string,
  ze: number,
  tan: number,
  homeCode: string | null = `TH-${code}`,
): LaComponent => ({
  id,
  host: { code, title: { ru: `Курс ${code}` }, credits: { value: ze, system: 'ru-ze' } },
  home: {
    code: homeCode,
    title: { ja: `科目${code}` },
    credits: { value: tan, system: 'jp-tan-i' },
  },
});

const line = (c: LaComponent, over: Partial<TranscriptEntry> = {}): TranscriptEntry => ({
  componentId: c.id,
  hostCourseCode: c.host.code,
  status: 'passed',
  grade: '5',
  gradeScaleId: 'ru-5',
  credits: c.host.credits,
  ...over,
});

function input(c: LaComponent, over: Partial<DecisionInput> = {}): DecisionInput {
  return {
    subject: { kind: 'learning-agreement', id: 'la-1', version: 1 },
    component: c,
    homeInstitutionId: HOME,
    hostInstitutionId: HOST,
    system: SYSTEM,
    transcript: line(c),
    outcome: 'full',
    homeGradeScaleId: 'jp-sabcf',
    decidedBy: 'u-home',
    at: AT,
    ...over,
  };
}

function decide(c: LaComponent, over: Partial<DecisionInput> = {}): RecognitionDecision {
  const r = decideRecognition(input(c, over));
  if (!r.ok) throw new Error(`${r.refusal.code}: ${r.refusal.message}`);
  return r.value;
}

const C1 = comp('c1', 'RUS101', 3, 2);
const C2 = comp('c2', 'HIS210', 4, 3);
const C3 = comp('c3', 'ECO300', 5, 3, null);

describe('R16: the common recognition system is agreed by every member', () => {
  it('R16: lists members without a clause or an attached consent', () => {
    const sys = defineRecognitionSystem({ ...SYSTEM, consents: [consent(HOME)] });
    const r = checkRecognitionAgreed(sys, [HOME, HOST, 'nsu.ru'], '2026-02-01');
    expect(r).toMatchObject({ agreed: false, missing: [HOST, 'nsu.ru'] });
    if (!r.agreed) expect(r.reasons[0]?.message).toContain('003 §7(2)');
    const all = recordConsent(
      recordConsent(sys, { ...consent(HOST), via: 'attached-consent', documentRef: 'file-77' }),
      consent('nsu.ru'),
    );
    expect(checkRecognitionAgreed(all, [HOME, HOST, 'nsu.ru'], '2026-02-01')).toEqual({
      agreed: true,
    });
  });

  it('R16: a consent dated later does not count yet', () => {
    const sys = defineRecognitionSystem({ ...SYSTEM, consents: [consent(HOME, '2026-06-01')] });
    expect(checkRecognitionAgreed(sys, [HOME], '2026-05-31').agreed).toBe(false);
    expect(checkRecognitionAgreed(sys, [HOME], '2026-06-01').agreed).toBe(true);
  });

  it('R16, R7: no recognition decision under a system the host has not agreed to', () => {
    const sys = defineRecognitionSystem({ ...SYSTEM, consents: [consent(HOME)] });
    expect(decideRecognition(input(C1, { system: sys }))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.system_not_agreed' },
    });
  });
});

describe('R7: recognition decisions', () => {
  it('R7: full recognition gives the planned home credits and converts the grade', () => {
    const d = decide(C1);
    expect(d).toMatchObject({
      outcome: 'full',
      creditsPlanned: { value: 2, system: 'jp-tan-i' },
      creditsRecognised: { value: 2, system: 'jp-tan-i' },
      reason: null,
      systemId: 'rs-jp-ru',
    });
    expect(d.grade).toMatchObject({
      host: '5',
      hostScaleId: 'ru-5',
      home: { grade: 'S', method: 'scale-mapping' },
    });
  });

  it('R7: partial recognition needs credits between 0 and the planned ones, and a reason', () => {
    const p = (credits: number | undefined, reason?: string) =>
      decideRecognition(input(C2, { outcome: 'partial', credits, reason }));
    for (const bad of [undefined, 0, 3, 4, -1]) {
      expect(p(bad, 'x')).toMatchObject({
        ok: false,
        refusal: { code: 'recognition.partial_credits_invalid' },
      });
    }
    expect(p(2)).toMatchObject({ ok: false, refusal: { code: 'recognition.reason_required' } });
    expect(p(2, 'the seminar part was not taken')).toMatchObject({
      ok: true,
      value: { outcome: 'partial', creditsRecognised: { value: 2 } },
    });
  });

  it('R7: no recognition needs a reason and gives 0 credits, even without a transcript line', () => {
    expect(decideRecognition(input(C2, { outcome: 'none', transcript: null }))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.reason_required' },
    });
    const d = decide(C2, { outcome: 'none', transcript: null, reason: 'course cancelled by host' });
    expect(d).toMatchObject({
      creditsRecognised: { value: 0 },
      reason: 'course cancelled by host',
      grade: null,
    });
  });

  it('R7: full or partial needs a passed transcript line for the same course', () => {
    expect(decideRecognition(input(C1, { transcript: null }))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.no_transcript_line' },
    });
    expect(
      decideRecognition(input(C1, { transcript: line(C1, { status: 'failed', grade: '2' }) })),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.not_passed' } });
    expect(decideRecognition(input(C1, { transcript: line(C2) }))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.transcript_mismatch' },
    });
    expect(
      decideRecognition(
        input(C1, { transcript: line(C1, { credits: { value: 2, system: 'ru-ze' } }) }),
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.credits_short' } });
  });

  it('refuses a grade that cannot be converted', () => {
    expect(decideRecognition(input(C1, { transcript: line(C1, { grade: 'A' }) }))).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.unknown_grade' },
    });
  });

  it('R7: only components of the version signed by all three can be decided', () => {
    const must = (r: LaResult): LearningAgreement => {
      if (!r.ok) throw new Error(r.refusal.message);
      return r.value.agreement;
    };
    let la = must(
      draftLearningAgreement({
        id: 'la-1',
        mobilityId: 'm-1',
        homeInstitutionId: HOME,
        hostInstitutionId: HOST,
        homeCreditSystem: 'jp-tan-i',
        hostCreditSystem: 'ru-ze',
        components: [C1, C2],
        proposedBy: 'student',
        at: AT,
      }),
    );
    expect(agreementComponent(la, 'c1')).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.la_not_signed' },
    });
    for (const party of ['student', 'home', 'host'] as const) {
      la = must(approveVersion(la, 1, { party, signerName: party, signedAt: AT }));
    }
    la = must(
      proposeChanges(la, {
        baseVersion: 1,
        changes: [{ kind: 'insert', component: C3, reason: 'adding-virtual-component' }],
        proposedBy: 'student',
        at: AT,
      }),
    );
    expect(agreementComponent(la, 'c3')).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.unknown_component' },
    });
    expect(agreementComponent(la, 'c1')).toMatchObject({
      ok: true,
      value: { subject: { kind: 'learning-agreement', id: 'la-1', version: 1 } },
    });
  });
});

describe('R7: the equivalence table grows and suggests', () => {
  it('R7: a new pair is added; a repeated pair counts outcomes and keeps the latest', () => {
    let table: EquivalenceTable = [];
    table = addToEquivalenceTable(table, decide(C1));
    table = addToEquivalenceTable(
      table,
      decide(C2, { outcome: 'partial', credits: 2, reason: 'no seminar' }),
    );
    expect(table).toHaveLength(2);
    table = addToEquivalenceTable(
      table,
      decide(C1, {
        outcome: 'none',
        transcript: null,
        reason: 'not taught',
        at: '2028-03-01T10:00:00Z',
      }),
    );
    expect(table).toHaveLength(2);
    const e = table.find(
      (x) =>
        x.key ===
        equivalenceKey({
          hostInstitutionId: HOST,
          hostCourseCode: 'RUS101',
          homeInstitutionId: HOME,
          homeCourseCode: 'TH-RUS101',
        }),
    );
    expect(e).toMatchObject({
      counts: { full: 1, partial: 0, none: 1 },
      latest: { outcome: 'none' },
    });
    // An older decision arriving late is counted but does not replace the latest.
    table = addToEquivalenceTable(table, decide(C1, { at: '2026-03-01T00:00:00Z' }));
    expect(table.find((x) => x.key === e?.key)).toMatchObject({
      counts: { full: 2, none: 1 },
      latest: { outcome: 'none' },
    });
  });

  it('R7: suggests the earlier decision for the same host course → home course pair', () => {
    const table = addToEquivalenceTable(
      [],
      decide(C2, { outcome: 'partial', credits: 2, reason: 'no seminar' }),
    );
    const pair = { hostInstitutionId: HOST, homeInstitutionId: HOME };
    const s = suggestRecognition(table, C2, pair);
    expect(s).toMatchObject({
      outcome: 'partial',
      credits: 2,
      reason: 'no seminar',
      hostCreditsChanged: false,
    });
    expect(s?.note).toContain('1 earlier decision');
    // Same pair, course now worth more at the host: partial credits scale, and the change is flagged.
    const bigger = comp('c9', 'HIS210', 6, 4.5);
    expect(suggestRecognition(table, bigger, pair)).toMatchObject({
      credits: 3,
      hostCreditsChanged: true,
    });
    // Another home course, another institution: no suggestion.
    expect(suggestRecognition(table, comp('c9', 'HIS210', 4, 3, 'TH-OTHER'), pair)).toBeNull();
    expect(
      suggestRecognition(table, C2, { ...pair, homeInstitutionId: 'kyoto-u.ac.jp' }),
    ).toBeNull();
  });

  it('R7: a decision records the suggestion it reused', () => {
    const table = addToEquivalenceTable([], decide(C1));
    const s = suggestRecognition(table, C1, { hostInstitutionId: HOST, homeInstitutionId: HOME })!;
    const d = decide(C1, {
      outcome: s.outcome,
      reusedFrom: { key: s.basedOn.key, lastDecidedAt: s.basedOn.latest.decidedAt },
    });
    expect(d.reusedFrom?.key).toBe('msu.ru|RUS101|tohoku.ac.jp|TH-RUS101');
  });
});

describe('R7: recognition rate per agreement', () => {
  it('R7: recognised over planned home credits, and counts per outcome', () => {
    const ds = [
      decide(C1), // 2 of 2
      decide(C2, { outcome: 'partial', credits: 1.5, reason: 'lab not done' }), // 1.5 of 3
      decide(C3, { outcome: 'none', transcript: null, reason: 'failed' }), // 0 of 3
    ];
    expect(recognitionRate(ds, ['c1', 'c2', 'c3', 'c4'])).toEqual({
      decided: 3,
      full: 1,
      partial: 1,
      none: 1,
      pending: 1,
      creditsPlanned: { value: 8, system: 'jp-tan-i' },
      creditsRecognised: { value: 3.5, system: 'jp-tan-i' },
      rate: 0.4375,
      fullRate: 0.3333,
    });
  });

  it('R7: an agreement without decisions has no rate yet', () => {
    expect(recognitionRate([], ['c1'])).toMatchObject({
      decided: 0,
      pending: 1,
      rate: null,
      fullRate: null,
    });
  });
});
