/**
 * What the EWP exchange reads and writes: agreements, mobilities, learning agreements and
 * transcripts with the institutions they name and the EWP data kept beside them; partners'
 * documents being imported.
 */
import { and, eq } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreementSignatures,
  agreementVersions,
  agreements,
  ewpDetails,
  ewpImports,
  institutions,
  learningAgreements,
  mobilities,
  orgUnits,
  transcripts,
  users,
} from '../schema.ts';
import type { AgreementContent } from '../../domain/agreement/agreement.ts';
import type { LearningAgreement } from '../../domain/recognition/learning-agreement.ts';
import type { TranscriptEntry } from '../../domain/recognition/recognition.ts';
import type { PersonNames } from '../../domain/shared/names.ts';
import type { EwpDetailsKind } from '../../domain/ewp/details.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** EWP ids are free text: only those of the form of our ids can name a record. */
const ours = (ids: readonly string[]) => [...new Set(ids.filter((i) => UUID.test(i)))];

export type InstitutionRecord = typeof institutions.$inferSelect;

export async function institutionsByIds(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, InstitutionRecord>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db.select().from(institutions).where(inList(institutions.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function detailsOf(
  db: Db,
  kind: EwpDetailsKind,
  ids: readonly string[],
): Promise<Map<string, { details: Record<string, unknown>; partnerCopy: unknown }>> {
  const valid = ours(ids);
  if (!valid.length) return new Map();
  const rows = await db
    .select()
    .from(ewpDetails)
    .where(and(eq(ewpDetails.kind, kind), inList(ewpDetails.recordId, valid)));
  return new Map(rows.map((r) => [r.recordId, { details: r.details, partnerCopy: r.partnerCopy }]));
}

export async function upsertDetails(
  db: Db,
  kind: EwpDetailsKind,
  recordId: string,
  details: Record<string, unknown>,
  partnerCopy: unknown,
): Promise<void> {
  await db
    .insert(ewpDetails)
    .values({ kind, recordId, details, partnerCopy, updatedAt: new Date() })
    .onConflictDoUpdate({
      target: [ewpDetails.kind, ewpDetails.recordId],
      set: { details, partnerCopy, updatedAt: new Date() },
    });
}

export type AgreementForEwp = {
  id: string;
  partyAType: string;
  partyAId: string;
  partyBType: string;
  partyBId: string;
  status: string;
  /** The version in force, else the latest. */
  content: AgreementContent;
  version: number;
  signatures: { party: string; signatory: string; signedOn: string }[];
};

/** Agreements by id (unknown ids dropped), each with the version in force or else the latest. */
export async function agreementsForEwp(db: Db, ids: readonly string[]): Promise<AgreementForEwp[]> {
  const valid = ours(ids);
  if (!valid.length) return [];
  const rows = await db.select().from(agreements).where(inList(agreements.id, valid));
  if (!rows.length) return [];
  const found = rows.map((r) => r.id);
  const versions = await db
    .select()
    .from(agreementVersions)
    .where(inList(agreementVersions.agreementId, found));
  const sigs = await db
    .select()
    .from(agreementSignatures)
    .where(inList(agreementSignatures.agreementId, found));
  const out: AgreementForEwp[] = [];
  for (const id of valid) {
    const a = rows.find((r) => r.id === id);
    if (!a) continue;
    const vs = versions.filter((v) => v.agreementId === id).sort((x, y) => x.version - y.version);
    const signedBoth = (n: number) =>
      new Set(sigs.filter((s) => s.agreementId === id && s.version === n).map((s) => s.party))
        .size >= 2;
    const chosen = [...vs].reverse().find((v) => signedBoth(v.version)) ?? vs[vs.length - 1];
    if (!chosen) continue;
    out.push({
      id,
      partyAType: a.partyAType,
      partyAId: a.partyAId,
      partyBType: a.partyBType,
      partyBId: a.partyBId,
      status: a.status,
      content: chosen.content,
      version: chosen.version,
      signatures: sigs
        .filter((s) => s.agreementId === id && s.version === chosen.version)
        .map((s) => ({ party: s.party, signatory: s.signatory, signedOn: s.signedOn })),
    });
  }
  return out;
}

export type MobilityForEwp = typeof mobilities.$inferSelect & {
  studentNames: PersonNames | null;
  studentEmail: string | null;
  learningAgreement: LearningAgreement | null;
  transcript: { entries: TranscriptEntry[]; issuedOn: string } | null;
};

/** Mobilities by id (unknown ids dropped), with the student's names, LA and transcript. */
export async function mobilitiesForEwp(db: Db, ids: readonly string[]): Promise<MobilityForEwp[]> {
  const valid = ours(ids);
  if (!valid.length) return [];
  const rows = await db.select().from(mobilities).where(inList(mobilities.id, valid));
  if (!rows.length) return [];
  const found = rows.map((r) => r.id);
  const userIds = rows.flatMap((r) => (r.studentUserId ? [r.studentUserId] : []));
  const people = userIds.length
    ? await db
        .select({ id: users.id, names: users.names, email: users.email })
        .from(users)
        .where(inList(users.id, userIds))
    : [];
  const las = await db
    .select()
    .from(learningAgreements)
    .where(inList(learningAgreements.mobilityId, found));
  const tors = await db.select().from(transcripts).where(inList(transcripts.mobilityId, found));
  return valid.flatMap((id) => {
    const r = rows.find((x) => x.id === id);
    if (!r) return [];
    const person = people.find((p) => p.id === r.studentUserId);
    const tor = tors.find((t) => t.mobilityId === id);
    return [
      {
        ...r,
        studentNames: person?.names ?? null,
        studentEmail: person?.email ?? null,
        learningAgreement: las.find((l) => l.mobilityId === id)?.document ?? null,
        transcript: tor ? { entries: tor.entries, issuedOn: tor.issuedOn } : null,
      },
    ];
  });
}

/** The organisational units of an institution (to match a partner's `ounit-id`). */
export async function orgUnitIdsOf(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(eq(orgUnits.institutionId, institutionId));
  return rows.map((r) => r.id);
}

export type EwpImportRow = typeof ewpImports.$inferSelect;

export async function insertEwpImport(
  db: Db,
  row: typeof ewpImports.$inferInsert,
): Promise<EwpImportRow> {
  const [r] = await db.insert(ewpImports).values(row).returning();
  return r!;
}

export async function findEwpImport(db: Db, id: string): Promise<EwpImportRow | undefined> {
  if (!UUID.test(id)) return undefined;
  const [r] = await db.select().from(ewpImports).where(eq(ewpImports.id, id));
  return r;
}

export async function closeEwpImport(
  db: Db,
  id: string,
  status: 'applied' | 'discarded',
  by: string | null,
  at: Date,
): Promise<void> {
  await db
    .update(ewpImports)
    .set({ status, decidedBy: by, decidedAt: at })
    .where(eq(ewpImports.id, id));
}

/** Whether a mobility id is taken. */
export async function mobilityExists(db: Db, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const [r] = await db.select({ id: mobilities.id }).from(mobilities).where(eq(mobilities.id, id));
  return !!r;
}

export async function insertMobilityRecord(
  db: Db,
  row: typeof mobilities.$inferInsert,
): Promise<string> {
  const [r] = await db.insert(mobilities).values(row).returning({ id: mobilities.id });
  return r!.id;
}

export async function insertTranscriptRecord(
  db: Db,
  row: typeof transcripts.$inferInsert,
): Promise<void> {
  await db.insert(transcripts).values(row);
}

/** Our agreements among these ids (EWP ids that are ours). */
export async function existingAgreementIds(db: Db, ids: readonly string[]): Promise<string[]> {
  const valid = ours(ids);
  if (!valid.length) return [];
  const rows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(inList(agreements.id, valid));
  return rows.map((r) => r.id);
}
