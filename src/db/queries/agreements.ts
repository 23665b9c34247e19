/**
 * Agreements: their rows, versions and signatures, and what the balance between two parties
 * reads (the consortia's memberships over time, the mobilities between their members).
 */
import { and, asc, desc, eq, or, sql, type SQL } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type {
  AgreementContent,
  AgreementState,
  AgreementStatus,
  PartyKey,
} from '../../domain/agreement/agreement.ts';
import type { DatedMembership, DispatchCandidate } from '../../domain/agreement/dispatch.ts';
import type { Db } from '../client.ts';
import {
  agreements,
  agreementSignatures,
  agreementVersions,
  consortiumMembers,
  mobilities,
  programs,
} from '../schema.ts';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementVersionRow = typeof agreementVersions.$inferSelect;
export type AgreementSignatureRow = typeof agreementSignatures.$inferSelect;

/** An agreement's row, its versions (oldest first) and signatures, and the domain's state of it. */
export async function loadAgreement(db: Db, id: string) {
  const [row] = await db.select().from(agreements).where(eq(agreements.id, id));
  if (!row) return null;
  const versions = await db
    .select()
    .from(agreementVersions)
    .where(eq(agreementVersions.agreementId, id))
    .orderBy(asc(agreementVersions.version));
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(eq(agreementSignatures.agreementId, id));
  return { row, versions, signatures, state: agreementState(row, versions, signatures) };
}

/**
 * What `loadAgreement` gives, for many agreements at once (three queries whatever their number):
 * by id, the ids that are no agreement left out.
 */
export async function loadAgreements(db: Db, ids: readonly string[]) {
  const out = new Map<string, NonNullable<Awaited<ReturnType<typeof loadAgreement>>>>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  const rows = await db.select().from(agreements).where(inList(agreements.id, unique));
  if (rows.length === 0) return out;
  const found = rows.map((r) => r.id);
  const versions = await db
    .select()
    .from(agreementVersions)
    .where(inList(agreementVersions.agreementId, found))
    .orderBy(asc(agreementVersions.agreementId), asc(agreementVersions.version));
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(inList(agreementSignatures.agreementId, found));
  for (const row of rows) {
    const v = versions.filter((x) => x.agreementId === row.id);
    const s = signatures.filter((x) => x.agreementId === row.id);
    out.set(row.id, { row, versions: v, signatures: s, state: agreementState(row, v, s) });
  }
  return out;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An agreement by an id that may come from a form (a project application's item 7): null when
 * it names none, including when it is not an agreement id at all.
 */
export async function findAgreementById(db: Db, id: string) {
  return UUID.test(id) ? loadAgreement(db, id) : null;
}

/** The domain's view of an agreement: its versions, each with its signatures. */
function agreementState(
  row: AgreementRow,
  versions: AgreementVersionRow[],
  signatures: AgreementSignatureRow[],
): AgreementState {
  return {
    status: row.status as AgreementStatus,
    versions: versions.map((v) => ({
      version: v.version,
      kind: v.kind as 'draft' | 'amendment',
      content: v.content,
      signatures: signatures
        .filter((s) => s.version === v.version)
        .map((s) => ({ party: s.party as PartyKey, signedOn: s.signedOn, signatory: s.signatory })),
    })),
  };
}

/**
 * The ids of the agreements a party is a side of (all of them without a party), newest first;
 * with `other`, only those whose other side is `other`.
 */
export async function agreementIds(db: Db, party?: string, other?: string): Promise<string[]> {
  const between = (one: string, two: string) =>
    or(
      and(eq(agreements.partyAId, one), eq(agreements.partyBId, two)),
      and(eq(agreements.partyAId, two), eq(agreements.partyBId, one)),
    );
  const rows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      party && other
        ? between(party, other)
        : party
          ? or(eq(agreements.partyAId, party), eq(agreements.partyBId, party))
          : undefined,
    )
    .orderBy(desc(agreements.createdAt));
  return rows.map((r) => r.id);
}

/** Creates an agreement with its first version; its id. */
export async function insertAgreement(
  db: Db,
  agreement: Omit<typeof agreements.$inferInsert, 'id'>,
  first: { content: AgreementContent; createdBy: string | null; changeNote: string },
): Promise<string | null> {
  const [row] = await db.insert(agreements).values(agreement).returning({ id: agreements.id });
  if (!row) return null;
  await db
    .insert(agreementVersions)
    .values({ agreementId: row.id, version: 1, kind: 'draft', ...first });
  return row.id;
}

/** Adds a version and makes it the agreement's current one. */
export async function insertAgreementVersion(
  db: Db,
  version: typeof agreementVersions.$inferInsert,
): Promise<void> {
  await db.insert(agreementVersions).values(version);
  await db
    .update(agreements)
    .set({ currentVersion: version.version })
    .where(eq(agreements.id, version.agreementId));
}

export async function insertSignature(
  db: Db,
  signature: typeof agreementSignatures.$inferInsert,
): Promise<void> {
  await db.insert(agreementSignatures).values(signature);
}

export async function setAgreementStatus(db: Db, id: string, status: AgreementStatus) {
  await db.update(agreements).set({ status }).where(eq(agreements.id, id));
}

/** The first agreement between two parties, either way round. */
export async function agreementBetween(db: Db, one: string, other: string) {
  const [row] = await db
    .select()
    .from(agreements)
    .where(
      or(
        and(eq(agreements.partyAId, one), eq(agreements.partyBId, other)),
        and(eq(agreements.partyAId, other), eq(agreements.partyBId, one)),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Every agreement whose one side is among `a` and the other among `b`, with its state (versions
 * and signatures), as the dispatch check (R2) weighs them.
 */
export async function agreementStatesBetweenAny(
  db: Db,
  a: readonly string[],
  b: readonly string[],
): Promise<DispatchCandidate[]> {
  if (a.length === 0 || b.length === 0) return [];
  const rows = await db
    .select()
    .from(agreements)
    .where(
      or(
        and(inList(agreements.partyAId, [...a]), inList(agreements.partyBId, [...b])),
        and(inList(agreements.partyAId, [...b]), inList(agreements.partyBId, [...a])),
      ),
    )
    .orderBy(asc(agreements.createdAt), asc(agreements.id));
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const versions = await db
    .select()
    .from(agreementVersions)
    .where(inList(agreementVersions.agreementId, ids))
    .orderBy(asc(agreementVersions.version));
  const signatures = await db
    .select()
    .from(agreementSignatures)
    .where(inList(agreementSignatures.agreementId, ids));
  return rows.map((row) => ({
    id: row.id,
    partyA: row.partyAId,
    partyB: row.partyBId,
    state: agreementState(
      row,
      versions.filter((v) => v.agreementId === row.id),
      signatures.filter((x) => x.agreementId === row.id),
    ),
  }));
}

/** Every membership of these institutions, in any consortium, over time. */
export async function datedMembershipsOf(
  db: Db,
  institutionIds: readonly string[],
): Promise<DatedMembership[]> {
  if (institutionIds.length === 0) return [];
  return db
    .select({
      consortiumId: consortiumMembers.consortiumId,
      institutionId: consortiumMembers.institutionId,
      joinedOn: consortiumMembers.joinedOn,
      leftOn: consortiumMembers.leftOn,
    })
    .from(consortiumMembers)
    .where(inList(consortiumMembers.institutionId, [...new Set(institutionIds)]));
}

/** The stays of these mobilities (home, host, level, start, months), by id. */
export async function mobilityStays(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mobilities.id,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      level: mobilities.level,
      startDate: mobilities.startDate,
      months: mobilities.months,
    })
    .from(mobilities)
    .where(inList(mobilities.id, [...new Set(ids)]));
}

/** Every membership of a consortium over time. */
export async function membershipsOverTime(db: Db, consortiumId: string) {
  const rows = await db
    .select()
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId));
  return rows.map((r) => ({ id: r.institutionId, joinedOn: r.joinedOn, leftOn: r.leftOn }));
}

/** A member of one side of a ledger, over time (an institution alone: both dates null). */
export interface DatedMember {
  id: string;
  joinedOn: string | null;
  leftOn: string | null;
}

/** Stays between two sides with the same direction, start month, length and state. */
export interface LedgerStayGroup {
  /** From our side to theirs (else from theirs to ours). */
  outgoing: boolean;
  /** The first day (YYYY-MM-01) of the month the stays start in. */
  startMonth: string;
  months: number;
  status: string;
  students: number;
}

/** The members of one side as rows of a VALUES list (`id`, `joined_on`, `left_on`). */
const memberValues = (members: readonly DatedMember[]) =>
  sql.join(
    members.map((m) => sql`(${m.id}::text, ${m.joinedOn}::date, ${m.leftOn}::date)`),
    sql`, `,
  );

/**
 * The stays between our side and theirs, counted per direction, start month, length and state
 * (the balance ledger's facts): a stay goes from us to them when, on the day it starts, its home
 * is one of our members and its host one of theirs; from them to us the other way round; when
 * both hold (the sides share a member), it goes from us. Refused or withdrawn nominations are
 * left out; with `agreementId`, so are the stays recorded under another agreement. Only the
 * groups leave the database.
 */
export async function ledgerStayGroups(
  db: Db,
  ours: readonly DatedMember[],
  theirs: readonly DatedMember[],
  options: { agreementId?: string; excluded: readonly string[] },
): Promise<LedgerStayGroup[]> {
  if (ours.length === 0 || theirs.length === 0) return [];
  const ids = [...new Set([...ours, ...theirs].map((m) => m.id))];
  const member = (side: 'ours' | 'theirs', column: SQL) =>
    sql`exists (select 1 from ${sql.raw(side)} s where s.id = ${column} and (s.joined_on is null or s.joined_on <= m.start_date) and (s.left_on is null or s.left_on > m.start_date))`;
  const home = sql.raw('m.home_id');
  const host = sql.raw('m.host_id');
  const conditions: SQL[] = [
    sql`m.home_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    sql`m.host_id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  ];
  if (options.excluded.length) {
    conditions.push(
      sql`m.status not in (${sql.join(
        options.excluded.map((x) => sql`${x}`),
        sql`, `,
      )})`,
    );
  }
  if (options.agreementId) {
    conditions.push(sql`(m.agreement_id is null or m.agreement_id = ${options.agreementId})`);
  }
  const result = await db.execute(sql`
    with ours (id, joined_on, left_on) as (values ${memberValues(ours)}),
      theirs (id, joined_on, left_on) as (values ${memberValues(theirs)}),
      directed as (
        select m.start_date, m.months, m.status,
          (${member('ours', home)} and ${member('theirs', host)}) as outgoing,
          (${member('theirs', home)} and ${member('ours', host)}) as incoming
        from ${mobilities} m
        where ${sql.join(conditions, sql` and `)}
      )
    select outgoing, to_char(start_date, 'YYYY-MM-01') as start_month, months, status,
      count(*)::int as students
    from directed
    where outgoing or incoming
    group by outgoing, to_char(start_date, 'YYYY-MM-01'), months, status
    order by start_month, outgoing, status, months`);
  const rows = (
    result as unknown as {
      rows: {
        outgoing: boolean;
        start_month: string;
        months: number | string;
        status: string;
        students: number | string;
      }[];
    }
  ).rows;
  return rows.map((r) => ({
    outgoing: r.outgoing,
    startMonth: r.start_month,
    months: Number(r.months),
    status: r.status,
    students: Number(r.students),
  }));
}

/** Does the program exist? */
export async function programExists(db: Db, programId: string): Promise<boolean> {
  const [p] = await db.select({ id: programs.id }).from(programs).where(eq(programs.id, programId));
  return p !== undefined;
}

/** A program's stored rules (unparsed), or null when it has none or does not exist. */
export async function storedProgramRules(db: Db, programId: string): Promise<unknown> {
  const [p] = await db
    .select({ rules: programs.rules })
    .from(programs)
    .where(eq(programs.id, programId));
  return p?.rules ?? null;
}
