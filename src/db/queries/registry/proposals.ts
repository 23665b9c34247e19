/**
 * Membership proposals and the memberships they make: a proposal waits for the other side; an
 * accepted one joins `consortium_members`, and a membership ends on the day its member leaves.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { consortiumMembers, membershipProposals } from '../../schema.ts';

export type ProposalRow = typeof membershipProposals.$inferSelect;
export type NewProposal = typeof membershipProposals.$inferInsert;

/** Open proposals of a consortium or of an institution, newest first. */
export function openProposalsOf(
  db: Db,
  filter: { consortiumId: string } | { institutionId: string },
): Promise<ProposalRow[]> {
  return db
    .select()
    .from(membershipProposals)
    .where(
      and(
        eq(membershipProposals.status, 'proposed'),
        'consortiumId' in filter
          ? eq(membershipProposals.consortiumId, filter.consortiumId)
          : eq(membershipProposals.institutionId, filter.institutionId),
      ),
    )
    .orderBy(desc(membershipProposals.createdAt));
}

/** One proposal, or null. */
export async function proposalById(db: Db, id: string): Promise<ProposalRow | null> {
  const [row] = await db.select().from(membershipProposals).where(eq(membershipProposals.id, id));
  return row ?? null;
}

/** One proposal of a consortium, or null (also for an id that is no UUID). */
export async function proposalOf(
  db: Db,
  consortiumId: string,
  proposalId: string,
): Promise<ProposalRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(proposalId)) return null;
  const [row] = await db
    .select()
    .from(membershipProposals)
    .where(
      and(
        eq(membershipProposals.id, proposalId),
        eq(membershipProposals.consortiumId, consortiumId),
      ),
    );
  return row ?? null;
}

/** Is a membership of this institution in this consortium already proposed? */
export async function hasOpenProposal(
  db: Db,
  consortiumId: string,
  institutionId: string,
): Promise<boolean> {
  const [open] = await db
    .select({ id: membershipProposals.id })
    .from(membershipProposals)
    .where(
      and(
        eq(membershipProposals.consortiumId, consortiumId),
        eq(membershipProposals.institutionId, institutionId),
        eq(membershipProposals.status, 'proposed'),
      ),
    );
  return open !== undefined;
}

/** Records a proposal; its id. */
export async function insertProposal(db: Db, values: NewProposal): Promise<string> {
  const [row] = await db
    .insert(membershipProposals)
    .values(values)
    .returning({ id: membershipProposals.id });
  return row!.id;
}

/**
 * Answers a proposal that is still open; false when someone answered it first (the answer is
 * claimed in the update itself, so two answers cannot both win).
 */
export async function answerOpenProposal(
  db: Db,
  id: string,
  answer: { status: string; decidedByUserId: string | null; decidedAt: Date },
): Promise<boolean> {
  const claimed = await db
    .update(membershipProposals)
    .set(answer)
    .where(and(eq(membershipProposals.id, id), eq(membershipProposals.status, 'proposed')))
    .returning({ id: membershipProposals.id });
  return claimed.length > 0;
}

/** The membership in force or still to come (not yet left) of an institution in a consortium. */
export async function openMembership(db: Db, consortiumId: string, institutionId: string) {
  const [current] = await db
    .select()
    .from(consortiumMembers)
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.institutionId, institutionId),
        isNull(consortiumMembers.leftOn),
      ),
    );
  return current ?? null;
}

export async function insertMembership(
  db: Db,
  membership: { consortiumId: string; institutionId: string; joinedOn: string },
): Promise<void> {
  await db.insert(consortiumMembers).values(membership);
}

/** Ends the membership that began on `joinedOn` on `leftOn`. */
export async function setMembershipLeftOn(
  db: Db,
  membership: { consortiumId: string; institutionId: string; joinedOn: string },
  leftOn: string,
): Promise<void> {
  await db
    .update(consortiumMembers)
    .set({ leftOn })
    .where(
      and(
        eq(consortiumMembers.consortiumId, membership.consortiumId),
        eq(consortiumMembers.institutionId, membership.institutionId),
        eq(consortiumMembers.joinedOn, membership.joinedOn),
      ),
    );
}

/** Every membership of a consortium over time, by institution (what an export holds). */
export function membershipsToExport(db: Db, consortiumId: string) {
  return db
    .select()
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId))
    .orderBy(consortiumMembers.institutionId);
}
