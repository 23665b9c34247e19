import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  auditLog,
  consortia,
  institutions,
  programs,
  roleAssignments,
  sessions,
  users,
} from '#src/db/schema.ts';
import type { Actor, Role, ScopeType } from '#src/domain/access/policy.ts';
import { LANGUAGES, type Language } from '#src/domain/shared/refusal.ts';
import { AppError } from '../errors.ts';
import { audit } from '../audit.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';

export const SESSION_TTL_HOURS = 12;

export interface ActorView extends Actor {
  email: string;
  displayName: string;
  /** the language the person reads notifications and e-mails in */
  language: Language;
  invented: boolean;
  roles: { role: Role; scopeType: ScopeType; scopeId: string; scopeName: string | null }[];
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Checks the credentials; on success opens a session and returns its token (for the cookie). */
export async function signIn(
  db: Db,
  input: { email: string; password: string },
  requestId?: string,
): Promise<{ token: string; csrfToken: string; actor: ActorView; expiresAt: Date }> {
  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.trim().toLowerCase()}`)
    .limit(1);
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
  return openSession(db, user.id, requestId);
}

/** Opens a session for a user already authenticated (password or single sign-on). */
export async function openSession(
  db: Db,
  userId: string,
  requestId?: string,
  details?: Record<string, unknown>,
): Promise<{ token: string; csrfToken: string; actor: ActorView; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_TTL_HOURS * 3600_000);
  const actor = await loadActor(db, userId);
  await db.transaction(async (tx) => {
    await tx.insert(sessions).values({ id: sha256(token), userId, csrfToken, expiresAt });
    await audit(
      tx,
      { actor, requestId },
      {
        action: 'auth.sign-in',
        resourceType: 'user',
        resourceId: userId,
        details,
      },
    );
  });
  return { token, csrfToken, actor, expiresAt };
}

/** Failed sign-ins of one account within the window that the per-account limit counts. */
export const FAILURES_PER_ACCOUNT = 10;
const FAILURE_WINDOW_MINUTES = 15;

async function recentFailures(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.resourceType, 'user'),
        eq(auditLog.resourceId, userId),
        eq(auditLog.action, 'auth.sign-in-failed'),
        gt(auditLog.at, sql`now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})`),
      ),
    );
  return Number(row?.n ?? 0);
}

export async function signOut(db: Db, token: string, requestId?: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .delete(sessions)
      .where(eq(sessions.id, sha256(token)))
      .returning({ userId: sessions.userId });
    if (ended) {
      await audit(
        tx,
        { actor: { id: ended.userId } as ActorView, requestId },
        { action: 'auth.sign-out', resourceType: 'user', resourceId: ended.userId },
      );
    }
  });
}

/** Ends every session of the user, on every device; returns how many were open. */
export async function signOutEverywhere(
  db: Db,
  userId: string,
  requestId?: string,
): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(eq(sessions.userId, userId))
      .returning({ id: sessions.id });
    await audit(
      tx,
      { actor: { id: userId } as ActorView, requestId },
      {
        action: 'auth.sign-out-everywhere',
        resourceType: 'user',
        resourceId: userId,
        details: { sessions: ended.length },
      },
    );
    return ended.length;
  });
}

/** The signed-in actor behind a session cookie, or null when the session is unknown or expired. */
export async function resolveSession(
  db: Db,
  token: string,
): Promise<{ actor: ActorView; csrfToken: string } | null> {
  const [session] = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!session) return null;
  const actor = await loadActor(db, session.userId).catch(() => null);
  if (!actor) return null;
  return { actor, csrfToken: session.csrfToken };
}

export async function loadActor(db: Db, userId: string): Promise<ActorView> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || user.disabled) throw new AppError('unauthenticated', 'sign in first');
  const roles = await db
    .select({
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      scopeId: roleAssignments.scopeId,
      institutionName: institutions.name,
      consortiumName: consortia.name,
      programName: programs.name,
    })
    .from(roleAssignments)
    .leftJoin(institutions, eq(institutions.id, roleAssignments.scopeId))
    .leftJoin(consortia, eq(consortia.id, roleAssignments.scopeId))
    .leftJoin(programs, eq(programs.id, roleAssignments.scopeId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(roleAssignments.role, roleAssignments.scopeId);
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
