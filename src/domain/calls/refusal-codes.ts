/**
 * Every refusal code the calls area can emit — eligibility (R3, R9, R12, R18 and the call's own
 * data), the ranked list of hosts, common screening (R6, R16), applications and their documents.
 * The reader's app translates each as `refusals.<code>`.
 */
export const ELIGIBILITY_CODES = [
  'calls.level_not_targeted',
  'calls.level_not_offered_by_host',
  'calls.home_not_in_sending_consortium',
  'calls.host_not_in_call',
  'calls.host_not_open_to_home',
  'calls.table1_student_residence_status',
  'calls.not_dispatched_from_japan',
  'calls.enrolment_status_not_allowed',
  'calls.enrolment_ends_before_return',
  'calls.stay_too_short',
  'calls.stay_too_long',
  'calls.language_requirement_not_met',
  'calls.call_not_open_yet',
  'calls.call_closed',
] as const;

export const RANKING_CODES = [
  'calls.ranking_empty',
  'calls.ranking_too_long',
  'calls.ranking_duplicate_host',
  'calls.ranking_unknown_host',
] as const;

export const SCREENING_CODES = [
  'calls.reviewer_own_institution',
  'calls.reviewer_institution_unknown',
  'calls.screening_consent_missing',
  'calls.screening_consent_unsigned',
  'calls.screening_consent_incomplete',
  'calls.no_rubric',
  'calls.invalid_grade_scale',
  'calls.unknown_grade_scale',
  'calls.grade_out_of_range',
  'calls.grade_missing',
  'calls.invalid_rubric',
  'calls.duplicate_reviewer',
  'calls.unknown_criterion',
  'calls.score_missing',
  'calls.score_out_of_range',
  'calls.invalid_submission_time',
  'calls.duplicate_applicant',
  'calls.invalid_hand_off',
] as const;

export const APPLICATION_CODES = [
  'calls.already_applied',
  'calls.already_withdrawn',
  'calls.application_withdrawn',
  'calls.withdraw_after_deadline',
  'calls.upload_after_deadline',
  'calls.profile_missing',
  'calls.not_a_student',
  'calls.call_exists',
  'calls.call_without_program',
  'calls.unknown_institution',
  'calls.document_kind_not_asked',
  'calls.filename_missing',
  'calls.filename_too_long',
  'calls.filename_control_characters',
  'calls.filename_with_path',
  'calls.filename_script',
  'calls.filename_extension',
  'calls.document_type_not_accepted',
  'calls.document_empty',
  'calls.document_too_large',
  'calls.document_content_mismatch',
  'calls.document_contains_script',
  'calls.residence_status_locked',
  'calls.grade_locked',
  'calls.level_locked',
  'calls.enrolment_locked',
  'calls.home_locked',
  'calls.field_locked',
  'calls.language_listed_twice',
  'calls.grade_scale_unknown',
  'calls.grade_outside_scale',
  'calls.closes_before_opens',
  'calls.departure_ends_before_start',
  'calls.stay_max_below_min',
  'calls.host_twice',
  'calls.title_missing',
] as const;

export const REFUSAL_CODES: readonly string[] = [
  ...ELIGIBILITY_CODES,
  ...RANKING_CODES,
  ...SCREENING_CODES,
  ...APPLICATION_CODES,
];
