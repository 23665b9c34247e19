/**
 * Students join by their university. A university lists the e-mail domains of its students
 * (src/services/registry/student-domains.ts); whoever has an address of one of them signs up with
 * their name, language and password. Nothing is created but a pending sign-up — the SHA-256 of the
 * link's token and the argon2 hash of the password — until the link of the e-mail, in the chosen
 * language, is opened within 24 hours; then, once, the account is made with the student role
 * (scope `self`) and a student profile at that university as home, audited, and signed in.
 *
 * Refusals: `signup.domain_not_listed` for an address no university lists (the list is public: the
 * university page shows it). An address that already has an account gets the same answer as a
 * new one — no e-mail, no record — so the form tells nobody who has an account. A link that is not
 * known, expired or used is refused with its code and changes nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import {
  insertPendingSignUp,
  insertStudentAccount,
  markSignUpUsed,
  pendingSignUpByTokenHash,
  type PendingSignUpRow,
} from '#src/db/queries/accounts/sign-ups.ts';
import { userByEmail } from '#src/db/queries/accounts/people.ts';
import { institutionName } from '#src/db/queries/names.ts';
import { studentDomainRow } from '#src/db/queries/registry/student-domains.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import { languageSchema, refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { SIGNUP_CODES, domainOf } from '#src/domain/signup/refusal-codes.ts';
import { translatorFor } from '#src/i18n/catalog.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, fieldIssues, invalidField, invalidInput } from '../errors.ts';
import { sendNotification, type Mailer } from '../notify/mailer.ts';
import { MIN_PASSWORD_LENGTH } from './accounts.ts';
import { hashPassword } from './passwords.ts';

/** How long a sign-up link works. */
export const SIGN_UP_TTL_HOURS = 24;

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The link of a sign-up: the web app's page that confirms it. */
export const signUpLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/sign-up/verify/${encodeURIComponent(token)}`;

export const signUpSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  language: languageSchema,
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

/** The same answer whether or not an e-mail went: who has an account is nobody's business. */
export const SIGN_UP_ANSWER = { status: 'check_your_inbox' } as const;

/** The e-mail of a sign-up in the language chosen. */
export function renderSignUpMail(
  params: { institution: LocalizedText; link: string; expires: string },
  language: string,
): { subject: string; text: string } {
  const t = translatorFor(language);
  const text = [
    t('notifications.signUp.body', { institution: params.institution }),
    '',
    t('notifications.signUp.link', { link: params.link }),
    t('notifications.signUp.expires', { expires: params.expires }),
    '',
    '—',
    t('notifications.signUp.footer'),
  ].join('\n');
  return { subject: t('notifications.signUp.title'), text };
}

/**
 * Asks for a student account. Refused (400, `signup.domain_not_listed` on `body.email`) unless a
 * university lists the address's domain; otherwise answers `SIGN_UP_ANSWER`, having stored a
 * pending sign-up and sent its link — unless the address has an account, when nothing happens.
 */
export async function requestSignUp(
  ctx: ServiceContext,
  raw: unknown,
  deps: { mailer: Mailer | null; publicUrl: string },
): Promise<typeof SIGN_UP_ANSWER> {
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const input = parsed.data;
  const listed = await studentDomainRow(ctx.db, domainOf(input.email));
  if (!listed) {
    throw invalidField(
      'body.email',
      refusal(SIGNUP_CODES.domainNotListed, {}, { field: 'body.email' }),
      'no university lists the domain of this address for its students',
    );
  }
  // Hashed in both cases, so that an existing account does not answer faster.
  const passwordHash = await hashPassword(input.password);
  if (await userByEmail(ctx.db, input.email)) return SIGN_UP_ANSWER;

  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + SIGN_UP_TTL_HOURS * 3_600_000);
  await ctx.db.transaction(async (tx) => {
    const id = await insertPendingSignUp(tx, {
      email: input.email.trim(),
      displayName: input.displayName,
      language: input.language,
      passwordHash,
      institutionId: listed.institutionId,
      tokenHash: sha256(token),
      createdAt: now,
      expiresAt,
    });
    // The address is not kept in the trail before it is confirmed: it may be someone else's.
    await audit(tx, ctx, {
      action: 'sign-up.request',
      resourceType: 'pending_sign_up',
      resourceId: id,
      details: { institutionId: listed.institutionId, domain: listed.domain },
    });
  });
  const mail = renderSignUpMail(
    {
      institution: await institutionName(ctx.db, listed.institutionId),
      link: signUpLink(deps.publicUrl, token),
      expires: expiresAt.toISOString(),
    },
    input.language,
  );
  await sendNotification(deps.mailer, { to: input.email, ...mail }).catch(() => undefined);
  return SIGN_UP_ANSWER;
}

/** Why a sign-up link cannot be used now, or null when it can. */
function refusalOf(ctx: ServiceContext, row: PendingSignUpRow | null): AppError | null {
  if (!row) {
    return new AppError('not_found', 'the sign-up link is not known', {
      refusals: [refusal(SIGNUP_CODES.unknown)],
    });
  }
  if (row.usedAt) return conflict(refusal(SIGNUP_CODES.used), 'the sign-up link has been used');
  if (ctx.clock.now().getTime() >= row.expiresAt.getTime()) {
    return conflict(refusal(SIGNUP_CODES.expired), 'the sign-up link has expired');
  }
  return null;
}

export const verifySchema = z.object({ token: z.string().min(10).max(200) });

/**
 * Confirms a sign-up: makes the student account of its university, once, and returns it (with
 * the university's name) for the route to open a session. Refused with `signup.unknown | used | expired`, or
 * `signup.account_exists` when the address got an account meanwhile; nothing changes then.
 */
export async function confirmSignUp(
  ctx: ServiceContext,
  raw: unknown,
): Promise<{ userId: string; email: string; institutionId: string; home: LocalizedText }> {
  const parsed = verifySchema.safeParse(raw);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const made = await ctx.db.transaction(async (tx: Db) => {
    const row = await pendingSignUpByTokenHash(tx, sha256(parsed.data.token), true);
    const refused = refusalOf(ctx, row);
    if (refused) throw refused;
    const pending = row!;
    if (await userByEmail(tx, pending.email)) {
      throw conflict(refusal(SIGNUP_CODES.accountExists), 'the address has an account');
    }
    const now = ctx.clock.now();
    const userId = await insertStudentAccount(tx, {
      email: pending.email,
      displayName: pending.displayName,
      language: pending.language,
      passwordHash: pending.passwordHash,
      homeId: pending.institutionId,
      at: now,
    });
    if (!(await markSignUpUsed(tx, pending.id, userId, now))) {
      throw conflict(refusal(SIGNUP_CODES.used), 'the sign-up link has been used');
    }
    await audit(
      tx,
      { ...ctx, actor: { id: userId } as Actor },
      {
        action: 'user.create',
        resourceType: 'user',
        resourceId: userId,
        details: { via: 'sign-up', signUpId: pending.id },
        after: {
          email: pending.email,
          displayName: pending.displayName,
          language: pending.language,
          passwordHash: pending.passwordHash,
          role: 'student',
          scopeType: 'self',
          homeId: pending.institutionId,
        },
      },
    );
    return { userId, email: pending.email, institutionId: pending.institutionId };
  });
  return { ...made, home: await institutionName(ctx.db, made.institutionId) };
}
