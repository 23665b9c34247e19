/**
 * Alumni associations, their officers, meetings and alumni records; the completed mobilities they
 * are derived from; and where a reader belongs (for the directory's audiences).
 */
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreements,
  alumniAssociations,
  alumniMeetings,
  alumniMentees,
  alumniOfficers,
  alumniRecords,
  events,
  institutions,
  mobilities,
  roleAssignments,
  studentProfiles,
} from '../schema.ts';
import { membershipsOfInForce } from './memberships.ts';
import {
  COMPLETED_STATES,
  deriveAlumni,
  type AlumniRecord,
  type CompletedMobility,
  type DerivedAlumnus,
  type Direction,
  type ReaderAffiliation,
} from '../../domain/alumni/index.ts';

export type AssociationRow = typeof alumniAssociations.$inferSelect;
export type MeetingRow = typeof alumniMeetings.$inferSelect;
export type OfficerRow = typeof alumniOfficers.$inferSelect;
type RecordRow = typeof alumniRecords.$inferSelect;

export const toAlumniRecord = (r: RecordRow): AlumniRecord => ({
  id: r.id,
  associationId: r.associationId,
  userId: r.userId,
  name: r.name,
  homeId: r.homeId,
  hostId: r.hostId,
  direction: r.direction as Direction,
  year: r.year,
  programId: r.programId,
  fieldOfStudy: r.fieldOfStudy,
  currentPosition: r.currentPosition,
  contact: r.contact,
  degreeAtHost: r.degreeAtHost,
  worksInJapanRussia: r.worksInJapanRussia,
  outcomeNote: r.outcomeNote,
  consent: r.consent,
  mentorOptIn: r.mentorOptIn,
});

export const associationsList = (db: Db) =>
  db.select().from(alumniAssociations).orderBy(asc(alumniAssociations.id));

export async function associationById(db: Db, id: string): Promise<AssociationRow | null> {
  const [row] = await db.select().from(alumniAssociations).where(eq(alumniAssociations.id, id));
  return row ?? null;
}

export const officersOf = (db: Db, associationId: string) =>
  db
    .select()
    .from(alumniOfficers)
    .where(eq(alumniOfficers.associationId, associationId))
    .orderBy(asc(alumniOfficers.since));

export async function insertOfficer(db: Db, row: typeof alumniOfficers.$inferInsert) {
  await db.insert(alumniOfficers).values(row);
}

export async function deleteOfficer(db: Db, associationId: string, userId: string) {
  const rows = await db
    .delete(alumniOfficers)
    .where(and(eq(alumniOfficers.associationId, associationId), eq(alumniOfficers.userId, userId)))
    .returning({ userId: alumniOfficers.userId });
  return rows.length > 0;
}

export const meetingsOf = (db: Db, associationId: string) =>
  db
    .select()
    .from(alumniMeetings)
    .where(eq(alumniMeetings.associationId, associationId))
    .orderBy(asc(alumniMeetings.heldOn));

export async function insertMeeting(
  db: Db,
  row: typeof alumniMeetings.$inferInsert,
): Promise<MeetingRow> {
  const [out] = await db.insert(alumniMeetings).values(row).returning();
  return out!;
}

/** How many alumni an association has, by direction. */
export async function alumniCounts(db: Db, associationId: string) {
  return db
    .select({ direction: alumniRecords.direction, n: sql<number>`count(*)::int` })
    .from(alumniRecords)
    .where(eq(alumniRecords.associationId, associationId))
    .groupBy(alumniRecords.direction);
}

export async function recordsOf(db: Db, associationId: string): Promise<AlumniRecord[]> {
  const rows = await db
    .select()
    .from(alumniRecords)
    .where(eq(alumniRecords.associationId, associationId))
    .orderBy(asc(alumniRecords.year), asc(alumniRecords.name));
  return rows.map(toAlumniRecord);
}

export async function recordById(db: Db, id: string): Promise<AlumniRecord | null> {
  const [row] = await db.select().from(alumniRecords).where(eq(alumniRecords.id, id));
  return row ? toAlumniRecord(row) : null;
}

export async function recordsOfUser(db: Db, userId: string): Promise<AlumniRecord[]> {
  const rows = await db
    .select()
    .from(alumniRecords)
    .where(eq(alumniRecords.userId, userId))
    .orderBy(asc(alumniRecords.year));
  return rows.map(toAlumniRecord);
}

/** Does the person hold an alumni record in the association? */
export async function isAlumnusOf(db: Db, associationId: string, userId: string) {
  const [row] = await db
    .select({ id: alumniRecords.id })
    .from(alumniRecords)
    .where(and(eq(alumniRecords.associationId, associationId), eq(alumniRecords.userId, userId)))
    .limit(1);
  return !!row;
}

export async function updateRecordProfile(
  db: Db,
  id: string,
  profile: Pick<
    typeof alumniRecords.$inferInsert,
    | 'fieldOfStudy'
    | 'currentPosition'
    | 'contact'
    | 'degreeAtHost'
    | 'worksInJapanRussia'
    | 'outcomeNote'
    | 'consent'
    | 'mentorOptIn'
  >,
  at: Date,
) {
  await db
    .update(alumniRecords)
    .set({ ...profile, updatedAt: at })
    .where(eq(alumniRecords.id, id));
}

/** The ids of the mobilities already entered in the association. */
export async function enteredMobilityIds(db: Db, associationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: alumniRecords.mobilityId })
    .from(alumniRecords)
    .where(eq(alumniRecords.associationId, associationId));
  return new Set(rows.map((r) => r.id));
}

/** Completed mobilities from or to a university, with the program of their agreement. */
export async function completedMobilitiesOf(
  db: Db,
  institutionId: string,
): Promise<CompletedMobility[]> {
  return db
    .select({
      id: mobilities.id,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      studentName: mobilities.studentName,
      studentUserId: mobilities.studentUserId,
      programId: agreements.programId,
      status: mobilities.status,
      startDate: mobilities.startDate,
    })
    .from(mobilities)
    .leftJoin(agreements, eq(agreements.id, mobilities.agreementId))
    .where(
      and(
        inList(mobilities.status, [...COMPLETED_STATES]),
        sql`(${mobilities.homeId} = ${institutionId} or ${mobilities.hostId} = ${institutionId})`,
      ),
    )
    .orderBy(asc(mobilities.startDate), asc(mobilities.id));
}

/** Enters derived alumni; a mobility already entered is skipped by the unique index. */
export async function insertAlumni(
  db: Db,
  associationId: string,
  alumni: readonly DerivedAlumnus[],
  invented = false,
): Promise<number> {
  if (alumni.length === 0) return 0;
  const rows = await db
    .insert(alumniRecords)
    .values(alumni.map((a) => ({ ...a, associationId, invented })))
    .onConflictDoNothing()
    .returning({ id: alumniRecords.id });
  return rows.length;
}

/** Countries of institutions. */
export async function countriesOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: institutions.id, country: institutions.country })
    .from(institutions)
    .where(inList(institutions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.country]));
}

/** The consortia and associations each institution is a member of on `onDate`. */
export async function consortiaOfInstitutions(
  db: Db,
  ids: readonly string[],
  onDate: string,
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const m of await membershipsOfInForce(db, ids, onDate)) {
    out.set(m.institutionId, [...(out.get(m.institutionId) ?? []), m.consortiumId]);
  }
  return out;
}

/**
 * Where a person belongs on `onDate`: the universities of their roles, their student profile and
 * their own stays; the consortia of their roles and of those universities; those countries.
 */
export async function readerAffiliation(
  db: Db,
  userId: string,
  onDate: string,
): Promise<ReaderAffiliation> {
  const roles = await db
    .select({ scopeType: roleAssignments.scopeType, scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId));
  const [profile] = await db
    .select({ homeId: studentProfiles.homeId })
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  const own = await db
    .select({ homeId: mobilities.homeId, hostId: mobilities.hostId })
    .from(mobilities)
    .where(eq(mobilities.studentUserId, userId));
  const institutionIds = [
    ...new Set([
      ...roles.filter((r) => r.scopeType === 'institution').map((r) => r.scopeId),
      ...(profile ? [profile.homeId] : []),
      ...own.map((m) => m.homeId),
    ]),
  ];
  const memberships = await membershipsOfInForce(db, institutionIds, onDate);
  const consortiumIds = [
    ...new Set([
      ...roles
        .filter((r) => r.scopeType === 'consortium' || r.scopeType === 'association')
        .map((r) => r.scopeId),
      ...memberships.map((m) => m.consortiumId),
    ]),
  ];
  const countries = [...new Set((await countriesOf(db, institutionIds)).values())];
  return { userId, institutionIds, consortiumIds, countries };
}

/** A student's stays still to come (nominated to departed), for a mentor. */
export async function comingStaysOf(db: Db, userId: string) {
  return db
    .select({
      id: mobilities.id,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      startDate: mobilities.startDate,
    })
    .from(mobilities)
    .where(
      and(
        eq(mobilities.studentUserId, userId),
        notInArray(mobilities.status, [
          ...COMPLETED_STATES,
          'refused',
          'withdrawn',
          'interrupted',
          'arrived',
        ]),
      ),
    )
    .orderBy(asc(mobilities.startDate));
}

export const menteesOf = (db: Db, userId: string) =>
  db.select().from(alumniMentees).where(eq(alumniMentees.userId, userId));

export async function upsertMentee(db: Db, row: typeof alumniMentees.$inferInsert) {
  await db
    .insert(alumniMentees)
    .values(row)
    .onConflictDoUpdate({
      target: [alumniMentees.userId, alumniMentees.mobilityId],
      set: { fieldOfStudy: row.fieldOfStudy, optedIn: row.optedIn, updatedAt: row.updatedAt },
    });
}

/** Returnees who opted in as mentors, with an account. */
export async function mentorCandidates(db: Db): Promise<AlumniRecord[]> {
  const rows = await db
    .select()
    .from(alumniRecords)
    .where(and(eq(alumniRecords.mentorOptIn, true), sql`${alumniRecords.userId} is not null`));
  return rows.map(toAlumniRecord);
}

/**
 * Enters the alumni of the association's completed mobilities that have no record yet (each
 * mobility once): the number added.
 */
export async function enterAlumni(
  db: Db,
  association: Pick<AssociationRow, 'id' | 'institutionId' | 'programId'>,
  invented = false,
): Promise<number> {
  const fresh = deriveAlumni(
    { institutionId: association.institutionId, programId: association.programId },
    await completedMobilitiesOf(db, association.institutionId),
    await enteredMobilityIds(db, association.id),
  );
  return insertAlumni(db, association.id, fresh, invented);
}

/** The association of a university with this program (or with none), if there is one. */
export async function associationOf(
  db: Db,
  institutionId: string,
  programId: string | null,
): Promise<AssociationRow | null> {
  const [row] = await db
    .select()
    .from(alumniAssociations)
    .where(
      and(
        eq(alumniAssociations.institutionId, institutionId),
        programId === null
          ? isNull(alumniAssociations.programId)
          : eq(alumniAssociations.programId, programId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertAssociation(db: Db, row: typeof alumniAssociations.$inferInsert) {
  await db.insert(alumniAssociations).values(row);
}

/**
 * The kind and title of a calendar's event, for a general conference that names it (the alumni
 * area reads the events area's record, without a constraint between the two).
 */
export async function eventForMeeting(
  db: Db,
  id: string,
): Promise<{ id: string; kind: string; title: Record<string, string | undefined> } | null> {
  const [row] = await db
    .select({ id: events.id, kind: events.kind, title: events.title })
    .from(events)
    .where(eq(events.id, id));
  return row ?? null;
}
