/**
 * Invitations: pending ones as the people pages list them (newest first), one by its link's token
 * or its id, and the writes that create, revoke and accept one.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { invitations } from '../../schema.ts';

export type InvitationRow = typeof invitations.$inferSelect;

/** Invitations neither accepted, revoked nor expired at `now`. */
export const pendingInvitationRows = (db: Db, now: Date): Promise<InvitationRow[]> =>
  db
    .select()
    .from(invitations)
    .where(
      and(
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(desc(invitations.createdAt))
    .limit(500);

export async function invitationByTokenHash(db: Db, tokenHash: string, lock = false) {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function invitationById(db: Db, id: string) {
  const [row] = await db.select().from(invitations).where(eq(invitations.id, id));
  return row ?? null;
}

export async function insertInvitation(
  db: Db,
  values: typeof invitations.$inferInsert,
): Promise<InvitationRow> {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function markInvitationRevoked(db: Db, id: string, at: Date): Promise<void> {
  await db.update(invitations).set({ revokedAt: at }).where(eq(invitations.id, id));
}

/** Marks a pending invitation accepted by `userId`; false when it was accepted or revoked. */
export async function markInvitationAccepted(
  db: Db,
  id: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const marked = await db
    .update(invitations)
    .set({ acceptedAt: at, acceptedUserId: userId })
    .where(
      and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)),
    )
    .returning({ id: invitations.id });
  return marked.length > 0;
}
