import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  buildAllocationHandOff,
  encodeRankInScores,
  toAllocationInstance,
  type AllocationRules,
  type CallPlace,
  type HandOffApplicant,
  type HandOffCall,
} from './allocation-instance.ts';

// The instance schema written from docs/formats/allocation.md (not imported from the engine).
const count = z.number().int().nonnegative();
const instanceSchema = z.strictObject({
  format: z.literal('kakehashi-allocation/1'),
  rules: z.strictObject({
    balanceScope: z.enum(['university', 'consortium', 'side', 'agreement', 'none']),
    balanceUnit: z.enum(['students', 'months']),
    tolerance: count,
    fundedMonthsCap: count.nullable(),
    yenCap: count.nullable(),
    stipendPerMonth: count,
  }),
  universities: z.array(
    z.strictObject({
      id: z.string().min(1),
      side: z.string().min(1),
      consortium: z.string().min(1).nullable(),
      importCap: count.nullable(),
      exportCap: count.nullable(),
    }),
  ),
  agreements: z.array(
    z.strictObject({ from: z.string(), to: z.string(), slots: count, monthsCap: count.nullable() }),
  ),
  students: z.array(
    z.strictObject({
      id: z.string().min(1),
      home: z.string().min(1),
      score: z.number().finite(),
      months: z.number().int().positive(),
      funded: z.boolean(),
      travelCost: count,
      prefs: z.array(z.string()),
      acceptedBy: z.array(z.string()).optional(),
    }),
  ),
});

/** The format's reference rules: every id used is a declared university, no duplicates. */
function referenceProblems(instance: z.infer<typeof instanceSchema>): string[] {
  const ids = new Set(instance.universities.map((u) => u.id));
  const problems: string[] = [];
  instance.agreements.forEach((a, i) => {
    if (!ids.has(a.from)) problems.push(`agreements[${i}].from`);
    if (!ids.has(a.to)) problems.push(`agreements[${i}].to`);
  });
  const pairs = new Set(instance.agreements.map((a) => `${a.from}>${a.to}`));
  if (pairs.size !== instance.agreements.length) problems.push('agreements: duplicate pair');
  instance.students.forEach((s, i) => {
    if (!ids.has(s.home)) problems.push(`students[${i}].home`);
    s.prefs.forEach((p, j) => {
      if (!pairs.has(`${s.home}>${p}`)) problems.push(`students[${i}].prefs[${j}]`);
    });
    s.acceptedBy?.forEach((p, j) => {
      if (!s.prefs.includes(p)) problems.push(`students[${i}].acceptedBy[${j}]`);
    });
  });
  return problems;
}

// The MEXT pilot's allocation rules as program data: balance by consortium in students, 360
// funded student-months (R14, 003 §4), 100,000 yen a month (R11, 003 §3(2)1)).
const rules: AllocationRules = {
  balanceScope: 'consortium',
  balanceUnit: 'students',
  tolerance: 0,
  fundedMonthsCap: 360,
  yenCap: null,
  stipendPerMonth: 100000,
};

const call: HandOffCall = {
  id: 'call-2027',
  passMark: 50,
  universities: [
    { id: 'tohoku.ac.jp', side: 'JP', consortium: 'jp-east' },
    { id: 'kanazawa-u.ac.jp', side: 'JP', consortium: 'jp-east', exportCap: 4 },
    { id: 'nsu.ru', side: 'RU', consortium: 'ru-sib' },
    { id: 'msu.ru', side: 'RU', consortium: 'ru-sib', importCap: 1 },
  ],
};

const places: CallPlace[] = [
  { host: 'nsu.ru', slots: 2, monthsCap: null, from: null },
  { host: 'nsu.ru', slots: 1, monthsCap: 12, from: ['tohoku.ac.jp'] },
  { host: 'msu.ru', slots: 2, monthsCap: null, from: null },
  { host: 'tohoku.ac.jp', slots: 2, monthsCap: 24, from: null },
];

const applicant = (over: Partial<HandOffApplicant> & { id: string }): HandOffApplicant => ({
  home: 'tohoku.ac.jp',
  months: 10,
  eligible: true,
  eligibleHosts: ['nsu.ru', 'msu.ru'],
  funded: true,
  travelCost: 142000,
  withdrawn: false,
  score: 70,
  normalisedGrade: 80,
  submittedAt: '2027-02-01T00:00:00Z',
  ...over,
});

const applicants: HandOffApplicant[] = [
  applicant({ id: 's-0003', score: 81.67, normalisedGrade: 80 }),
  applicant({ id: 's-0002', score: 81.67, normalisedGrade: 85, home: 'kanazawa-u.ac.jp' }),
  applicant({
    id: 's-0001',
    home: 'nsu.ru',
    eligibleHosts: ['tohoku.ac.jp'],
    funded: false,
    travelCost: 0,
    score: 77,
    acceptedBy: ['tohoku.ac.jp', 'kanazawa-u.ac.jp'],
  }),
  applicant({ id: 's-0004', eligible: false }),
  applicant({ id: 's-0005', withdrawn: true }),
  applicant({ id: 's-0006', score: null }),
  applicant({ id: 's-0007', score: 42 }),
  applicant({ id: 's-0008', home: 'nsu.ru', eligibleHosts: ['msu.ru'] }),
];

describe('toAllocationInstance', () => {
  it('produces a valid kakehashi-allocation/1 instance that reads back identically', () => {
    const instance = toAllocationInstance(call, applicants, places, rules);
    const readBack = instanceSchema.parse(JSON.parse(JSON.stringify(instance)));
    expect(readBack).toEqual(instance);
    expect(referenceProblems(readBack)).toEqual([]);
    expect(instance.rules).toEqual(rules);
  });

  it('maps places to agreements and caps', () => {
    const { instance } = buildAllocationHandOff(call, applicants, places, rules);
    expect(instance.universities).toEqual([
      { id: 'tohoku.ac.jp', side: 'JP', consortium: 'jp-east', importCap: 2, exportCap: null },
      { id: 'kanazawa-u.ac.jp', side: 'JP', consortium: 'jp-east', importCap: null, exportCap: 4 },
      { id: 'nsu.ru', side: 'RU', consortium: 'ru-sib', importCap: 3, exportCap: null },
      { id: 'msu.ru', side: 'RU', consortium: 'ru-sib', importCap: 1, exportCap: null },
    ]);
    expect(instance.agreements).toEqual([
      { from: 'tohoku.ac.jp', to: 'nsu.ru', slots: 3, monthsCap: null },
      { from: 'kanazawa-u.ac.jp', to: 'nsu.ru', slots: 2, monthsCap: null },
      { from: 'tohoku.ac.jp', to: 'msu.ru', slots: 2, monthsCap: null },
      { from: 'kanazawa-u.ac.jp', to: 'msu.ru', slots: 2, monthsCap: null },
      { from: 'nsu.ru', to: 'tohoku.ac.jp', slots: 2, monthsCap: 24 },
      { from: 'msu.ru', to: 'tohoku.ac.jp', slots: 2, monthsCap: 24 },
    ]);
  });

  it('R6: students come in rank order with the tie-break kept in the score; the others are listed as omitted', () => {
    const { instance, omitted } = buildAllocationHandOff(call, applicants, places, rules);
    expect(instance.students.map((s) => [s.id, s.score])).toEqual([
      ['s-0002', 81.67],
      ['s-0003', 81.665],
      ['s-0001', 77],
    ]);
    expect(instance.students[2]).toMatchObject({
      home: 'nsu.ru',
      funded: false,
      prefs: ['tohoku.ac.jp'],
      acceptedBy: ['tohoku.ac.jp'],
    });
    expect(instance.students[0]).not.toHaveProperty('acceptedBy');
    expect(omitted).toEqual([
      { applicantId: 's-0004', reason: 'not_eligible' },
      { applicantId: 's-0005', reason: 'withdrawn' },
      { applicantId: 's-0006', reason: 'not_scored' },
      { applicantId: 's-0007', reason: 'below_pass_mark' },
      { applicantId: 's-0008', reason: 'no_usable_preferences' },
    ]);
  });

  it('names the offending field of a bad hand-off', () => {
    expect(() =>
      toAllocationInstance(
        call,
        applicants,
        [{ host: 'hse.ru', slots: 1, monthsCap: null, from: null }],
        rules,
      ),
    ).toThrow('places[0].host: unknown university "hse.ru"');
    expect(() =>
      toAllocationInstance(call, [applicant({ id: 'x', home: 'spbu.ru' })], places, rules),
    ).toThrow('applicants[0].home: unknown university "spbu.ru"');
  });

  it('keeps the rank order strict in the encoded scores', () => {
    const scores = encodeRankInScores([80, 80, 80, 79.99, 50, 50].map((score) => ({ score })));
    for (let i = 1; i < scores.length; i++) expect(scores[i - 1]!).toBeGreaterThan(scores[i]!);
    expect(scores[0]).toBe(80);
    expect(scores[3]).toBe(79.99);
  });
});
