/**
 * The implementation report's life (R20, 003 §10(2)): drafted, submitted by the head of the
 * representative university, received by the funder. A submitted (or received) report is
 * reopened only on the funder's recorded decision; reopening starts a new version, and every
 * step is kept in the report's history, so earlier versions stay readable.
 *
 * Deadlines: the report is due by the last day of the fiscal year in which the support is given
 * (Japan's fiscal year runs April–March: FY2021 is due on 2022-03-31). Reminders fall due 30 and
 * 7 days before; a report not submitted by the deadline is late, and one submitted after it is
 * marked as submitted late.
 *
 * Pure: `today` and every date come in as ISO dates; the fiscal year's first month is program
 * data (`fiscalYearStartMonth`, 4 for Japan).
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import { compareIso, dayNumber, isIsoDate, type IsoDate } from '../scholarship/dates.ts';
import { fiscalYearRange } from '../scholarship/fiscal-year.ts';
import { narrativeProblems, type NarrativeSections } from './narrative.ts';
import { REPORTS_CODES as C } from './refusal-codes.ts';

export const REPORT_STATES = ['draft', 'submitted', 'received'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** The funder's recorded decision to reopen a submitted report. */
export interface ReopenDecision {
  /** The id of the decision record. */
  id: string;
  decidedOn: IsoDate;
  /** Why the report is reopened (required, as the decision's reason). */
  reason: string;
}

export type ReportHistoryEntry =
  | {
      action: 'submit';
      on: IsoDate;
      version: number;
      /** The cut-off the version's figures are frozen at (kept with the version). */
      cutOff: IsoDate;
      late: boolean;
    }
  | { action: 'receive'; on: IsoDate; version: number }
  | { action: 'reopen'; on: IsoDate; version: number; decisionId: string };

export interface ImplementationReport {
  fiscalYear: number;
  status: ReportState;
  /** 1 for the first draft; each reopening starts the next version. */
  version: number;
  /** The submission of the current version, when submitted. */
  submittedOn: IsoDate | null;
  receivedOn: IsoDate | null;
  history: readonly ReportHistoryEntry[];
}

export type Transition =
  { ok: true; report: ImplementationReport } | { ok: false; refusals: Refusal[] };

export function newReport(fiscalYear: number): ImplementationReport {
  return {
    fiscalYear,
    status: 'draft',
    version: 1,
    submittedOn: null,
    receivedOn: null,
    history: [],
  };
}

// ── Deadlines ────────────────────────────────────────────────────────────────────────────────

/** R20: the last day of the fiscal year, the day the report is due (FY2021 → 2022-03-31). */
export function reportDeadline(fiscalYear: number, fiscalYearStartMonth: number): IsoDate {
  return fiscalYearRange(fiscalYear, fiscalYearStartMonth).end;
}

/**
 * The cut-off date the funder sets must be a day of the fiscal year or after it, and not in the
 * future (figures are frozen at a day that has happened). Null when it is fine.
 */
export function cutOffProblem(
  cutOff: string,
  fiscalYear: number,
  today: IsoDate,
  fiscalYearStartMonth: number,
): Refusal | null {
  const options = { rule: 'R20' as const, field: 'cutOff' };
  if (!isIsoDate(cutOff)) return refusal(C.cutOffInvalid, { cutOff }, options);
  if (compareIso(cutOff, today) > 0) return refusal(C.cutOffInFuture, { cutOff, today }, options);
  const { start } = fiscalYearRange(fiscalYear, fiscalYearStartMonth);
  if (compareIso(cutOff, start) < 0) {
    return refusal(C.cutOffBeforeFiscalYear, { cutOff, fiscalYearStart: start }, options);
  }
  return null;
}

export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'received', 'late'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export interface ReportStatusView {
  status: ReportStatus;
  deadline: IsoDate;
  /** Days from today to the deadline: 0 on the day, negative once past. */
  daysLeft: number;
  /** Days the current version was submitted after the deadline; 0 when on time or not submitted. */
  submittedLateBy: number;
}

/**
 * R20: where the report of a fiscal year stands on `today`. Not submitted (no report or a draft)
 * once the deadline has passed: `late`.
 */
export function reportStatus(
  report: ImplementationReport | null,
  fiscalYear: number,
  today: IsoDate,
  fiscalYearStartMonth: number,
): ReportStatusView {
  const deadline = reportDeadline(fiscalYear, fiscalYearStartMonth);
  const daysLeft = dayNumber(deadline) - dayNumber(today);
  const submittedLateBy =
    report && report.status !== 'draft' && report.submittedOn
      ? Math.max(0, dayNumber(report.submittedOn) - dayNumber(deadline))
      : 0;
  const open = report === null || report.status === 'draft';
  const status: ReportStatus =
    open && daysLeft < 0 ? 'late' : report === null ? 'not_started' : report.status;
  return { status, deadline, daysLeft, submittedLateBy };
}

/** Days before the deadline on which a reminder falls due. */
export const REPORT_REMINDER_DAYS = [30, 7] as const;

/**
 * The reminders (days before the deadline) that fall due on `today`. The caller skips them when
 * the report is already submitted.
 */
export function remindersDue(
  fiscalYear: number,
  today: IsoDate,
  fiscalYearStartMonth: number,
  days: readonly number[] = REPORT_REMINDER_DAYS,
): number[] {
  const left = dayNumber(reportDeadline(fiscalYear, fiscalYearStartMonth)) - dayNumber(today);
  return days.filter((d) => d === left);
}

// ── Transitions ──────────────────────────────────────────────────────────────────────────────

export interface SubmitInput {
  on: IsoDate;
  /** Whether the person submitting is the head of the representative university (003 §10(2)). */
  byHeadOfRepresentative: boolean;
  narrative: NarrativeSections;
  cutOff: string;
  fiscalYearStartMonth: number;
}

/** draft → submitted: by the head of the representative university, every section written. */
export function submitReport(report: ImplementationReport, input: SubmitInput): Transition {
  if (report.status !== 'draft') {
    return { ok: false, refusals: [refusal(C.alreadySubmitted, {}, { rule: 'R20' })] };
  }
  const refusals: Refusal[] = [];
  if (!input.byHeadOfRepresentative) {
    refusals.push(refusal(C.notHeadOfRepresentative, {}, { rule: 'R20' }));
  }
  const cut = cutOffProblem(input.cutOff, report.fiscalYear, input.on, input.fiscalYearStartMonth);
  if (cut) refusals.push(cut);
  refusals.push(...narrativeProblems(input.narrative));
  if (refusals.length) return { ok: false, refusals };
  const late =
    compareIso(input.on, reportDeadline(report.fiscalYear, input.fiscalYearStartMonth)) > 0;
  return {
    ok: true,
    report: {
      ...report,
      status: 'submitted',
      submittedOn: input.on,
      history: [
        ...report.history,
        {
          action: 'submit',
          on: input.on,
          version: report.version,
          cutOff: input.cutOff,
          late,
        },
      ],
    },
  };
}

/** submitted → received: the funder acknowledges the report. */
export function receiveReport(report: ImplementationReport, on: IsoDate): Transition {
  if (report.status === 'draft') {
    return { ok: false, refusals: [refusal(C.notSubmitted, {}, { rule: 'R20' })] };
  }
  if (report.status === 'received') {
    return { ok: false, refusals: [refusal(C.alreadyReceived, {}, { rule: 'R20' })] };
  }
  return {
    ok: true,
    report: {
      ...report,
      status: 'received',
      receivedOn: on,
      history: [...report.history, { action: 'receive', on, version: report.version }],
    },
  };
}

/**
 * submitted or received → draft of the next version, only on the funder's recorded decision
 * (with its reason). The earlier version stays in the history.
 */
export function reopenReport(
  report: ImplementationReport,
  decision: ReopenDecision | null | undefined,
): Transition {
  if (report.status === 'draft') {
    return { ok: false, refusals: [refusal(C.notSubmitted, {}, { rule: 'R20' })] };
  }
  if (!decision || decision.id.trim() === '' || decision.reason.trim() === '') {
    return {
      ok: false,
      refusals: [refusal(C.reopenNeedsDecision, {}, { rule: 'R20', field: 'decision' })],
    };
  }
  const version = report.version + 1;
  return {
    ok: true,
    report: {
      ...report,
      status: 'draft',
      version,
      submittedOn: null,
      receivedOn: null,
      history: [
        ...report.history,
        { action: 'reopen', on: decision.decidedOn, version, decisionId: decision.id },
      ],
    },
  };
}
