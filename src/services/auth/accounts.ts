/**
 * Accounts: the first administrator of a new deployment (made outside the web app), and what the
 * signed-in person changes of their own account (password, names).
 */
import { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import {
  auditCountSince,
  insertUser,
  setNames,
  userByEmail,
  userById,
} from '#src/db/queries/accounts/users.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '#src/domain/access/passwords.ts';
import { personNamesSchema, type PersonNames } from '#src/domain/shared/names.ts';
import { languageSchema } from '#src/domain/shared/refusal.ts';
import { audit } from '../audit.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, fieldIssues, invalidInput } from '../errors.ts';
import { setPasswordHash } from '#src/db/queries/accounts/users.ts';
import { UNUSABLE_PASSWORD, hashPassword, verifyPassword } from './passwords.ts';
import { assertNewPassword } from './password-rules.ts';
import { SET_LINK_TTL_HOURS, issuePasswordLink } from './password-reset.ts';
import { FAILURES_PER_ACCOUNT, signOutEverywhere } from './sessions.ts';

/** At least 12 characters: a passphrase, as NIST SP 800-63B advises, not composition rules. */
export { MIN_PASSWORD_LENGTH };

export const administratorSchema = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  language: languageSchema,
  /** absent with `link`: the administrator sets it through a one-time link */
  password: z.string().max(1024).optional(),
});
export type AdministratorInput = z.infer<typeof administratorSchema>;

/**
 * Creates a platform administrator. Refuses an address that already has an account (any case):
 * an existing account is never turned into an administrator this way. With `link`, the account has
 * no usable password yet, and a one-time link to set it (valid for a day) is returned.
 */
export async function createAdministrator(
  db: Db,
  input: AdministratorInput,
  options: { link?: boolean; clock?: Clock } = {},
): Promise<{ id: string; email: string; link?: { token: string; expiresAt: Date } }> {
  const parsed = administratorSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'admin'));
  const { email, displayName, language, password } = parsed.data;
  let passwordHash = UNUSABLE_PASSWORD;
  if (!options.link) {
    assertNewPassword(password ?? '', { field: 'admin.password', email });
    passwordHash = await hashPassword(password ?? '');
  }
  const now = (options.clock ?? systemClock).now();
  return db.transaction(async (tx) => {
    if (await userByEmail(tx, email)) {
      throw conflict(
        { code: 'accounts.email_taken', params: { email } },
        'the address has an account',
      );
    }
    const row = await insertUser(tx, {
      email,
      displayName,
      language,
      passwordHash,
      platformAdmin: true,
      createdAt: now,
    });
    await audit(
      tx,
      { actor: null },
      {
        action: 'user.create-administrator',
        resourceType: 'user',
        resourceId: row.id,
        details: { via: 'command line', ...(options.link ? { passwordBy: 'one-time link' } : {}) },
        // The hash is listed as set, never kept.
        after: {
          email,
          displayName,
          language,
          platformAdmin: true,
          ...(options.link ? {} : { passwordHash }),
        },
      },
    );
    if (!options.link) return row;
    return { ...row, link: await issuePasswordLink(tx, row.id, now, SET_LINK_TTL_HOURS * 60) };
  });
}

function requireSelf(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor;
}

export const PasswordChangeInput = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

/**
 * Changes the signed-in person's password: the current one is asked for, the new one follows the
 * rules, and every other session of theirs ends (this one stays).
 */
export async function changeMyPassword(
  ctx: ServiceContext,
  input: z.infer<typeof PasswordChangeInput>,
  currentToken: string | undefined,
): Promise<{ sessionsEnded: number }> {
  const actor = requireSelf(ctx);
  const user = await userById(ctx.db, actor.id);
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  // Guessing the current password counts with failed sign-ins, under the same per-account limit.
  if (
    (await auditCountSince(ctx.db, user.id, 'auth.sign-in-failed', 'window')) >=
    FAILURES_PER_ACCOUNT
  ) {
    throw new AppError('rate_limited', 'too many failed attempts for this account; wait and retry');
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await audit(ctx.db, ctx, {
      action: 'auth.sign-in-failed',
      resourceType: 'user',
      resourceId: user.id,
      details: { while: 'password change' },
    });
    throw invalidInput([
      {
        field: 'body.currentPassword',
        code: 'accounts.current_password_wrong',
        message: 'the current password is not correct',
      },
    ]);
  }
  assertNewPassword(input.newPassword, { field: 'body.newPassword', email: user.email });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    await audit(tx, ctx, {
      action: 'auth.password-change',
      resourceType: 'user',
      resourceId: user.id,
      before: { passwordHash: user.passwordHash },
      after: { passwordHash },
    });
  });
  const sessionsEnded = await signOutEverywhere(ctx.db, user.id, ctx.requestId, {
    ...(currentToken ? { keepToken: currentToken } : {}),
    reason: 'password change',
  });
  return { sessionsEnded };
}

export const NamesInput = z.object({
  displayName: z.string().trim().min(1).max(200),
  names: personNamesSchema,
});

/** The signed-in person's display name and their name in each script they write it in. */
export async function setMyNames(
  ctx: ServiceContext,
  input: { displayName: string; names: PersonNames },
): Promise<{ displayName: string; names: PersonNames }> {
  const actor = requireSelf(ctx);
  const parsed = NamesInput.safeParse(input);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const user = await userById(ctx.db, actor.id);
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  await ctx.db.transaction(async (tx) => {
    await setNames(tx, user.id, parsed.data);
    await audit(tx, ctx, {
      action: 'user.names',
      resourceType: 'user',
      resourceId: user.id,
      before: { displayName: user.displayName, names: user.names },
      after: parsed.data,
    });
  });
  return parsed.data;
}

export const myNamesOf = async (ctx: ServiceContext) => {
  const actor = requireSelf(ctx);
  const user = await userById(ctx.db, actor.id);
  if (!user) throw new AppError('unauthenticated', 'sign in first');
  return { displayName: user.displayName, names: user.names };
};

export { MAX_PASSWORD_LENGTH };
