/**
 * Every refusal code the scholarship area can emit (schedules, payability, batches, safety
 * advisories): `scholarship.<name>`, each translated as `refusals.scholarship.<name>` in the web
 * app's four languages.
 */
export const SCHOLARSHIP_CODES = {
  // PAID_ONCE: a student-month is paid at most once.
  alreadyPaid: 'scholarship.already_paid',
  alreadyInBatch: 'scholarship.already_in_batch',
  claimedMeanwhile: 'scholarship.claimed_meanwhile',
  // R8: through the representative university, after the host confirmed the month.
  notRepresentativeUniversity: 'scholarship.not_representative_university',
  enrolmentNotConfirmed: 'scholarship.enrolment_not_confirmed',
  monthNotStarted: 'scholarship.month_not_started',
  monthNotInStay: 'scholarship.month_not_in_stay',
  notInProject: 'scholarship.not_in_project',
  noBankAccount: 'scholarship.no_bank_account',
  noRepresentative: 'scholarship.no_representative',
  // R10 / R12: the schedule.
  notScheduled: 'scholarship.not_scheduled',
  notFunded: 'scholarship.not_funded',
  noSupportedProject: 'scholarship.no_supported_project',
  supportPeriodInvalid: 'scholarship.support_period_invalid',
  supportPeriodTooLong: 'scholarship.support_period_too_long',
  stayInvalid: 'scholarship.stay_invalid',
  stayTooShort: 'scholarship.stay_too_short',
  projectSuspended: 'scholarship.project_suspended',
  outsideSupportPeriod: 'scholarship.outside_support_period',
  noMonthInSupportPeriod: 'scholarship.no_month_in_support_period',
  partialMonthNotCounted: 'scholarship.partial_month_not_counted',
  beyondMaxMonths: 'scholarship.beyond_max_months',
  // R14: the cap of student-months per fiscal year.
  capExceeded: 'scholarship.cap_exceeded',
  placesOverCap: 'scholarship.places_over_cap',
  // R19: safety advisories.
  countrySuspended: 'scholarship.country_suspended',
  countryPostponed: 'scholarship.country_postponed',
  advisoryLiftedBeforeStart: 'scholarship.advisory_lifted_before_start',
  advisoryAlreadyLifted: 'scholarship.advisory_already_lifted',
  advisoryEndsBeforeStart: 'scholarship.advisory_ends_before_start',
  advisoryNotConcerned: 'scholarship.advisory_not_concerned',
  advisoryAlreadyOverridden: 'scholarship.advisory_already_overridden',
  overrideReasonRequired: 'scholarship.override_reason_required',
  // Batches.
  nothingPayable: 'scholarship.nothing_payable',
  batchNotDraft: 'scholarship.batch_not_draft',
  batchNotApproved: 'scholarship.batch_not_approved',
  batchPaid: 'scholarship.batch_paid',
  batchCancelled: 'scholarship.batch_cancelled',
  batchEmpty: 'scholarship.batch_empty',
  noBankAccountForExport: 'scholarship.no_bank_account_for_export',
  /** R8: the representative university has no payer account on file (params: representative). */
  noPayerAccount: 'scholarship.no_payer_account',
  idempotencyKeyRequired: 'scholarship.idempotency_key_required',
  notADate: 'scholarship.not_a_date',
} as const;

export const REFUSAL_CODES: readonly string[] = Object.values(SCHOLARSHIP_CODES);
