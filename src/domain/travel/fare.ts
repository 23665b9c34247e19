/**
 * R13 (003 §3(3)): one round-trip economy ticket between the nearest international airports,
 * quoted and receipted by the coordinator, within the program's fare ceiling for the trip's
 * distance band — or above it only when the funder officer approved that fare.
 */
import type { DistanceBand, FareCeilingBand } from './bands.ts';
import { distanceBandOf } from './bands.ts';

export const CABINS = ['economy', 'premium_economy', 'business', 'first'] as const;
export type Cabin = (typeof CABINS)[number];

export interface FareApproval {
  /** The role of the approver: only `funder_officer` may approve a fare above its ceiling. */
  approverRole: string;
  approvedBy: string;
  reason: string;
  /** The highest fare approved, in yen. */
  maxAmountJpy: number;
}

export interface FareQuote {
  amountJpy: number;
  /** One-way great-circle distance between the two airports, km. */
  distanceKm: number;
  cabin: Cabin;
  roundTrip: boolean;
  approval?: FareApproval | null;
}

export interface TravelRefusal {
  rule: 'R13';
  code:
    | 'NOT_ECONOMY'
    | 'NOT_ROUND_TRIP'
    | 'INVALID_AMOUNT'
    | 'NO_BAND'
    | 'ABOVE_CEILING'
    | 'APPROVAL_NOT_BY_FUNDER'
    | 'APPROVAL_TOO_LOW';
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

export type FareCheck =
  | { ok: true; band: DistanceBand; ceilingJpy: number; approvedAboveCeiling: boolean }
  | { ok: false; refusal: TravelRefusal };

const refuse = (
  code: TravelRefusal['code'],
  message: string,
  params?: TravelRefusal['params'],
): FareCheck => ({
  ok: false,
  refusal: { rule: 'R13', code, message, ...(params ? { params } : {}) },
});

/** Checks a quoted fare against the program's ceilings (data). */
export function checkFare(quote: FareQuote, ceilings: readonly FareCeilingBand[]): FareCheck {
  if (quote.cabin !== 'economy') {
    return refuse('NOT_ECONOMY', `the ticket is economy class, not ${quote.cabin}`, {
      cabin: quote.cabin,
    });
  }
  if (!quote.roundTrip) return refuse('NOT_ROUND_TRIP', 'the ticket is a round trip');
  if (!Number.isSafeInteger(quote.amountJpy) || quote.amountJpy <= 0) {
    return refuse(
      'INVALID_AMOUNT',
      `a fare is a positive whole number of yen, not ${quote.amountJpy}`,
    );
  }
  const band = distanceBandOf(quote.distanceKm, ceilings);
  if (!band) {
    return refuse(
      'NO_BAND',
      `no fare ceiling of the program covers ${Math.floor(quote.distanceKm)} km`,
      {
        distanceKm: Math.floor(quote.distanceKm),
      },
    );
  }
  const { ceilingJpy } = band;
  const found = { id: band.id, minKm: band.minKm, maxKm: band.maxKm };
  if (quote.amountJpy <= ceilingJpy) {
    return { ok: true, band: found, ceilingJpy, approvedAboveCeiling: false };
  }
  const params = { amountJpy: quote.amountJpy, ceilingJpy, band: band.id };
  const approval = quote.approval;
  if (!approval) {
    return refuse(
      'ABOVE_CEILING',
      `the fare of ${quote.amountJpy} JPY is above the ceiling of ${ceilingJpy} JPY for ${band.id} km; the funder officer may approve it`,
      params,
    );
  }
  if (approval.approverRole !== 'funder_officer') {
    return refuse(
      'APPROVAL_NOT_BY_FUNDER',
      `a fare above its ceiling is approved by the funder officer, not a ${approval.approverRole}`,
      { ...params, approverRole: approval.approverRole },
    );
  }
  if (approval.maxAmountJpy < quote.amountJpy) {
    return refuse(
      'APPROVAL_TOO_LOW',
      `the funder officer approved up to ${approval.maxAmountJpy} JPY, the fare is ${quote.amountJpy} JPY`,
      { ...params, approvedJpy: approval.maxAmountJpy },
    );
  }
  return { ok: true, band: found, ceilingJpy, approvedAboveCeiling: true };
}

/** The key of a mobility's travel payment: one round-trip ticket, paid at most once (R13). */
export function travelKey(mobilityId: string): string {
  return `travel:${mobilityId}`;
}
