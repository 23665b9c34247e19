/**
 * Conflict of interest in common screening (R6, 003 §5(6)): a reviewer never scores an applicant
 * from their own institution, whichever side they are on.
 */
import { ScreeningError } from './errors.ts';

export interface Reviewer {
  id: string;
  /** Every institution the reviewer belongs to (a joint appointment counts for each). */
  institutionIds: readonly string[];
}

export interface ApplicantRef {
  id: string;
  homeInstitutionId: string;
}

/** `null` when the reviewer may score the applicant; otherwise the refusal. */
export function reviewerConflict(
  reviewer: Reviewer,
  applicant: ApplicantRef,
): {
  rule: 'R6';
  code: 'reviewer_own_institution';
  message: string;
  params: Record<string, string>;
} | null {
  if (!reviewer.institutionIds.includes(applicant.homeInstitutionId)) return null;
  return {
    rule: 'R6',
    code: 'reviewer_own_institution',
    message: `reviewer ${reviewer.id} belongs to ${applicant.homeInstitutionId}, the home institution of applicant ${applicant.id}, and may not score them`,
    params: {
      reviewer: reviewer.id,
      applicant: applicant.id,
      institution: applicant.homeInstitutionId,
    },
  };
}

/** Throws `ScreeningError` `reviewer_own_institution` (rule R6) on a conflict. */
export function assertReviewerMayScore(reviewer: Reviewer, applicant: ApplicantRef): void {
  const conflict = reviewerConflict(reviewer, applicant);
  if (conflict) throw new ScreeningError(conflict.code, conflict.message, conflict.params, 'R6');
}
