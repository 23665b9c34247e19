import { inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { notifications, users } from '#src/db/schema.ts';
import { sendNotification, type Mailer } from './mailer.ts';

export interface Notice {
  kind: string;
  subject: string;
  body: string;
  data?: Record<string, unknown>;
}

/**
 * Records an in-app notification for each user, inside the caller's transaction. Returns a
 * function that e-mails them once the transaction has committed (when SMTP is configured), so a
 * rolled-back change never sends mail.
 */
export async function notify(
  tx: Db,
  userIds: readonly string[],
  notice: Notice,
): Promise<(mailer: Mailer | null) => Promise<void>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return async () => undefined;
  await tx.insert(notifications).values(
    unique.map((userId) => ({
      userId,
      kind: notice.kind,
      subject: notice.subject,
      body: notice.body,
      data: notice.data ?? {},
    })),
  );
  const recipients = await tx
    .select({ email: users.email })
    .from(users)
    .where(inArray(users.id, unique));
  return async (mailer) => {
    if (!mailer) return;
    for (const r of recipients) {
      // A mail server that is down must not undo the change: the in-app notification stays.
      await sendNotification(mailer, {
        to: r.email,
        subject: notice.subject,
        text: notice.body,
      }).catch(() => undefined);
    }
  };
}
