/** The registry's reads: institutions, groupings, consortia and associations. */
import type { Db } from '#src/db/client.ts';
import { loadConsortium, loadInstitution } from '#src/db/queries/registry/directory.ts';
import { notFound } from '../errors.ts';
import { institutionAirport } from '../money/institution-airport.ts';

export {
  listConsortia,
  listGroupings,
  listInstitutions,
  type GroupingRef,
  type InstitutionFilter,
} from '#src/db/queries/registry/directory.ts';

/** One institution with its memberships and its nearest airport. */
export async function getInstitution(db: Db, id: string) {
  const institution = await loadInstitution(db, id);
  if (!institution) throw notFound('institution', id);
  const { nearestAirport, airport } = await institutionAirport(db, id);
  return { ...institution, nearestAirport, airport };
}

/** One consortium or association with its members on a date. */
export async function getConsortium(db: Db, id: string, onDate: string) {
  const consortium = await loadConsortium(db, id, onDate);
  if (!consortium) throw notFound('consortium', id);
  return consortium;
}
