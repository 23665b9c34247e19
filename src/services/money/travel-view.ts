/**
 * The trip of a mobility (R13, 003 §3(3)): the international airports nearest the home and the
 * host institution (from their coordinates, or a coordinator's override with a reason), the
 * great-circle distance, the program's fare ceiling for its band, and — for European partners —
 * the Erasmus+ distance band.
 */
import type { Airport } from '#src/domain/travel/airports.ts';
import {
  airRoute,
  checkFare,
  distanceBandOf,
  erasmusDistanceBand,
  fareCeilingsOf,
  greatCircleKm,
} from '#src/domain/travel/index.ts';
import {
  AIRPORTS_SOURCE,
  findAirportByIata,
  nearestInternationalAirport,
} from '../travel/airports.ts';
import type { InstitutionRow, MobilityMoney } from './context.ts';
import type { TravelRow } from './ledger.ts';

/**
 * Countries of geographic Europe (ISO 3166-1 alpha-2) for showing the Erasmus+ band. Russia
 * spans two continents; its partners are shown a band only when the institution lies west of
 * the Urals (longitude < 60° E).
 */
const EUROPE = new Set(
  'AD AL AT BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GI GR HR HU IE IS IT LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS SE SI SK SM UA VA XK'.split(
    ' ',
  ),
);

export function isEuropean(inst: InstitutionRow): boolean {
  if (EUROPE.has(inst.country)) return true;
  return inst.country === 'RU' && inst.longitude != null && inst.longitude < 60;
}

function airportView(a: Airport | null, distanceKm: number | null) {
  return a
    ? {
        iata: a.iata,
        ident: a.ident,
        name: a.name,
        municipality: a.municipality,
        country: a.country,
        lat: a.lat,
        lon: a.lon,
        distanceFromInstitutionKm: distanceKm === null ? null : Math.round(distanceKm * 10) / 10,
      }
    : null;
}

export function nearestOf(inst: InstitutionRow) {
  if (inst.latitude == null || inst.longitude == null) return null;
  return nearestInternationalAirport(inst.latitude, inst.longitude);
}

export interface TripPlan {
  home: Airport | null;
  host: Airport | null;
  homeNearest: Airport | null;
  hostNearest: Airport | null;
  distanceKm: number | null;
}

export function planTrip(
  m: MobilityMoney,
  row: Pick<TravelRow, 'homeAirport' | 'hostAirport'> | null,
): TripPlan {
  const homeNearest = nearestOf(m.home)?.airport ?? null;
  const hostNearest = nearestOf(m.host)?.airport ?? null;
  const home = (row && findAirportByIata(row.homeAirport)) ?? homeNearest;
  const host = (row && findAirportByIata(row.hostAirport)) ?? hostNearest;
  const distanceKm = home && host ? airRoute(home, host).distanceKm : null;
  return { home, host, homeNearest, hostNearest, distanceKm };
}

/** The travel view (no money moves here; the payment is a batch item of kind 'travel'). */
export function travelSummary(m: MobilityMoney, row: TravelRow | null) {
  const plan = planTrip(m, row);
  const ceilings = fareCeilingsOf(m.programId, m.program);
  const km = plan.distanceKm;
  const band = km === null ? null : distanceBandOf(km, ceilings);
  const european = isEuropean(m.home) || isEuropean(m.host);
  const fare =
    row?.fareJpy != null && km !== null
      ? checkFare(
          {
            amountJpy: row.fareJpy,
            distanceKm: km,
            cabin: 'economy',
            roundTrip: true,
            approval: row.approvedAboveCeilingBy
              ? {
                  approverRole: 'funder_officer',
                  approvedBy: row.approvedAboveCeilingBy,
                  reason: 'approved',
                  maxAmountJpy: row.fareJpy,
                }
              : null,
          },
          ceilings,
        )
      : null;
  return {
    mobilityId: m.mobility.id,
    homeInstitutionId: m.home.id,
    hostInstitutionId: m.host.id,
    homeAirport: airportView(
      plan.home,
      plan.home && m.home.latitude != null && m.home.longitude != null
        ? distanceFrom(m.home, plan.home)
        : null,
    ),
    hostAirport: airportView(
      plan.host,
      plan.host && m.host.latitude != null && m.host.longitude != null
        ? distanceFrom(m.host, plan.host)
        : null,
    ),
    nearest: { home: plan.homeNearest?.iata ?? null, host: plan.hostNearest?.iata ?? null },
    overridden: Boolean(row?.overrideReason),
    overrideReason: row?.overrideReason ?? null,
    distanceKm: km === null ? null : Math.round(km),
    journey: m.program?.travel.journey ?? 'round-trip',
    cabinClass: m.program?.travel.cabinClass ?? 'economy',
    fareBand: band
      ? { id: band.id, minKm: band.minKm, maxKm: band.maxKm, ceilingJpy: band.ceilingJpy }
      : null,
    erasmusBand: european && km !== null ? erasmusDistanceBand(km) : null,
    fareJpy: row?.fareJpy ?? null,
    receiptRef: row?.receiptRef ?? null,
    status: (row?.status ?? 'planned') as 'planned' | 'quoted' | 'receipted' | 'awaiting_approval',
    approvedAboveCeiling: Boolean(row?.approvedAboveCeilingBy),
    fareCheck: fare
      ? fare.ok
        ? { ok: true as const }
        : { ok: false as const, refusal: fare.refusal }
      : null,
    source: AIRPORTS_SOURCE,
  };
}

function distanceFrom(inst: InstitutionRow, a: Airport): number {
  return greatCircleKm({ lat: inst.latitude!, lon: inst.longitude! }, a);
}
