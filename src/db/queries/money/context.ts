/**
 * What the money of a mobility is computed from (R8 — 003 §5(8), §6(2), §7(1); R10 — 003 §3(1)):
 * the mobility, its home and host, its agreement, the consortia party to it with their
 * representative university and memberships, and the support state of their projects.
 */
import { and, eq, or } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { Db } from '../../client.ts';
import {
  agreements,
  consortia,
  consortiumMembers,
  institutions,
  mobilities,
  projectApplications,
} from '../../schema.ts';
import type { SupportState } from '#src/domain/program/checks.ts';

export type MobilityRow = typeof mobilities.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;
export type AgreementRow = typeof agreements.$inferSelect;
export type MembershipRow = typeof consortiumMembers.$inferSelect;

/** A selected project of a sending consortium in a program, with its support state (R10). */
export interface ProjectSupport {
  homeConsortiumId: string | null;
  programId: string;
  support: SupportState | null;
}

/** The rows the money context of some mobilities is assembled from. */
export interface MoneyContextRows {
  institutions: Map<string, InstitutionRow>;
  agreements: Map<string, AgreementRow>;
  /** Every accepted membership of the agreements' consortia, with its dates. */
  members: MembershipRow[];
  /** The representative university of each of those consortia. */
  representatives: Map<string, string | null>;
  projects: ProjectSupport[];
}

/** The consortia party to an agreement. */
export const consortiumPartiesOf = (a: AgreementRow): string[] => [
  ...(a.partyAType === 'consortium' ? [a.partyAId] : []),
  ...(a.partyBType === 'consortium' ? [a.partyBId] : []),
];

/** A support state as stored (jsonb), or null when it is not one. */
export function supportOf(raw: unknown): SupportState | null {
  if (!raw || typeof raw !== 'object') return null;
  const s = raw as Partial<SupportState>;
  return typeof s.startedOn === 'string' && typeof s.status === 'string'
    ? (s as SupportState)
    : null;
}

export async function institutionById(db: Db, id: string): Promise<InstitutionRow | null> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id));
  return row ?? null;
}

export async function mobilityById(db: Db, id: string): Promise<MobilityRow | null> {
  const [row] = await db.select().from(mobilities).where(eq(mobilities.id, id));
  return row ?? null;
}

/** Loads what the money context of these mobilities is assembled from, in a few queries. */
export async function moneyContextRows(
  db: Db,
  rows: readonly MobilityRow[],
): Promise<MoneyContextRows> {
  const instIds = [...new Set(rows.flatMap((r) => [r.homeId, r.hostId]))];
  const insts = new Map(
    (instIds.length
      ? await db.select().from(institutions).where(inList(institutions.id, instIds))
      : []
    ).map((i) => [i.id, i]),
  );
  const agreementIds = [...new Set(rows.flatMap((r) => (r.agreementId ? [r.agreementId] : [])))];
  const agrs = new Map(
    (agreementIds.length
      ? await db.select().from(agreements).where(inList(agreements.id, agreementIds))
      : []
    ).map((a) => [a.id, a]),
  );
  const consortiumIds = [...new Set([...agrs.values()].flatMap(consortiumPartiesOf))];
  if (consortiumIds.length === 0) {
    return {
      institutions: insts,
      agreements: agrs,
      members: [],
      representatives: new Map(),
      projects: [],
    };
  }
  const members = await db
    .select()
    .from(consortiumMembers)
    .where(inList(consortiumMembers.consortiumId, consortiumIds));
  const representatives = new Map(
    (
      await db
        .select({ id: consortia.id, representativeId: consortia.representativeId })
        .from(consortia)
        .where(inList(consortia.id, consortiumIds))
    ).map((c) => [c.id, c.representativeId]),
  );
  const projects = (
    await db
      .select({
        homeConsortiumId: projectApplications.homeConsortiumId,
        programId: projectApplications.programId,
        support: projectApplications.support,
      })
      .from(projectApplications)
      .where(inList(projectApplications.homeConsortiumId, consortiumIds))
  ).map((p) => ({
    homeConsortiumId: p.homeConsortiumId,
    programId: p.programId,
    support: supportOf(p.support),
  }));
  return { institutions: insts, agreements: agrs, members, representatives, projects };
}

/** The funded mobilities under the agreements of a program or of a consortium (any state). */
export async function fundedMobilitiesOf(
  db: Db,
  filter: { programId?: string; consortiumId?: string },
): Promise<MobilityRow[]> {
  const agrs = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      and(
        filter.programId ? eq(agreements.programId, filter.programId) : undefined,
        filter.consortiumId
          ? or(
              eq(agreements.partyAId, filter.consortiumId),
              eq(agreements.partyBId, filter.consortiumId),
            )
          : undefined,
      ),
    );
  if (agrs.length === 0) return [];
  return db
    .select()
    .from(mobilities)
    .where(
      and(
        inList(
          mobilities.agreementId,
          agrs.map((a) => a.id),
        ),
        eq(mobilities.funded, true),
      ),
    );
}

/** The student and the home and host of each of these mobilities (to name them). */
export async function mobilityPartiesOf(db: Db, mobilityIds: readonly string[]) {
  if (mobilityIds.length === 0) return [];
  return db
    .select({
      id: mobilities.id,
      studentUserId: mobilities.studentUserId,
      studentName: mobilities.studentName,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
    })
    .from(mobilities)
    .where(inList(mobilities.id, [...mobilityIds]));
}
