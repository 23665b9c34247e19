/**
 * People and their roles as the people pages show them: searched by name or address within what a
 * viewer may see, each role with the name of its scope in every language (never an id alone).
 */
import { and, asc, eq, exists, or, sql, type SQL } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { LocalizedText } from '../../../domain/shared/refusal.ts';
import { personNameText, type PersonNames } from '../../../domain/shared/names.ts';
import type { Db } from '../../client.ts';
import {
  calls,
  consortia,
  institutions,
  programs,
  roleAssignments,
  sessions,
  studentProfiles,
  users,
} from '../../schema.ts';
import { callTitles, consortiumNames, institutionNames, orgName, programNames } from '../names.ts';

export interface ScopeRef {
  scopeType: string;
  scopeId: string;
}

/**
 * Whom a viewer sees: everyone, or the holders of a role in one of `scopes`, and the students whose
 * profile names one of `studentHomes` as their home institution.
 */
export interface PeopleVisibility {
  all: boolean;
  scopes: readonly ScopeRef[];
  studentHomes: readonly string[];
}

const scopeKey = (s: ScopeRef) => `${s.scopeType}:${s.scopeId}`;

/** The SQL condition "this user is visible", on `users.id`. */
export function visibleCondition(v: PeopleVisibility): SQL {
  if (v.all) return sql`true`;
  const parts: SQL[] = [];
  if (v.scopes.length > 0) {
    const keys = [...new Set(v.scopes.map(scopeKey))];
    parts.push(
      exists(
        sql`(SELECT 1 FROM ${roleAssignments} WHERE ${roleAssignments.userId} = ${users.id} AND ${roleAssignments.scopeType} || ':' || ${roleAssignments.scopeId} IN (${sql.join(
          keys.map((k) => sql`${k}`),
          sql`, `,
        )}))`,
      ),
    );
  }
  if (v.studentHomes.length > 0) {
    parts.push(
      exists(
        sql`(SELECT 1 FROM ${studentProfiles} WHERE ${studentProfiles.userId} = ${users.id} AND ${inList(studentProfiles.homeId, [...new Set(v.studentHomes)])})`,
      ),
    );
  }
  return parts.length === 0 ? sql`false` : or(...parts)!;
}

export interface PersonRow {
  id: string;
  email: string;
  displayName: string;
  name: LocalizedText;
  language: string;
  platformAdmin: boolean;
  disabled: boolean;
}

const personColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  names: users.names,
  language: users.language,
  platformAdmin: users.platformAdmin,
  disabled: users.disabled,
};

const toPerson = (r: {
  id: string;
  email: string;
  displayName: string;
  names: PersonNames;
  language: string;
  platformAdmin: boolean;
  disabled: boolean;
}): PersonRow => ({
  id: r.id,
  email: r.email,
  displayName: r.displayName,
  name: personNameText(r.names, r.displayName),
  language: r.language,
  platformAdmin: r.platformAdmin,
  disabled: r.disabled,
});

/** `%`, `_` and `\` taken literally in a LIKE pattern. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** People matching `q` (part of the name or address, any case) whom `visibility` shows. */
export async function searchPeople(
  db: Db,
  query: { q?: string; limit: number; offset: number },
  visibility: PeopleVisibility,
): Promise<{ items: PersonRow[]; total: number }> {
  const q = query.q?.trim().toLowerCase() ?? '';
  const pattern = `%${likeEscape(q)}%`;
  const where = and(
    visibleCondition(visibility),
    q === ''
      ? undefined
      : or(
          sql`lower(${users.email}) LIKE ${pattern}`,
          sql`lower(${users.displayName}) LIKE ${pattern}`,
          sql`lower(${users.names}::text) LIKE ${pattern}`,
        ),
  );
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(where);
  const rows = await db
    .select(personColumns)
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.email))
    .limit(query.limit)
    .offset(query.offset);
  return { items: rows.map(toPerson), total: Number(count?.n ?? 0) };
}

/** One person, when `visibility` shows them. */
export async function visiblePerson(
  db: Db,
  id: string,
  visibility: PeopleVisibility,
): Promise<PersonRow | null> {
  const [row] = await db
    .select(personColumns)
    .from(users)
    .where(and(eq(users.id, id), visibleCondition(visibility)));
  return row ? toPerson(row) : null;
}

export interface RoleRow extends ScopeRef {
  id: string;
  role: string;
}

export const rolesOf = (db: Db, userId: string): Promise<RoleRow[]> =>
  db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      scopeType: roleAssignments.scopeType,
      scopeId: roleAssignments.scopeId,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.role), asc(roleAssignments.scopeId));

/** The name of each scope (`type:id` → name); a student's own scope is named after them. */
export async function scopeNames(
  db: Db,
  scopes: readonly ScopeRef[],
): Promise<Map<string, LocalizedText>> {
  const ids = (type: string) => scopes.filter((s) => s.scopeType === type).map((s) => s.scopeId);
  const [inst, cons, prog, call] = await Promise.all([
    institutionNames(db, ids('institution')),
    consortiumNames(db, [...ids('consortium'), ...ids('association')]),
    programNames(db, ids('program')),
    callTitles(db, ids('call')),
  ]);
  const selfIds = ids('self').filter((id) => id !== 'self');
  const people = new Map<string, LocalizedText>();
  if (selfIds.length > 0) {
    const rows = await db
      .select({ id: users.id, displayName: users.displayName, names: users.names })
      .from(users)
      .where(
        sql`${users.id}::text IN (${sql.join(
          selfIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      );
    for (const r of rows) people.set(r.id, personNameText(r.names, r.displayName));
  }
  const out = new Map<string, LocalizedText>();
  for (const s of scopes) {
    const name =
      s.scopeType === 'institution'
        ? inst.get(s.scopeId)
        : s.scopeType === 'consortium' || s.scopeType === 'association'
          ? cons.get(s.scopeId)
          : s.scopeType === 'program'
            ? prog.get(s.scopeId)
            : s.scopeType === 'call'
              ? call.get(s.scopeId)
              : people.get(s.scopeId);
    if (name) out.set(scopeKey(s), name);
  }
  return out;
}

export const scopeNameKey = scopeKey;

/** The program of each call (for the grant rule: a funder officer appoints reviewers of its calls). */
export async function callPrograms(
  db: Db,
  callIds: readonly string[],
): Promise<Record<string, string | null>> {
  const unique = [...new Set(callIds)];
  if (unique.length === 0) return {};
  const rows = await db
    .select({ id: calls.id, programId: calls.programId })
    .from(calls)
    .where(inList(calls.id, unique));
  return Object.fromEntries(rows.map((r) => [r.id, r.programId]));
}

/** The calls under these programs (what a funder officer's people pages reach). */
export async function callsOfPrograms(db: Db, programIds: readonly string[]): Promise<string[]> {
  if (programIds.length === 0) return [];
  const rows = await db
    .select({ id: calls.id })
    .from(calls)
    .where(inList(calls.programId, [...new Set(programIds)]));
  return rows.map((r) => r.id);
}

/** The account of an address (any case), if there is one. */
export async function userByEmail(db: Db, email: string) {
  const [row] = await db
    .select({ id: users.id, disabled: users.disabled })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`);
  return row ?? null;
}

/** Every scope a role may be held in, for an administrator's invite form: id, kind and name. */
export async function allScopes(db: Db): Promise<(ScopeRef & { name: LocalizedText })[]> {
  const [inst, cons, progs, callRows] = await Promise.all([
    db
      .select({ id: institutions.id, name: institutions.name, names: institutions.names })
      .from(institutions)
      .where(eq(institutions.invented, false)),
    db
      .select({
        id: consortia.id,
        name: consortia.name,
        names: consortia.names,
        kind: consortia.kind,
      })
      .from(consortia),
    db.select({ id: programs.id, name: programs.name, names: programs.names }).from(programs),
    db.select({ id: calls.id, title: calls.title }).from(calls),
  ]);
  return [
    ...inst.map((r) => ({
      scopeType: 'institution',
      scopeId: r.id,
      name: orgName(r.name, r.names),
    })),
    ...cons.map((r) => ({
      scopeType: r.kind === 'association' ? 'association' : 'consortium',
      scopeId: r.id,
      name: orgName(r.name, r.names),
    })),
    ...progs.map((r) => ({ scopeType: 'program', scopeId: r.id, name: orgName(r.name, r.names) })),
    ...callRows.map((r) => ({ scopeType: 'call', scopeId: r.id, name: r.title })),
  ];
}

// ---------------------------------------------------------------------------------------------
// Writes: roles held and accounts ended

export type RoleAssignmentRow = typeof roleAssignments.$inferSelect;

/** The role `assignmentId` when `userId` holds it. */
export async function heldRole(
  db: Db,
  userId: string,
  assignmentId: string,
): Promise<RoleAssignmentRow | null> {
  const [row] = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)));
  return row ?? null;
}

/** Does `userId` hold `role` in the scope `scopeId`? */
export async function holdsRoleIn(
  db: Db,
  userId: string,
  role: string,
  scopeId: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.role, role),
        eq(roleAssignments.scopeId, scopeId),
      ),
    );
  return row !== undefined;
}

/** Gives `userId` a role; null when they hold it already. */
export async function insertRoleAssignment(
  db: Db,
  userId: string,
  grant: ScopeRef & { role: string },
): Promise<{ id: string } | null> {
  const [row] = await db
    .insert(roleAssignments)
    .values({ userId, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId })
    .onConflictDoNothing()
    .returning({ id: roleAssignments.id });
  return row ?? null;
}

export async function deleteRoleAssignment(db: Db, assignmentId: string): Promise<void> {
  await db.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId));
}

/** Locks an account for a change of its state; null when there is none. */
export async function lockAccountState(
  db: Db,
  userId: string,
): Promise<{ disabled: boolean } | null> {
  const [row] = await db
    .select({ disabled: users.disabled })
    .from(users)
    .where(eq(users.id, userId))
    .for('update');
  return row ?? null;
}

export async function setAccountDisabledFlag(
  db: Db,
  userId: string,
  disabled: boolean,
): Promise<void> {
  await db.update(users).set({ disabled }).where(eq(users.id, userId));
}

/** Deletes every session of an account (it is signed out at once); returns how many there were. */
export async function endSessionsOf(db: Db, userId: string): Promise<number> {
  const ended = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return ended.length;
}

/** The address of an account, if there is one. */
export async function emailOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  return row?.email ?? null;
}

/** Creates an account; returns its id. */
export async function insertAccount(
  db: Db,
  values: {
    email: string;
    displayName: string;
    language: string;
    passwordHash: string;
    createdAt: Date;
  },
): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  return row!.id;
}
