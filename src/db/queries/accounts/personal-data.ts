/**
 * Every record that holds a person's personal data, for the export a person asks of their own
 * data: their account, roles, student profile, applications (documents listed, not their bytes),
 * reviews they wrote, mobilities and their events, Jukebox enrolments, alumni records (with
 * consents), offices and mentor wishes, notifications, sessions and
 * the audit entries about them or made by them, and their requests to erase their data.
 */
import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  applicationDocuments,
  auditLog,
  callApplications,
  erasureRequests,
  alumniMentees,
  alumniOfficers,
  alumniRecords,
  jukeboxEnrolments,
  eventInvitees,
  eventRegistrations,
  mobilities,
  mobilityEvents,
  notifications,
  personalCalendarFeeds,
  reviews,
  sessions,
  studentProfiles,
  users,
} from '../../schema.ts';

export async function personalDataOf(db: Db, userId: string) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      names: users.names,
      language: users.language,
      platformAdmin: users.platformAdmin,
      invented: users.invented,
      disabled: users.disabled,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  const [studentProfile] = await db
    .select()
    .from(studentProfiles)
    .where(eq(studentProfiles.userId, userId));
  const applications = await db
    .select()
    .from(callApplications)
    .where(eq(callApplications.studentUserId, userId))
    .orderBy(asc(callApplications.submittedAt));
  const documents = applications.length
    ? await db
        .select({
          id: applicationDocuments.id,
          applicationId: applicationDocuments.applicationId,
          kind: applicationDocuments.kind,
          filename: applicationDocuments.filename,
          contentType: applicationDocuments.contentType,
          size: applicationDocuments.size,
          sha256: applicationDocuments.sha256,
          uploadedAt: applicationDocuments.uploadedAt,
        })
        .from(applicationDocuments)
        .where(
          inList(
            applicationDocuments.applicationId,
            applications.map((a) => a.id),
          ),
        )
    : [];
  const reviewsOfCurrentVersions = await db
    .select()
    .from(reviews)
    .where(eq(reviews.reviewerUserId, userId))
    .orderBy(asc(reviews.createdAt));
  // Reviews of versions the student withdrew before applying again stay with those versions,
  // inside the application's record: they are still this reviewer's own writing.
  const reApplied = await db
    .select({ id: callApplications.id, eligibility: callApplications.eligibility })
    .from(callApplications)
    .where(
      sql`${callApplications.eligibility}->'earlierVersions' @> ${JSON.stringify([
        { reviews: [{ reviewerUserId: userId }] },
      ])}::jsonb`,
    );
  const reviewsOfEarlierVersions = reApplied.flatMap((a) =>
    (a.eligibility?.earlierVersions ?? []).flatMap((v) =>
      v.reviews
        .filter((r) => r.reviewerUserId === userId)
        .map((r) => ({ applicationId: a.id, applicationVersion: v.version, ...r })),
    ),
  );
  const reviewsWritten = [...reviewsOfCurrentVersions, ...reviewsOfEarlierVersions];
  const myMobilities = await db
    .select()
    .from(mobilities)
    .where(eq(mobilities.studentUserId, userId))
    .orderBy(asc(mobilities.createdAt));
  const events = myMobilities.length
    ? await db
        .select()
        .from(mobilityEvents)
        .where(
          inList(
            mobilityEvents.mobilityId,
            myMobilities.map((m) => m.id),
          ),
        )
        .orderBy(asc(mobilityEvents.at))
    : [];
  const jukebox = await db
    .select()
    .from(jukeboxEnrolments)
    .where(eq(jukeboxEnrolments.studentUserId, userId));
  const alumni = await db.select().from(alumniRecords).where(eq(alumniRecords.userId, userId));
  const offices = await db.select().from(alumniOfficers).where(eq(alumniOfficers.userId, userId));
  const mentorWishes = await db
    .select()
    .from(alumniMentees)
    .where(eq(alumniMentees.userId, userId));
  const myEventRegistrations = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(eventRegistrations.createdAt));
  const myInvitations = await db
    .select({ eventId: eventInvitees.eventId })
    .from(eventInvitees)
    .where(eq(eventInvitees.userId, userId));
  const [calendarLink] = await db
    .select({ createdAt: personalCalendarFeeds.createdAt })
    .from(personalCalendarFeeds)
    .where(eq(personalCalendarFeeds.userId, userId));
  const myNotifications = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt));
  const mySessions = await db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt));
  const audit = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.resourceType, 'user'), eq(auditLog.resourceId, userId)),
        eq(auditLog.actorId, userId),
      ),
    )
    .orderBy(asc(auditLog.id));
  const myErasureRequests = await db
    .select({
      id: erasureRequests.id,
      status: erasureRequests.status,
      requestedAt: erasureRequests.requestedAt,
      closedAt: erasureRequests.closedAt,
    })
    .from(erasureRequests)
    .where(eq(erasureRequests.userId, userId))
    .orderBy(asc(erasureRequests.requestedAt));
  return {
    user,
    studentProfile: studentProfile ?? null,
    // Others' reviews of a version the person withdrew are not theirs to take away (as the
    // reviews of the current version are not): each earlier version says how many it had.
    applications: applications.map(({ eligibility, ...a }) => ({
      ...a,
      eligibility: eligibility && {
        ...eligibility,
        earlierVersions: eligibility.earlierVersions?.map(({ reviews: given, ...v }) => ({
          ...v,
          reviewCount: given.length,
        })),
      },
      documents: documents.filter((d) => d.applicationId === a.id),
    })),
    reviewsWritten,
    mobilities: myMobilities.map((m) => ({
      ...m,
      events: events.filter((e) => e.mobilityId === m.id),
    })),
    jukeboxEnrolments: jukebox,
    alumni: { records: alumni, offices, mentorWishes },
    eventRegistrations: myEventRegistrations,
    eventInvitations: myInvitations,
    calendarLink: calendarLink ? { createdAt: calendarLink.createdAt } : null,
    notifications: myNotifications,
    sessions: mySessions,
    audit,
    erasureRequests: myErasureRequests,
  };
}
