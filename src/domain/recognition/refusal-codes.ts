/**
 * Every refusal code of recognition (`refusals.recognition.<name>` in the translation files):
 * learning agreements, grade conversion, recognition decisions (R7, R16), the Course Jukebox, and
 * the checks the recognition services add on transcripts.
 */
import type { EligibilityCode, ExclusionCode } from './course-jukebox.ts';
import type { GradeConversionRefusalCode } from './grade-conversion.ts';
import type { LaRefusalCode } from './learning-agreement.ts';
import type { DecisionRefusalCode } from './recognition.ts';

const LEARNING_AGREEMENT = [
  'recognition.la_component_id_missing',
  'recognition.la_host_code_missing',
  'recognition.la_host_title_missing',
  'recognition.la_wrong_credit_system',
  'recognition.la_credits_not_positive',
  'recognition.la_unknown_credit_system',
  'recognition.la_duplicate_component',
  'recognition.la_component_changed_twice',
  'recognition.la_unknown_component',
  'recognition.la_no_components',
  'recognition.la_no_changes',
  'recognition.la_reason_text_required',
  'recognition.la_stale',
  'recognition.la_version_not_pending',
  'recognition.la_no_pending_proposal',
  'recognition.la_already_signed',
  'recognition.la_comment_required',
] as const satisfies readonly LaRefusalCode[];

const DECISIONS = [
  'recognition.unknown_scale',
  'recognition.unknown_grade',
  'recognition.invalid_distribution',
  'recognition.system_not_agreed',
  'recognition.la_not_signed',
  'recognition.unknown_component',
  'recognition.no_transcript_line',
  'recognition.transcript_mismatch',
  'recognition.not_passed',
  'recognition.credits_short',
  'recognition.partial_credits_invalid',
  'recognition.reason_required',
] as const satisfies readonly (DecisionRefusalCode | GradeConversionRefusalCode)[];

const JUKEBOX = [
  'recognition.jukebox_wrong_alliance',
  'recognition.jukebox_not_a_member',
  'recognition.jukebox_course_not_found',
  'recognition.jukebox_not_online',
  'recognition.jukebox_home_not_member',
  'recognition.jukebox_offering_not_member',
  'recognition.jukebox_own_institution',
  'recognition.jukebox_enrolment_closed',
  'recognition.jukebox_level',
  'recognition.jukebox_language',
  'recognition.jukebox_full',
  'recognition.jukebox_already_enrolled',
] as const satisfies readonly (EligibilityCode | ExclusionCode)[];

/** Codes the recognition services add on transcripts and decisions. */
const SERVICES = [
  'recognition.no_transcript_yet',
  'recognition.transcript_decided',
  'recognition.transcript_line_twice',
  'recognition.transcript_course_code',
  'recognition.transcript_credit_system',
  'recognition.already_recognised',
  'recognition.no_transcript',
  'recognition.already_decided',
  'recognition.home_course_already_recognised',
] as const;

export const REFUSAL_CODES: readonly string[] = [
  ...LEARNING_AGREEMENT,
  ...DECISIONS,
  ...JUKEBOX,
  ...SERVICES,
];
