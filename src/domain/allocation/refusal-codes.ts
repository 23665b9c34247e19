/**
 * Every code the allocation area says to people: why an instance is refused, how each student
 * was placed and why not at a better choice (explanations), and why a run may not be published.
 * The reader's app renders `refusals.<code>` with the params; the server writes no sentence.
 */
import type { Refusal as Kind } from './types.ts';

/** Why a better choice did not become the student's host (params: host, choice). */
export const REASON_CODES: Record<Kind, string> = {
  refused: 'allocation.refused',
  'agreement-full': 'allocation.agreement_full',
  'agreement-months-full': 'allocation.agreement_months_full',
  'host-full': 'allocation.host_full',
  'home-export-full': 'allocation.home_export_full',
  'funder-cap': 'allocation.funder_cap',
  balance: 'allocation.balance',
  'not-chosen': 'allocation.not_chosen',
  trimmed: 'allocation.trimmed',
};

/** How a student was placed, or that she stays home (params: host, choice, cycle, objective). */
export const OUTCOME_CODES = {
  cycle: 'allocation.placed_by_cycle',
  residue: 'allocation.placed_within_tolerance',
  serial: 'allocation.placed_in_score_order',
  optimum: 'allocation.placed_in_optimum',
  /** `optimal` stopped at the solver's time limit: the best allocation found, not proven. */
  bestFound: 'allocation.placed_in_best_found',
  home: 'allocation.stays_home',
  trimmed: 'allocation.stays_home_trimmed',
  noHosts: 'allocation.no_hosts_listed',
} as const;

/**
 * Why an applicant was passed over for a lower-scored one at a host she ranked higher (params:
 * student, score, host, choice, instead, insteadScore, others, and the reason's numbers).
 */
export const PASSED_OVER_CODES = {
  /** R4: the swap would put a unit outside the tolerance (params: unit, off, tolerance). */
  balanceStudents: 'allocation.passed_over_balance_students',
  balanceMonths: 'allocation.passed_over_balance_months',
  /** The agreement from her home to the host (params: from, to, slots or monthsCap, months). */
  agreementSlots: 'allocation.passed_over_agreement_slots',
  agreementMonths: 'allocation.passed_over_agreement_months',
  /** The host's place count, the home's export cap (params: cap, home). */
  importCap: 'allocation.passed_over_import_cap',
  exportCap: 'allocation.passed_over_export_cap',
  /** R14: the funder's cap in funded student-months a year, or in yen (params: cap, months). */
  fundedMonths: 'allocation.passed_over_funded_months',
  yen: 'allocation.passed_over_yen',
  /** The optimum's objective would lose `lost` (students or months; welfare: ranks). */
  objective: {
    students: 'allocation.passed_over_objective_students',
    months: 'allocation.passed_over_objective_months',
    welfare: 'allocation.passed_over_objective_welfare',
  },
  /** An optimum of equal value: the optimum does not rank by score. */
  tie: 'allocation.passed_over_tie',
  /**
   * The swap would improve the objective: only in an allocation not proven optimal (the solver
   * stopped at its time limit), since in an optimum no feasible swap can.
   */
  improvable: 'allocation.passed_over_improvable',
  /** 2S-TTC: he was placed by exchange cycle no. `cycle`, or in the residue of the tolerance. */
  cycle: 'allocation.passed_over_cycle',
  residue: 'allocation.passed_over_residue',
  /** Serial order: she was placed there, then cut to restore the balance; or closed at her turn. */
  trimmed: 'allocation.passed_over_trimmed',
  serial: 'allocation.passed_over_serial',
} as const;

/** An instance that breaks the format's references (params name the universities or student). */
export const INSTANCE_CODES = {
  duplicateUniversity: 'allocation.duplicate_university',
  unknownUniversity: 'allocation.unknown_university',
  agreementToItself: 'allocation.agreement_to_itself',
  duplicateAgreement: 'allocation.duplicate_agreement',
  duplicateStudent: 'allocation.duplicate_student',
  prefIsHome: 'allocation.pref_is_home',
  duplicateHost: 'allocation.duplicate_host',
  noAgreement: 'allocation.no_agreement',
  acceptedNotInPrefs: 'allocation.accepted_not_in_prefs',
} as const;

/** Why a run may not be published. */
export const PUBLISH_CODES = {
  alreadyPublished: 'allocation.already_published',
  unknownInstitutions: 'allocation.unknown_institutions',
  noResult: 'allocation.no_result',
  capExceeded: 'allocation.cap_exceeded',
  /** The chosen start date has passed (params: startDate, today). */
  startInPast: 'allocation.start_in_past',
  /** R2: some places have no qualifying agreement for their stay (params: count). */
  studentsWithoutAgreement: 'allocation.students_without_agreement',
} as const;

/**
 * Whom a run may place: only a call the actor manages (params: call) and students the actor stands
 * for (params: count, students, homes).
 */
export const SCOPE_CODES = {
  callNotManaged: 'allocation.call_not_managed',
  studentsOutOfScope: 'allocation.students_out_of_scope',
} as const;

export const REFUSAL_CODES: readonly string[] = [
  ...Object.values(REASON_CODES),
  ...Object.values(OUTCOME_CODES),
  ...Object.values(PASSED_OVER_CODES).flatMap((c) =>
    typeof c === 'string' ? [c] : Object.values(c),
  ),
  ...Object.values(INSTANCE_CODES),
  ...Object.values(PUBLISH_CODES),
  ...Object.values(SCOPE_CODES),
];
