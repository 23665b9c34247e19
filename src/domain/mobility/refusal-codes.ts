/**
 * Every refusal code the mobility area emits (`refusals.mobility.<name>` in the translation files):
 * the state table's own, and those of the mobility services (learning-agreement life cycle,
 * catalogues, the Course Jukebox).
 */
import type { RefusalCode } from './mobility-workflow.ts';
import { DATE_WARNING_CODES } from './date-plausibility.ts';
import { HISTORY_ERROR_CODES } from './history-import.ts';

const WORKFLOW = [
  'mobility.stale',
  'mobility.terminal_state',
  'mobility.not_allowed_from_state',
  'mobility.role_not_allowed',
  'mobility.side_required',
  'mobility.reason_required',
  'mobility.date_required',
  'mobility.date_invalid',
  'mobility.date_before_departure',
  'mobility.date_before_arrival',
  'mobility.date_in_future',
  'mobility.la_not_signed',
  'mobility.transcript_missing',
  'mobility.never_arrived',
] as const satisfies readonly RefusalCode[];

/** Codes the services add: they check what the state table cannot see. */
const SERVICES = [
  'mobility.decisions_pending',
  'mobility.party_required',
  'mobility.la_frozen',
  'mobility.la_exists',
  'mobility.course_exists',
  'mobility.org_unit_unknown',
  'mobility.jukebox_online_only',
  'mobility.not_alliance_member',
  'mobility.jukebox_no_profile',
  'mobility.jukebox_already_recognised',
  'mobility.jukebox_already_decided',
  'mobility.jukebox_no_result',
  'mobility.start_in_past',
  'mobility.stay_overlaps',
] as const;

export const REFUSAL_CODES: readonly string[] = [
  ...WORKFLOW,
  ...DATE_WARNING_CODES,
  ...SERVICES,
  ...HISTORY_ERROR_CODES,
];
export type MobilityRefusalCode =
  | (typeof WORKFLOW)[number]
  | (typeof DATE_WARNING_CODES)[number]
  | (typeof SERVICES)[number]
  | (typeof HISTORY_ERROR_CODES)[number];
