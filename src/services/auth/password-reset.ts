/**
 * One-time links that set a password: "forgot my password" by e-mail (valid for an hour) and the
 * link printed for a new administrator (a day). A link is used once; using it sets the password,
 * ends every session of the person and every other link of theirs, and is audited.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import {
  expireOtherPasswordResets,
  insertPasswordReset,
  markPasswordResetUsed,
  passwordResetByHash,
  passwordResetsSince,
  setPasswordHash,
  userByEmail,
  userById,
} from '#src/db/queries/accounts/users.ts';
import { deleteSessionsOf } from '#src/db/queries/accounts/sessions.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { translatorFor } from '#src/i18n/catalog.ts';
import { audit } from '../audit.ts';
import { AppError, conflict } from '../errors.ts';
import type { ServiceContext } from '../context.ts';
import { sendNotification, type Mailer } from '../notify/mailer.ts';
import { hashPassword } from './passwords.ts';
import { assertNewPassword } from './password-rules.ts';
import { sha256 } from './sessions.ts';

/** How long a link asked for by e-mail stays valid. */
export const RESET_TTL_MINUTES = 60;
/** How long the link of a new administrator stays valid. */
export const SET_LINK_TTL_HOURS = 24;
/** Links sent to one address within an hour; more requests are answered the same, unsent. */
export const RESETS_PER_ADDRESS_PER_HOUR = 3;

/** Where the web app sets a password from a link. */
export const passwordLink = (publicUrl: string, token: string, kind: 'reset' | 'set' = 'reset') =>
  `${publicUrl.replace(/\/+$/, '')}/password/${kind}/${token}`;

/** Issues a link for the user, inside the caller's transaction; returns its token. */
export async function issuePasswordLink(
  tx: Db,
  userId: string,
  now: Date,
  ttlMinutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await insertPasswordReset(tx, { tokenHash: sha256(token), userId, createdAt: now, expiresAt });
  return { token, expiresAt };
}

/** The e-mail with the link, in the person's language. */
export function renderResetMail(language: string, link: string) {
  const t = translatorFor(language);
  const body = [
    t('notifications.passwordReset.body'),
    link,
    t('notifications.passwordReset.notYou'),
  ];
  return {
    subject: t('notifications.passwordReset.title'),
    text: [...body, '', '—', t('notifications.common.footer')].join('\n'),
  };
}

/**
 * "Forgot my password": when the address has an account (enabled, under the per-address limit),
 * a link is e-mailed to it. The caller answers the same in every case, and the mail goes out after
 * the answer is decided (`send`), so that neither the answer nor its time tells whether the
 * address has an account.
 */
export async function requestPasswordReset(
  ctx: ServiceContext,
  input: { email: string },
  options: { mailer: Mailer | null; publicUrl: string },
): Promise<{ send: () => Promise<void> }> {
  const nothing = { send: async () => undefined };
  const user = await userByEmail(ctx.db, input.email);
  if (!user || user.disabled) return nothing;
  const now = ctx.clock.now();
  const recent = await passwordResetsSince(ctx.db, user.id, new Date(now.getTime() - 3600_000));
  if (recent >= RESETS_PER_ADDRESS_PER_HOUR) return nothing;
  const { token } = await ctx.db.transaction(async (tx) => {
    const issued = await issuePasswordLink(tx, user.id, now, RESET_TTL_MINUTES);
    await audit(tx, ctx, {
      action: 'auth.password-reset-requested',
      resourceType: 'user',
      resourceId: user.id,
    });
    return issued;
  });
  const mail = renderResetMail(user.language, passwordLink(options.publicUrl, token));
  return {
    send: async () => {
      // A mail server that is down says nothing to the requester either.
      await sendNotification(options.mailer, { to: user.email, ...mail }).catch(() => undefined);
    },
  };
}

/** The link's record when it may still be used; a refusal saying why not otherwise. */
async function usableLink(db: Db, token: string, now: Date) {
  const link = token.length <= 100 ? await passwordResetByHash(db, sha256(token)) : undefined;
  if (!link) {
    throw new AppError('not_found', 'this password link does not exist', {
      refusals: [refusal('accounts.reset_link_invalid')],
    });
  }
  if (link.usedAt) {
    throw conflict(refusal('accounts.reset_link_used'), 'this password link was already used');
  }
  if (link.expiresAt.getTime() <= now.getTime()) {
    throw conflict(
      refusal('accounts.reset_link_expired', { expiredAt: link.expiresAt.toISOString() }),
      'this password link has expired',
    );
  }
  return link;
}

/** Whether a link may still be used, for the page to say so before a password is typed. */
export async function checkPasswordLink(
  ctx: ServiceContext,
  token: string,
): Promise<{ email: string; expiresAt: string }> {
  const link = await usableLink(ctx.db, token, ctx.clock.now());
  const user = await userById(ctx.db, link.userId);
  if (!user) throw new AppError('not_found', 'this password link does not exist');
  return { email: user.email, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Sets the password from a link: the link is used up, every session of the person ends (whoever
 * else may have signed in with the old password), and their other links too.
 */
export async function completePasswordReset(
  ctx: ServiceContext,
  input: { token: string; password: string },
): Promise<{ sessionsEnded: number }> {
  const now = ctx.clock.now();
  const link = await usableLink(ctx.db, input.token, now);
  const user = await userById(ctx.db, link.userId);
  if (!user) throw new AppError('not_found', 'this password link does not exist');
  assertNewPassword(input.password, { field: 'body.password', email: user.email });
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    // Two requests with one link: the second finds it used and changes nothing.
    if (!(await markPasswordResetUsed(tx, link.id, now))) {
      throw conflict(refusal('accounts.reset_link_used'), 'this password link was already used');
    }
    await expireOtherPasswordResets(tx, user.id, now);
    await setPasswordHash(tx, user.id, passwordHash);
    const sessionsEnded = await deleteSessionsOf(tx, user.id);
    await audit(
      tx,
      { ...ctx, actor: ctx.actor ?? { id: user.id, platformAdmin: false, roles: [] } },
      {
        action: 'auth.password-reset',
        resourceType: 'user',
        resourceId: user.id,
        details: { sessionsEnded },
        before: { passwordHash: user.passwordHash },
        after: { passwordHash },
      },
    );
    return { sessionsEnded };
  });
}
