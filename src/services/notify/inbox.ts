/** The signed-in person's in-app notifications, and the language they read them in. */
import type { Language } from '#src/domain/shared/refusal.ts';
import {
  languageOf,
  markNotificationRead,
  notificationsOf,
  setLanguage,
} from '#src/db/queries/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, notFound } from '../errors.ts';

function requireUser(ctx: ServiceContext): string {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor.id;
}

export async function myNotifications(ctx: ServiceContext, query: { unread?: boolean }) {
  const userId = requireUser(ctx);
  const rows = await notificationsOf(ctx.db, userId, query.unread ?? false);
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
  if (!(await markNotificationRead(ctx.db, userId, id, ctx.clock.now())))
    throw notFound('notification', id);
  return { id, read: true };
}

/** The language the person reads notifications and e-mails in. */
export async function setMyLanguage(ctx: ServiceContext, language: Language) {
  const userId = requireUser(ctx);
  await ctx.db.transaction(async (tx) => {
    const before = await languageOf(tx, userId);
    await setLanguage(tx, userId, language);
    await audit(tx, ctx, {
      action: 'user.language',
      resourceType: 'user',
      resourceId: userId,
      before: { language: before },
      after: { language },
    });
  });
  return { language };
}
