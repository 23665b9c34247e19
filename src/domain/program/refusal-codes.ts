/**
 * Every refusal and check code of the programs area (`refusals.<code>` in the translation files):
 * the checks of a project application (R1–R18, 003 §11), the support period (R10) and the states
 * an application must be in.
 */
export const REFUSAL_CODES = [
  // R1 — 003 §2(1), §5(1)
  'program.home_member_abroad',
  'program.home_too_few',
  'program.partner_member_at_home',
  'program.partner_country_not_allowed',
  'program.partner_too_few',
  'program.member_not_in_consortium',
  'program.consortia_ok',
  // R8 — 003 §5(8), §6(2)
  'program.home_representative_missing',
  'program.partner_representative_missing',
  'program.travel_office_not_representative',
  'program.representatives_ok',
  // R2 — 003 §5(2)
  'program.agreement_not_signed',
  'program.representative_not_signatory',
  'program.agreement_copy_missing',
  'program.agreement_copy_unverified',
  'program.agreement_not_in_registry',
  'program.agreement_parties_mismatch',
  'program.agreement_terminated',
  'program.agreement_not_signed_by_all',
  'program.agreement_not_in_force',
  'program.agreement_ends_before_plan',
  'program.agreement_registry_ok',
  'program.agreement_ok',
  // R3 — 003 §5(3)
  'program.no_level',
  'program.level_not_targeted',
  'program.levels_ok',
  // R4, R14, R12
  'program.unbalanced',
  'program.balance_ok',
  'program.over_cap',
  'program.outbound_months_inconsistent',
  'program.inbound_months_inconsistent',
  'program.cap_ok',
  'program.stay_out_of_range',
  'program.stay_ok',
  // R5, R6, R7
  'program.tuition_waiver_not_stipulated',
  'program.tuition_waiver_copy_missing',
  'program.tuition_waiver_ok',
  'program.screening_qualifications_missing',
  'program.screening_standards_missing',
  'program.screening_methods_missing',
  'program.screening_not_common',
  'program.screening_ok',
  'program.recognition_system_missing',
  'program.recognition_not_common',
  'program.recognition_ok',
  // R16, R17
  'program.consent_missing',
  'program.screening_consent_missing',
  'program.recognition_consent_missing',
  'program.consents_ok',
  'program.texts_untranslated',
  'program.attachment_untranslated',
  'program.translations_ok',
  // R18 — 003 §8–9
  'program.deadline_passed',
  'program.call_open',
  'program.submitted_late',
  'program.submitted_in_time',
  'program.wrong_program',
  'program.not_draft',
  // R15 — 003 §6
  'program.item_missing',
  'program.section_missing',
  'program.dossier_complete',
  // 003 §11
  'program.responsible_not_at_representative',
  'program.not_responsible_person',
  'program.not_representative_officer',
  'program.submitter_ok',
  // R10 — 003 §3(1)
  'program.support_change_before_last',
  'program.suspension_not_allowed',
  'program.support_not_active',
  'program.suspension_reason_required',
  'program.support_not_suspended',
  'program.support_period_over',
  'program.support_already_ended',
  // states of programs and applications
  'program.no_rules',
  'program.application_exists',
  'program.not_own_consortium',
  'program.representative_not_member',
  'program.only_draft_changes',
  'program.only_submitted_gets_outcome',
  'program.no_support_period',
  'program.recheck_only_submitted',
] as const;
