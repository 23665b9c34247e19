import { refusal, type MessageParams, type Refusal } from '../shared/refusal.ts';

/**
 * The one error of the screening domain, for input that cannot be computed on (a score outside
 * the scale, an unknown criterion, an invalid rubric): a stable `code` (the service layer maps it
 * to a 400 naming the field), the rule it enforces when there is one, and the parameters of the
 * message. Rule refusals a person can meet in use — a reviewer's conflict of interest (R6), a
 * missing consent (R16) — are values (`reviewerConflict`, `checkConsentForRubric`), not errors.
 */
export type ScreeningErrorCode =
  | 'invalid_grade_scale'
  | 'unknown_grade_scale'
  | 'grade_out_of_range'
  | 'grade_missing'
  | 'invalid_rubric'
  | 'reviewer_own_institution'
  | 'duplicate_reviewer'
  | 'unknown_criterion'
  | 'score_missing'
  | 'score_out_of_range'
  | 'invalid_submission_time'
  | 'duplicate_applicant'
  | 'invalid_hand_off'
  | 'screening_consent_missing'
  | 'screening_consent_unsigned'
  | 'screening_consent_incomplete';

export type ScreeningRule = 'R6' | 'R16';

export class ScreeningError extends Error {
  constructor(
    readonly code: ScreeningErrorCode,
    message: string,
    readonly params: Record<string, unknown> = {},
    readonly rule: ScreeningRule | null = null,
  ) {
    super(rule ? `${rule}: ${message}` : message);
    this.name = 'ScreeningError';
  }

  /** The error as a refusal of the vocabulary: `calls.<code>` with its params and rule. */
  get refusal(): Refusal {
    return refusal(`calls.${this.code}`, this.params as MessageParams, {
      rule: this.rule ?? undefined,
    });
  }
}

/** Rounds to two decimals, the precision the common scale is shown and compared in. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** `76.666…` → `76.67`; `50` → `50.00`. */
export function fixed2(value: number): string {
  return round2(value).toFixed(2);
}
