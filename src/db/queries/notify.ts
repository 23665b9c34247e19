/** In-app notifications, their recipients, and the language each person reads them in. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import { notifications, users } from '../schema.ts';

/** A person's latest 200 notifications (or only the unread ones), newest first. */
export function notificationsOf(db: Db, userId: string, unreadOnly: boolean) {
  return db
    .select()
    .from(notifications)
    .where(
      unreadOnly
        ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
        : eq(notifications.userId, userId),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(200);
}

/** Marks one of the person's notifications read; false when they have none with this id. */
export async function markNotificationRead(
  db: Db,
  userId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  return row !== undefined;
}

export async function insertNotifications(
  db: Db,
  rows: (typeof notifications.$inferInsert)[],
): Promise<void> {
  if (rows.length > 0) await db.insert(notifications).values(rows);
}

/** The e-mail address and language of each of these people. */
export function recipientsOf(db: Db, userIds: readonly string[]) {
  return db
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(inList(users.id, [...userIds]));
}

export async function languageOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row?.language ?? null;
}

export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}
