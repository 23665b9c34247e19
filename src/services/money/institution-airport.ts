/** The international airport nearest an institution (R13), for the registry and the web. */
import type { Db } from '#src/db/client.ts';
import { institutionById } from '#src/db/queries/money/context.ts';
import { notFound } from '../errors.ts';
import { AIRPORTS_SOURCE } from '../travel/airports.ts';
import { nearestOf } from './travel-view.ts';

/** `nearestAirport` (IATA code) of an institution, or null without coordinates. */
export async function institutionAirport(db: Db, institutionId: string) {
  const inst = await institutionById(db, institutionId);
  if (!inst) throw notFound('institution', institutionId);
  const near = nearestOf(inst);
  return {
    institutionId,
    nearestAirport: near?.airport.iata ?? null,
    airport: near
      ? {
          iata: near.airport.iata,
          name: near.airport.name,
          municipality: near.airport.municipality,
          country: near.airport.country,
          distanceKm: Math.round(near.distanceKm * 10) / 10,
        }
      : null,
    source: AIRPORTS_SOURCE,
  };
}
