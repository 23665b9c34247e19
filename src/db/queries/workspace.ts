/**
 * What the workspace asks of several areas at once, for many records in one query each: the
 * learning agreements, transcripts and recognition decisions of a set of mobilities, reviews one
 * reviewer wrote, and the open membership proposals. Each answer is a pre-selection: the service
 * checks every record against the reader's roles.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  callApplications,
  learningAgreements,
  membershipProposals,
  recognitionDecisions,
  reviews,
  transcripts,
} from '../schema.ts';
import type { LearningAgreement } from '#src/domain/recognition/learning-agreement.ts';

/** The learning agreements of these mobilities, by mobility. */
export async function learningAgreementsOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, LearningAgreement>> {
  if (mobilityIds.length === 0) return new Map();
  const rows = await db
    .select({ mobilityId: learningAgreements.mobilityId, document: learningAgreements.document })
    .from(learningAgreements)
    .where(inArray(learningAgreements.mobilityId, [...mobilityIds]));
  return new Map(rows.map((r) => [r.mobilityId, r.document]));
}

/** The component ids each of these mobilities' transcripts has a line for, by mobility. */
export async function transcriptLinesOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (mobilityIds.length === 0) return new Map();
  const rows = await db
    .select({ mobilityId: transcripts.mobilityId, entries: transcripts.entries })
    .from(transcripts)
    .where(inArray(transcripts.mobilityId, [...mobilityIds]));
  return new Map(rows.map((r) => [r.mobilityId, r.entries.map((e) => e.componentId)]));
}

/** The components already decided (recognition), by mobility. */
export async function decidedComponentsOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (mobilityIds.length === 0) return out;
  const rows = await db
    .select({
      mobilityId: recognitionDecisions.mobilityId,
      componentId: recognitionDecisions.componentId,
    })
    .from(recognitionDecisions)
    .where(inArray(recognitionDecisions.mobilityId, [...mobilityIds]));
  for (const r of rows) out.set(r.mobilityId, [...(out.get(r.mobilityId) ?? []), r.componentId]);
  return out;
}

/** The applications of these calls still being screened (submitted, in screening), per call. */
export async function applicationsInScreening(db: Db, callIds: readonly string[]) {
  if (callIds.length === 0) return [];
  return db
    .select({
      id: callApplications.id,
      callId: callApplications.callId,
      homeId: callApplications.homeId,
    })
    .from(callApplications)
    .where(
      and(
        inArray(callApplications.callId, [...callIds]),
        inArray(callApplications.status, ['submitted', 'in_screening']),
      ),
    );
}

/** The applications (of these) a reviewer has scored already. */
export async function reviewedBy(
  db: Db,
  userId: string,
  applicationIds: readonly string[],
): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .select({ applicationId: reviews.applicationId })
    .from(reviews)
    .where(
      and(eq(reviews.reviewerUserId, userId), inArray(reviews.applicationId, [...applicationIds])),
    );
  return new Set(rows.map((r) => r.applicationId));
}

/** Membership proposals still waiting for an answer. */
export function openMembershipProposals(db: Db) {
  return db
    .select({
      id: membershipProposals.id,
      consortiumId: membershipProposals.consortiumId,
      institutionId: membershipProposals.institutionId,
      proposedBy: membershipProposals.proposedBy,
      joinedOn: membershipProposals.joinedOn,
    })
    .from(membershipProposals)
    .where(eq(membershipProposals.status, 'proposed'));
}
