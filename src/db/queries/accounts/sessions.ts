/** The data access of sessions: each row is the SHA-256 of a cookie's token and its owner. */
import { and, desc, eq, gt, lt, ne, or, isNull } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { sessions, users } from '../../schema.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/** The session of a token hash, unless it has expired at `now`. */
export async function liveSession(db: Db, id: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

/** The session of a token hash with its user's row, unless it has expired at `now` (one query). */
export async function liveSessionWithUser(
  db: Db,
  id: string,
  now: Date,
): Promise<{ session: SessionRow; user: typeof users.$inferSelect } | undefined> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now)))
    .limit(1);
  return row;
}

/** How often a session's last use is recorded (minutes): `touchSession` writes no more often. */
export const TOUCH_EVERY_MINUTES = 5;

/** Does a session last seen at `lastSeenAt` need `touchSession` at `now`? */
export const touchDue = (lastSeenAt: Date | null, now: Date, everyMinutes = TOUCH_EVERY_MINUTES) =>
  lastSeenAt === null || lastSeenAt.getTime() < now.getTime() - everyMinutes * 60_000;

/** Records that the session was used, at most once per `everyMinutes`. */
export async function touchSession(
  db: Db,
  id: string,
  now: Date,
  everyMinutes = TOUCH_EVERY_MINUTES,
): Promise<void> {
  const before = new Date(now.getTime() - everyMinutes * 60_000);
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(
      and(eq(sessions.id, id), or(isNull(sessions.lastSeenAt), lt(sessions.lastSeenAt, before))),
    );
}

export async function deleteSession(db: Db, id: string): Promise<{ userId: string } | undefined> {
  const [ended] = await db
    .delete(sessions)
    .where(eq(sessions.id, id))
    .returning({ userId: sessions.userId });
  return ended;
}

/** Ends one session of the user; undefined when the user has no such session. */
export async function deleteSessionOf(
  db: Db,
  userId: string,
  id: string,
): Promise<{ id: string } | undefined> {
  const [ended] = await db
    .delete(sessions)
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId)))
    .returning({ id: sessions.id });
  return ended;
}

/** Ends every session of the user but `keep` (when given); returns how many ended. */
export async function deleteSessionsOf(db: Db, userId: string, keep?: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(
      keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId),
    )
    .returning({ id: sessions.id });
  return ended.length;
}

/** The user's sessions open at `now`, the most recent first. */
export async function sessionsOf(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.createdAt));
}
