/** The registry's reads: institutions, groupings, consortia and associations. */
import type { Db } from '#src/db/client.ts';
import { loadConsortium, loadInstitution } from '#src/db/queries/registry/directory.ts';
import { notFound } from '../errors.ts';
import { institutionAirport } from '../money/institution-airport.ts';

import { institutionPage, type InstitutionFilter } from '#src/db/queries/registry/directory.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';

export {
  listConsortia,
  listGroupings,
  type GroupingRef,
  type InstitutionFilter,
} from '#src/db/queries/registry/directory.ts';

/** Which institutions the directory lists: filters, at most `limit`, after `cursor`. */
export type InstitutionQuery = Omit<InstitutionFilter, 'after' | 'limit'> & {
  /** At most this many institutions (1–200; 50 when not given). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
};

/**
 * A page of the public directory, by name then id, with the number of all the institutions
 * that match; `nextCursor` continues after the last one.
 */
export async function listInstitutions(db: Db, query: InstitutionQuery) {
  const { cursor, limit = 50, ...filter } = query;
  let after: { name: string; id: string } | undefined;
  if (cursor !== undefined) {
    const key = decodeCursor(cursor, ['string', 'string']);
    if (!key) throw badCursor();
    after = { name: String(key[0]), id: String(key[1]) };
  }
  const page = await institutionPage(db, { ...filter, after, limit });
  const items = page.items.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    total: page.total,
    nextCursor: page.items.length > limit && last ? encodeCursor([last.name, last.id]) : null,
  };
}

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
