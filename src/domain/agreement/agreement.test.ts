import { describe, expect, it } from 'vitest';
import {
  AgreementContentSchema,
  checkConsortiumPair,
  checkSign,
  diffContent,
  planEdit,
  statusOn,
  type AgreementState,
} from './agreement.ts';
import { isIscedF } from './isced.ts';

const content = AgreementContentSchema.parse({
  title: 'Tohoku–NSU student exchange',
  validFrom: '2015-04-01',
  validTo: '2020-03-31',
  clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
  directions: [
    {
      from: 'A',
      levels: ['master'],
      fields: ['0533'],
      quotas: [{ academicYear: 2015, students: 3, months: 18 }],
    },
  ],
});

const draft: AgreementState = {
  status: 'draft',
  versions: [{ version: 1, content, kind: 'draft', signatures: [] }],
};
const signedBy = (...parties: ('A' | 'B')[]): AgreementState => ({
  status: 'signed',
  versions: [
    {
      version: 1,
      content,
      kind: 'draft',
      signatures: parties.map((party) => ({ party, signedOn: '2015-03-01', signatory: 'x' })),
    },
  ],
});

describe('agreements', () => {
  it('validates ISCED-F 2013 field codes', () => {
    expect(isIscedF('0533')).toBe(true);
    expect(isIscedF('0588')).toBe(true);
    expect(isIscedF('0539')).toBe(true);
    expect(isIscedF('0534')).toBe(false);
    expect(isIscedF('533')).toBe(false);
    const bad = AgreementContentSchema.safeParse({
      ...content,
      directions: [{ from: 'A', levels: ['master'], fields: ['9999'] }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['directions', 0, 'fields', 0]);
  });

  it('R3: a direction names its levels', () => {
    const r = AgreementContentSchema.safeParse({
      ...content,
      directions: [{ from: 'A', levels: [] }],
    });
    expect(r.error?.issues[0]?.message).toMatch(/R3/);
  });

  it('refuses a validity that ends before it starts', () => {
    const r = AgreementContentSchema.safeParse({ ...content, validTo: '2014-01-01' });
    expect(r.error?.issues[0]?.path).toEqual(['validTo']);
  });

  it('R5, R6, R7: clauses are recorded as data', () => {
    expect(content.clauses).toMatchObject({
      tuitionWaiver: true,
      commonScreening: true,
      commonRecognition: true,
    });
  });

  it('edits a draft in place, and a signed agreement only through an amendment', () => {
    expect(planEdit(draft)).toEqual({ kind: 'draft' });
    expect(planEdit(signedBy('A'))).toEqual({ kind: 'draft' });
    expect(planEdit(signedBy('A', 'B'))).toEqual({ kind: 'amendment' });
    expect(planEdit({ ...signedBy('A', 'B'), status: 'terminated' })).toMatchObject({
      ok: false,
      code: 'agreement.closed',
      params: { status: 'terminated' },
    });
  });

  it('each party signs once', () => {
    expect(checkSign(draft, 'A')).toEqual({ ok: true });
    expect(checkSign(signedBy('A'), 'A')).toMatchObject({
      ok: false,
      code: 'agreement.already_signed',
      params: { party: 'A', version: 1 },
    });
  });

  it('moves from signed to active on its first day and expires after its last', () => {
    const s = signedBy('A', 'B');
    expect(statusOn(signedBy('A'), '2016-01-01')).toBe('draft');
    expect(statusOn(s, '2015-03-15')).toBe('signed');
    expect(statusOn(s, '2015-04-01')).toBe('active');
    expect(statusOn(s, '2020-04-01')).toBe('expired');
  });

  it('R1: a pilot project needs the minimum of universities on each side', () => {
    const jp = ['tohoku.ac.jp', 'hokudai.ac.jp', 'niigata-u.ac.jp'].map((id) => ({
      id,
      type: 'university',
      country: 'JP',
    }));
    const ru = ['msu.ru', 'nsu.ru'].map((id) => ({ id, type: 'university', country: 'RU' }));
    const academy = { id: 'sbras.ru', type: 'academy_branch', country: 'RU' };
    expect(checkConsortiumPair({ japanese: jp, foreign: [...ru, academy] }, 3)).toMatchObject({
      ok: false,
      rule: 'R1',
      code: 'agreement.too_few_foreign',
      params: { count: 2, minimum: 3 },
    });
    expect(
      checkConsortiumPair(
        { japanese: jp, foreign: [...ru, { id: 'dvfu.ru', type: 'university', country: 'RU' }] },
        3,
      ),
    ).toEqual({ ok: true });
    expect(checkConsortiumPair({ japanese: jp.slice(0, 2), foreign: ru }, 3)).toMatchObject({
      rule: 'R1',
      code: 'agreement.too_few_japanese',
      params: { count: 2, minimum: 3 },
    });
    // The minimum is program data: a program asking for 2 accepts two per side.
    expect(checkConsortiumPair({ japanese: jp.slice(0, 2), foreign: ru }, 2)).toEqual({ ok: true });
  });

  it('diffs two versions field by field', () => {
    const next = {
      ...content,
      validTo: '2021-03-31',
      clauses: { ...content.clauses, tuitionWaiver: false },
    };
    expect(diffContent(content, next)).toEqual([
      { path: 'clauses.tuitionWaiver', before: true, after: false },
      { path: 'validTo', before: '2020-03-31', after: '2021-03-31' },
    ]);
  });
});

describe('the history of an agreement', () => {
  it('diffs directions by sending party, quotas by year and languages by language', () => {
    const before = {
      directions: [
        {
          from: 'A',
          levels: ['master'],
          languages: [],
          quotas: [{ academicYear: 2016, students: 2, months: 10 }],
        },
      ],
    };
    const after = {
      directions: [
        {
          from: 'A',
          levels: ['master', 'doctor'],
          languages: [{ language: 'ru', cefr: 'B1' }],
          quotas: [
            { academicYear: 2016, students: 3, months: 10 },
            { academicYear: 2017, students: 1, months: 5 },
          ],
        },
      ],
    };
    expect(diffContent(before, after)).toEqual([
      { path: 'directions.A.languages.ru.cefr', after: 'B1' },
      { path: 'directions.A.levels', before: ['master'], after: ['master', 'doctor'] },
      { path: 'directions.A.quotas.2016.students', before: 2, after: 3 },
      { path: 'directions.A.quotas.2017.months', after: 5 },
      { path: 'directions.A.quotas.2017.students', after: 1 },
    ]);
  });
});
