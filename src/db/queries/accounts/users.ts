/**
 * The data access of accounts: people by address or id, their roles with the names of the
 * scopes, their password, names and language, and the one-time links that set a password.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import {
  auditLog,
  consortia,
  institutions,
  passwordResets,
  programs,
  roleAssignments,
  users,
} from '../../schema.ts';
import type { PersonNames } from '../../../domain/shared/names.ts';

export type UserRow = typeof users.$inferSelect;

/** The account of an address, whatever its case. */
export async function userByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function userById(db: Db, id: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

export async function insertUser(
  db: Db,
  values: typeof users.$inferInsert,
): Promise<{ id: string; email: string }> {
  const [row] = await db
    .insert(users)
    .values(values)
    .returning({ id: users.id, email: users.email });
  return row!;
}

export async function setPasswordHash(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function setNames(
  db: Db,
  userId: string,
  values: { displayName: string; names: PersonNames },
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}

/** A person's roles, each with the name of its scope when the scope is an organisation. */
export async function rolesOf(db: Db, userId: string) {
  return db
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
}

/** Entries of `action` about the user since `since` (the per-account limits count them). */
export async function auditCountSince(
  db: Db,
  userId: string,
  action: string,
  since: Date | 'window',
  windowMinutes = 15,
): Promise<number> {
  const after = since === 'window' ? sql`now() - make_interval(mins => ${windowMinutes})` : since;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.resourceType, 'user'),
        eq(auditLog.resourceId, userId),
        eq(auditLog.action, action),
        gt(auditLog.at, after),
      ),
    );
  return Number(row?.n ?? 0);
}

// --- one-time links that set a password ----------------------------------------------------------

export async function insertPasswordReset(
  db: Db,
  values: { tokenHash: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(values);
}

/** How many links were asked for the user since `since`. */
export async function passwordResetsSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(passwordResets)
    .where(and(eq(passwordResets.userId, userId), gt(passwordResets.createdAt, since)));
  return Number(row?.n ?? 0);
}

export async function passwordResetByHash(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(passwordResets)
    .where(eq(passwordResets.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/** Marks the link used, unless it already was; false when another request used it first. */
export async function markPasswordResetUsed(db: Db, id: string, at: Date): Promise<boolean> {
  const done = await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.id, id), isNull(passwordResets.usedAt)))
    .returning({ id: passwordResets.id });
  return done.length === 1;
}

/** Ends the person's other unused links (after one of them set the password). */
export async function expireOtherPasswordResets(db: Db, userId: string, at: Date): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: at })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}
