/**
 * What the workspace asks of several areas at once, for many records in one query each: the
 * learning agreements, transcripts and recognition decisions of a set of mobilities, reviews one
 * reviewer wrote, and the open membership proposals. Each answer is a pre-selection: the service
 * checks every record against the reader's roles.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreements,
  callApplications,
  learningAgreements,
  membershipProposals,
  mobilities,
  recognitionDecisions,
  reviews,
  transcripts,
} from '../schema.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import type { LearningAgreement } from '#src/domain/recognition/learning-agreement.ts';
import { type MobilityRow, visibleFilter } from './mobility/mobilities.ts';

/**
 * The stays an actor's roles reach on `today` that can hold work for their staff, latest start
 * first: funded stays under a program's agreement in one of `states` (their months are
 * confirmed and paid, R8), and stays with a learning agreement (signatures, transcripts and
 * recognition, R7). Past stays brought from elsewhere hold none.
 *
 * Written as one set of ids, found from the few stays that hold work through their indexes: a
 * condition on each row instead would read every stay a hub reaches (315,000 of a million) to
 * keep none.
 */
export async function mobilitiesWithWork(
  db: Db,
  actor: Actor,
  today: string,
  states: readonly string[],
): Promise<MobilityRow[]> {
  const withWork = sql`${mobilities.id} IN (
    SELECT ${learningAgreements.mobilityId} FROM ${learningAgreements}
    UNION ALL
    SELECT w.id FROM ${mobilities} AS w
     WHERE w.funded
       AND w.status IN (${sql.join(
         states.map((s) => sql`${s}`),
         sql`, `,
       )})
       AND w.agreement_id IN (
         SELECT ${agreements.id} FROM ${agreements} WHERE ${agreements.programId} IS NOT NULL))`;
  return db
    .select()
    .from(mobilities)
    .where(and(await visibleFilter(db, actor, today), withWork))
    .orderBy(desc(mobilities.startDate), asc(mobilities.studentName));
}

/** The learning agreements of these mobilities, by mobility. */
export async function learningAgreementsOf(
  db: Db,
  mobilityIds: readonly string[],
): Promise<Map<string, LearningAgreement>> {
  if (mobilityIds.length === 0) return new Map();
  const rows = await db
    .select({ mobilityId: learningAgreements.mobilityId, document: learningAgreements.document })
    .from(learningAgreements)
    .where(inList(learningAgreements.mobilityId, [...mobilityIds]));
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
    .where(inList(transcripts.mobilityId, [...mobilityIds]));
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
    .where(inList(recognitionDecisions.mobilityId, [...mobilityIds]));
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
        inList(callApplications.callId, [...callIds]),
        inList(callApplications.status, ['submitted', 'in_screening']),
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
      and(eq(reviews.reviewerUserId, userId), inList(reviews.applicationId, [...applicationIds])),
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
