import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertGrade, cumulativeSlices, toEctsByPercentile } from './grade-conversion.ts';
import type { GradeDistribution } from './grade-conversion.ts';
import {
  ECTS_SCALE,
  FR_20,
  GRADE_SCALES,
  JP_GPA,
  JP_SABCF,
  RU_5,
  findGrade,
  gradePointAverage,
  rankOf,
} from './grade-scales.ts';

/**
 * An illustrative EGRACONS-style table of passing grades at the host (invented figures, shaped
 * like a French bachelor course: few marks above 16) and a home distribution at a Japanese
 * university.
 */
const GRENOBLE: GradeDistribution = {
  scaleId: 'fr-20',
  iscedCode: '0533',
  reference: 'illustrative: physics, 2022–2024 cohorts',
  rows: [
    { label: '18', percentage: 2 },
    { label: '17', percentage: 3 },
    { label: '16', percentage: 5 },
    { label: '15', percentage: 10 },
    { label: '14', percentage: 15 },
    { label: '13', percentage: 15 },
    { label: '12', percentage: 20 },
    { label: '11', percentage: 15 },
    { label: '10', percentage: 15 },
    { label: '7', percentage: 12 }, // a fail: ignored, tables are of passing grades
  ],
};
const TSUKUBA: GradeDistribution = {
  scaleId: 'jp-sabcf',
  reference: 'illustrative: home faculty, 2022–2024',
  rows: [
    { label: 'S', count: 150 },
    { label: 'A', count: 300 },
    { label: 'B', count: 350 },
    { label: 'C', count: 200 },
  ],
};

const conv = (g: string, a: string, b: string, o = {}) => {
  const r = convertGrade(g, a, b, o);
  if (!r.ok) throw new Error(r.refusal.message);
  return r.value;
};

describe('grade scales as data', () => {
  it('each scale lists grades best first with a pivot and a source', () => {
    for (const s of Object.values(GRADE_SCALES)) {
      expect(s.source.length).toBeGreaterThan(20);
      expect(s.grades[0]?.passing).toBe(true);
      for (const l of Object.values(s.fromEcts)) expect(findGrade(s, l)).not.toBeNull();
    }
  });

  it('reads labels, aliases and marks', () => {
    expect(findGrade(JP_SABCF, '秀')?.label).toBe('S');
    expect(findGrade(JP_SABCF, 'A+')?.label).toBe('S'); // Tsukuba prints A+
    expect(findGrade(RU_5, 'отлично')?.label).toBe('5');
    expect(findGrade(FR_20, '13,5')?.label).toBe('13');
    expect(findGrade(FR_20, '20')?.label).toBe('20');
    expect(findGrade(FR_20, '20.5')).toBeNull();
    expect(findGrade(FR_20, 'abc')).toBeNull();
    expect(findGrade(ECTS_SCALE, 'G')).toBeNull();
  });

  it('credit-weighted GPA on the Japanese 0–4 points', () => {
    expect(
      gradePointAverage([
        { grade: 'S', scale: JP_SABCF, credits: 2 },
        { grade: 'B', scale: JP_SABCF, credits: 2 },
        { grade: '1', scale: JP_GPA, credits: 1 },
        { grade: 'A', scale: ECTS_SCALE, credits: 5 }, // no points: skipped
      ]),
    ).toBe(2.6);
    expect(gradePointAverage([])).toBeNull();
  });
});

describe('convertGrade by scale mapping', () => {
  it.each([
    ['jp-sabcf', 'S', 'ects', 'A'],
    ['jp-sabcf', 'C', 'ects', 'D'],
    ['jp-sabcf', 'A', 'jp-gpa', '3'],
    ['jp-gpa', '2', 'jp-sabcf', 'B'],
    ['ru-5', 'отлично', 'jp-sabcf', 'S'],
    ['ru-5', '4', 'jp-sabcf', 'A'],
    ['ru-5', '3', 'jp-sabcf', 'C'],
    ['jp-sabcf', 'B', 'ru-5', '4'],
    ['fr-20', '16.5', 'ects', 'A'],
    ['fr-20', '14', 'jp-sabcf', 'A'],
    ['fr-20', '10', 'ru-5', '3'],
    ['ects', 'C', 'fr-20', '12'],
    ['ects', 'E', 'jp-sabcf', 'C'],
  ])('R7: %s %s → %s %s', (from, grade, to, expected) => {
    const r = conv(grade, from, to);
    expect(r.grade).toBe(expected);
    expect(r.method).toBe('scale-mapping');
    expect(r.pivot).not.toBeNull();
    expect(r.explanation).toContain('ECTS');
  });

  it('R7: a fail stays a fail, and says so', () => {
    expect(conv('8', 'fr-20', 'jp-sabcf')).toMatchObject({ grade: 'F', method: 'fail' });
    expect(conv('неуд.', 'ru-5', 'ects')).toMatchObject({ grade: 'F', method: 'fail' });
    expect(conv('不可', 'jp-sabcf', 'fr-20', { sourceDistribution: TSUKUBA })).toMatchObject({
      grade: '0',
      method: 'fail',
    });
  });

  it('same scale is kept, labels normalised', () => {
    expect(conv('優', 'jp-sabcf', 'jp-sabcf')).toMatchObject({ grade: 'A', method: 'same-scale' });
    expect(conv('13.5', 'fr-20', 'fr-20').grade).toBe('13.5');
  });

  it('refuses unknown scales and grades', () => {
    expect(convertGrade('A', 'xx', 'ects')).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.unknown_scale' },
    });
    expect(convertGrade('Z', 'jp-sabcf', 'ects')).toMatchObject({
      ok: false,
      refusal: { code: 'recognition.unknown_grade' },
    });
    expect(convertGrade('21', 'fr-20', 'ects').ok).toBe(false);
  });
});

describe('convertGrade by percentile (EGRACONS)', () => {
  it('builds cumulative ranges of passing grades, best first', () => {
    const s = cumulativeSlices(JP_SABCF, TSUKUBA);
    expect(s.ok && s.value.map((x) => [x.level.label, x.lo, x.hi])).toEqual([
      ['S', 0, 15],
      ['A', 15, 45],
      ['B', 45, 80],
      ['C', 80, 100],
    ]);
  });

  it('R7: 14/20 at Grenoble (20–35 %) is A at Tsukuba (15–45 %)', () => {
    const r = conv('14', 'fr-20', 'jp-sabcf', {
      sourceDistribution: GRENOBLE,
      targetDistribution: TSUKUBA,
    });
    expect(r).toMatchObject({ grade: 'A', method: 'percentile' });
    expect(r.percentile).toMatchObject({
      sourceRange: [20, 35],
      midpoint: 27.5,
      targetRange: [15, 45],
      overlaps: [{ label: 'A', percent: 100 }],
      sourceReference: 'illustrative: physics, 2022–2024 cohorts',
    });
  });

  it('R7: 16/20 (5–10 %) is S; 12/20 (50–70 %) is B; 13.5 (35–50 %) is A overlapping B', () => {
    const o = { sourceDistribution: GRENOBLE, targetDistribution: TSUKUBA };
    expect(conv('16', 'fr-20', 'jp-sabcf', o).grade).toBe('S');
    expect(conv('12', 'fr-20', 'jp-sabcf', o).grade).toBe('B');
    const r = conv('13.5', 'fr-20', 'jp-sabcf', o);
    expect(r.grade).toBe('A');
    expect(r.percentile?.overlaps).toEqual([
      { label: 'A', percent: 66.67 },
      { label: 'B', percent: 33.33 },
    ]);
  });

  it('R7: a middle point on a boundary goes to the lower grade (15/20: 10–20 %, S ends at 15 %)', () => {
    const o = { sourceDistribution: GRENOBLE, targetDistribution: TSUKUBA };
    const r = conv('15', 'fr-20', 'jp-sabcf', o);
    expect(r.grade).toBe('A');
    expect(r.percentile?.overlaps).toEqual([
      { label: 'S', percent: 50 },
      { label: 'A', percent: 50 },
    ]);
  });

  it('R7: against the ECTS reference distribution (10/25/30/25/10) when home publishes none', () => {
    const r = toEctsByPercentile('14', FR_20, GRENOBLE);
    expect(r.ok && r.value).toMatchObject({ grade: 'B', method: 'percentile' });
    expect(conv('17', 'fr-20', 'ects', { sourceDistribution: GRENOBLE }).grade).toBe('A');
    expect(conv('10', 'fr-20', 'ects', { sourceDistribution: GRENOBLE }).grade).toBe('E');
  });

  it('falls back to scale mapping when the home side has no distribution', () => {
    expect(conv('14', 'fr-20', 'jp-sabcf', { sourceDistribution: GRENOBLE }).method).toBe(
      'scale-mapping',
    );
  });

  it('refuses distributions of another scale or with unknown labels', () => {
    expect(
      convertGrade('14', 'fr-20', 'jp-sabcf', {
        sourceDistribution: TSUKUBA,
        targetDistribution: TSUKUBA,
      }),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.invalid_distribution' } });
    expect(
      convertGrade('14', 'fr-20', 'jp-sabcf', {
        sourceDistribution: { scaleId: 'fr-20', rows: [{ label: 'X', count: 3 }] },
        targetDistribution: TSUKUBA,
      }),
    ).toMatchObject({ ok: false, refusal: { code: 'recognition.invalid_distribution' } });
    expect(cumulativeSlices(JP_SABCF, { rows: [{ label: 'F', count: 10 }] }).ok).toBe(false);
  });
});

describe('convertGrade: properties', () => {
  const frDist = fc
    .array(fc.nat({ max: 50 }), { minLength: 11, maxLength: 11 })
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs): GradeDistribution => ({
      scaleId: 'fr-20',
      rows: xs.map((count, i) => ({ label: String(10 + i), count })),
    }));
  const jpDist = fc
    .array(fc.nat({ max: 50 }), { minLength: 4, maxLength: 4 })
    .filter((xs) => xs.some((x) => x > 0))
    .map((xs): GradeDistribution => ({
      scaleId: 'jp-sabcf',
      rows: ['S', 'A', 'B', 'C'].map((label, i) => ({ label, count: xs[i]! })),
    }));
  const mark = fc.integer({ min: 1000, max: 2000 }).map((n) => String(n / 100));

  it('R7: percentile conversion is monotone: a better mark never gets a worse grade', () => {
    fc.assert(
      fc.property(frDist, jpDist, mark, mark, (src, tgt, a, b) => {
        const [hi, lo] = Number(a) >= Number(b) ? [a, b] : [b, a];
        const o = { sourceDistribution: src, targetDistribution: tgt };
        const gHi = conv(hi, 'fr-20', 'jp-sabcf', o);
        const gLo = conv(lo, 'fr-20', 'jp-sabcf', o);
        expect(gHi.method).toBe('percentile');
        const rank = (g: string) => rankOf(JP_SABCF, findGrade(JP_SABCF, g)!);
        expect(rank(gHi.grade)).toBeLessThanOrEqual(rank(gLo.grade));
        expect(findGrade(JP_SABCF, gLo.grade)?.passing).toBe(true);
      }),
    );
  });

  it('R7: percentile conversion between the same distributions is the identity', () => {
    fc.assert(
      fc.property(jpDist, fc.constantFrom('S', 'A', 'B', 'C'), (d, g) => {
        const other = { ...JP_SABCF, id: 'jp-copy' };
        const r = convertGrade(g, JP_SABCF, other, {
          sourceDistribution: d,
          targetDistribution: { ...d, scaleId: 'jp-copy' },
        });
        const share = d.rows.find((row) => row.label === g)?.count ?? 0;
        fc.pre(share > 0);
        expect(r.ok && r.value.grade).toBe(g);
      }),
    );
  });

  it('R7: scale mapping is monotone on every pair of built-in scales', () => {
    const scales = Object.values(GRADE_SCALES);
    for (const from of scales) {
      for (const to of scales) {
        const ranks = from.grades.map((g) => {
          const r = conv(g.label, from.id, to.id);
          return rankOf(to, findGrade(to, r.grade)!);
        });
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
      }
    }
  });
});
