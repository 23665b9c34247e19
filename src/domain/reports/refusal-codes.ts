/**
 * Every refusal code of the implementation report (R20, 003 §10(2)): `reports.<name>`, each
 * translated as `refusals.reports.<name>` in the web app's four languages.
 */
export const REPORTS_CODES = {
  /** A narrative section is empty (field: `narrative.<section>`; params: section). */
  sectionMissing: 'reports.section_missing',
  /** The cut-off date is not a calendar date (field: cutOff; params: cutOff). */
  cutOffInvalid: 'reports.cut_off_invalid',
  /** The cut-off date is after today (field: cutOff; params: cutOff, today). */
  cutOffInFuture: 'reports.cut_off_in_future',
  /** The cut-off date is before the fiscal year (field: cutOff; params: cutOff, fiscalYearStart). */
  cutOffBeforeFiscalYear: 'reports.cut_off_before_fiscal_year',
  /** Only the head of the representative university submits (003 §10(2)). */
  notHeadOfRepresentative: 'reports.not_head_of_representative',
  /** The report is already submitted (or received); reopening it needs the funder's decision. */
  alreadySubmitted: 'reports.already_submitted',
  /** The report is still a draft: it cannot be received or reopened. */
  notSubmitted: 'reports.not_submitted',
  /** The funder has already received the report. */
  alreadyReceived: 'reports.already_received',
  /** Reopening a submitted report needs the funder's recorded decision (field: decision). */
  reopenNeedsDecision: 'reports.reopen_needs_decision',
  /** The funder has not set the cut-off date yet: the figures cannot be frozen (field: cutOff). */
  cutOffNotSet: 'reports.cut_off_not_set',
  /** The fiscal year is outside the project's support period (field: fiscalYear; params: fiscalYear, from, to). */
  outsideSupport: 'reports.outside_support',
  /** A submitted report's cut-off cannot change (field: cutOff). */
  cutOffFrozen: 'reports.cut_off_frozen',
} as const;
export type ReportsCode = (typeof REPORTS_CODES)[keyof typeof REPORTS_CODES];

export const REFUSAL_CODES: readonly string[] = Object.values(REPORTS_CODES);
