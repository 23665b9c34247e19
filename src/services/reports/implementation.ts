/**
 * The annual implementation report of a project (R20, 003 §10(2); 003 §3(1) note: annual reports
 * are required): figures computed from the records and frozen at the funder's cut-off, narrative
 * sections drafted by the representative university with live completeness, submitted in the
 * name of its head, received by the funder, reopened only on the funder's recorded decision.
 * Every submitted version is kept with its figures as they were.
 */
import type { Db } from '#src/db/client.ts';
import { consortiumNames, institutionNames } from '#src/db/queries/names.ts';
import { findProjectApplication } from '#src/db/queries/programs.ts';
import { repOfficersOf } from '#src/db/queries/money/advisories.ts';
import {
  claimReminder,
  decisionsOf,
  ensureReport,
  funderOfficersOf,
  insertDecision,
  insertReportVersion,
  lockReport,
  reportOf,
  reportsOfProjects,
  runningProjects,
  updateReport,
  versionsOf,
  type ProjectRow,
  type ReportRow,
} from '#src/db/queries/reports.ts';
import type { ImplementationFigures } from '#src/domain/reports/implementation.ts';
import {
  cutOffProblem,
  newReport,
  receiveReport,
  remindersDue,
  reopenReport,
  reportDeadline,
  reportStatus,
  submitReport,
  type ImplementationReport,
  type ReportState,
  type Transition,
} from '#src/domain/reports/lifecycle.ts';
import {
  NARRATIVE_SECTIONS,
  narrativeCompleteness,
  type NarrativeSections,
} from '#src/domain/reports/narrative.ts';
import { REPORTS_CODES } from '#src/domain/reports/refusal-codes.ts';
import { fiscalYearOf, fiscalYearRange } from '#src/domain/scholarship/fiscal-year.ts';
import { compareIso } from '#src/domain/scholarship/dates.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import {
  holdsRole,
  programResource,
  projectApplicationResource,
  requireAccess,
  type Target,
} from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, invalidField, notFound, ruleViolation } from '../errors.ts';
import { notify } from '../notify/notify.ts';
import type { Mailer } from '../notify/mailer.ts';
import { figuresAt, projectContext, type ProjectContext } from './records.ts';

/** Everyone who reads the report: the project's consortia, its representative, its program. */
const readResource = (p: ProjectRow): Target =>
  projectApplicationResource(
    {
      id: p.id,
      programId: p.programId,
      homeConsortiumId: p.homeConsortiumId,
      partnerConsortiumId: p.partnerConsortiumId,
      representativeId: p.representativeId,
    },
    'implementation report',
  );

/** Who writes it: the home consortium's officers and its representative university's coordinators. */
const writeResource = (p: ProjectRow): Target => ({
  type: 'implementation report',
  id: p.id,
  consortiumIds: p.homeConsortiumId ? [p.homeConsortiumId] : [],
  institutionIds: p.representativeId ? [p.representativeId] : [],
});

const funderResource = (p: ProjectRow): Target =>
  programResource(p.programId, 'implementation report');

/** The domain's view of a stored report. */
const domainReport = (row: ReportRow | null, fiscalYear: number): ImplementationReport =>
  row
    ? {
        fiscalYear: row.fiscalYear,
        status: row.status as ReportState,
        version: row.version,
        submittedOn: row.submittedOn,
        receivedOn: row.receivedOn,
        history: row.history,
      }
    : newReport(fiscalYear);

async function loadProject(ctx: ServiceContext, projectId: string, fiscalYear: number | null) {
  const project = await findProjectApplication(ctx.db, projectId);
  if (!project) throw notFound('project', projectId);
  const today = todayOf(ctx);
  const p = await projectContext(ctx.db, project, fiscalYear, today);
  if (!p || !p.support) throw notFound('project', projectId);
  return { p, today: todayOf(ctx, p.rules.call.utcOffset) };
}

function requireSupportYear(p: ProjectContext, fiscalYear: number): void {
  const s = p.support!;
  if (fiscalYear < s.firstFiscalYear || fiscalYear > s.lastFiscalYear) {
    throw invalidField(
      'fiscalYear',
      refusal(
        REPORTS_CODES.outsideSupport,
        { fiscalYear, from: s.firstFiscalYear, to: s.lastFiscalYear },
        { rule: 'R20', field: 'fiscalYear' },
      ),
      `fiscal year ${fiscalYear} is outside the project's support`,
    );
  }
}

/** Refusals about the report's state (a conflict); the others break a rule (R20). */
const STATE_CODES: readonly string[] = [
  REPORTS_CODES.alreadySubmitted,
  REPORTS_CODES.notSubmitted,
  REPORTS_CODES.alreadyReceived,
];

function refused(t: Transition): ImplementationReport {
  if (!t.ok) {
    const [first] = t.refusals;
    if (t.refusals.length === 1 && first && STATE_CODES.includes(first.code)) throw conflict(first);
    throw ruleViolation(t.refusals);
  }
  return t.report;
}

/** The project's name: its title, or its consortia. */
async function projectName(db: Db, project: ProjectRow): Promise<LocalizedText> {
  const title = project.content.title;
  if (title && Object.values(title).some(Boolean)) return title;
  const names = await consortiumNames(db, [project.homeConsortiumId ?? '']);
  return names.get(project.homeConsortiumId ?? '') ?? { en: project.id };
}

/** The institutions and fields the figures name, for the reader. */
async function figureNames(db: Db, figures: ImplementationFigures | null) {
  if (!figures) return { institutions: {} };
  const names = await institutionNames(
    db,
    figures.byPartner.map((b) => b.key),
  );
  return { institutions: Object.fromEntries(names) };
}

export interface ReportView {
  projectId: string;
  projectName: LocalizedText;
  programId: string;
  fiscalYear: number;
  period: { start: string; end: string };
  deadline: string;
  status: ReturnType<typeof reportStatus>;
  state: ReportState;
  version: number;
  cutOff: string | null;
  narrative: NarrativeSections;
  completeness: ReturnType<typeof narrativeCompleteness>;
  /** Frozen figures once submitted; before, the live figures at the cut-off (or today). */
  figures: ImplementationFigures;
  figuresFrozen: boolean;
  names: { institutions: Record<string, LocalizedText> };
  history: ImplementationReport['history'][number][];
  versions: { version: number; cutOff: string; submittedOn: string; late: boolean }[];
  decisions: { id: string; version: number; decidedOn: string; reason: string }[];
  can: { write: boolean; submit: boolean; receive: boolean };
  support: { firstFiscalYear: number; lastFiscalYear: number };
}

/** The report of a project and fiscal year as the reader may see it. */
export async function getReport(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  options: { version?: number } = {},
): Promise<ReportView> {
  const { p, today } = await loadProject(ctx, projectId, fiscalYear);
  requireAccess(ctx, 'report:read', readResource(p.project));
  requireSupportYear(p, fiscalYear);
  const row = await reportOf(ctx.db, projectId, fiscalYear);
  const report = domainReport(row, fiscalYear);
  const versions = row ? await versionsOf(ctx.db, row.id) : [];
  const decisions = row ? await decisionsOf(ctx.db, row.id) : [];
  const fy = fiscalYearRange(fiscalYear, p.rules.fiscalYearStartMonth);
  const wanted =
    options.version !== undefined
      ? versions.find((v) => v.version === options.version)
      : report.status !== 'draft'
        ? versions.find((v) => v.version === report.version)
        : undefined;
  if (options.version !== undefined && !wanted) {
    throw notFound('report version', String(options.version));
  }
  const liveCutOff =
    row?.cutOff ??
    (compareIso(today, fy.end) < 0 ? (compareIso(today, fy.start) < 0 ? fy.start : today) : fy.end);
  const figures = wanted?.figures ?? (await figuresAt(ctx.db, p, fiscalYear, liveCutOff));
  const narrative = wanted?.narrative ?? row?.narrative ?? {};
  return {
    projectId,
    projectName: await projectName(ctx.db, p.project),
    programId: p.programId,
    fiscalYear,
    period: figures.period,
    deadline: reportDeadline(fiscalYear, p.rules.fiscalYearStartMonth),
    status: reportStatus(row ? report : null, fiscalYear, today, p.rules.fiscalYearStartMonth),
    state: report.status,
    version: wanted?.version ?? report.version,
    cutOff: wanted?.cutOff ?? row?.cutOff ?? null,
    narrative,
    completeness: narrativeCompleteness(narrative),
    figures,
    figuresFrozen: !!wanted,
    names: await figureNames(ctx.db, figures),
    history: [...report.history],
    versions: versions.map((v) => ({
      version: v.version,
      cutOff: v.cutOff,
      submittedOn: v.submittedOn,
      late: v.late,
    })),
    decisions: decisions.map((d) => ({
      id: d.id,
      version: d.version,
      decidedOn: d.decidedOn,
      reason: d.reason,
    })),
    can: {
      write:
        report.status === 'draft' &&
        !throws(() => requireAccess(ctx, 'report:write', writeResource(p.project))),
      submit:
        report.status === 'draft' && holdsRole(ctx.actor, 'rep_officer', writeResource(p.project)),
      receive: !throws(() => requireAccess(ctx, 'report:receive', funderResource(p.project))),
    },
    support: p.support!,
  };
}

/** True when `f` throws (a refusal). */
function throws(f: () => void): boolean {
  try {
    f();
    return false;
  } catch {
    return true;
  }
}

async function inReport<T>(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  check: (p: ProjectContext) => void,
  change: (tx: Db, p: ProjectContext, row: ReportRow, today: string) => Promise<T>,
): Promise<T> {
  const { p, today } = await loadProject(ctx, projectId, fiscalYear);
  check(p);
  requireSupportYear(p, fiscalYear);
  return ctx.db.transaction(async (tx) => {
    const created = await ensureReport(tx as Db, projectId, fiscalYear, ctx.actor?.id ?? null);
    const row = (await lockReport(tx as Db, created.id))!;
    return change(tx as Db, p, row, today);
  });
}

/** The funder sets the cut-off date the figures are frozen at (R20). */
export async function setCutOff(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  cutOff: string,
): Promise<ReportView> {
  await inReport(
    ctx,
    projectId,
    fiscalYear,
    (p) => requireAccess(ctx, 'report:receive', funderResource(p.project)),
    async (tx, p, row, today) => {
      if (row.status !== 'draft') {
        throw invalidField(
          'cutOff',
          refusal(REPORTS_CODES.cutOffFrozen, {}, { rule: 'R20', field: 'cutOff' }),
          'the report is submitted: its cut-off is frozen',
        );
      }
      const problem = cutOffProblem(cutOff, fiscalYear, today, p.rules.fiscalYearStartMonth);
      if (problem) throw invalidField('cutOff', problem, `cut-off ${cutOff} refused`);
      await updateReport(tx, row.id, {
        cutOff,
        cutOffSetBy: ctx.actor?.id ?? null,
        updatedBy: ctx.actor?.id ?? null,
      });
      await audit(tx, ctx, {
        action: 'report.cut_off',
        resourceType: 'implementation_report',
        resourceId: row.id,
        details: { projectId, fiscalYear },
        before: { cutOff: row.cutOff },
        after: { cutOff },
      });
    },
  );
  return getReport(ctx, projectId, fiscalYear);
}

/** The representative university drafts the narrative sections (draft only). */
export async function saveNarrative(
  ctx: ServiceContext,
  projectId: string,
  fiscalYear: number,
  narrative: NarrativeSections,
): Promise<ReportView> {
  await inReport(
    ctx,
    projectId,
    fiscalYear,
    (p) => requireAccess(ctx, 'report:write', writeResource(p.project)),
    async (tx, _p, row) => {
      if (row.status !== 'draft') {
        throw conflict(refusal(REPORTS_CODES.alreadySubmitted, {}, { rule: 'R20' }));
      }
      const next: NarrativeSections = {};
      for (const s of NARRATIVE_SECTIONS) if (narrative[s] != null) next[s] = narrative[s];
      await updateReport(tx, row.id, { narrative: next, updatedBy: ctx.actor?.id ?? null });
      await audit(tx, ctx, {
        action: 'report.narrative',
        resourceType: 'implementation_report',
        resourceId: row.id,
        details: { projectId, fiscalYear, version: row.version },
        before: { narrative: row.narrative },
        after: { narrative: next },
      });
    },
  );
  return getReport(ctx, projectId, fiscalYear);
}

/**
 * Submitted in the name of the head of the representative university (003 §10(2)), by its
 * representative officer: every narrative section written, the cut-off set; the figures are
 * frozen with the version.
 */
export async function submit(
  ctx: ServiceContext,
  mailer: Mailer | null,
  projectId: string,
  fiscalYear: number,
): Promise<ReportView> {
  const send = await inReport(
    ctx,
    projectId,
    fiscalYear,
    (p) => requireAccess(ctx, 'report:submit', writeResource(p.project)),
    async (tx, p, row, today) => {
      if (!row.cutOff && row.status === 'draft') {
        throw invalidField(
          'cutOff',
          refusal(REPORTS_CODES.cutOffNotSet, {}, { rule: 'R20', field: 'cutOff' }),
          'the funder has not set the cut-off',
        );
      }
      const report = refused(
        submitReport(domainReport(row, fiscalYear), {
          on: today,
          byHeadOfRepresentative: holdsRole(ctx.actor, 'rep_officer', writeResource(p.project)),
          narrative: row.narrative,
          cutOff: row.cutOff ?? '',
          fiscalYearStartMonth: p.rules.fiscalYearStartMonth,
        }),
      );
      const figures = await figuresAt(tx, p, fiscalYear, row.cutOff!);
      const last = report.history[report.history.length - 1];
      await insertReportVersion(tx, {
        reportId: row.id,
        version: row.version,
        cutOff: row.cutOff!,
        figures,
        narrative: row.narrative,
        submittedBy: ctx.actor?.id ?? null,
        submittedOn: today,
        late: last?.action === 'submit' ? last.late : false,
      });
      await updateReport(tx, row.id, {
        status: report.status,
        submittedOn: report.submittedOn,
        history: [...report.history],
        updatedBy: ctx.actor?.id ?? null,
      });
      await audit(tx, ctx, {
        action: 'report.submit',
        resourceType: 'implementation_report',
        resourceId: row.id,
        details: { projectId, fiscalYear, version: row.version, cutOff: row.cutOff },
      });
      return notify(tx, await funderOfficersOf(tx, [p.programId]), {
        type: 'report.submitted',
        params: {
          project: await projectName(tx, p.project),
          fiscalYear,
          version: row.version,
          cutOff: row.cutOff!,
        },
        data: { projectId, fiscalYear },
      });
    },
  );
  await send(mailer);
  return getReport(ctx, projectId, fiscalYear);
}

/** The funder acknowledges the submitted report. */
export async function receive(
  ctx: ServiceContext,
  mailer: Mailer | null,
  projectId: string,
  fiscalYear: number,
): Promise<ReportView> {
  const send = await inReport(
    ctx,
    projectId,
    fiscalYear,
    (p) => requireAccess(ctx, 'report:receive', funderResource(p.project)),
    async (tx, p, row, today) => {
      const report = refused(receiveReport(domainReport(row, fiscalYear), today));
      await updateReport(tx, row.id, {
        status: report.status,
        receivedOn: report.receivedOn,
        history: [...report.history],
        updatedBy: ctx.actor?.id ?? null,
      });
      await audit(tx, ctx, {
        action: 'report.receive',
        resourceType: 'implementation_report',
        resourceId: row.id,
        details: { projectId, fiscalYear, version: row.version },
      });
      return notify(tx, await repOfficersOf(tx, [p.homeConsortiumId]), {
        type: 'report.received',
        params: { project: await projectName(tx, p.project), fiscalYear, version: row.version },
        data: { projectId, fiscalYear },
      });
    },
  );
  await send(mailer);
  return getReport(ctx, projectId, fiscalYear);
}

/** Reopened on the funder's recorded decision (its reason required): the next version is a draft. */
export async function reopen(
  ctx: ServiceContext,
  mailer: Mailer | null,
  projectId: string,
  fiscalYear: number,
  input: { reason: string },
): Promise<ReportView> {
  const send = await inReport(
    ctx,
    projectId,
    fiscalYear,
    (p) => requireAccess(ctx, 'report:receive', funderResource(p.project)),
    async (tx, p, row, today) => {
      const current = domainReport(row, fiscalYear);
      // Checked first without a decision record, so nothing is written when it is refused.
      refused(
        reopenReport(current, { id: 'pending', decidedOn: today, reason: input.reason ?? '' }),
      );
      const decision = await insertDecision(tx, {
        reportId: row.id,
        version: row.version,
        decidedOn: today,
        reason: input.reason.trim(),
        decidedBy: ctx.actor?.id ?? null,
      });
      const report = refused(
        reopenReport(current, { id: decision.id, decidedOn: today, reason: decision.reason }),
      );
      await updateReport(tx, row.id, {
        status: report.status,
        version: report.version,
        submittedOn: null,
        receivedOn: null,
        history: [...report.history],
        updatedBy: ctx.actor?.id ?? null,
      });
      await audit(tx, ctx, {
        action: 'report.reopen',
        resourceType: 'implementation_report',
        resourceId: row.id,
        details: {
          projectId,
          fiscalYear,
          version: report.version,
          decisionId: decision.id,
          reason: decision.reason,
        },
      });
      return notify(tx, await repOfficersOf(tx, [p.homeConsortiumId]), {
        type: 'report.reopened',
        params: {
          project: await projectName(tx, p.project),
          fiscalYear,
          version: report.version,
          reason: decision.reason,
        },
        data: { projectId, fiscalYear },
      });
    },
  );
  await send(mailer);
  return getReport(ctx, projectId, fiscalYear);
}

export interface StatusRow {
  projectId: string;
  projectName: LocalizedText;
  programId: string;
  representativeId: string | null;
  representativeName: LocalizedText | null;
  fiscalYear: number;
  state: ReportState | null;
  version: number | null;
  cutOff: string | null;
  status: ReturnType<typeof reportStatus>;
}

/**
 * Every running project's report of a fiscal year against its deadline (R20): the funder's table
 * (all the programs they officer), or a project's officers' own rows.
 */
export async function reportStatuses(
  ctx: ServiceContext,
  query: { fiscalYear?: number; programId?: string },
): Promise<{ fiscalYear: number; rows: StatusRow[] }> {
  const projects = (
    await runningProjects(ctx.db, query.programId ? [query.programId] : undefined)
  ).filter((p) => !throws(() => requireAccess(ctx, 'report:read', readResource(p))));
  const reports = await reportsOfProjects(
    ctx.db,
    projects.map((p) => p.id),
  );
  const reps = await institutionNames(
    ctx.db,
    projects.flatMap((p) => (p.representativeId ? [p.representativeId] : [])),
  );
  const rows: StatusRow[] = [];
  let year = query.fiscalYear ?? null;
  for (const project of projects) {
    const p = await projectContext(ctx.db, project, query.fiscalYear ?? null, todayOf(ctx));
    if (!p?.support) continue;
    const today = todayOf(ctx, p.rules.call.utcOffset);
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(today, p.rules.fiscalYearStartMonth);
    year ??= fiscalYear;
    if (fiscalYear < p.support.firstFiscalYear || fiscalYear > p.support.lastFiscalYear) continue;
    const row =
      reports.find((r) => r.projectId === project.id && r.fiscalYear === fiscalYear) ?? null;
    rows.push({
      projectId: project.id,
      projectName: await projectName(ctx.db, project),
      programId: project.programId,
      representativeId: project.representativeId,
      representativeName: project.representativeId
        ? (reps.get(project.representativeId) ?? null)
        : null,
      fiscalYear,
      state: row ? (row.status as ReportState) : null,
      version: row?.version ?? null,
      cutOff: row?.cutOff ?? null,
      status: reportStatus(
        row ? domainReport(row, fiscalYear) : null,
        fiscalYear,
        today,
        p.rules.fiscalYearStartMonth,
      ),
    });
  }
  return { fiscalYear: year ?? fiscalYearOf(todayOf(ctx), 4), rows };
}

/**
 * R20: reminds the representative officers of every running project whose report of the
 * current fiscal year is not submitted, 30 and 7 days before its deadline; each reminder once.
 * Returns how many were sent.
 */
export async function sendReportReminders(
  db: Db,
  mailer: Mailer | null,
  now: Date,
): Promise<{ sent: number }> {
  let sent = 0;
  const clockCtx = { clock: { now: () => now } };
  for (const project of await runningProjects(db)) {
    const p = await projectContext(db, project, null, todayOf(clockCtx));
    if (!p?.support) continue;
    const today = todayOf(clockCtx, p.rules.call.utcOffset);
    const fiscalYear = fiscalYearOf(today, p.rules.fiscalYearStartMonth);
    if (fiscalYear < p.support.firstFiscalYear || fiscalYear > p.support.lastFiscalYear) continue;
    for (const days of remindersDue(fiscalYear, today, p.rules.fiscalYearStartMonth)) {
      const deliver = await db.transaction(async (tx) => {
        const row = await reportOf(tx as Db, project.id, fiscalYear);
        if (row && row.status !== 'draft') return null;
        const claimed = await claimReminder(tx as Db, {
          projectId: project.id,
          fiscalYear,
          daysBefore: days,
          sentOn: today,
        });
        if (!claimed) return null;
        return notify(tx as Db, await repOfficersOf(tx as Db, [p.homeConsortiumId]), {
          type: 'report.reminder',
          params: {
            project: await projectName(tx as Db, project),
            fiscalYear,
            days,
            deadline: reportDeadline(fiscalYear, p.rules.fiscalYearStartMonth),
          },
          data: { projectId: project.id, fiscalYear },
        });
      });
      if (deliver) {
        await deliver(mailer);
        sent += 1;
      }
    }
  }
  return { sent };
}
