/**
 * Grade scales as data. A scale lists its grades best first; each grade says whether it passes,
 * its grade points where the scale has them, and its place on the ECTS A–F ladder, which is the
 * pivot of the default scale mapping (grade → ECTS letter → grade). Numeric scales (French 0–20)
 * list one band per whole grade, so a mark such as 13.5 falls in band "13".
 *
 * The pivots are the defaults Kakehashi ships; which table applies is part of the consortium's
 * common recognition system, agreed by the members (R7, R16: 003 §5(7), §6(1) item 13, §7(2)).
 * A consortium can register its own scales with other pivots. Where the host publishes a grade
 * distribution, `convertGrade` prefers the percentile method (EGRACONS), because fixed mappings
 * ignore how a scale is used: a French 14/20 is a good grade, not a 70 %.
 *
 * EWP (ELMO): grades are never normalised at the source; each scale is declared as an ELMO
 * `gradingScheme` and the label travels unchanged.
 */
import type { LocalizedText } from './types.ts';

export const ECTS_LETTERS = ['A', 'B', 'C', 'D', 'E', 'FX', 'F'] as const;
export type EctsLetter = (typeof ECTS_LETTERS)[number];

export type GradeLevel = {
  /** The label as printed on a transcript (ELMO `resultLabel`). */
  label: string;
  /** Other spellings accepted on input (秀, отлично, …). */
  aliases?: readonly string[];
  name?: LocalizedText;
  passing: boolean;
  /** Grade points for a GPA, where the scale has them. */
  points?: number;
  /** Numeric scales: the band [min, max) — max inclusive for the best band. */
  min?: number;
  max?: number;
  /** Place on the ECTS ladder, for the default scale mapping. */
  ects: EctsLetter;
};

export type GradeScale = {
  id: string;
  name: LocalizedText;
  kind: 'ordinal' | 'numeric';
  /** Best first. */
  grades: readonly GradeLevel[];
  /** For the mapping into this scale: the label given for each ECTS letter. */
  fromEcts: Readonly<Record<EctsLetter, string>>;
  /**
   * A distribution of passing grades that defines the scale itself (the former ECTS grading
   * scale, 10/25/30/25/10 %), used as the target distribution when none is published.
   */
  referenceDistribution?: readonly { label: string; percentage: number }[];
  source: string;
};

const JP_SOURCE =
  'The five-level scale S (秀) / A (優) / B (良) / C (可) / F (不可) with GPA points 4–0 and marks 90/80/70/60 widespread in Japanese universities since the Central Council for Education report 学士課程教育の構築に向けて (2008); each university’s regulations govern';

export const JP_SABCF: GradeScale = {
  id: 'jp-sabcf',
  name: { ja: '秀・優・良・可・不可', en: 'Japanese S/A/B/C/F' },
  kind: 'ordinal',
  grades: [
    {
      label: 'S',
      aliases: ['秀', 'AA', 'A+'],
      name: { ja: '秀', en: 'excellent (90–100)' },
      passing: true,
      points: 4,
      ects: 'A',
    },
    {
      label: 'A',
      aliases: ['優'],
      name: { ja: '優', en: 'very good (80–89)' },
      passing: true,
      points: 3,
      ects: 'B',
    },
    {
      label: 'B',
      aliases: ['良'],
      name: { ja: '良', en: 'good (70–79)' },
      passing: true,
      points: 2,
      ects: 'C',
    },
    {
      label: 'C',
      aliases: ['可'],
      name: { ja: '可', en: 'pass (60–69)' },
      passing: true,
      points: 1,
      ects: 'D',
    },
    {
      label: 'F',
      aliases: ['不可', 'D'],
      name: { ja: '不可', en: 'fail (0–59)' },
      passing: false,
      points: 0,
      ects: 'F',
    },
  ],
  fromEcts: { A: 'S', B: 'A', C: 'B', D: 'C', E: 'C', FX: 'F', F: 'F' },
  source: JP_SOURCE,
};

export const JP_GPA: GradeScale = {
  id: 'jp-gpa',
  name: { ja: 'GP（0–4）', en: 'Japanese grade points 0–4' },
  kind: 'ordinal',
  grades: [
    { label: '4', passing: true, points: 4, ects: 'A' },
    { label: '3', passing: true, points: 3, ects: 'B' },
    { label: '2', passing: true, points: 2, ects: 'C' },
    { label: '1', passing: true, points: 1, ects: 'D' },
    { label: '0', passing: false, points: 0, ects: 'F' },
  ],
  fromEcts: { A: '4', B: '3', C: '2', D: '1', E: '1', FX: '0', F: '0' },
  source: JP_SOURCE,
};

export const RU_5: GradeScale = {
  id: 'ru-5',
  name: { ru: 'пятибалльная шкала', en: 'Russian 5-point scale' },
  kind: 'ordinal',
  grades: [
    {
      label: '5',
      aliases: ['отлично', 'отл.'],
      name: { ru: 'отлично', en: 'excellent' },
      passing: true,
      points: 5,
      ects: 'A',
    },
    {
      label: '4',
      aliases: ['хорошо', 'хор.'],
      name: { ru: 'хорошо', en: 'good' },
      passing: true,
      points: 4,
      ects: 'B',
    },
    {
      label: '3',
      aliases: ['удовлетворительно', 'удовл.'],
      name: { ru: 'удовлетворительно', en: 'satisfactory' },
      passing: true,
      points: 3,
      ects: 'D',
    },
    {
      label: '2',
      aliases: ['неудовлетворительно', 'неуд.'],
      name: { ru: 'неудовлетворительно', en: 'unsatisfactory' },
      passing: false,
      points: 2,
      ects: 'F',
    },
  ],
  // The usual correspondence of Russian universities' ECTS tables: A → 5; B, C → 4; D, E → 3.
  fromEcts: { A: '5', B: '4', C: '4', D: '3', E: '3', FX: '2', F: '2' },
  source:
    'The state four-level assessment (отлично / хорошо / удовлетворительно / неудовлетворительно = 5/4/3/2) printed in Russian diploma supplements; the ECTS correspondence is the common one of Russian universities’ point-rating regulations',
};

/** French 0–20: one band per whole mark; 10 passes. */
const FR_ECTS = (mark: number): EctsLetter =>
  mark >= 16
    ? 'A'
    : mark >= 14
      ? 'B'
      : mark >= 12
        ? 'C'
        : mark >= 11
          ? 'D'
          : mark >= 10
            ? 'E'
            : 'F';

export const FR_20: GradeScale = {
  id: 'fr-20',
  name: { fr: 'note sur 20', en: 'French 0–20' },
  kind: 'numeric',
  grades: Array.from({ length: 21 }, (_, i) => {
    const mark = 20 - i;
    return {
      label: String(mark),
      passing: mark >= 10,
      min: mark,
      max: mark === 20 ? 20 : mark + 1,
      ects: FR_ECTS(mark),
    };
  }),
  // The lowest mark of each band: a mapping never over-grades.
  fromEcts: { A: '16', B: '14', C: '12', D: '11', E: '10', FX: '9', F: '0' },
  source:
    'French national marking on 20, a course passing at 10/20; the ECTS bands 16/14/12/11/10 are a table common in French universities, a default to be replaced by EGRACONS distributions',
};

export const ECTS_SCALE: GradeScale = {
  id: 'ects',
  name: { en: 'ECTS grading scale A–F' },
  kind: 'ordinal',
  grades: [
    { label: 'A', name: { en: 'excellent' }, passing: true, ects: 'A' },
    { label: 'B', name: { en: 'very good' }, passing: true, ects: 'B' },
    { label: 'C', name: { en: 'good' }, passing: true, ects: 'C' },
    { label: 'D', name: { en: 'satisfactory' }, passing: true, ects: 'D' },
    { label: 'E', name: { en: 'sufficient' }, passing: true, ects: 'E' },
    { label: 'FX', name: { en: 'fail: some more work required' }, passing: false, ects: 'FX' },
    {
      label: 'F',
      name: { en: 'fail: considerable further work required' },
      passing: false,
      ects: 'F',
    },
  ],
  fromEcts: { A: 'A', B: 'B', C: 'C', D: 'D', E: 'E', FX: 'FX', F: 'F' },
  referenceDistribution: [
    { label: 'A', percentage: 10 },
    { label: 'B', percentage: 25 },
    { label: 'C', percentage: 30 },
    { label: 'D', percentage: 25 },
    { label: 'E', percentage: 10 },
  ],
  source:
    'ECTS grading scale of the ECTS Users’ Guides up to 2005: A best 10 %, B next 25 %, C next 30 %, D next 25 %, E lowest 10 % of passing students; the 2009 and 2015 Guides replaced it by grade distribution tables',
};

export const GRADE_SCALES: Readonly<Record<string, GradeScale>> = {
  [JP_SABCF.id]: JP_SABCF,
  [JP_GPA.id]: JP_GPA,
  [RU_5.id]: RU_5,
  [FR_20.id]: FR_20,
  [ECTS_SCALE.id]: ECTS_SCALE,
};

/** Finds the grade a label or mark stands for, or null when the scale has no such grade. */
export function findGrade(scale: GradeScale, grade: string): GradeLevel | null {
  const g = grade.trim();
  if (scale.kind === 'numeric') {
    const mark = Number(g.replace(',', '.'));
    if (g === '' || !Number.isFinite(mark)) return null;
    return (
      scale.grades.find(
        (b) =>
          b.min !== undefined &&
          b.max !== undefined &&
          mark >= b.min &&
          (mark < b.max || (mark === b.max && b === scale.grades[0])),
      ) ?? null
    );
  }
  const lower = g.toLowerCase();
  return (
    scale.grades.find(
      (l) => l.label.toLowerCase() === lower || l.aliases?.some((a) => a.toLowerCase() === lower),
    ) ?? null
  );
}

/** Position of a grade in its scale, 0 = best. */
export function rankOf(scale: GradeScale, level: GradeLevel): number {
  return scale.grades.indexOf(level);
}

export type GpaEntry = { grade: string; scale: GradeScale; credits: number };

/**
 * Credit-weighted grade point average over entries of scales with points; entries whose grade
 * has no points are skipped. Null when no credits count.
 */
export function gradePointAverage(entries: readonly GpaEntry[]): number | null {
  let points = 0;
  let credits = 0;
  for (const e of entries) {
    const p = findGrade(e.scale, e.grade)?.points;
    if (p === undefined) continue;
    points += p * e.credits;
    credits += e.credits;
  }
  return credits > 0 ? Number((points / credits).toFixed(2)) : null;
}
