/**
 * The common score of an applicant on the rubric (R6, 003 §5(6)): each `reviewer` criterion is
 * the mean of the reviewers' scores mapped to 0–100; the `grade` criterion is the applicant's
 * grade normalised to 0–100; the common score is their weighted mean, rounded to 0.01.
 */
import { reviewerConflict, type Reviewer } from './conflict.ts';
import { ScreeningError, fixed2, round2 } from './errors.ts';
import { findGradeScale, normalise, type NormalisedGrade } from './grade-scales.ts';
import { assertValidRubric, type Rubric } from './rubric.ts';

export interface ScreenedApplicant {
  id: string;
  homeInstitutionId: string;
  /** The applicant's grade and the id of its scale in the rubric; `null` = none given. */
  grade: { value: number; scaleId: string } | null;
}

export interface Review {
  reviewer: Reviewer;
  /** Score per `reviewer` criterion id, on the rubric's `scoreScale`. */
  scores: Readonly<Record<string, number>>;
}

export interface CriterionScore {
  criterionId: string;
  source: 'reviewer' | 'grade';
  weight: number;
  /** On the common 0–100 scale. */
  value: number;
  /** How the value was obtained, in English (the reader's app writes it from the fields). */
  detail: string;
  /** `reviewer` criteria: each reviewer's score and their mean, on the rubric's scale. */
  scores?: number[];
  mean?: number;
}

export interface ApplicantScore {
  applicantId: string;
  /** The common score, 0–100, rounded to 0.01. */
  score: number;
  /** True when at least `rubric.minReviewers` reviewers scored. */
  complete: boolean;
  reviewers: number;
  criteria: CriterionScore[];
  /** The normalised grade, with its conversion; `null` without a grade criterion or grade. */
  grade: NormalisedGrade | null;
  /** The sum of the criteria's weights: the score is Σ weight × value / totalWeight. */
  totalWeight: number;
  /** Reviews the rubric needs before the score is complete. */
  minReviewers: number;
  /** The formula in English, for logs (the reader's app writes it from the fields). */
  explanation: string;
}

/**
 * Scores `applicant` from `reviews` on `rubric`. Throws `ScreeningError` for a reviewer of the
 * applicant's own institution (R6), a reviewer twice, an unknown, missing or out-of-range score,
 * a missing grade where the rubric has a grade criterion, or an invalid rubric.
 */
export function scoreApplicant(
  rubric: Rubric,
  applicant: ScreenedApplicant,
  reviews: readonly Review[],
): ApplicantScore {
  assertValidRubric(rubric);
  const reviewerCriteria = rubric.criteria.filter((c) => c.source === 'reviewer');
  const known = new Set(reviewerCriteria.map((c) => c.id));
  const seen = new Set<string>();
  for (const review of reviews) {
    const conflict = reviewerConflict(review.reviewer, applicant);
    if (conflict) {
      // The service refuses such a review before scoring (R6); a stored one is an invariant broken.
      throw new ScreeningError('reviewer_own_institution', conflict.message, conflict.params, 'R6');
    }
    if (seen.has(review.reviewer.id)) {
      throw new ScreeningError(
        'duplicate_reviewer',
        `reviewer ${review.reviewer.id} scored twice`,
        {
          reviewer: review.reviewer.id,
        },
      );
    }
    seen.add(review.reviewer.id);
    for (const [criterion, score] of Object.entries(review.scores)) {
      if (!known.has(criterion)) {
        throw new ScreeningError(
          'unknown_criterion',
          `no reviewer criterion "${criterion}" in rubric ${rubric.id}`,
          {
            criterion,
            reviewer: review.reviewer.id,
          },
        );
      }
      const { min, max } = rubric.scoreScale;
      if (!Number.isFinite(score) || score < min || score > max) {
        throw new ScreeningError(
          'score_out_of_range',
          `score ${score} for "${criterion}" is outside ${min}–${max}`,
          {
            criterion,
            score,
            min,
            max,
            reviewer: review.reviewer.id,
          },
        );
      }
    }
    for (const c of reviewerCriteria) {
      if (review.scores[c.id] === undefined) {
        throw new ScreeningError(
          'score_missing',
          `reviewer ${review.reviewer.id} did not score "${c.id}"`,
          {
            criterion: c.id,
            reviewer: review.reviewer.id,
          },
        );
      }
    }
  }

  const gradeCriterion = rubric.criteria.find((c) => c.source === 'grade');
  let grade: NormalisedGrade | null = null;
  if (gradeCriterion) {
    if (!applicant.grade) {
      throw new ScreeningError('grade_missing', `applicant ${applicant.id} has no grade`, {
        applicant: applicant.id,
      });
    }
    grade = normalise(
      applicant.grade.value,
      findGradeScale(rubric.gradeScales, applicant.grade.scaleId),
    );
  } else if (applicant.grade) {
    const scale = rubric.gradeScales.find((s) => s.id === applicant.grade?.scaleId);
    if (scale) grade = normalise(applicant.grade.value, scale);
  }

  const { min, max } = rubric.scoreScale;
  const criteria: CriterionScore[] = [];
  for (const c of rubric.criteria) {
    if (c.source === 'grade') {
      criteria.push({
        criterionId: c.id,
        source: 'grade',
        weight: c.weight,
        value: grade?.value ?? 0,
        detail: grade?.explanation ?? '',
      });
      continue;
    }
    if (reviews.length === 0) continue;
    const raw = reviews.map((r) => r.scores[c.id] ?? min);
    const mean = raw.reduce((a, b) => a + b, 0) / raw.length;
    const value = ((mean - min) / (max - min)) * 100;
    criteria.push({
      criterionId: c.id,
      source: 'reviewer',
      weight: c.weight,
      value,
      scores: raw,
      mean: round2(mean),
      detail: `mean of ${raw.length} reviewer score(s) [${raw.join(', ')}] = ${fixed2(mean)} on ${min}–${max} → ${fixed2(value)}`,
    });
  }

  const totalWeight = criteria.reduce((a, c) => a + c.weight, 0);
  const weighted = criteria.reduce((a, c) => a + c.weight * c.value, 0);
  const score = totalWeight === 0 ? 0 : round2(weighted / totalWeight);
  const terms = criteria
    .map((c) => `${c.weight} × ${fixed2(c.value)} (${c.criterionId})`)
    .join(' + ');
  const explanation =
    criteria.length === 0
      ? 'no reviews yet'
      : `(${terms}) / ${totalWeight} = ${fixed2(score)}` +
        (reviews.length < rubric.minReviewers
          ? `; incomplete: ${reviews.length} of ${rubric.minReviewers} reviews`
          : '');
  return {
    applicantId: applicant.id,
    score,
    complete: reviews.length >= rubric.minReviewers,
    reviewers: reviews.length,
    criteria,
    grade,
    totalWeight,
    minReviewers: rubric.minReviewers,
    explanation,
  };
}
