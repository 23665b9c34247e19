/**
 * What a partnership profile reads besides the partnership area's own records: the agreements
 * between the partners, the mobilities between them, Jukebox enrolments of one partner's students
 * in another's courses, and the events they hold together. Counts are made in SQL; nothing here
 * names a person.
 */
import { and, asc, ne, sql } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreementVersions,
  agreements,
  courses,
  events,
  jukeboxEnrolments,
  mobilities,
  staffVisits,
  studentProfiles,
} from '../schema.ts';

/** Agreements whose two parties are both partners, with their current version's title and dates. */
export async function agreementsBetween(db: Db, institutionIds: readonly string[]) {
  const ids = [...new Set(institutionIds)];
  if (ids.length < 2) return [];
  const rows = await db
    .select({
      id: agreements.id,
      partyAId: agreements.partyAId,
      partyBId: agreements.partyBId,
      status: agreements.status,
      invented: agreements.invented,
      content: agreementVersions.content,
    })
    .from(agreements)
    .innerJoin(
      agreementVersions,
      and(
        sql`${agreementVersions.agreementId} = ${agreements.id}`,
        sql`${agreementVersions.version} = ${agreements.currentVersion}`,
      ),
    )
    .where(
      and(
        sql`${agreements.partyAType} = 'institution'`,
        sql`${agreements.partyBType} = 'institution'`,
        inList(agreements.partyAId, ids),
        inList(agreements.partyBId, ids),
      ),
    );
  return rows
    .map((r) => ({
      id: r.id,
      partyAId: r.partyAId,
      partyBId: r.partyBId,
      status: r.status,
      invented: r.invented,
      title: r.content.title,
      validFrom: r.content.validFrom,
      validTo: r.content.validTo,
    }))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}

/** Mobilities between partners (home and host both partners), per start year and direction. */
export async function flowsBetween(db: Db, institutionIds: readonly string[]) {
  const ids = [...new Set(institutionIds)];
  if (ids.length < 2) return [];
  const year = sql<number>`extract(year from ${mobilities.startDate})::int`;
  const rows = await db
    .select({
      year,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      students: sql<number>`count(*)::int`,
      months: sql<number>`coalesce(sum(${mobilities.months}), 0)::float8`,
    })
    .from(mobilities)
    .where(
      and(
        inList(mobilities.homeId, ids),
        inList(mobilities.hostId, ids),
        ne(mobilities.homeId, mobilities.hostId),
        ne(mobilities.status, 'withdrawn'),
      ),
    )
    .groupBy(year, mobilities.homeId, mobilities.hostId)
    .orderBy(asc(year));
  return rows.map((r) => ({ ...r, students: Number(r.students), months: Number(r.months) }));
}

/**
 * Jukebox enrolments of a partner's students in another partner's courses, per year: the
 * student's university is the home of their student profile.
 */
export async function jukeboxBetween(db: Db, institutionIds: readonly string[]) {
  const ids = [...new Set(institutionIds)];
  if (ids.length < 2) return [];
  const year = sql<number>`extract(year from ${jukeboxEnrolments.createdAt})::int`;
  const rows = await db
    .select({
      year,
      homeId: studentProfiles.homeId,
      hostId: courses.institutionId,
      n: sql<number>`count(DISTINCT ${jukeboxEnrolments.id})::int`,
    })
    .from(jukeboxEnrolments)
    .innerJoin(courses, sql`${courses.id} = ${jukeboxEnrolments.courseId}`)
    .innerJoin(studentProfiles, sql`${studentProfiles.userId} = ${jukeboxEnrolments.studentUserId}`)
    .where(
      and(
        inList(courses.institutionId, ids),
        inList(studentProfiles.homeId, ids),
        ne(courses.institutionId, studentProfiles.homeId),
      ),
    )
    .groupBy(year, studentProfiles.homeId, courses.institutionId)
    .orderBy(asc(year));
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}

/**
 * Events the partners hold together: organised or hosted by two or more of them, or organised or
 * hosted by one of them and visited by another's staff (a visit names the event).
 */
export async function eventsTogether(db: Db, institutionIds: readonly string[]) {
  const ids = [...new Set(institutionIds)];
  if (ids.length < 2) return [];
  const partyOf = (id: string) => {
    const ref = JSON.stringify([{ type: 'institution', id }]);
    return sql`(${events.organisers} @> ${ref}::jsonb OR ${events.hosts} @> ${ref}::jsonb)`;
  };
  const parties = sql.join(
    ids.map((id) => sql`(CASE WHEN ${partyOf(id)} THEN 1 ELSE 0 END)`),
    sql` + `,
  );
  const visited = sql`EXISTS (SELECT 1 FROM ${staffVisits} v WHERE v.event_id = "events"."id" AND v.from_id IN (${sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )}))`;
  return db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      city: events.city,
      visibility: events.visibility,
      invented: events.invented,
    })
    .from(events)
    .where(sql`(${parties}) >= 2 OR ((${parties}) >= 1 AND ${visited})`)
    .orderBy(asc(events.startsOn));
}
