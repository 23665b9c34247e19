/**
 * The common rubric of a consortium pair (R6, 003 §5(6)): one set of criteria, weights and a
 * reviewer score scale, used by reviewers of both sides, with the grade conversions both sides
 * agreed. Its use needs the agreement's consent on screening (R16, 003 §7(2) on §6(1) item 9):
 * see `consent.ts`.
 */
import { z } from 'zod';
import { requiredLocalizedTextSchema } from '../shared/refusal.ts';
import { ScreeningError } from './errors.ts';
import { gradeScaleProblems } from './grade-scales.ts';

const gradeScaleSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  min: z.number().finite(),
  max: z.number().finite(),
  passing: z.number().finite(),
  anchors: z
    .array(z.tuple([z.number().finite(), z.number().finite()]).readonly())
    .min(2)
    .readonly(),
  formula: z.string().min(1),
  note: z.string(),
});

export const rubricCriterionSchema = z.object({
  id: z.string().min(1),
  /**
   * What reviewers and applicants read, in the languages its author wrote it in (a plain string,
   * as older calls stored it, reads as English).
   */
  label: z.union([z.string().min(1), requiredLocalizedTextSchema]),
  /** Relative weight (> 0); the common score divides by the sum of weights. */
  weight: z.number().positive().finite(),
  /**
   * `reviewer`: each reviewer scores it on `scoreScale`; `grade`: the applicant's grade
   * normalised to 0–100 (the same for every reviewer). At most one `grade` criterion.
   */
  source: z.enum(['reviewer', 'grade']),
});
export type RubricCriterion = z.infer<typeof rubricCriterionSchema>;

export const rubricSchema = z.object({
  id: z.string().min(1),
  /** The agreement between the consortia whose consent (R16) covers this rubric. */
  agreementId: z.string().min(1),
  /** The consortium pair. */
  consortia: z.tuple([z.string().min(1), z.string().min(1)]),
  /** The scale reviewers score each `reviewer` criterion on, e.g. 0–10. */
  scoreScale: z.object({ min: z.number().finite(), max: z.number().finite() }),
  criteria: z.array(rubricCriterionSchema).min(1),
  /** Grade conversions both sides agreed (see `DEFAULT_GRADE_SCALES`). */
  gradeScales: z.array(gradeScaleSchema),
  /** Reviews needed before a score is complete. */
  minReviewers: z.number().int().positive(),
  /** Common score (0–100) an applicant needs to be accepted by the hosts; `null` = none. */
  passMark: z.number().min(0).max(100).nullable(),
});
export type Rubric = z.infer<typeof rubricSchema>;

/** Everything wrong with a rubric (empty when it can be used). */
export function rubricProblems(rubric: Rubric): string[] {
  const problems: string[] = [];
  const parsed = rubricSchema.safeParse(rubric);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.') || '(rubric)'}: ${issue.message}`);
    }
    return problems;
  }
  if (rubric.consortia[0] === rubric.consortia[1]) {
    problems.push('consortia: a rubric is shared by two different consortia');
  }
  if (!(rubric.scoreScale.min < rubric.scoreScale.max)) {
    problems.push('scoreScale: min must be below max');
  }
  const ids = new Set<string>();
  for (const c of rubric.criteria) {
    if (ids.has(c.id)) problems.push(`criteria: duplicate id "${c.id}"`);
    ids.add(c.id);
  }
  const grade = rubric.criteria.filter((c) => c.source === 'grade');
  if (grade.length > 1) problems.push('criteria: at most one grade criterion');
  if (grade.length === 1 && rubric.gradeScales.length === 0) {
    problems.push('gradeScales: a grade criterion needs at least one grade scale');
  }
  const scaleIds = new Set<string>();
  for (const s of rubric.gradeScales) {
    if (scaleIds.has(s.id)) problems.push(`gradeScales: duplicate id "${s.id}"`);
    scaleIds.add(s.id);
    problems.push(...gradeScaleProblems(s).map((p) => `gradeScales: ${p}`));
  }
  return problems;
}

/** Throws `invalid_rubric` listing every problem. */
export function assertValidRubric(rubric: Rubric): void {
  const problems = rubricProblems(rubric);
  if (problems.length > 0) {
    throw new ScreeningError(
      'invalid_rubric',
      problems.join('; '),
      { rubric: rubric.id, problems },
      'R6',
    );
  }
}
