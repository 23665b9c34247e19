/**
 * What every money use case needs to know about a mobility: its program's rules (as scholarship
 * rules), the sending consortium and its representative university (R8 — 003 §5(8), §6(2),
 * §7(1)), the project's support period (R10 — 003 §3(1)), the stay and the host's country.
 */
import type { Db } from '#src/db/client.ts';
import {
  consortiumPartiesOf,
  mobilityById,
  moneyContextRows,
  type InstitutionRow,
  type MobilityRow,
} from '#src/db/queries/money/context.ts';
import { mobilityResource, type Target } from '../access.ts';
import { inForceOn } from '#src/domain/registry/membership.ts';
import { supportPeriod as programSupportPeriod } from '#src/domain/program/checks.ts';
import { rulesOn, type ProgramRules } from '#src/domain/program/rules.ts';
import {
  scholarshipRulesOf,
  stayEndDate,
  type ScholarshipRules,
  type Stay,
  type SupportPeriod,
} from '#src/domain/scholarship/index.ts';
import { programRuleHistory } from '#src/db/queries/programs.ts';
import { notFound } from '../errors.ts';

export type { InstitutionRow, MobilityRow };

export interface MobilityMoney {
  mobility: MobilityRow;
  home: InstitutionRow;
  host: InstitutionRow;
  programId: string | null;
  /** The program's rules in force when the stay starts (what governs its stipend, stay and travel). */
  program: ProgramRules | null;
  /** Every version of the program's rules, for what is judged on another day (a fiscal year's cap). */
  programVersions: readonly ProgramRules[];
  rules: ScholarshipRules | null;
  /** The consortium that sends the student (the agreement's party holding the home institution). */
  sendingConsortiumId: string | null;
  /** Its representative university: the only payer (R8). */
  representativeId: string | null;
  support: SupportPeriod | null;
  stay: Stay;
}

/** The program's rules in force on `date`, from the versions the first of these mobilities carries. */
export function programRulesOn(mobilities: readonly MobilityMoney[], date: string) {
  const versions = mobilities.find((m) => m.programVersions.length > 0)?.programVersions ?? [];
  return rulesOn(versions, date) ?? null;
}

/** Mobilities in these states hold a place that the scholarship may pay. */
export const NOT_PLACED = ['refused', 'withdrawn'] as const;

/** The inclusive end of a stay of `months` months from `start` (fractions as 30-day parts). */
export const stayEnd = stayEndDate;

/** The mobility as an access resource: home, host, sending consortium, program, student. */
export const resourceOf = (m: MobilityMoney): Target =>
  mobilityResource({
    id: m.mobility.id,
    homeId: m.mobility.homeId,
    hostId: m.mobility.hostId,
    studentUserId: m.mobility.studentUserId,
    consortiumIds: [m.sendingConsortiumId],
    programIds: [m.programId],
  });

/** Loads the money context of many mobilities at once (rules loaded once per program). */
/** `today` dates the support period each mobility's payments fall in (R10). */
export async function loadMoneyContexts(
  db: Db,
  rows: MobilityRow[],
  today: string,
): Promise<MobilityMoney[]> {
  if (rows.length === 0) return [];
  const {
    institutions: insts,
    agreements: agrs,
    members,
    representatives: reps,
    projects,
  } = await moneyContextRows(db, rows);
  // Rules are read fresh per call, cached within it only. A stay is governed by the version of
  // the rules in force when it starts (R10–R14 hold over time): an edit dated today changes the
  // amounts of stays starting from today, never those of the stays before it.
  const versionsByProgram = new Map<string, ProgramRules[]>();
  const out: MobilityMoney[] = [];
  for (const m of rows) {
    const home = insts.get(m.homeId);
    const host = insts.get(m.hostId);
    if (!home || !host) throw notFound('institution', !home ? m.homeId : m.hostId);
    const agr = m.agreementId ? agrs.get(m.agreementId) : undefined;
    const programId = agr?.programId ?? null;
    if (programId && !versionsByProgram.has(programId)) {
      versionsByProgram.set(programId, await programRuleHistory(db, programId));
    }
    const program = programId
      ? (rulesOn(versionsByProgram.get(programId) ?? [], m.startDate) ?? null)
      : null;
    const parties = agr ? consortiumPartiesOf(agr) : [];
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
    if (project?.support && program) {
      const state = project.support;
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
      programVersions: programId ? (versionsByProgram.get(programId) ?? []) : [],
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
  const row = await mobilityById(db, mobilityId);
  if (!row) throw notFound('mobility', mobilityId);
  const [ctx] = await loadMoneyContexts(db, [row], today);
  return ctx!;
}
