/**
 * Every refusal code the travel area can emit (R13, 003 §3(3)): `travel.<name>`, each translated
 * as `refusals.travel.<name>` in the web app's four languages.
 */
export const TRAVEL_CODES = {
  notEconomy: 'travel.not_economy',
  notRoundTrip: 'travel.not_round_trip',
  invalidAmount: 'travel.invalid_amount',
  noBand: 'travel.no_band',
  aboveCeiling: 'travel.above_ceiling',
  approvalNotByFunder: 'travel.approval_not_by_funder',
  approvalTooLow: 'travel.approval_too_low',
  fareNotReceipted: 'travel.fare_not_receipted',
  enrolmentNotConfirmed: 'travel.enrolment_not_confirmed',
  alreadyPaid: 'travel.already_paid',
  alreadyInBatch: 'travel.already_in_batch',
  airportsUnknown: 'travel.airports_unknown',
  tripInBatch: 'travel.trip_in_batch',
  unknownAirport: 'travel.unknown_airport',
  overrideNeedsReason: 'travel.override_needs_reason',
  noFareAwaitingApproval: 'travel.no_fare_awaiting_approval',
} as const;

export const REFUSAL_CODES: readonly string[] = Object.values(TRAVEL_CODES);
