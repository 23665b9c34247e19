/** The signed-in user's in-app notifications (issue 5, item 6). */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { notifications } from '#src/db/schema.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';

function requireUser(ctx: ServiceContext): string {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor.id;
}

export async function myNotifications(ctx: ServiceContext, query: { unread?: boolean }) {
  const userId = requireUser(ctx);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(
      query.unread
        ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
        : eq(notifications.userId, userId),
    )
    .orderBy(desc(notifications.createdAt))
    .limit(200);
  return {
    unread: rows.filter((r) => r.readAt === null).length,
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      body: r.body,
      data: r.data,
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
  };
}

export async function markRead(ctx: ServiceContext, id: string) {
  const userId = requireUser(ctx);
  const [row] = await ctx.db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row) throw notFound('notification', id);
  return { id: row.id, read: true };
}
