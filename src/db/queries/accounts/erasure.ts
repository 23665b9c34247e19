/**
 * Erasure requests and the erasure itself: what is deleted, what is pseudonymised, and — by
 * leaving it untouched — what is kept (the audit trail, payments and their batches, bank details
 * of paid mobilities, travel, mobilities, transcripts and recognition decisions). docs/
 * personal-data.md says why, table by table.
 */
import { and, asc, eq, isNull, ne, notExists, or, sql } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  alumniMentees,
  alumniOfficers,
  alumniRecords,
  applicationDocuments,
  bankAccounts,
  callApplications,
  erasureRequests,
  eventInvitees,
  eventRegistrations,
  invitations,
  mobilities,
  notifications,
  passwordResets,
  personalCalendarFeeds,
  payments,
  roleAssignments,
  sessions,
  studentProfiles,
  userIdentities,
  users,
} from '../../schema.ts';
import type { PersonNames } from '../../../domain/shared/names.ts';

export type ErasureRequestRow = typeof erasureRequests.$inferSelect;

/** The person's open request, if any. */
export async function openErasureRequestOf(
  db: Db,
  userId: string,
): Promise<ErasureRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(erasureRequests)
    .where(and(eq(erasureRequests.userId, userId), eq(erasureRequests.status, 'open')))
    .limit(1);
  return row;
}

/** Opens a request; undefined when one is open already (the partial unique index decides). */
export async function insertErasureRequest(
  db: Db,
  userId: string,
  at: Date,
): Promise<ErasureRequestRow | undefined> {
  const [row] = await db
    .insert(erasureRequests)
    .values({ userId, requestedAt: at })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** The request, locked for the transaction that answers it. */
export async function lockErasureRequest(
  db: Db,
  id: string,
): Promise<ErasureRequestRow | undefined> {
  const [row] = await db
    .select()
    .from(erasureRequests)
    .where(eq(erasureRequests.id, id))
    .for('update');
  return row;
}

/** Closes an open request as withdrawn or carried out; false when it was not open. */
export async function closeErasureRequest(
  db: Db,
  id: string,
  status: 'withdrawn' | 'carried_out',
  by: string | null,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(erasureRequests)
    .set({ status, closedAt: at, closedBy: by })
    .where(and(eq(erasureRequests.id, id), eq(erasureRequests.status, 'open')))
    .returning({ id: erasureRequests.id });
  return rows.length > 0;
}

/** Open requests, oldest first, with the person's address and names (for administrators). */
export const openErasureRequests = (db: Db) =>
  db
    .select({
      id: erasureRequests.id,
      userId: erasureRequests.userId,
      requestedAt: erasureRequests.requestedAt,
      email: users.email,
      displayName: users.displayName,
      names: users.names,
    })
    .from(erasureRequests)
    .innerJoin(users, eq(users.id, erasureRequests.userId))
    .where(eq(erasureRequests.status, 'open'))
    .orderBy(asc(erasureRequests.requestedAt));

/** What the erasure reads before it changes anything: the values to find and replace. */
export async function identityOf(db: Db, userId: string) {
  const [row] = await db
    .select({
      email: users.email,
      displayName: users.displayName,
      names: users.names,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row;
}

export interface Pseudonym {
  email: string;
  displayName: string;
  passwordHash: string;
}

/** Counts of what the erasure removed or changed, for the audit entry (no personal data). */
export interface ErasureCounts {
  sessions: number;
  passwordLinks: number;
  invitations: number;
  notifications: number;
  roles: number;
  identities: number;
  documents: number;
  bankAccounts: number;
  mobilities: number;
  alumniRecords: number;
  otherNotifications: number;
}

/** A string as a whole JSON string value (quotes included): never part of a longer one. */
const jsonString = (s: string) => JSON.stringify(s);

/**
 * Removes and pseudonymises one person's data, inside the caller's transaction. `personal` are the
 * strings that identify them (address, names): replaced by the pseudonym wherever another
 * person's notification quotes them.
 */
export async function eraseAccount(
  db: Db,
  userId: string,
  email: string,
  personal: readonly string[],
  pseudonym: Pseudonym,
): Promise<ErasureCounts> {
  const count = (rows: unknown[]) => rows.length;
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  const links = await db
    .delete(passwordResets)
    .where(eq(passwordResets.userId, userId))
    .returning({ id: passwordResets.id });
  const pending = await db
    .delete(invitations)
    .where(
      and(
        sql`lower(${invitations.email}) = ${email.toLowerCase()}`,
        isNull(invitations.acceptedAt),
      ),
    )
    .returning({ id: invitations.id });
  // Accepted invitations stay (who granted which role), under the pseudonymous address.
  await db
    .update(invitations)
    .set({ email: pseudonym.email })
    .where(sql`lower(${invitations.email}) = ${email.toLowerCase()}`);
  const own = await db
    .delete(notifications)
    .where(eq(notifications.userId, userId))
    .returning({ id: notifications.id });
  const roles = await db
    .delete(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .returning({ id: roleAssignments.id });
  const identities = await db
    .delete(userIdentities)
    .where(eq(userIdentities.userId, userId))
    .returning({ id: userIdentities.id });
  // The files uploaded with applications (CV, letters): the review they served is over. The
  // applications themselves stay: the selection and the allocation runs refer to them.
  const documents = await db
    .delete(applicationDocuments)
    .where(
      inList(
        applicationDocuments.applicationId,
        db
          .select({ id: callApplications.id })
          .from(callApplications)
          .where(eq(callApplications.studentUserId, userId)),
      ),
    )
    .returning({ id: applicationDocuments.id });
  const ownMobilities = db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(eq(mobilities.studentUserId, userId));
  // Bank details stay only where a payment was made to them (the transfer, for accounting).
  const banks = await db
    .delete(bankAccounts)
    .where(
      and(
        inList(bankAccounts.mobilityId, ownMobilities),
        notExists(
          db
            .select({ one: sql`1` })
            .from(payments)
            .where(eq(payments.mobilityId, bankAccounts.mobilityId)),
        ),
      ),
    )
    .returning({ id: bankAccounts.mobilityId });
  const renamed = await db
    .update(mobilities)
    .set({ studentName: pseudonym.displayName })
    .where(eq(mobilities.studentUserId, userId))
    .returning({ id: mobilities.id });
  // Alumni records stay as counts of their cohort; the name, profile and every consent go, and
  // with them the person's offices and mentor wishes.
  const alumni = await db
    .update(alumniRecords)
    .set({
      name: pseudonym.displayName,
      fieldOfStudy: null,
      currentPosition: null,
      contact: null,
      degreeAtHost: null,
      worksInJapanRussia: null,
      outcomeNote: null,
      consent: {},
      mentorOptIn: false,
    })
    .where(eq(alumniRecords.userId, userId))
    .returning({ id: alumniRecords.id });
  await db.delete(alumniOfficers).where(eq(alumniOfficers.userId, userId));
  await db.delete(alumniMentees).where(eq(alumniMentees.userId, userId));
  // The profile keeps what the records and reports need (home, level, enrolment); the rest goes.
  await db
    .update(studentProfiles)
    .set({ nationality: null, residenceStatus: null, languages: [], grade: null })
    .where(eq(studentProfiles.userId, userId));
  // Other people's notifications that quote the person's address or names as a whole value.
  let others = 0;
  for (const value of new Set(personal.filter((v) => v.trim().length > 1))) {
    const inner = jsonString(value);
    const replacement = jsonString(value === email ? pseudonym.email : pseudonym.displayName);
    const changed = await db
      .update(notifications)
      .set({
        params: sql`replace(${notifications.params}::text, ${inner}, ${replacement})::jsonb`,
        data: sql`replace(${notifications.data}::text, ${inner}, ${replacement})::jsonb`,
      })
      .where(
        and(
          ne(notifications.userId, userId),
          or(
            sql`strpos(${notifications.params}::text, ${inner}) > 0`,
            sql`strpos(${notifications.data}::text, ${inner}) > 0`,
          ),
        ),
      )
      .returning({ id: notifications.id });
    others += changed.length;
  }
  // Event registrations stay for the events' counts; the person leaves every participant list
  // and their follow-up answers are dropped.
  await db
    .update(eventRegistrations)
    .set({ listed: false, answers: {} })
    .where(eq(eventRegistrations.userId, userId));
  // The secret calendar link stops working; the invitations received are forgotten.
  await db.delete(personalCalendarFeeds).where(eq(personalCalendarFeeds.userId, userId));
  await db.delete(eventInvitees).where(eq(eventInvitees.userId, userId));
  const names: PersonNames = {};
  await db
    .update(users)
    .set({
      email: pseudonym.email,
      displayName: pseudonym.displayName,
      names,
      passwordHash: pseudonym.passwordHash,
      disabled: true,
      platformAdmin: false,
    })
    .where(eq(users.id, userId));
  return {
    sessions: count(ended),
    passwordLinks: count(links),
    invitations: count(pending),
    notifications: count(own),
    roles: count(roles),
    identities: count(identities),
    documents: count(documents),
    bankAccounts: count(banks),
    mobilities: count(renamed),
    alumniRecords: count(alumni),
    otherNotifications: others,
  };
}
