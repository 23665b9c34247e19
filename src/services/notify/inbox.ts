/** The signed-in person's in-app notifications, and the language they read them in. */
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Language } from '#src/domain/shared/refusal.ts';
import { notifications, users } from '#src/db/schema.ts';
import { audit } from '../audit.ts';
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
      type: r.kind,
      params: r.params,
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
    .set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning({ id: notifications.id });
  if (!row) throw notFound('notification', id);
  return { id: row.id, read: true };
}

/** The language the person reads notifications and e-mails in. */
export async function setMyLanguage(ctx: ServiceContext, language: Language) {
  const userId = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ language: users.language })
      .from(users)
      .where(eq(users.id, userId));
    await tx.update(users).set({ language }).where(eq(users.id, userId));
    await audit(tx, ctx, {
      action: 'user.language',
      resourceType: 'user',
      resourceId: userId,
      before: { language: before?.language ?? null },
      after: { language },
    });
  });
  return { language };
}
