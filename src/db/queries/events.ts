/**
 * Events, their series, programme (sessions, contributions), registrations and minutes: the only
 * module that reads and writes these tables.
 */
import {
  and,
  asc,
  desc,
  eq,
  gte,
  isNotNull,
  isNull,
  lte,
  ne,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import type { EventKind } from '../../domain/events/kinds.ts';
import { inForceCondition } from './memberships.ts';
import {
  agreements,
  alumniRecords,
  callApplications,
  consortia,
  consortiumMembers,
  eventContributions,
  eventInvitations,
  eventInvitees,
  eventMinutes,
  eventRegistrations,
  eventSeries,
  eventSessions,
  events,
  institutions,
  liaisonOffices,
  mobilities,
  personalCalendarFeeds,
  programs,
  roleAssignments,
} from '../schema.ts';

export type EventRow = typeof events.$inferSelect;
export type EventValues = typeof events.$inferInsert;
export type SeriesRow = typeof eventSeries.$inferSelect;
export type SeriesValues = typeof eventSeries.$inferInsert;
export type SessionRow = typeof eventSessions.$inferSelect;
export type SessionValues = typeof eventSessions.$inferInsert;
export type ContributionRow = typeof eventContributions.$inferSelect;
export type ContributionValues = typeof eventContributions.$inferInsert;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type RegistrationValues = typeof eventRegistrations.$inferInsert;
export type MinutesRow = typeof eventMinutes.$inferSelect;

// ------------------------------------------------------------------------------------ series

export async function insertSeries(db: Db, values: SeriesValues): Promise<string> {
  const [row] = await db.insert(eventSeries).values(values).returning({ id: eventSeries.id });
  return row!.id;
}

export async function findSeries(db: Db, id: string): Promise<SeriesRow | undefined> {
  const [row] = await db.select().from(eventSeries).where(eq(eventSeries.id, id));
  return row;
}

export const listSeriesRows = (db: Db): Promise<SeriesRow[]> =>
  db.select().from(eventSeries).orderBy(asc(eventSeries.createdAt), asc(eventSeries.id));

export async function updateSeries(
  db: Db,
  id: string,
  set: Partial<Omit<SeriesValues, 'id'>>,
): Promise<void> {
  await db.update(eventSeries).set(set).where(eq(eventSeries.id, id));
}

// ------------------------------------------------------------------------------------ events

export interface EventFilter {
  /** Words found in the title, description, venue or city, in any language. */
  q?: string;
  kind?: EventKind;
  seriesId?: string;
  from?: string;
  to?: string;
  /** Only public events (for visitors). */
  publicOnly?: boolean;
  ids?: readonly string[];
}

/** Events matching the filter, latest first. */
export function listEventRows(db: Db, filter: EventFilter = {}): Promise<EventRow[]> {
  const where: SQL[] = [];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${events.title}::text ILIKE ${like}`,
        sql`${events.description}::text ILIKE ${like}`,
        sql`${events.venue}::text ILIKE ${like}`,
        sql`coalesce(${events.city}, '') ILIKE ${like}`,
        sql`EXISTS (SELECT 1 FROM ${eventSessions} s WHERE s.event_id = ${events.id} AND s.title::text ILIKE ${like})`,
      )!,
    );
  }
  if (filter.kind) where.push(eq(events.kind, filter.kind));
  if (filter.seriesId) where.push(eq(events.seriesId, filter.seriesId));
  if (filter.from) where.push(gte(events.endsOn, filter.from));
  if (filter.to) where.push(lte(events.startsOn, filter.to));
  if (filter.publicOnly) where.push(eq(events.visibility, 'public'));
  if (filter.ids) {
    if (filter.ids.length === 0) return Promise.resolve([]);
    where.push(inList(events.id, [...filter.ids]));
  }
  return db
    .select()
    .from(events)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(events.startsOn), asc(events.id));
}

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id));
  return row;
}

/**
 * The event, locked for the rest of the transaction: registrations of one event are decided one
 * after another, so two people never take the same last place.
 */
export async function lockEvent(db: Db, id: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, id)).for('update');
  return row;
}

export async function insertEvent(db: Db, values: EventValues): Promise<string> {
  const [row] = await db.insert(events).values(values).returning({ id: events.id });
  return row!.id;
}

export async function updateEvent(
  db: Db,
  id: string,
  set: Partial<Omit<EventValues, 'id'>>,
): Promise<void> {
  await db.update(events).set(set).where(eq(events.id, id));
}

/** The liaison offices' names, by id. */
export async function liaisonOfficeNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; names: Record<string, string>; institutionId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: liaisonOffices.id,
      name: liaisonOffices.name,
      names: liaisonOffices.names,
      institutionId: liaisonOffices.institutionId,
    })
    .from(liaisonOffices)
    .where(inList(liaisonOffices.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function liaisonOfficeExists(db: Db, id: string): Promise<boolean> {
  return (await liaisonOfficeNames(db, [id])).size > 0;
}

/** The liaison office of an institution with this (English) name, for the demo world. */
export async function liaisonOfficeByName(db: Db, name: string): Promise<string | null> {
  const [row] = await db
    .select({ id: liaisonOffices.id })
    .from(liaisonOffices)
    .where(eq(liaisonOffices.name, name));
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------- sessions

export const sessionsOf = (db: Db, eventId: string): Promise<SessionRow[]> =>
  db
    .select()
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));

export async function findSession(db: Db, id: string): Promise<SessionRow | undefined> {
  const [row] = await db.select().from(eventSessions).where(eq(eventSessions.id, id));
  return row;
}

export async function insertSession(db: Db, values: SessionValues): Promise<string> {
  const [row] = await db.insert(eventSessions).values(values).returning({ id: eventSessions.id });
  return row!.id;
}

export async function updateSession(
  db: Db,
  id: string,
  set: Partial<Omit<SessionValues, 'id' | 'eventId'>>,
): Promise<void> {
  await db.update(eventSessions).set(set).where(eq(eventSessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(eventSessions).where(eq(eventSessions.id, id));
}

// ----------------------------------------------------------------------------- contributions

export function contributionsOf(db: Db, sessionIds: readonly string[]): Promise<ContributionRow[]> {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(eventContributions)
    .where(inList(eventContributions.sessionId, [...sessionIds]))
    .orderBy(asc(eventContributions.position), asc(eventContributions.id));
}

export async function findContribution(db: Db, id: string): Promise<ContributionRow | undefined> {
  const [row] = await db.select().from(eventContributions).where(eq(eventContributions.id, id));
  return row;
}

export async function insertContribution(db: Db, values: ContributionValues): Promise<string> {
  const [row] = await db
    .insert(eventContributions)
    .values(values)
    .returning({ id: eventContributions.id });
  return row!.id;
}

export async function updateContribution(
  db: Db,
  id: string,
  set: Partial<Omit<ContributionValues, 'id' | 'sessionId'>>,
): Promise<void> {
  await db.update(eventContributions).set(set).where(eq(eventContributions.id, id));
}

export async function deleteContribution(db: Db, id: string): Promise<void> {
  await db.delete(eventContributions).where(eq(eventContributions.id, id));
}

// ----------------------------------------------------------------------------- registrations

export const registrationsOf = (db: Db, eventId: string): Promise<RegistrationRow[]> =>
  db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.eventId, eventId))
    .orderBy(asc(eventRegistrations.createdAt), asc(eventRegistrations.id));

export async function findRegistration(db: Db, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id));
  return row;
}

export async function registrationOf(
  db: Db,
  eventId: string,
  userId: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId)));
  return row;
}

export async function registrationByToken(
  db: Db,
  token: string,
): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.checkInToken, token));
  return row;
}

/** A person's registrations (the calendar of what they registered for). */
export const registrationsOfUser = (db: Db, userId: string): Promise<RegistrationRow[]> =>
  db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(eventRegistrations.createdAt));

export async function insertRegistration(db: Db, values: RegistrationValues): Promise<string> {
  const [row] = await db
    .insert(eventRegistrations)
    .values(values)
    .returning({ id: eventRegistrations.id });
  return row!.id;
}

export async function updateRegistration(
  db: Db,
  id: string,
  set: Partial<Omit<RegistrationValues, 'id' | 'eventId' | 'userId'>>,
): Promise<void> {
  await db.update(eventRegistrations).set(set).where(eq(eventRegistrations.id, id));
}

/** Confirmed and checked-in participants per event (for the reports). */
export async function participantCounts(
  db: Db,
  eventIds: readonly string[],
): Promise<Map<string, { confirmed: number; waiting: number; checkedIn: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select({
      eventId: eventRegistrations.eventId,
      confirmed: sql<number>`count(*) FILTER (WHERE ${eventRegistrations.status} = 'confirmed')::int`,
      waiting: sql<number>`count(*) FILTER (WHERE ${eventRegistrations.status} = 'waiting')::int`,
      checkedIn: sql<number>`count(${eventRegistrations.checkedInAt})::int`,
    })
    .from(eventRegistrations)
    .where(inList(eventRegistrations.eventId, [...eventIds]))
    .groupBy(eventRegistrations.eventId);
  return new Map(
    rows.map((r) => [
      r.eventId,
      {
        confirmed: Number(r.confirmed),
        waiting: Number(r.waiting),
        checkedIn: Number(r.checkedIn),
      },
    ]),
  );
}

// ----------------------------------------------------------------------------------- minutes

export const minutesOf = (db: Db, sessionId: string): Promise<MinutesRow[]> =>
  db
    .select()
    .from(eventMinutes)
    .where(eq(eventMinutes.sessionId, sessionId))
    .orderBy(asc(eventMinutes.version));

export async function insertMinutes(
  db: Db,
  values: typeof eventMinutes.$inferInsert,
): Promise<void> {
  await db.insert(eventMinutes).values(values);
}

export async function updateMinutes(
  db: Db,
  sessionId: string,
  version: number,
  set: Partial<Pick<MinutesRow, 'text' | 'approvedAt' | 'approvedBy'>>,
): Promise<void> {
  await db
    .update(eventMinutes)
    .set(set)
    .where(and(eq(eventMinutes.sessionId, sessionId), eq(eventMinutes.version, version)));
}

/** A new liaison office in the registry (opened at a signing ceremony); its id. */
export async function insertLiaisonOffice(
  db: Db,
  values: typeof liaisonOffices.$inferInsert,
): Promise<string> {
  const [row] = await db.insert(liaisonOffices).values(values).returning({ id: liaisonOffices.id });
  return row!.id;
}

// ------------------------------------------------------------------------ links of an event

/** Which of these ids name no record: institutions, consortia, programs, agreements. */
export async function missingRecords(
  db: Db,
  ids: {
    institutionIds: readonly string[];
    consortiumIds: readonly string[];
    programIds: readonly string[];
    agreementIds: readonly string[];
  },
): Promise<Set<string>> {
  const found = async (
    table: typeof institutions | typeof consortia | typeof programs | typeof agreements,
    wanted: readonly string[],
  ) => {
    const unique = [...new Set(wanted)];
    if (unique.length === 0) return [];
    const rows = await db.select({ id: table.id }).from(table).where(inList(table.id, unique));
    const have = new Set(rows.map((r) => r.id));
    return unique.filter((id) => !have.has(id));
  };
  const missing = await Promise.all([
    found(institutions, ids.institutionIds),
    found(consortia, ids.consortiumIds),
    found(programs, ids.programIds),
    found(agreements, ids.agreementIds),
  ]);
  return new Set(missing.flat());
}

// ------------------------------------------------------------------------------ invitations

export type InvitationRow = typeof eventInvitations.$inferSelect;

/** The coordinators of the universities that are members of a consortium on `onDate`. */
export async function consortiumCoordinators(
  db: Db,
  consortiumId: string,
  onDate: string,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .innerJoin(
      consortiumMembers,
      and(
        eq(consortiumMembers.institutionId, roleAssignments.scopeId),
        eq(consortiumMembers.consortiumId, consortiumId),
        inForceCondition(onDate),
      ),
    )
    .where(
      and(eq(roleAssignments.role, 'coordinator'), eq(roleAssignments.scopeType, 'institution')),
    );
  return rows.map((r) => r.userId);
}

/** The students of a call: who applied (not withdrawn), or only those nominated from it. */
export async function callStudents(
  db: Db,
  callId: string,
  scope: 'applicants' | 'nominated',
): Promise<string[]> {
  if (scope === 'nominated') {
    const rows = await db
      .selectDistinct({ userId: mobilities.studentUserId })
      .from(mobilities)
      .where(and(eq(mobilities.callId, callId), ne(mobilities.status, 'withdrawn')));
    return rows.flatMap((r) => (r.userId ? [r.userId] : []));
  }
  const rows = await db
    .selectDistinct({ userId: callApplications.studentUserId })
    .from(callApplications)
    .where(and(eq(callApplications.callId, callId), isNull(callApplications.withdrawnAt)));
  return rows.map((r) => r.userId);
}

/** The alumni of an association who have an account, with what their cohort is made of. */
export const alumniWithAccounts = (db: Db, associationId: string) =>
  db
    .select({
      userId: alumniRecords.userId,
      programId: alumniRecords.programId,
      direction: alumniRecords.direction,
      hostId: alumniRecords.hostId,
      year: alumniRecords.year,
    })
    .from(alumniRecords)
    .where(and(eq(alumniRecords.associationId, associationId), isNotNull(alumniRecords.userId)));

/** Everyone invited to an event so far. */
export async function inviteesOf(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: eventInvitees.userId })
    .from(eventInvitees)
    .where(eq(eventInvitees.eventId, eventId));
  return rows.map((r) => r.userId);
}

/** Records an invitation and the people it invites; its id. */
export async function insertInvitation(
  db: Db,
  values: typeof eventInvitations.$inferInsert,
  userIds: readonly string[],
): Promise<string> {
  const [row] = await db
    .insert(eventInvitations)
    .values(values)
    .returning({ id: eventInvitations.id });
  if (userIds.length)
    await db
      .insert(eventInvitees)
      .values(userIds.map((userId) => ({ eventId: values.eventId, userId, invitationId: row!.id })))
      .onConflictDoNothing();
  return row!.id;
}

export const invitationsOf = (db: Db, eventId: string): Promise<InvitationRow[]> =>
  db
    .select()
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId))
    .orderBy(desc(eventInvitations.sentAt));

// ------------------------------------------------------------------------- calendar feeds

/** Sets (or replaces) a person's calendar link by the hash of its token. */
export async function setCalendarFeed(db: Db, userId: string, tokenHash: string, at: Date) {
  await db
    .insert(personalCalendarFeeds)
    .values({ userId, tokenHash, createdAt: at })
    .onConflictDoUpdate({
      target: personalCalendarFeeds.userId,
      set: { tokenHash, createdAt: at },
    });
}

export async function deleteCalendarFeed(db: Db, userId: string): Promise<boolean> {
  const rows = await db
    .delete(personalCalendarFeeds)
    .where(eq(personalCalendarFeeds.userId, userId))
    .returning({ userId: personalCalendarFeeds.userId });
  return rows.length > 0;
}

export async function calendarFeedOf(db: Db, userId: string) {
  const [row] = await db
    .select({ createdAt: personalCalendarFeeds.createdAt })
    .from(personalCalendarFeeds)
    .where(eq(personalCalendarFeeds.userId, userId));
  return row;
}

/** The person whose calendar link has this hash. */
export async function calendarFeedUser(db: Db, tokenHash: string): Promise<string | null> {
  const [row] = await db
    .select({ userId: personalCalendarFeeds.userId })
    .from(personalCalendarFeeds)
    .where(eq(personalCalendarFeeds.tokenHash, tokenHash));
  return row?.userId ?? null;
}

// --------------------------------------------------------------------------- for the reports

export interface ParticipationFilter {
  from: string;
  to: string;
  programId?: string | undefined;
  consortiumId?: string | undefined;
  institutionId?: string | undefined;
}

/**
 * Events held between two dates (their first day in the range) with their participants, counted
 * in SQL: confirmed places, those who checked in, invitations sent. Filtered by a program, a
 * consortium (linked, organising or hosting) or an institution (organising or hosting).
 */
export async function eventParticipation(db: Db, f: ParticipationFilter) {
  const conditions: SQL[] = [gte(events.startsOn, f.from), lte(events.startsOn, f.to)];
  const party = (type: string, id: string) => {
    const ref = JSON.stringify([{ type, id }]);
    return or(sql`${events.organisers} @> ${ref}::jsonb`, sql`${events.hosts} @> ${ref}::jsonb`)!;
  };
  if (f.programId)
    conditions.push(sql`${events.programIds} @> ${JSON.stringify([f.programId])}::jsonb`);
  if (f.consortiumId)
    conditions.push(
      or(
        sql`${events.consortiumIds} @> ${JSON.stringify([f.consortiumId])}::jsonb`,
        party('consortium', f.consortiumId),
      )!,
    );
  if (f.institutionId) conditions.push(party('institution', f.institutionId));
  const confirmed = sql<number>`(SELECT count(*)::int FROM ${eventRegistrations} r WHERE r.event_id = "events"."id" AND r.status = 'confirmed')`;
  const checkedIn = sql<number>`(SELECT count(*)::int FROM ${eventRegistrations} r WHERE r.event_id = "events"."id" AND r.status = 'confirmed' AND r.checked_in_at IS NOT NULL)`;
  const invited = sql<number>`(SELECT count(*)::int FROM ${eventInvitees} i WHERE i.event_id = "events"."id")`;
  return db
    .select({
      id: events.id,
      kind: events.kind,
      title: events.title,
      startsOn: events.startsOn,
      endsOn: events.endsOn,
      mode: events.mode,
      city: events.city,
      country: events.country,
      visibility: events.visibility,
      invented: events.invented,
      confirmed,
      checkedIn,
      invited,
    })
    .from(events)
    .where(and(...conditions))
    .orderBy(asc(events.startsOn));
}
