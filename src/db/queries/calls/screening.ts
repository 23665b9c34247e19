/**
 * Reviews of applications on a call's common rubric (R6) and who may score them: the only module
 * that reads and writes reviews.
 */
import { and, eq } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import { callApplications, reviews, roleAssignments } from '../../schema.ts';
import type { StoredRubric } from '#src/domain/calls/call-content.ts';

export type ReviewRow = typeof reviews.$inferSelect;

/** The reviews of one application. */
export const reviewsOf = (db: Db, applicationId: string): Promise<ReviewRow[]> =>
  db.select().from(reviews).where(eq(reviews.applicationId, applicationId));

/** Every review of every application of a call. */
export const reviewsOfCall = (db: Db, callId: string) =>
  db
    .select({ review: reviews, app: callApplications.callId })
    .from(reviews)
    .innerJoin(callApplications, eq(callApplications.id, reviews.applicationId))
    .where(and(eq(callApplications.callId, callId)));

/** Stores a reviewer's scores of an application, replacing their earlier ones. */
export async function upsertReview(
  db: Db,
  review: {
    applicationId: string;
    reviewerUserId: string;
    reviewerInstitutionId: string;
    scores: Record<string, number>;
    comment: string | null;
  },
  at: Date,
): Promise<void> {
  await db
    .insert(reviews)
    .values(review)
    .onConflictDoUpdate({
      target: [reviews.applicationId, reviews.reviewerUserId],
      set: { scores: review.scores, comment: review.comment, createdAt: at },
    });
}

/**
 * Takes the reviews off an application, returning them: its earlier version keeps them when the
 * student applies again, and the new version starts unscored.
 */
export const detachReviews = (db: Db, applicationId: string): Promise<ReviewRow[]> =>
  db.delete(reviews).where(eq(reviews.applicationId, applicationId)).returning();

/** The institutions a user holds an institution-scoped role at. */
export async function institutionScopesOf(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .select({ scopeId: roleAssignments.scopeId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), eq(roleAssignments.scopeType, 'institution')));
  return rows.map((r) => r.scopeId);
}

/** User ids holding `role` scoped to one of `scopeIds` (e.g. coordinators of institutions). */
export async function usersWithRole(
  db: Db,
  role: string,
  scopeIds: readonly string[],
): Promise<string[]> {
  if (scopeIds.length === 0) return [];
  const rows = await db
    .select({ userId: roleAssignments.userId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.role, role), inList(roleAssignments.scopeId, [...scopeIds])));
  return [...new Set(rows.map((r) => r.userId))];
}

/**
 * The institutions a scorer belongs to (R6): institution-scoped roles, and the call panel's entry
 * for a call-scoped reviewer.
 */
export async function scorerInstitutions(
  db: Db,
  userId: string,
  rubric: StoredRubric | null,
): Promise<string[]> {
  const scopes = await institutionScopesOf(db, userId);
  const panel = rubric?.panel.find((p) => p.userId === userId)?.institutionIds ?? [];
  return [...new Set([...scopes, ...panel])];
}
