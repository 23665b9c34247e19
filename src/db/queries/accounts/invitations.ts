/** Invitations as the people pages list them: pending ones, newest first, with who sent them. */
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
