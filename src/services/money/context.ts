/**
 * What every money use case needs to know about a mobility: its program's rules (as scholarship
 * rules), the sending consortium and its representative university (R8 — 003 §5(8), §6(2),
 * §7(1)), the project's support period (R10 — 003 §3(1)), the stay and the host's country.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  agreements,
  consortia,
  consortiumMembers,
  institutions,
  mobilities,
  projectApplications,
} from '#src/db/schema.ts';
import type { Resource } from '#src/domain/access/policy.ts';
import { inForceOn } from '#src/domain/registry/membership.ts';
import {
  supportPeriod as programSupportPeriod,
  type SupportState,
} from '#src/domain/program/checks.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import {
  scholarshipRulesOf,
  stayEndDate,
  type ScholarshipRules,
  type Stay,
  type SupportPeriod,
} from '#src/domain/scholarship/index.ts';
import { loadRules } from '../programs/programs.ts';
import { notFound } from '../errors.ts';

export type MobilityRow = typeof mobilities.$inferSelect;
export type InstitutionRow = typeof institutions.$inferSelect;

export interface MobilityMoney {
  mobility: MobilityRow;
  home: InstitutionRow;
  host: InstitutionRow;
  programId: string | null;
  program: ProgramRules | null;
  rules: ScholarshipRules | null;
  /** The consortium that sends the student (the agreement's party holding the home institution). */
  sendingConsortiumId: string | null;
  /** Its representative university: the only payer (R8). */
  representativeId: string | null;
  support: SupportPeriod | null;
  stay: Stay;
}

/** Mobilities in these states hold a place that the scholarship may pay. */
export const NOT_PLACED = ['refused', 'withdrawn'] as const;

/** The inclusive end of a stay of `months` months from `start` (fractions as 30-day parts). */
export const stayEnd = stayEndDate;

export function resourceOf(m: MobilityMoney): Resource {
  return {
    type: 'mobility',
    institutionIds: [m.mobility.homeId, m.mobility.hostId],
    consortiumIds: m.sendingConsortiumId ? [m.sendingConsortiumId] : [],
    programIds: m.programId ? [m.programId] : [],
    ownerUserId: m.mobility.studentUserId,
  };
}

/** Loads the money context of many mobilities at once (rules loaded once per program). */
/** `today` dates the support period each mobility's payments fall in (R10). */
export async function loadMoneyContexts(
  db: Db,
  rows: MobilityRow[],
  today: string,
): Promise<MobilityMoney[]> {
  if (rows.length === 0) return [];
  const instIds = [...new Set(rows.flatMap((r) => [r.homeId, r.hostId]))];
  const insts = new Map(
    (await db.select().from(institutions).where(inArray(institutions.id, instIds))).map((i) => [
      i.id,
      i,
    ]),
  );
  const agreementIds = [...new Set(rows.flatMap((r) => (r.agreementId ? [r.agreementId] : [])))];
  const agrs = new Map(
    (agreementIds.length
      ? await db.select().from(agreements).where(inArray(agreements.id, agreementIds))
      : []
    ).map((a) => [a.id, a]),
  );
  const consortiumIds = [
    ...new Set(
      [...agrs.values()].flatMap((a) => [
        ...(a.partyAType === 'consortium' ? [a.partyAId] : []),
        ...(a.partyBType === 'consortium' ? [a.partyBId] : []),
      ]),
    ),
  ];
  // Every accepted membership with its dates: each mobility picks the one in force when its stay
  // starts (a record of its own date), so a leaving date still to come takes nothing away today.
  const members = consortiumIds.length
    ? await db
        .select()
        .from(consortiumMembers)
        .where(inArray(consortiumMembers.consortiumId, consortiumIds))
    : [];
  const reps = new Map(
    (consortiumIds.length
      ? await db
          .select({ id: consortia.id, representativeId: consortia.representativeId })
          .from(consortia)
          .where(inArray(consortia.id, consortiumIds))
      : []
    ).map((c) => [c.id, c.representativeId]),
  );
  const projects = consortiumIds.length
    ? await db
        .select()
        .from(projectApplications)
        .where(inArray(projectApplications.homeConsortiumId, consortiumIds))
    : [];
  // Rules are read fresh per call (R11: an edit changes every amount), cached within it only.
  const rulesByProgram = new Map<string, ProgramRules | null>();
  const out: MobilityMoney[] = [];
  for (const m of rows) {
    const home = insts.get(m.homeId);
    const host = insts.get(m.hostId);
    if (!home || !host) throw notFound('institution', !home ? m.homeId : m.hostId);
    const agr = m.agreementId ? agrs.get(m.agreementId) : undefined;
    const programId = agr?.programId ?? null;
    if (programId && !rulesByProgram.has(programId)) {
      rulesByProgram.set(programId, await loadRules(db, programId).catch(() => null));
    }
    const program = programId ? (rulesByProgram.get(programId) ?? null) : null;
    const parties = agr
      ? [
          ...(agr.partyAType === 'consortium' ? [agr.partyAId] : []),
          ...(agr.partyBType === 'consortium' ? [agr.partyBId] : []),
        ]
      : [];
    const sending =
      parties.find((c) =>
        members.some(
          (x) => x.consortiumId === c && x.institutionId === m.homeId && inForceOn(x, m.startDate),
        ),
      ) ?? null;
    const project = projects.find(
      (p) => p.homeConsortiumId === sending && p.programId === programId && p.support,
    );
    let support: SupportPeriod | null = null;
    if (project && program) {
      const state = project.support as unknown as SupportState;
      const period = programSupportPeriod(program, state.startedOn, today);
      support = {
        start: state.startedOn,
        end: period.endsOn,
        suspendedFrom: state.status === 'active' ? null : state.since,
      };
    }
    out.push({
      mobility: m,
      home,
      host,
      programId,
      program,
      rules: program ? scholarshipRulesOf(program) : null,
      sendingConsortiumId: sending,
      representativeId: sending ? (reps.get(sending) ?? null) : null,
      support,
      stay: {
        mobilityId: m.id,
        hostCountry: host.country,
        start: m.startDate,
        end: stayEnd(m.startDate, m.months),
      },
    });
  }
  return out;
}

export async function loadMoneyContext(
  db: Db,
  mobilityId: string,
  today: string,
): Promise<MobilityMoney> {
  if (!/^[0-9a-f-]{36}$/i.test(mobilityId)) throw notFound('mobility', mobilityId);
  const [row] = await db.select().from(mobilities).where(eq(mobilities.id, mobilityId));
  if (!row) throw notFound('mobility', mobilityId);
  const [ctx] = await loadMoneyContexts(db, [row], today);
  return ctx!;
}
