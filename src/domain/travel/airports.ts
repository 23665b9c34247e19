/**
 * Airports as the domain sees them, and the nearest one to a point (R13, 003 §3(3): "a round-trip
 * economy class air ticket between the international airport that is nearest to the Japanese
 * university … and the nearest international airport to the accepting foreign university").
 * Which airports count as international is decided where the data is loaded
 * (src/services/travel/airports.ts) and carried here as a flag.
 */
import type { LatLon } from './geo.ts';
import { greatCircleKm } from './geo.ts';

export interface Airport extends LatLon {
  /** IATA code (e.g. "SDJ"), null when the airport has none. */
  iata: string | null;
  /** The dataset's identifier (ICAO or local code, e.g. "RJSS"). */
  ident: string;
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  municipality: string;
  /** OurAirports' size class: large_airport, medium_airport, … */
  type: string;
  scheduledService: boolean;
  /** Counts as an international airport for R13 (the rule is the loader's, documented there). */
  international: boolean;
}

export interface NearestAirport {
  airport: Airport;
  distanceKm: number;
}

/**
 * The airport nearest to a point among those given (only international ones when asked);
 * null when none qualifies. Ties go to the airport listed first.
 */
export function nearestAirport(
  point: LatLon,
  airports: readonly Airport[],
  options: { international?: boolean } = {},
): NearestAirport | null {
  let best: NearestAirport | null = null;
  for (const airport of airports) {
    if (options.international && !airport.international) continue;
    const distanceKm = greatCircleKm(point, airport);
    if (!best || distanceKm < best.distanceKm) best = { airport, distanceKm };
  }
  return best;
}

/** The flight of R13: between two airports, one way, with its great-circle distance. */
export interface AirRoute {
  from: Airport;
  to: Airport;
  distanceKm: number;
}

export function airRoute(from: Airport, to: Airport): AirRoute {
  return { from, to, distanceKm: greatCircleKm(from, to) };
}
