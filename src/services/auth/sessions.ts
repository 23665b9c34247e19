import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '#src/db/client.ts';
import {
  auditCountSince,
  rolesOf,
  userByEmail,
  userById,
  type UserRow,
} from '#src/db/queries/accounts/users.ts';
import {
  deleteSession,
  deleteSessionOf,
  deleteSessionsOf,
  insertSession,
  liveSessionWithUser,
  sessionsOf,
  touchDue,
  touchSession,
} from '#src/db/queries/accounts/sessions.ts';
import type { Actor, Role, ScopeType } from '#src/domain/access/policy.ts';
import { LANGUAGES, type Language } from '#src/domain/shared/refusal.ts';
import { AppError, notFound } from '../errors.ts';
import { audit } from '../audit.ts';
import { systemClock, type Clock } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { sessionsChanged } from './session-cache.ts';

export const SESSION_TTL_HOURS = 12;

export interface ActorView extends Actor {
  email: string;
  displayName: string;
  /** the language the person reads notifications and e-mails in */
  language: Language;
  invented: boolean;
  roles: { role: Role; scopeType: ScopeType; scopeId: string; scopeName: string | null }[];
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** What a browser says it is, kept short: enough to tell one's sessions apart. */
const userAgentOf = (ua: string | undefined) => (ua ? ua.slice(0, 300) : null);

/** Checks the credentials; on success opens a session and returns its token (for the cookie). */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  requestId?: string,
  options: SessionOptions = {},
): Promise<{ token: string; csrfToken: string; actor: ActorView; expiresAt: Date }> {
  const user = await userByEmail(db, input.email);
  if (user && (await recentFailures(db, user.id)) >= FAILURES_PER_ACCOUNT) {
    // Per account, whatever address the attempts come from (the per-address limit is the route's).
    throw new AppError('rate_limited', 'too many failed sign-ins for this account; wait and retry');
  }
  const ok = await verifyPassword(
    user?.passwordHash ?? (await dummyPasswordHash()),
    input.password,
  );
  if (!user || !ok || user.disabled) {
    await audit(
      db,
      { actor: null, requestId },
      {
        action: 'auth.sign-in-failed',
        resourceType: 'user',
        // An unknown address is not recorded: it may be someone's mistyped personal data.
        resourceId: user?.id ?? 'unknown',
      },
    );
    throw new AppError('invalid_credentials', 'the e-mail address or the password is not correct');
  }
  return openSession(db, user.id, requestId, options);
}

export interface SessionOptions {
  clock?: Clock;
  userAgent?: string | undefined;
  /** What the sign-in's audit entry says of how it happened (single sign-on: the provider). */
  details?: Record<string, unknown>;
}

/** Opens a session for a person already authenticated (by password or single sign-on). */
export async function openSession(
  db: Db,
  userId: string,
  requestId?: string,
  options: SessionOptions = {},
): Promise<{ token: string; csrfToken: string; actor: ActorView; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = (options.clock ?? systemClock).now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_HOURS * 3600_000);
  const actor = await loadActor(db, userId);
  await db.transaction(async (tx) => {
    await insertSession(tx, {
      id: sha256(token),
      userId,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      userAgent: userAgentOf(options.userAgent),
    });
    await audit(
      tx,
      { actor, requestId },
      {
        action: 'auth.sign-in',
        resourceType: 'user',
        resourceId: userId,
        details: options.details,
      },
    );
  });
  return { token, csrfToken, actor, expiresAt };
}

/** Failed sign-ins of one account within the window that the per-account limit counts. */
export const FAILURES_PER_ACCOUNT = 10;
const FAILURE_WINDOW_MINUTES = 15;

const recentFailures = (db: Db, userId: string): Promise<number> =>
  auditCountSince(db, userId, 'auth.sign-in-failed', 'window', FAILURE_WINDOW_MINUTES);

export async function signOut(db: Db, token: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const ended = await deleteSession(tx, sha256(token));
    if (ended) {
      await audit(
        tx,
        { actor: { id: ended.userId } as ActorView, requestId },
        { action: 'auth.sign-out', resourceType: 'user', resourceId: ended.userId },
      );
    }
  });
  sessionsChanged();
}

/**
 * Ends every session of the user, on every device (all but the one of `keepToken` when given);
 * returns how many were open. `reason` says why in the audit trail (a password change or reset).
 */
export async function signOutEverywhere(
  db: Db,
  userId: string,
  requestId?: string,
  options: { keepToken?: string; reason?: string } = {},
): Promise<number> {
  const count = await db.transaction(async (tx) => {
    const ended = await deleteSessionsOf(
      tx,
      userId,
      options.keepToken ? sha256(options.keepToken) : undefined,
    );
    await audit(
      tx,
      { actor: { id: userId } as ActorView, requestId },
      {
        action: 'auth.sign-out-everywhere',
        resourceType: 'user',
        resourceId: userId,
        details: { sessions: ended, ...(options.reason ? { reason: options.reason } : {}) },
      },
    );
    return ended;
  });
  sessionsChanged();
  return count;
}

/**
 * The signed-in actor behind a session cookie, or null when the session is unknown or expired, or
 * its user disabled. Two queries (the session with its user, the roles); the last use is written
 * only when the recorded one is older than `touchSession`'s interval.
 */
export async function resolveSession(
  db: Db,
  token: string,
  clock: Clock = systemClock,
): Promise<{ actor: ActorView; csrfToken: string; expiresAt: Date } | null> {
  const now = clock.now();
  const found = await liveSessionWithUser(db, sha256(token), now);
  if (!found || found.user.disabled) return null;
  const { session, user } = found;
  const actor = actorOf(user, await rolesOf(db, user.id));
  if (touchDue(session.lastSeenAt, now)) await touchSession(db, session.id, now);
  return { actor, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** The id a session is shown by: derived from its key, so that the key itself never travels. */
const publicSessionId = (key: string) => sha256(`session:${key}`).slice(0, 32);

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

/** The signed-in person's open sessions, the one of `currentToken` marked. */
export async function mySessions(
  ctx: ServiceContext,
  currentToken: string | undefined,
): Promise<SessionSummary[]> {
  const actor = requireSelf(ctx);
  const current = currentToken ? sha256(currentToken) : null;
  const rows = await sessionsOf(ctx.db, actor.id, ctx.clock.now());
  return rows.map((s) => ({
    id: publicSessionId(s.id),
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt?.toISOString() ?? null,
    expiresAt: s.expiresAt.toISOString(),
    userAgent: s.userAgent,
    current: s.id === current,
  }));
}

/** Ends one of the signed-in person's own sessions (another device's, or this one). */
export async function endMySession(
  ctx: ServiceContext,
  sessionId: string,
): Promise<{ ended: true }> {
  const actor = requireSelf(ctx);
  const rows = await sessionsOf(ctx.db, actor.id, ctx.clock.now());
  const target = rows.find((s) => publicSessionId(s.id) === sessionId);
  // Someone else's session and no session at all read the same.
  if (!target) throw notFound('session', sessionId);
  await ctx.db.transaction(async (tx) => {
    await deleteSessionOf(tx, actor.id, target.id);
    await audit(tx, ctx, {
      action: 'auth.session-ended',
      resourceType: 'user',
      resourceId: actor.id,
      details: { session: sessionId },
    });
  });
  sessionsChanged();
  return { ended: true };
}

function requireSelf(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  return ctx.actor;
}

export async function loadActor(db: Db, userId: string): Promise<ActorView> {
  const user = await userById(db, userId);
  if (!user || user.disabled) throw new AppError('unauthenticated', 'sign in first');
  return actorOf(user, await rolesOf(db, userId));
}

/** The actor a user's row and role assignments make. */
function actorOf(user: UserRow, roles: Awaited<ReturnType<typeof rolesOf>>): ActorView {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: (LANGUAGES as readonly string[]).includes(user.language)
      ? (user.language as Language)
      : 'en',
    invented: user.invented,
    platformAdmin: user.platformAdmin,
    roles: roles.map((r) => ({
      role: r.role as Role,
      scopeType: r.scopeType as ScopeType,
      scopeId: r.scopeId,
      scopeName:
        r.scopeType === 'self'
          ? user.displayName
          : (r.institutionName ?? r.consortiumName ?? r.programName ?? null),
    })),
  };
}
