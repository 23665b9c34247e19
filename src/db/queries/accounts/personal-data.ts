/**
 * Every record that holds a person's personal data, for the export a person asks of their own
 * data: their account, roles, student profile, applications (documents listed, not their bytes),
 * reviews they wrote, mobilities and their events, Jukebox enrolments, notifications, sessions and
 * the audit entries about them or made by them, and their requests to erase their data.
 */
import { asc, desc, eq, inArray, or, and } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import {
  applicationDocuments,
  auditLog,
  callApplications,
  erasureRequests,
  jukeboxEnrolments,
  eventRegistrations,
  mobilities,
  mobilityEvents,
  notifications,
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
          inArray(
            applicationDocuments.applicationId,
            applications.map((a) => a.id),
          ),
        )
    : [];
  const reviewsWritten = await db
    .select()
    .from(reviews)
    .where(eq(reviews.reviewerUserId, userId))
    .orderBy(asc(reviews.createdAt));
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
          inArray(
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
  const myEventRegistrations = await db
    .select()
    .from(eventRegistrations)
    .where(eq(eventRegistrations.userId, userId))
    .orderBy(asc(eventRegistrations.createdAt));
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
    applications: applications.map((a) => ({
      ...a,
      documents: documents.filter((d) => d.applicationId === a.id),
    })),
    reviewsWritten,
    mobilities: myMobilities.map((m) => ({
      ...m,
      events: events.filter((e) => e.mobilityId === m.id),
    })),
    jukeboxEnrolments: jukebox,
    eventRegistrations: myEventRegistrations,
    notifications: myNotifications,
    sessions: mySessions,
    audit,
    erasureRequests: myErasureRequests,
  };
}
