/**
 * Calls for applications and what they reference (R18, 003 §8–9): the call rows with their hosts,
 * documents and rubric parsed on read (rows written under an older shape fail where they are
 * read, naming the field), the sending consortia's members over time, and the institutions and
 * consortia a call names.
 */
import { asc, eq } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import { z } from 'zod';
import type { Db } from '../../client.ts';
import { calls, consortia, consortiumMembers, institutions, programs } from '../../schema.ts';
import {
  callDocumentSchema,
  storedRubricSchema,
  type CallDocument,
  type StoredRubric,
} from '#src/domain/calls/call-content.ts';
import {
  callHostSchema,
  type CallHost,
  type SendingConsortium,
} from '#src/domain/eligibility/index.ts';

export type CallRow = typeof calls.$inferSelect;
export type CallValues = Omit<typeof calls.$inferInsert, 'id' | 'createdBy' | 'createdAt'>;
export type InstitutionRow = typeof institutions.$inferSelect;

export const hostsOf = (row: Pick<CallRow, 'hosts'>): CallHost[] =>
  z.array(callHostSchema).parse(row.hosts);
export const documentsOf = (row: Pick<CallRow, 'documents'>): CallDocument[] =>
  z.array(callDocumentSchema).parse(row.documents);
export function rubricOf(row: Pick<CallRow, 'rubric'>): StoredRubric | null {
  return row.rubric ? storedRubricSchema.parse(row.rubric) : null;
}

export async function findCall(db: Db, id: string): Promise<CallRow | undefined> {
  const [row] = await db.select().from(calls).where(eq(calls.id, id));
  return row;
}

/** Every call, soonest deadline first (the catalogue). */
export const callsByDeadline = (db: Db): Promise<CallRow[]> =>
  db.select().from(calls).orderBy(asc(calls.closes), asc(calls.id));

/** Every call, by opening date (the calendar feed). */
export const callsByOpening = (db: Db): Promise<CallRow[]> =>
  db.select().from(calls).orderBy(asc(calls.opens));

export async function callExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: calls.id }).from(calls).where(eq(calls.id, id));
  return row !== undefined;
}

export async function insertCall(
  db: Db,
  id: string,
  values: CallValues,
  createdBy: string | null,
): Promise<void> {
  await db.insert(calls).values({ id, ...values, createdBy });
}

export async function updateCallRow(db: Db, id: string, values: CallValues): Promise<void> {
  await db.update(calls).set(values).where(eq(calls.id, id));
}

export async function programExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, id));
  return row !== undefined;
}

/** Members over time of the sending consortia. */
export async function loadSendingConsortia(
  db: Db,
  ids: readonly string[],
): Promise<SendingConsortium[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(consortiumMembers)
    .where(inList(consortiumMembers.consortiumId, [...ids]))
    .orderBy(asc(consortiumMembers.institutionId));
  return ids.map((id) => ({
    id,
    members: rows
      .filter((r) => r.consortiumId === id)
      .map((r) => ({ institutionId: r.institutionId, joinedOn: r.joinedOn, leftOn: r.leftOn })),
  }));
}

/** Institution ids of every membership, past or present, of these consortia. */
export async function memberIdsEver(db: Db, consortiumIds: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: consortiumMembers.institutionId })
    .from(consortiumMembers)
    .where(inList(consortiumMembers.consortiumId, [...consortiumIds]));
  return rows.map((r) => r.id);
}

/** Countries and consortia of the call's institutions, for names and sides. */
export async function institutionInfo(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InstitutionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(institutions)
    .where(inList(institutions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The side (country) of each consortium. */
export async function consortiumSides(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: consortia.id, side: consortia.side })
    .from(consortia)
    .where(inList(consortia.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.side]));
}
