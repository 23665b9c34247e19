/**
 * Display names of the records other records reference, in every language the record has: what a
 * response or a notification carries next to an id, so that people read names, never ids.
 */
import { inList } from './in-list.ts';
import type { LocalizedText } from '../../domain/shared/refusal.ts';
import { personNameText, type PersonNames } from '../../domain/shared/names.ts';
import type { Db } from '../client.ts';
import { calls, consortia, institutions, programs, users } from '../schema.ts';

/** An organisation's name: its official name, overridden per language by its own names. */
export const orgName = (name: string, names: LocalizedText): LocalizedText => ({
  en: name,
  ...names,
});

async function byId<T>(
  ids: readonly string[],
  load: (unique: string[]) => Promise<{ id: string; value: T }[]>,
): Promise<Map<string, T>> {
  const unique = [...new Set(ids)].filter(Boolean);
  if (unique.length === 0) return new Map();
  return new Map((await load(unique)).map((r) => [r.id, r.value]));
}

export function institutionNames(db: Db, ids: readonly string[]) {
  return byId<LocalizedText>(ids, async (unique) =>
    (
      await db
        .select({ id: institutions.id, name: institutions.name, names: institutions.names })
        .from(institutions)
        .where(inList(institutions.id, unique))
    ).map((r) => ({ id: r.id, value: orgName(r.name, r.names) })),
  );
}

export function consortiumNames(db: Db, ids: readonly string[]) {
  return byId<LocalizedText>(ids, async (unique) =>
    (
      await db
        .select({ id: consortia.id, name: consortia.name, names: consortia.names })
        .from(consortia)
        .where(inList(consortia.id, unique))
    ).map((r) => ({ id: r.id, value: orgName(r.name, r.names) })),
  );
}

export function programNames(db: Db, ids: readonly string[]) {
  return byId<LocalizedText>(ids, async (unique) =>
    (
      await db
        .select({ id: programs.id, name: programs.name, names: programs.names })
        .from(programs)
        .where(inList(programs.id, unique))
    ).map((r) => ({ id: r.id, value: orgName(r.name, r.names) })),
  );
}

export function callTitles(db: Db, ids: readonly string[]) {
  return byId<LocalizedText>(ids, async (unique) =>
    (
      await db
        .select({ id: calls.id, title: calls.title })
        .from(calls)
        .where(inList(calls.id, unique))
    ).map((r) => ({ id: r.id, value: r.title })),
  );
}

/** People by id: their name in each reader's script (the display name where none is recorded). */
export function personNames(db: Db, ids: readonly string[]) {
  return byId<LocalizedText>(ids, async (unique) =>
    (
      await db
        .select({ id: users.id, displayName: users.displayName, names: users.names })
        .from(users)
        .where(inList(users.id, unique))
    ).map((r) => ({ id: r.id, value: personNameText(r.names as PersonNames, r.displayName) })),
  );
}

/** One institution's name, or its id when the registry does not know it. */
export async function institutionName(db: Db, id: string): Promise<LocalizedText> {
  return (await institutionNames(db, [id])).get(id) ?? { en: id };
}

/** One person's name, or an empty name when the account does not exist. */
export async function personName(db: Db, id: string): Promise<LocalizedText> {
  return (await personNames(db, [id])).get(id) ?? {};
}

/** The names a mobility's notifications and views carry: the student, home and host. */
export async function mobilityNames(
  db: Db,
  row: { studentUserId: string | null; studentName: string; homeId: string; hostId: string },
): Promise<{ student: LocalizedText; home: LocalizedText; host: LocalizedText }> {
  const inst = await institutionNames(db, [row.homeId, row.hostId]);
  const person = row.studentUserId ? await personName(db, row.studentUserId) : {};
  return {
    student: Object.keys(person).length > 0 ? person : { en: row.studentName },
    home: inst.get(row.homeId) ?? { en: row.homeId },
    host: inst.get(row.hostId) ?? { en: row.hostId },
  };
}
