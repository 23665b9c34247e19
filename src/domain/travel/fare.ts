/**
 * R13 (003 §3(3)): one round-trip economy ticket between the nearest international airports,
 * quoted and receipted by the coordinator, within the program's fare ceiling for the trip's
 * distance band — or above it only when the funder officer approved that fare.
 */
import type { DistanceBand, FareCeilingBand } from './bands.ts';
import { distanceBandOf } from './bands.ts';
import { refusal, type MessageParams, type Refusal } from '../shared/refusal.ts';
import { TRAVEL_CODES as C } from './refusal-codes.ts';

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

/** A refusal of R13: a `travel.*` code of refusal-codes.ts with its params. */
export type TravelRefusal = Refusal & { rule: 'R13' };

export type FareCheck =
  | { ok: true; band: DistanceBand; ceilingJpy: number; approvedAboveCeiling: boolean }
  | { ok: false; refusal: TravelRefusal };

const refuse = (code: string, params: MessageParams = {}): FareCheck => ({
  ok: false,
  refusal: refusal(code, params, { rule: 'R13' }) as TravelRefusal,
});

/** Checks a quoted fare against the program's ceilings (data). */
export function checkFare(quote: FareQuote, ceilings: readonly FareCeilingBand[]): FareCheck {
  if (quote.cabin !== 'economy') {
    return refuse(C.notEconomy, { cabin: quote.cabin });
  }
  if (!quote.roundTrip) return refuse(C.notRoundTrip);
  if (!Number.isSafeInteger(quote.amountJpy) || quote.amountJpy <= 0) {
    return refuse(C.invalidAmount, { amountJpy: quote.amountJpy });
  }
  const band = distanceBandOf(quote.distanceKm, ceilings);
  if (!band) return refuse(C.noBand, { distanceKm: Math.floor(quote.distanceKm) });
  const { ceilingJpy } = band;
  const found = { id: band.id, minKm: band.minKm, maxKm: band.maxKm };
  if (quote.amountJpy <= ceilingJpy) {
    return { ok: true, band: found, ceilingJpy, approvedAboveCeiling: false };
  }
  const params = {
    amountJpy: quote.amountJpy,
    ceilingJpy,
    band: band.id,
    minKm: band.minKm,
    maxKm: band.maxKm,
  };
  const approval = quote.approval;
  if (!approval) return refuse(C.aboveCeiling, params);
  if (approval.approverRole !== 'funder_officer') {
    return refuse(C.approvalNotByFunder, { ...params, approverRole: approval.approverRole });
  }
  if (approval.maxAmountJpy < quote.amountJpy) {
    return refuse(C.approvalTooLow, { ...params, approvedJpy: approval.maxAmountJpy });
  }
  return { ok: true, band: found, ceilingJpy, approvedAboveCeiling: true };
}

/** The key of a mobility's travel payment: one round-trip ticket, paid at most once (R13). */
export function travelKey(mobilityId: string): string {
  return `travel:${mobilityId}`;
}
