import type { MessageParams } from '#src/domain/shared/refusal.ts';
import type { Db } from '#src/db/client.ts';
import { insertNotifications, recipientsOf } from '#src/db/queries/notify.ts';
import { translatorFor } from '#src/i18n/catalog.ts';
import { renderNotification, type NotificationType } from '#src/i18n/notifications.ts';
import { sendNotification, type Mailer } from './mailer.ts';

/** What happened, as a type and its params; never a sentence (each reader's app writes that). */
export interface Notice {
  type: NotificationType;
  params: MessageParams;
  /** links for the app: ids of the records the notification is about */
  data?: Record<string, string | number | null>;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/\n/g, '<br>');

/** The e-mail of a notice in one language: a plain-text part and an HTML part. */
export function renderMail(
  notice: Pick<Notice, 'type' | 'params'>,
  language: string,
): { subject: string; text: string; html: string } {
  const t = translatorFor(language);
  const { title, body } = renderNotification(t, notice.type, notice.params);
  const footer = t('notifications.common.footer');
  const text = [...body, '', '—', footer].join('\n');
  const html =
    `<!doctype html><html lang="${escapeHtml(language)}"><body>` +
    body.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<hr><p style="color:#555;font-size:smaller">${escapeHtml(footer)}</p></body></html>`;
  return { subject: title, text, html };
}

/**
 * Records an in-app notification for each user, inside the caller's transaction. Returns a
 * function that e-mails them, each in their own language, once the transaction has committed
 * (when SMTP is configured), so a rolled-back change never sends mail.
 */
export async function notify(
  tx: Db,
  userIds: readonly string[],
  notice: Notice,
): Promise<(mailer: Mailer | null) => Promise<void>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return async () => undefined;
  await insertNotifications(
    tx,
    unique.map((userId) => ({
      userId,
      kind: notice.type,
      params: notice.params,
      data: notice.data ?? {},
    })),
  );
  const recipients = await recipientsOf(tx, unique);
  return async (mailer) => {
    if (!mailer) return;
    for (const r of recipients) {
      // A mail server that is down must not undo the change: the in-app notification stays.
      await sendNotification(mailer, { to: r.email, ...renderMail(notice, r.language) }).catch(
        () => undefined,
      );
    }
  };
}
