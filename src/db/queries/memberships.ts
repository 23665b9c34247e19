/**
 * Memberships in force on a date: what every scope computed from memberships reads (a
 * consortium's officers reach its members' records; an association's secretariat its members'
 * registry entries). `consortium_members` holds accepted memberships only; a membership that has
 * ended, or whose joining date has not come, gives no scope on that date. The date is the
 * caller's: today for current access, the record's own date for historical records.
 */
import { and, isNull, or, sql, type SQL } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import { consortiumMembers } from '../schema.ts';

/** The SQL condition of a membership in force on `onDate`. */
export const inForceCondition = (onDate: string): SQL =>
  and(
    sql`${consortiumMembers.joinedOn} <= ${onDate}`,
    or(isNull(consortiumMembers.leftOn), sql`${consortiumMembers.leftOn} > ${onDate}`),
  )!;

export interface Membership {
  consortiumId: string;
  institutionId: string;
}

/** Memberships in force on `onDate` whose `side` (consortium or institution) is one of `ids`. */
async function inForceBy(
  db: Db,
  side: 'consortiumId' | 'institutionId',
  ids: readonly string[],
  onDate: string,
): Promise<Membership[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      consortiumId: consortiumMembers.consortiumId,
      institutionId: consortiumMembers.institutionId,
    })
    .from(consortiumMembers)
    .where(and(inList(consortiumMembers[side], [...new Set(ids)]), inForceCondition(onDate)));
}

/** Memberships in force on `onDate` of these consortia. */
export const membersInForce = (db: Db, consortiumIds: readonly string[], onDate: string) =>
  inForceBy(db, 'consortiumId', consortiumIds, onDate);

/** Memberships in force on `onDate` of these institutions. */
export const membershipsOfInForce = (db: Db, institutionIds: readonly string[], onDate: string) =>
  inForceBy(db, 'institutionId', institutionIds, onDate);
