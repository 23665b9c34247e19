/**
 * What this deployment serves as an Erasmus Without Paper host: which agreements, mobilities and
 * learning agreements a calling partner may list and read. The rules are the EWP ones: an
 * agreement is readable by its partners; a mobility and its learning agreement by the receiving
 * institution (and the sending one, which is ours).
 */
import { and, eq, gte, or, sql, type SQL } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  agreementSignatures,
  agreementVersions,
  agreements,
  institutions,
  learningAgreements,
  mobilities,
  mobilityEvents,
} from '../schema.ts';

/** A span of days, both ends included (an academic year as the index filters read it). */
export interface DaySpan {
  from: string;
  to: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids a partner sends that cannot be ours (not UUIDs) are simply unknown. */
const ownIds = (ids: string[]) => [...new Set(ids.filter((id) => UUID.test(id)))];

/** The own institution as the manifest names it, or null when it is not in the registry. */
export async function hostInstitution(db: Db, heiId: string) {
  const [row] = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      names: institutions.names,
      erasmusCode: institutions.erasmusCode,
      pic: institutions.pic,
    })
    .from(institutions)
    .where(eq(institutions.id, heiId));
  return row ?? null;
}

/** Agreements between two institutions, one ours and the other among the partners. */
function iiaPartners(ownHei: string, partners: string[]): SQL {
  return or(
    and(
      eq(agreements.partyAType, 'institution'),
      eq(agreements.partyAId, ownHei),
      eq(agreements.partyBType, 'institution'),
      inList(agreements.partyBId, partners),
    ),
    and(
      eq(agreements.partyBType, 'institution'),
      eq(agreements.partyBId, ownHei),
      eq(agreements.partyAType, 'institution'),
      inList(agreements.partyAId, partners),
    ),
  )!;
}

/**
 * The agreements a partner may read (IIAs index): those between our institution and one the
 * caller covers; changed since an instant (created, a new version, or signed on or after its
 * day); valid in at least one of the academic years.
 */
export async function iiaIndex(
  db: Db,
  q: { ownHei: string; callerHeis: string[]; modifiedSince?: Date; years?: DaySpan[] },
): Promise<string[]> {
  if (q.callerHeis.length === 0) return [];
  const conditions: SQL[] = [iiaPartners(q.ownHei, q.callerHeis)];
  if (q.modifiedSince) {
    const since = q.modifiedSince.toISOString();
    conditions.push(
      or(
        gte(agreements.createdAt, q.modifiedSince),
        sql`exists (select 1 from ${agreementVersions} v where v.agreement_id = ${agreements.id} and v.created_at >= ${since})`,
        sql`exists (select 1 from ${agreementSignatures} s where s.agreement_id = ${agreements.id} and s.signed_on >= ${since.slice(0, 10)}::date)`,
      )!,
    );
  }
  if (q.years && q.years.length > 0) {
    // The version the partners see last: its validity overlaps one of the years.
    conditions.push(
      or(
        ...q.years.map(
          (y) =>
            sql`exists (select 1 from ${agreementVersions} v where v.agreement_id = ${agreements.id} and v.version = ${agreements.currentVersion} and (v.content->>'validFrom') <= ${y.to} and (v.content->>'validTo') >= ${y.from})`,
        ),
      )!,
    );
  }
  const rows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(...conditions))
    .orderBy(agreements.createdAt, agreements.id);
  return rows.map((r) => r.id);
}

/** Of the asked ids, the agreements the partner may read (IIAs get), in the asked order. */
export async function readableIias(
  db: Db,
  q: { ownHei: string; callerHeis: string[]; ids: string[] },
): Promise<string[]> {
  const ids = ownIds(q.ids);
  if (ids.length === 0 || q.callerHeis.length === 0) return [];
  const rows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(inList(agreements.id, ids), iiaPartners(q.ownHei, q.callerHeis)));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => found.has(id));
}

export interface MobilityFilter {
  ownHei: string;
  callerHeis: string[];
  /** `receiving_hei_id`: when given, only mobilities to one of these. */
  receivingHeis?: string[];
  modifiedSince?: Date;
  year?: DaySpan;
  /** Only mobilities with a learning agreement (the LAs API). */
  withLearningAgreement?: boolean;
}

/** Mobilities we send whose receiving (or sending) institution the caller covers. */
function visibleMobilities(f: MobilityFilter): SQL {
  const conditions: SQL[] = [
    eq(mobilities.homeId, f.ownHei),
    or(inList(mobilities.hostId, f.callerHeis), inList(mobilities.homeId, f.callerHeis))!,
  ];
  if (f.receivingHeis) conditions.push(inList(mobilities.hostId, f.receivingHeis));
  if (f.year) {
    conditions.push(
      sql`${mobilities.startDate} <= ${f.year.to}::date and ${mobilities.startDate} + make_interval(days => ceil(${mobilities.months} * 30.44)::int) >= ${f.year.from}::date`,
    );
  }
  if (f.withLearningAgreement) {
    conditions.push(
      sql`exists (select 1 from ${learningAgreements} la where la.mobility_id = ${mobilities.id})`,
    );
  }
  if (f.modifiedSince) {
    const since = f.modifiedSince.toISOString();
    conditions.push(
      f.withLearningAgreement
        ? sql`exists (select 1 from ${learningAgreements} la where la.mobility_id = ${mobilities.id} and la.updated_at >= ${since})`
        : or(
            gte(mobilities.createdAt, f.modifiedSince),
            sql`exists (select 1 from ${mobilityEvents} e where e.mobility_id = ${mobilities.id} and e.at >= ${since})`,
          )!,
    );
  }
  return and(...conditions)!;
}

/** The mobilities (or learning agreements) a partner may list (OMobilities / LAs index). */
export async function mobilityIndex(db: Db, f: MobilityFilter): Promise<string[]> {
  if (f.callerHeis.length === 0 || f.receivingHeis?.length === 0) return [];
  const rows = await db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(visibleMobilities(f))
    .orderBy(mobilities.startDate, mobilities.id);
  return rows.map((r) => r.id);
}

/** Of the asked ids, the mobilities (or learning agreements) the partner may read, in order. */
export async function readableMobilities(
  db: Db,
  f: MobilityFilter & { ids: string[] },
): Promise<string[]> {
  const ids = ownIds(f.ids);
  if (ids.length === 0 || f.callerHeis.length === 0) return [];
  const rows = await db
    .select({ id: mobilities.id })
    .from(mobilities)
    .where(and(inList(mobilities.id, ids), visibleMobilities(f)));
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => found.has(id));
}
