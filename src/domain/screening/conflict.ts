/**
 * Conflict of interest in common screening (R6, 003 §5(6)): a reviewer never scores an applicant
 * from their own institution, whichever side they are on. The conflict is a value, a refusal the
 * service turns into a 422 or shows in place of the scoring form.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';

export interface Reviewer {
  id: string;
  /** Every institution the reviewer belongs to (a joint appointment counts for each). */
  institutionIds: readonly string[];
}

export interface ApplicantRef {
  id: string;
  homeInstitutionId: string;
}

/** A refusal with an English message for logs. */
export type ScreeningRefusal = Refusal & { message: string };

/** `null` when the reviewer may score the applicant; otherwise the refusal (R6). */
export function reviewerConflict(
  reviewer: Reviewer,
  applicant: ApplicantRef,
): ScreeningRefusal | null {
  if (!reviewer.institutionIds.includes(applicant.homeInstitutionId)) return null;
  return {
    ...refusal(
      'calls.reviewer_own_institution',
      { institution: applicant.homeInstitutionId },
      { rule: 'R6' },
    ),
    message: `reviewer ${reviewer.id} belongs to ${applicant.homeInstitutionId}, the home institution of applicant ${applicant.id}, and may not score them`,
  };
}
