/**
 * Grade conversion: by scale mapping (through the ECTS ladder of `grade-scales.ts`), or, when the
 * host publishes a grade distribution, by percentile — the EGRACONS method that EWP transcripts
 * carry as `gradeConversionTable` (EWP Transcript of Records, ELMO).
 *
 * The percentile method. Each scale's passing grades, best first, take consecutive slices of
 * 0–100 % by their share of students (a cumulative percentage range). The source grade's slice at
 * the host is placed on the home distribution: the converted grade is the home grade whose slice
 * contains the middle of the source slice; the output also lists every home grade the source
 * slice overlaps, with how much, as the EGRACONS tool shows them. Taking the middle point makes
 * the conversion monotone: a better grade never converts to a worse one. A middle point exactly on
 * a boundary goes to the lower grade (never over-grade).
 *
 * Distributions hold passing grades only (EGRACONS tables, ECTS Users’ Guide 2015): a failing
 * grade converts to the failing grade of the target scale by the scale mapping, and rows of
 * failing grades in a distribution are ignored.
 *
 * R7 (003 §5(7)), and 000: "mutual recognition of credits and grade management".
 */
import { ECTS_SCALE, GRADE_SCALES, findGrade, rankOf } from './grade-scales.ts';
import type { EctsLetter, GradeLevel, GradeScale } from './grade-scales.ts';
import { fail, ok } from './types.ts';
import type { Result } from './types.ts';

/** A published distribution of grades (EWP `gradeFrequency@label@percentage`, or counts). */
export type GradeDistribution = {
  scaleId: string;
  /** ISCED-F field the table is for (EWP `iscedTable@iscedCode`), if any. */
  iscedCode?: string;
  /** What the table describes, e.g. "UGA, physics bachelor, 2022–2024 cohorts". */
  reference?: string;
  rows: readonly { label: string; percentage?: number; count?: number }[];
};

export type GradeConversionMethod = 'same-scale' | 'scale-mapping' | 'percentile' | 'fail';

export type PercentileDetail = {
  /** Cumulative percentage range of the source grade at the host, best = 0. */
  sourceRange: readonly [number, number];
  midpoint: number;
  /** Range of the chosen grade in the target distribution. */
  targetRange: readonly [number, number];
  /** Target grades the source range overlaps, with the share of the source range (%). */
  overlaps: readonly { label: string; percent: number }[];
  sourceReference: string | null;
  targetReference: string | null;
};

export type GradeConversion = {
  /** The label in the target scale. */
  grade: string;
  from: { scaleId: string; given: string; label: string };
  to: string;
  method: GradeConversionMethod;
  /** The ECTS letter used as pivot, for scale mappings and fails. */
  pivot: EctsLetter | null;
  percentile: PercentileDetail | null;
  /** One sentence for people. */
  explanation: string;
};

export type GradeConversionRefusalCode =
  'recognition.unknown_scale' | 'recognition.unknown_grade' | 'recognition.invalid_distribution';

export type ConvertGradeOptions = {
  /** The host's published distribution for the source scale. */
  sourceDistribution?: GradeDistribution | undefined;
  /** The home distribution; defaults to the target scale's reference distribution (ECTS). */
  targetDistribution?: GradeDistribution | undefined;
  /** Extra scales by id (a consortium's own), looked up before the built-in ones. */
  scales?: Readonly<Record<string, GradeScale>> | undefined;
};

type Slice = { level: GradeLevel; lo: number; hi: number };

const round2 = (n: number) => Number(n.toFixed(2));

function resolve(
  scale: GradeScale | string,
  extra: Readonly<Record<string, GradeScale>> | undefined,
): GradeScale | null {
  if (typeof scale !== 'string') return scale;
  return extra?.[scale] ?? GRADE_SCALES[scale] ?? null;
}

/**
 * The passing grades of a scale as consecutive cumulative slices of 0–100 %, best first.
 * Grades absent from the distribution get an empty slice.
 */
export function cumulativeSlices(
  scale: GradeScale,
  distribution: GradeDistribution | { rows: GradeDistribution['rows'] },
): Result<Slice[], 'recognition.invalid_distribution'> {
  const mass = new Map<GradeLevel, number>();
  for (const row of distribution.rows) {
    const level = findGrade(scale, row.label);
    if (!level) {
      return fail(
        'recognition.invalid_distribution',
        `"${row.label}" is not a grade of ${scale.id}`,
        { scale: scale.id, grade: row.label },
      );
    }
    const m = row.percentage ?? row.count;
    if (m === undefined || !Number.isFinite(m) || m < 0) {
      return fail(
        'recognition.invalid_distribution',
        `"${row.label}" needs a percentage or a count ≥ 0`,
        { scale: scale.id, grade: row.label },
      );
    }
    if (level.passing) mass.set(level, (mass.get(level) ?? 0) + m);
  }
  const total = [...mass.values()].reduce((a, b) => a + b, 0);
  if (!(total > 0)) {
    return fail(
      'recognition.invalid_distribution',
      `the distribution of ${scale.id} has no passing grades`,
      { scale: scale.id, grade: null },
    );
  }
  const slices: Slice[] = [];
  let lo = 0;
  for (const level of scale.grades) {
    if (!level.passing) continue;
    const hi = lo + ((mass.get(level) ?? 0) / total) * 100;
    slices.push({ level, lo, hi });
    lo = hi;
  }
  const last = slices[slices.length - 1];
  if (last) last.hi = 100; // absorb floating-point drift
  return ok(slices);
}

/**
 * R7: converts a grade from one scale to another — by percentile when the host's distribution is
 * given and the target has one (given or the scale's reference), otherwise by scale mapping.
 */
export function convertGrade(
  grade: string,
  fromScale: GradeScale | string,
  toScale: GradeScale | string,
  options: ConvertGradeOptions = {},
): Result<GradeConversion, GradeConversionRefusalCode> {
  const from = resolve(fromScale, options.scales);
  const to = resolve(toScale, options.scales);
  if (!from) {
    return fail('recognition.unknown_scale', `unknown grade scale ${String(fromScale)}`, {
      scale: String(fromScale),
    });
  }
  if (!to) {
    return fail('recognition.unknown_scale', `unknown grade scale ${String(toScale)}`, {
      scale: String(toScale),
    });
  }
  const level = findGrade(from, grade);
  if (!level) {
    return fail('recognition.unknown_grade', `"${grade}" is not a grade of ${from.id}`, {
      grade,
      scale: from.id,
    });
  }
  const base = { from: { scaleId: from.id, given: grade, label: level.label }, to: to.id };

  if (from.id === to.id) {
    return ok({
      ...base,
      grade: from.kind === 'numeric' ? grade.trim() : level.label,
      method: 'same-scale',
      pivot: null,
      percentile: null,
      explanation: `${grade} is already on ${to.id}`,
    });
  }

  const mapped = to.fromEcts[level.ects];
  if (!level.passing) {
    return ok({
      ...base,
      grade: mapped,
      method: 'fail',
      pivot: level.ects,
      percentile: null,
      explanation: `${grade} (${from.id}) is a fail; a fail converts to ${mapped} (${to.id})`,
    });
  }

  const targetDist =
    options.targetDistribution ??
    (to.referenceDistribution ? { scaleId: to.id, rows: to.referenceDistribution } : undefined);
  if (options.sourceDistribution && targetDist) {
    return byPercentile(grade, from, to, level, options.sourceDistribution, targetDist, base);
  }

  return ok({
    ...base,
    grade: mapped,
    method: 'scale-mapping',
    pivot: level.ects,
    percentile: null,
    explanation:
      `${grade} (${from.id}) stands at ECTS ${level.ects} in the scale table; ` +
      `ECTS ${level.ects} is ${mapped} (${to.id})`,
  });
}

function byPercentile(
  grade: string,
  from: GradeScale,
  to: GradeScale,
  level: GradeLevel,
  sourceDist: GradeDistribution,
  targetDist: GradeDistribution,
  base: Pick<GradeConversion, 'from' | 'to'>,
): Result<GradeConversion, GradeConversionRefusalCode> {
  if (sourceDist.scaleId !== from.id || targetDist.scaleId !== to.id) {
    return fail(
      'recognition.invalid_distribution',
      `distributions are for ${sourceDist.scaleId} → ${targetDist.scaleId}, not ${from.id} → ${to.id}`,
    );
  }
  const src = cumulativeSlices(from, sourceDist);
  if (!src.ok) return src;
  const tgt = cumulativeSlices(to, targetDist);
  if (!tgt.ok) return tgt;
  const mine = src.value.find((s) => s.level === level);
  if (!mine) {
    return fail('recognition.unknown_grade', `"${grade}" is not a passing grade of ${from.id}`, {
      grade,
      scale: from.id,
    });
  }

  const midpoint = (mine.lo + mine.hi) / 2;
  // The first slice that ends after the midpoint contains it; empty slices never qualify.
  const chosen =
    tgt.value.find((t) => t.hi > midpoint && t.hi > t.lo) ??
    [...tgt.value].reverse().find((t) => t.hi > t.lo)!;
  const width = mine.hi - mine.lo;
  const overlaps = tgt.value
    .map((t) => ({
      label: t.level.label,
      percent:
        width > 0
          ? (Math.max(0, Math.min(mine.hi, t.hi) - Math.max(mine.lo, t.lo)) / width) * 100
          : t === chosen
            ? 100
            : 0,
    }))
    .filter((o) => o.percent > 1e-9)
    .map((o) => ({ label: o.label, percent: round2(o.percent) }));

  const detail: PercentileDetail = {
    sourceRange: [round2(mine.lo), round2(mine.hi)],
    midpoint: round2(midpoint),
    targetRange: [round2(chosen.lo), round2(chosen.hi)],
    overlaps,
    sourceReference: sourceDist.reference ?? null,
    targetReference: targetDist.reference ?? null,
  };
  const rank = rankOf(from, level);
  return ok({
    ...base,
    grade: chosen.level.label,
    method: 'percentile',
    pivot: null,
    percentile: detail,
    explanation:
      `${grade} (${from.id}, passing rank ${rank + 1}) covers ${detail.sourceRange[0]}–${detail.sourceRange[1]} % ` +
      `of passing grades at the host (middle ${detail.midpoint} %); ` +
      `${chosen.level.label} (${to.id}) covers ${detail.targetRange[0]}–${detail.targetRange[1]} % at home`,
  });
}

/** The ECTS letter of a grade by percentile against the ECTS reference distribution. */
export function toEctsByPercentile(
  grade: string,
  from: GradeScale,
  sourceDistribution: GradeDistribution,
): Result<GradeConversion, GradeConversionRefusalCode> {
  return convertGrade(grade, from, ECTS_SCALE, { sourceDistribution });
}
