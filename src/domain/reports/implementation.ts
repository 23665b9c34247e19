/**
 * The figures of the annual implementation report (R20, 003 §10(2)): "the head of the
 * representative university should present implementation reports by the end of the fiscal year
 * when the support is given" (003 §3(1) note: annual reports are required). Every figure is
 * computed from the records passed in and frozen at a cut-off date the funder sets; nothing here
 * reads a clock or a database.
 *
 * What counts: only what the records say happened within the fiscal year and on or before the
 * cut-off — the counted period is [first day of the fiscal year, min(cut-off, last day)].
 *
 * - A stay belongs to the fiscal year in which it starts, whole (as the R4 balance ledger,
 *   `src/domain/balance/ledger.ts`, puts a stay in the year of its start); its months are not
 *   split across years. It counts when it started in the period and its status says it took
 *   place (departed or later, interrupted included; not nominated, accepted, refused, withdrawn).
 *   `studentMonths` is the stay's recorded length; `studentMonthsElapsed` only the part of it
 *   run by the cut-off.
 * - Duration bands, on the stay's recorded months: `under_1` below 1 month, `1_to_3` from 1 to 3
 *   months both included, `over_3` above 3 months. A stay of exactly 3 months — the shortest
 *   supported one (R12) — is in `1_to_3`.
 * - Recognitions (R7) count when decided in the period; the rate is recognised ÷ planned home
 *   credits, per home credit system (as `recognitionRate` of the recognition area).
 * - Payments count when paid in the period (money and months against the budget). The R14 cap
 *   counts the student-months of the fiscal year's own months paid by the cut-off, as the
 *   scholarship ledger does: a March month paid in April counts against the earlier year's cap.
 * - Events count when held in the period (not cancelled); advisories (R19) when their window
 *   meets the period, with the sent stays (started in any year) whose days meet it there.
 * - A stay's status is the one on record; its dates decide whether it falls before the cut-off.
 */
import { buildLedger, type Flow, type Tolerance } from '../balance/ledger.ts';
import { capStatus, type CapStatus } from '../scholarship/cap.ts';
import {
  addDays,
  addMonths,
  compareIso,
  daysInMonth,
  dayNumber,
  formatDate,
  parseIsoDate,
  stayEndDate,
  type IsoDate,
} from '../scholarship/dates.ts';
import { fiscalYearOf, fiscalYearRange } from '../scholarship/fiscal-year.ts';
import { fromMonthUnits, toMonthUnits } from '../scholarship/months.ts';
import { advisoryWindow, type AdvisoryLevel } from '../scholarship/safety.ts';
import type { MobilityState } from '../mobility/mobility-workflow.ts';
import type { YearPlan } from '../program/application.ts';

// ── The records the report reads ─────────────────────────────────────────────────────────────

/** Relative to the project's Japanese consortium: `sent` from it, `received` by it. */
export type Direction = 'sent' | 'received';

export interface ReportStay {
  id: string;
  homeInstitutionId: string;
  hostInstitutionId: string;
  direction: Direction;
  /** bachelor, master, doctor (R3) or another level the home university records. */
  level: string;
  /** ISCED-F 2013 field (four digits). */
  iscedField: string;
  /** The program component (exchange type of item 8), when the project has several. */
  component?: string | null;
  /** ISO 3166-1 alpha-2 of the host, for advisories (R19). */
  hostCountry?: string | null;
  startDate: IsoDate;
  months: number;
  status: MobilityState;
}

export interface ReportRecognition {
  stayId: string;
  decidedOn: IsoDate;
  outcome: 'full' | 'partial' | 'none';
  /** The home credit system (e.g. `jp-tan-i`, `ects`). */
  creditSystem: string;
  creditsPlanned: number;
  creditsRecognised: number;
}

export type ReportPayment =
  | {
      kind: 'stipend';
      stayId?: string;
      months: number;
      amountJpy: number;
      paidOn: IsoDate;
      /**
       * The fiscal year of the student-month paid (the scholarship ledger's `fiscalYear`): R14
       * holds months against the cap of their own year, whenever they are paid. Unset: the
       * fiscal year of `paidOn`.
       */
      fiscalYear?: number;
    }
  | { kind: 'travel'; stayId?: string; trips: number; amountJpy: number; paidOn: IsoDate };

export interface ReportEvent {
  id: string;
  heldOn: IsoDate;
  participants: number;
  cancelled?: boolean;
}

export interface ReportAdvisory {
  id: string;
  country: string;
  level: AdvisoryLevel;
  from: IsoDate;
  until?: IsoDate | null;
  liftedOn?: IsoDate | null;
}

export interface ImplementationRecords {
  stays: readonly ReportStay[];
  recognitions: readonly ReportRecognition[];
  payments: readonly ReportPayment[];
  /** Item 10 of 003 §6(1): the application's numbers per project year. */
  planned: readonly YearPlan[];
  events: readonly ReportEvent[];
  advisories: readonly ReportAdvisory[];
}

export interface ImplementationOptions {
  fiscalYear: number;
  /** The funder's cut-off date; check it first with `cutOffProblem` (lifecycle.ts). */
  cutOff: IsoDate;
  /** The month the fiscal year starts in (program data; Japan: April). */
  fiscalYearStartMonth: number;
  /** The partner a stay counts for; by default the other side's institution. */
  partnerOf?: (stay: ReportStay) => string;
  /** R14: the cap in student-months per fiscal year (program data). */
  capStudentMonths: number;
  /** R14: student-months committed for the year (published places); default: those paid. */
  committedStudentMonths?: number;
  /** The year's budget, in yen, when the funder set one. */
  budget?: { stipendJpy?: number | null; travelJpy?: number | null } | null;
  /** R4: the program's balance tolerance. */
  balanceTolerance: Tolerance;
}

// ── The figures ──────────────────────────────────────────────────────────────────────────────

export const DURATION_BANDS = ['under_1', '1_to_3', 'over_3'] as const;
export type DurationBand = (typeof DURATION_BANDS)[number];

/** The band of a stay of `months` months (1 and 3 included in `1_to_3`). */
export function durationBand(months: number): DurationBand {
  if (months < 1) return 'under_1';
  if (months <= 3) return '1_to_3';
  return 'over_3';
}

/** The states in which a stay has taken place (the student left home). */
export const TOOK_PLACE: readonly MobilityState[] = [
  'departed',
  'arrived',
  'completed',
  'transcript_issued',
  'recognised',
  'interrupted',
];
/** States that never lead to a stay: left out of the planned figures too. */
const NEVER_TOOK_PLACE: readonly MobilityState[] = ['refused', 'withdrawn'];

export interface Breakdown extends Flow {
  /** The partner, component, level, field or band; '' for stays without a component. */
  key: string;
}

export interface RecognitionFigures {
  creditSystem: string;
  decided: number;
  full: number;
  partial: number;
  none: number;
  creditsPlanned: number;
  creditsRecognised: number;
  /** R7: recognised ÷ planned credits; null when nothing was planned. */
  rate: number | null;
}

export interface MoneyLine {
  spentJpy: number;
  budgetJpy: number | null;
  /** budget − spent; null without a budget (negative when over it). */
  remainingJpy: number | null;
}

export interface PlanFigures {
  students: number;
  studentMonths: number;
}

export interface AdvisoryFigures {
  id: string;
  country: string;
  level: AdvisoryLevel;
  /** The days of the counted period it covered, both ends inclusive. */
  from: IsoDate;
  last: IsoDate;
  days: number;
  /** Sent stays that took place in the country whose days met the advisory in the period. */
  staysConcerned: number;
}

export interface ImplementationFigures {
  fiscalYear: number;
  cutOff: IsoDate;
  /** The counted period: the fiscal year's first day to the cut-off (or the year's last day). */
  period: { start: IsoDate; end: IsoDate };
  students: Flow;
  studentMonthsElapsed: { sent: number; received: number };
  byPartner: Breakdown[];
  byComponent: Breakdown[];
  byLevel: Breakdown[];
  byField: Breakdown[];
  byDuration: Breakdown[];
  recognition: RecognitionFigures[];
  scholarships: MoneyLine & { months: number; payments: number };
  travel: MoneyLine & { trips: number; payments: number };
  /** R14: the fiscal year's student-months paid by the cut-off against the cap. */
  cap: CapStatus;
  /** R4: the fiscal year's flows (planned: every stay not refused or withdrawn) and since the start. */
  balance: {
    fiscalYear: { planned: Flow; realised: Flow };
    cumulative: { planned: Flow; realised: Flow };
    tolerance: Tolerance;
    warnings: ReturnType<typeof buildLedger>['warnings'];
  };
  /** Item 10 of 003 §6(1) against what happened; null when the application gave no numbers. */
  plannedVsActual: {
    planned: { outbound: PlanFigures; inbound: PlanFigures } | null;
    actual: { outbound: PlanFigures; inbound: PlanFigures };
  };
  events: { held: number; participants: number };
  advisories: AdvisoryFigures[];
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const within = (date: IsoDate, p: { start: IsoDate; end: IsoDate }) =>
  compareIso(date, p.start) >= 0 && compareIso(date, p.end) <= 0;

const emptyFlow = (): Flow => ({
  sentStudents: 0,
  receivedStudents: 0,
  sentMonths: 0,
  receivedMonths: 0,
});

function addStay(flow: Flow, stay: ReportStay): void {
  if (stay.direction === 'sent') {
    flow.sentStudents += 1;
    flow.sentMonths = fromMonthUnits(toMonthUnits(flow.sentMonths) + toMonthUnits(stay.months));
  } else {
    flow.receivedStudents += 1;
    flow.receivedMonths = fromMonthUnits(
      toMonthUnits(flow.receivedMonths) + toMonthUnits(stay.months),
    );
  }
}

function roundFlow<T extends Flow>(f: T): T {
  return { ...f, sentMonths: round2(f.sentMonths), receivedMonths: round2(f.receivedMonths) };
}

function breakdown(stays: readonly ReportStay[], keyOf: (s: ReportStay) => string): Breakdown[] {
  const rows = new Map<string, Breakdown>();
  for (const s of stays) {
    const key = keyOf(s);
    let row = rows.get(key);
    if (!row) {
      row = { key, ...emptyFlow() };
      rows.set(key, row);
    }
    addStay(row, s);
  }
  return [...rows.values()].map(roundFlow).sort((a, b) => compareIso(a.key, b.key));
}

/**
 * The months of a stay run by `date` (inclusive): whole months from the start, then the days
 * left as a share of that month; the stay's recorded months at most.
 */
export function monthsElapsed(start: IsoDate, months: number, date: IsoDate): number {
  if (compareIso(date, start) < 0) return 0;
  if (compareIso(date, stayEndDate(start, months)) >= 0) return months;
  const s = parseIsoDate(start);
  let whole = 0;
  // The day after the last whole month run by `date`.
  let next = start;
  for (;;) {
    const ym = addMonths({ year: s.year, month: s.month }, whole + 1);
    const candidate = formatDate({ ...ym, day: Math.min(s.day, daysInMonth(ym.year, ym.month)) });
    if (compareIso(candidate, addDays(date, 1)) > 0) break;
    whole += 1;
    next = candidate;
  }
  const n = parseIsoDate(next);
  const partDays = dayNumber(date) - dayNumber(next) + 1;
  return Math.min(months, round2(whole + partDays / daysInMonth(n.year, n.month)));
}

function money(spentJpy: number, budgetJpy: number | null | undefined): MoneyLine {
  const budget = budgetJpy ?? null;
  return { spentJpy, budgetJpy: budget, remainingJpy: budget === null ? null : budget - spentJpy };
}

/** Every figure of the implementation report of one project and fiscal year (R20). */
export function implementationFigures(
  records: ImplementationRecords,
  options: ImplementationOptions,
): ImplementationFigures {
  const { fiscalYear, cutOff, fiscalYearStartMonth } = options;
  const fy = fiscalYearRange(fiscalYear, fiscalYearStartMonth);
  const period = { start: fy.start, end: compareIso(cutOff, fy.end) < 0 ? cutOff : fy.end };
  const partnerOf =
    options.partnerOf ??
    ((s: ReportStay) => (s.direction === 'sent' ? s.hostInstitutionId : s.homeInstitutionId));

  const tookPlace = (s: ReportStay) => TOOK_PLACE.includes(s.status);
  const stays = records.stays.filter((s) => within(s.startDate, period) && tookPlace(s));

  const students = roundFlow(stays.reduce((f, s) => (addStay(f, s), f), emptyFlow()));
  const elapsed = { sent: 0, received: 0 };
  for (const s of stays) {
    elapsed[s.direction] += toMonthUnits(monthsElapsed(s.startDate, s.months, period.end));
  }

  // R7: decisions taken in the period, per home credit system.
  const bySystem = new Map<string, RecognitionFigures>();
  for (const r of records.recognitions) {
    if (!within(r.decidedOn, period)) continue;
    let row = bySystem.get(r.creditSystem);
    if (!row) {
      row = {
        creditSystem: r.creditSystem,
        decided: 0,
        full: 0,
        partial: 0,
        none: 0,
        creditsPlanned: 0,
        creditsRecognised: 0,
        rate: null,
      };
      bySystem.set(r.creditSystem, row);
    }
    row.decided += 1;
    row[r.outcome] += 1;
    row.creditsPlanned += r.creditsPlanned;
    row.creditsRecognised += r.creditsRecognised;
  }
  const round4 = (n: number) => Number(n.toFixed(4));
  const recognition = [...bySystem.values()]
    .map((r) => ({
      ...r,
      creditsPlanned: round4(r.creditsPlanned),
      creditsRecognised: round4(r.creditsRecognised),
      rate: r.creditsPlanned > 0 ? round4(r.creditsRecognised / r.creditsPlanned) : null,
    }))
    .sort((a, b) => compareIso(a.creditSystem, b.creditSystem));

  // Payments made in the period; scholarship months in exact units (R14).
  let stipendUnits = 0;
  let capUnits = 0;
  let stipendJpy = 0;
  let stipendPayments = 0;
  let trips = 0;
  let travelJpy = 0;
  let travelPayments = 0;
  for (const p of records.payments) {
    if (
      p.kind === 'stipend' &&
      compareIso(p.paidOn, period.end) <= 0 &&
      (p.fiscalYear ?? fiscalYearOf(p.paidOn, fiscalYearStartMonth)) === fiscalYear
    ) {
      capUnits += toMonthUnits(p.months);
    }
    if (!within(p.paidOn, period)) continue;
    if (p.kind === 'stipend') {
      stipendUnits += toMonthUnits(p.months);
      stipendJpy += p.amountJpy;
      stipendPayments += 1;
    } else {
      trips += p.trips;
      travelJpy += p.amountJpy;
      travelPayments += 1;
    }
  }
  const paidMonths = fromMonthUnits(stipendUnits);
  const capPaid = fromMonthUnits(capUnits);
  const cap = capStatus(
    options.capStudentMonths,
    options.committedStudentMonths ?? capPaid,
    capPaid,
  );

  // R4: every stay started by the cut-off; years are the program's fiscal years.
  const ledgerStays = records.stays.filter(
    (s) => compareIso(s.startDate, period.end) <= 0 && !NEVER_TOOK_PLACE.includes(s.status),
  );
  const ledger = buildLedger(
    ledgerStays.map((s) => ({
      outgoing: s.direction === 'sent',
      startDate: s.startDate,
      months: s.months,
      realised: tookPlace(s),
    })),
    fiscalYearStartMonth,
    options.balanceTolerance,
  );
  const row = ledger.years.find((y) => y.academicYear === fiscalYear);
  const balance = {
    fiscalYear: { planned: row?.planned ?? emptyFlow(), realised: row?.realised ?? emptyFlow() },
    cumulative: ledger.total,
    tolerance: ledger.tolerance,
    warnings: ledger.warnings.filter(
      (w) => w.academicYear === fiscalYear || w.academicYear === 'total',
    ),
  };

  // Item 10: the plan of this fiscal year.
  const plan = records.planned.find((p) => p.fiscalYear === fiscalYear) ?? null;
  const plannedVsActual = {
    planned: plan
      ? {
          outbound: {
            students: plan.outbound.students,
            studentMonths: plan.outbound.studentMonths,
          },
          inbound: { students: plan.inbound.students, studentMonths: plan.inbound.studentMonths },
        }
      : null,
    actual: {
      outbound: { students: students.sentStudents, studentMonths: students.sentMonths },
      inbound: { students: students.receivedStudents, studentMonths: students.receivedMonths },
    },
  };

  const events = records.events.filter((e) => !e.cancelled && within(e.heldOn, period));

  // R19: advisories whose window meets the period, cut to it.
  const advisories: AdvisoryFigures[] = [];
  for (const a of records.advisories) {
    const w = advisoryWindow(a);
    if (!w) continue;
    const from = compareIso(w.from, period.start) > 0 ? w.from : period.start;
    const last = w.last !== null && compareIso(w.last, period.end) < 0 ? w.last : period.end;
    if (compareIso(last, from) < 0) continue;
    // Any stay that took place, whatever year it started in, whose days meet the cut window.
    const staysConcerned = records.stays.filter(
      (s) =>
        s.direction === 'sent' &&
        tookPlace(s) &&
        s.hostCountry === a.country &&
        compareIso(s.startDate, last) <= 0 &&
        compareIso(stayEndDate(s.startDate, s.months), from) >= 0,
    ).length;
    advisories.push({
      id: a.id,
      country: a.country,
      level: a.level,
      from,
      last,
      days: dayNumber(last) - dayNumber(from) + 1,
      staysConcerned,
    });
  }
  advisories.sort((a, b) => compareIso(a.from, b.from) || compareIso(a.id, b.id));

  return {
    fiscalYear,
    cutOff,
    period,
    students,
    studentMonthsElapsed: {
      sent: round2(fromMonthUnits(elapsed.sent)),
      received: round2(fromMonthUnits(elapsed.received)),
    },
    byPartner: breakdown(stays, partnerOf),
    byComponent: breakdown(stays, (s) => s.component ?? ''),
    byLevel: breakdown(stays, (s) => s.level),
    byField: breakdown(stays, (s) => s.iscedField),
    byDuration: breakdown(stays, (s) => durationBand(s.months)).sort(
      (a, b) =>
        DURATION_BANDS.indexOf(a.key as DurationBand) -
        DURATION_BANDS.indexOf(b.key as DurationBand),
    ),
    recognition,
    scholarships: {
      ...money(stipendJpy, options.budget?.stipendJpy),
      months: round2(paidMonths),
      payments: stipendPayments,
    },
    travel: { ...money(travelJpy, options.budget?.travelJpy), trips, payments: travelPayments },
    cap,
    balance,
    plannedVsActual,
    events: { held: events.length, participants: events.reduce((n, e) => n + e.participants, 0) },
    advisories,
  };
}
