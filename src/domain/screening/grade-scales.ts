/**
 * Grade normalisation to the common 0–100 scale of the screening (R6, 003 §5(6): standards and
 * methods of screening common to both sides). Each source scale is a data record: its range and
 * a piecewise-linear conversion through anchor points, agreed by the consortium pair in its
 * rubric (R16, 003 §7(2)). The defaults below put every scale's lowest passing grade at 50 and
 * its best grade at 100, so that "just passing" and "best possible" mean the same on both sides.
 */
import { ScreeningError, fixed2, round2 } from './errors.ts';

export interface GradeScale {
  /** Stable id, e.g. `jp-gpa-4`. */
  id: string;
  /** English name, e.g. `Japanese GPA 0–4`. */
  label: string;
  min: number;
  max: number;
  /** The lowest passing grade (for display; the anchors carry the conversion). */
  passing: number;
  /**
   * `[grade, common]` points, grades strictly increasing from `min` to `max`, common values
   * strictly increasing from 0 to 100. Between two anchors the conversion is linear.
   */
  anchors: readonly (readonly [number, number])[];
  /** The formula in words, shown next to every converted grade. */
  formula: string;
  /** Where the anchors come from. */
  note: string;
}

/** The default conversions. A rubric may carry its own records instead (R16: agreed by both). */
export const DEFAULT_GRADE_SCALES: readonly GradeScale[] = [
  {
    id: 'jp-gpa-4',
    label: 'Japanese GPA 0–4',
    min: 0,
    max: 4,
    passing: 1,
    anchors: [
      [0, 0],
      [1, 50],
      [4, 100],
    ],
    formula: 'GPA ≤ 1: 50 × GPA; GPA ≥ 1: 50 + (GPA − 1) × 50 / 3',
    note: 'Grade points S/A+ = 4, A = 3, B = 2, C = 1 (lowest pass), F = 0.',
  },
  {
    id: 'gpa-4.3',
    label: 'GPA 0–4.3',
    min: 0,
    max: 4.3,
    passing: 1,
    anchors: [
      [0, 0],
      [1, 50],
      [4.3, 100],
    ],
    formula: 'GPA ≤ 1: 50 × GPA; GPA ≥ 1: 50 + (GPA − 1) × 50 / 3.3',
    note: 'Variants with A+ = 4.3, A = 4.0, … D = 1.0 (lowest pass), F = 0.',
  },
  {
    id: 'ru-5',
    label: 'Russian 5-point grades (2–5)',
    min: 2,
    max: 5,
    passing: 3,
    anchors: [
      [2, 0],
      [3, 50],
      [5, 100],
    ],
    formula: 'mean ≤ 3: 50 × (mean − 2); mean ≥ 3: 50 + (mean − 3) × 25',
    note: 'Mean of grades 5 отлично, 4 хорошо, 3 удовлетворительно (lowest pass), 2 неудовлетворительно.',
  },
  {
    id: 'fr-20',
    label: 'French grades 0–20',
    min: 0,
    max: 20,
    passing: 10,
    anchors: [
      [0, 0],
      [10, 50],
      [16, 90],
      [20, 100],
    ],
    formula:
      'note ≤ 10: 5 × note; 10–16: 50 + (note − 10) × 40 / 6; note ≥ 16: 90 + (note − 16) × 2.5',
    note: '10/20 passable (lowest pass); 16/20 très bien, above which marks are rare in French practice.',
  },
];

/** Problems of a scale record (empty when valid). */
export function gradeScaleProblems(scale: GradeScale): string[] {
  const problems: string[] = [];
  const a = scale.anchors;
  if (!(scale.min < scale.max)) problems.push(`${scale.id}: min must be below max`);
  if (a.length < 2) return [...problems, `${scale.id}: at least two anchors are needed`];
  const first = a[0];
  const last = a[a.length - 1];
  if (first?.[0] !== scale.min || first[1] !== 0)
    problems.push(`${scale.id}: the first anchor must be [min, 0]`);
  if (last?.[0] !== scale.max || last[1] !== 100)
    problems.push(`${scale.id}: the last anchor must be [max, 100]`);
  for (let i = 1; i < a.length; i++) {
    const [g0, c0] = a[i - 1] ?? [0, 0];
    const [g1, c1] = a[i] ?? [0, 0];
    if (!(g1 > g0 && c1 > c0))
      problems.push(`${scale.id}: anchors must increase strictly (at ${i})`);
  }
  if (!(scale.passing >= scale.min && scale.passing <= scale.max)) {
    problems.push(`${scale.id}: the passing grade must lie within the scale`);
  }
  return problems;
}

export interface NormalisedGrade {
  scaleId: string;
  grade: number;
  /** The value on the common 0–100 scale, rounded to 0.01. */
  value: number;
  /** The two anchors the grade lies between, `[grade, common value]` each: a linear step. */
  between: { from: [number, number]; to: [number, number] };
  /** How the value was computed, in English for logs, e.g. `French grades 0–20: 14 → 76.67 (…)`. */
  explanation: string;
}

/**
 * Converts a grade of `scale` to the common 0–100 scale, with the conversion written out.
 * Throws `ScreeningError` `grade_out_of_range` for a grade outside the scale (or not a number).
 */
export function normalise(grade: number, scale: GradeScale): NormalisedGrade {
  if (!Number.isFinite(grade) || grade < scale.min || grade > scale.max) {
    throw new ScreeningError(
      'grade_out_of_range',
      `grade ${grade} is outside ${scale.label} (${scale.min}–${scale.max})`,
      { grade, scale: scale.id, min: scale.min, max: scale.max },
      'R6',
    );
  }
  const problems = gradeScaleProblems(scale);
  if (problems.length > 0) {
    throw new ScreeningError('invalid_grade_scale', problems.join('; '), { scale: scale.id });
  }
  const a = scale.anchors;
  let i = 1;
  while (i < a.length - 1 && grade > (a[i]?.[0] ?? Infinity)) i++;
  const [g0, c0] = a[i - 1] ?? [scale.min, 0];
  const [g1, c1] = a[i] ?? [scale.max, 100];
  const exact = c0 + ((grade - g0) * (c1 - c0)) / (g1 - g0);
  const value = round2(exact);
  const explanation =
    `${scale.label}: ${grade} → ${fixed2(value)} ` +
    `(linear between ${g0} → ${c0} and ${g1} → ${c1}: ` +
    `${c0} + (${grade} − ${g0}) × (${c1} − ${c0}) / (${g1} − ${g0}); ${scale.formula})`;
  return {
    scaleId: scale.id,
    grade,
    value,
    between: { from: [g0, c0], to: [g1, c1] },
    explanation,
  };
}

/** Finds a scale by id among `scales`, or throws `unknown_grade_scale`. */
export function findGradeScale(scales: readonly GradeScale[], id: string): GradeScale {
  const scale = scales.find((s) => s.id === id);
  if (!scale) {
    throw new ScreeningError('unknown_grade_scale', `no grade scale "${id}" in this rubric`, {
      scale: id,
      known: scales.map((s) => s.id),
    });
  }
  return scale;
}
