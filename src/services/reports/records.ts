/**
 * The records of a project as the implementation report reads them (R20): its stays under the
 * program's agreements to which its Japanese consortium is a party, their recognitions (R7), the
 * payments made (R11, R13, R14), the safety advisories (R19), the events held, and item 10 of its
 * application. Directions are relative to the Japanese consortium (`sent` from one of its
 * members). Everything is passed on as plain data to `implementationFigures` (pure).
 */
import type { Db } from '#src/db/client.ts';
import { programRuleHistory } from '#src/db/queries/programs.ts';
import { supportOf } from '#src/db/queries/money/context.ts';
import {
  advisoriesOfProgram,
  everMembers,
  paidPaymentsOf,
  projectEvents,
  projectStays,
  recognitionsOf,
  type ProjectRow,
} from '#src/db/queries/reports.ts';
import { supportPeriod } from '#src/domain/program/checks.ts';
import { annualScholarshipBudget, rulesOn, type ProgramRules } from '#src/domain/program/rules.ts';
import type { MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import {
  implementationFigures,
  type ImplementationFigures,
  type ImplementationRecords,
  type ReportPayment,
  type ReportStay,
} from '#src/domain/reports/implementation.ts';
import { fiscalYearRange } from '#src/domain/scholarship/fiscal-year.ts';
import type { AdvisoryLevel } from '#src/domain/scholarship/safety.ts';
import { loadRules } from '../programs/rules.ts';

export interface ProjectContext {
  project: ProjectRow;
  programId: string;
  homeConsortiumId: string;
  /** The rules governing the fiscal year's first day (R20: fiscal year, R4, R14 numbers). */
  rules: ProgramRules;
  /** The fiscal years of the project's support (R10). */
  support: { firstFiscalYear: number; lastFiscalYear: number } | null;
}

/** The rules of a program that govern a fiscal year (the version in force on its first day). */
export async function rulesForYear(
  db: Db,
  programId: string,
  fiscalYear: number | null,
): Promise<ProgramRules> {
  const current = await loadRules(db, programId);
  if (fiscalYear === null) return current;
  const history = await programRuleHistory(db, programId);
  const { start } = fiscalYearRange(fiscalYear, current.fiscalYearStartMonth);
  return rulesOn(history, start) ?? current;
}

export async function projectContext(
  db: Db,
  project: ProjectRow,
  fiscalYear: number | null,
  today: string,
): Promise<ProjectContext | null> {
  if (!project.homeConsortiumId) return null;
  const rules = await rulesForYear(db, project.programId, fiscalYear);
  const state = supportOf(project.support);
  const period = state ? supportPeriod(rules, state.startedOn, today) : null;
  return {
    project,
    programId: project.programId,
    homeConsortiumId: project.homeConsortiumId,
    rules,
    support: period
      ? { firstFiscalYear: period.firstFiscalYear, lastFiscalYear: period.lastFiscalYear }
      : null,
  };
}

/** Everything the figures of one fiscal year are computed from. */
export async function reportRecords(
  db: Db,
  p: ProjectContext,
  fiscalYear: number,
): Promise<ImplementationRecords> {
  const members = new Set(await everMembers(db, p.homeConsortiumId));
  const rows = await projectStays(db, p.programId, p.homeConsortiumId);
  const stays: ReportStay[] = rows.map((m) => ({
    id: m.id,
    homeInstitutionId: m.homeId,
    hostInstitutionId: m.hostId,
    direction: members.has(m.homeId) ? 'sent' : 'received',
    level: m.level,
    iscedField: m.iscedField ?? '',
    component: null,
    hostCountry: m.hostCountry,
    startDate: m.startDate,
    months: m.months,
    status: m.status as MobilityState,
  }));
  const ids = stays.map((s) => s.id);
  const [recognitions, paid, advisories] = await Promise.all([
    recognitionsOf(db, ids),
    paidPaymentsOf(db, ids),
    advisoriesOfProgram(db, p.programId),
  ]);
  const { start, end } = fiscalYearRange(fiscalYear, p.rules.fiscalYearStartMonth);
  const events = await projectEvents(db, {
    programId: p.programId,
    consortiumId: p.homeConsortiumId,
    from: start,
    to: end,
  });
  const payments: ReportPayment[] = paid.map((x) =>
    x.kind === 'travel'
      ? {
          kind: 'travel',
          stayId: x.mobilityId,
          trips: 1,
          amountJpy: x.amountJpy,
          paidOn: x.paidOn!,
        }
      : {
          kind: 'stipend',
          stayId: x.mobilityId,
          months: x.studentMonths,
          amountJpy: x.amountJpy,
          paidOn: x.paidOn!,
          fiscalYear: x.fiscalYear,
        },
  );
  return {
    stays,
    recognitions: recognitions.map((r) => ({
      stayId: r.mobilityId,
      decidedOn: r.decidedAt.toISOString().slice(0, 10),
      outcome: r.decision.outcome,
      creditSystem: r.decision.creditsPlanned.system,
      creditsPlanned: r.decision.creditsPlanned.value,
      creditsRecognised: r.decision.creditsRecognised.value,
    })),
    payments,
    planned: p.project.content.outline.numbers,
    events: events.map((e) => ({
      id: e.id,
      heldOn: e.startsOn,
      participants: e.checkedIn > 0 ? e.checkedIn : e.confirmed,
    })),
    advisories: advisories.map((a) => ({
      id: a.id,
      country: a.country,
      level: a.level as AdvisoryLevel,
      from: a.fromDate,
      until: a.untilDate,
      liftedOn: a.liftedOn,
    })),
  };
}

/** The figures of a fiscal year at a cut-off, with the program's numbers (R4, R14). */
export async function figuresAt(
  db: Db,
  p: ProjectContext,
  fiscalYear: number,
  cutOff: string,
): Promise<ImplementationFigures> {
  const records = await reportRecords(db, p, fiscalYear);
  return implementationFigures(records, {
    fiscalYear,
    cutOff,
    fiscalYearStartMonth: p.rules.fiscalYearStartMonth,
    capStudentMonths: p.rules.annualCap.studentMonths,
    budget: { stipendJpy: annualScholarshipBudget(p.rules), travelJpy: null },
    balanceTolerance: {
      students: p.rules.balanceTolerance.students,
      months: p.rules.balanceTolerance.studentMonths,
    },
  });
}
