import { academicYearOf } from './academic-year.ts';

/**
 * The balance ledger (R4, 003 §5(4)): students and months sent and received, planned
 * (nominations) and realised (mobilities that took place), per academic year and in total,
 * against a tolerance; a warning when one direction runs ahead.
 */

export interface LedgerMobility {
  /** true when the mobility goes from the ledger's own side ("us") to the other side. */
  outgoing: boolean;
  startDate: string;
  months: number;
  realised: boolean;
}

/**
 * Stays grouped by what the ledger reads of them: direction, the month they start in, their
 * length and whether they took place. A group of `students` stays counts as that many mobilities
 * of the same start month and length (the ledger reads only the year and month of a start).
 */
export interface LedgerGroup {
  outgoing: boolean;
  /** A day (YYYY-MM-DD) of the month the stays start in; only its year and month are read. */
  startDate: string;
  /** The length of each stay of the group. */
  months: number;
  realised: boolean;
  /** How many stays the group holds (at least 1). */
  students: number;
}

/** States in which a mobility took place: the realised side of an agreement's ledger. */
export const REALISED_STATES: readonly string[] = [
  'departed',
  'arrived',
  'completed',
  'transcript_issued',
  'recognised',
];
/** Nominations that no longer count at all, planned or realised. */
export const CANCELLED_STATES: readonly string[] = ['refused', 'withdrawn'];

export interface Flow {
  sentStudents: number;
  receivedStudents: number;
  sentMonths: number;
  receivedMonths: number;
}

export interface LedgerRow {
  academicYear: number;
  planned: Flow;
  realised: Flow;
}

export interface Tolerance {
  students: number;
  months: number;
}

export interface BalanceWarning {
  rule: 'R4';
  academicYear: number | 'total';
  state: 'planned' | 'realised';
  unit: 'students' | 'months';
  /** sent − received, in the unit. */
  difference: number;
  tolerance: number;
  ahead: 'sent' | 'received';
}

export interface Ledger {
  years: LedgerRow[];
  total: { planned: Flow; realised: Flow };
  tolerance: Tolerance;
  warnings: BalanceWarning[];
}

const emptyFlow = (): Flow => ({
  sentStudents: 0,
  receivedStudents: 0,
  sentMonths: 0,
  receivedMonths: 0,
});
const round = (x: number) => Math.round(x * 100) / 100;

function add(flow: Flow, m: LedgerMobility): void {
  if (m.outgoing) {
    flow.sentStudents += 1;
    flow.sentMonths = round(flow.sentMonths + m.months);
  } else {
    flow.receivedStudents += 1;
    flow.receivedMonths = round(flow.receivedMonths + m.months);
  }
}

/**
 * `students` stays of `months` each: the sum the per-mobility `add` reaches after adding them one
 * by one (each addition rounds to the hundredth, so each stay adds its months to the hundredth).
 */
function addGroup(flow: Flow, g: LedgerGroup): void {
  const months = g.students * round(g.months);
  if (g.outgoing) {
    flow.sentStudents += g.students;
    flow.sentMonths = round(flow.sentMonths + months);
  } else {
    flow.receivedStudents += g.students;
    flow.receivedMonths = round(flow.receivedMonths + months);
  }
}

/**
 * Builds the ledger. Every nomination counts as planned; those that took place also count as
 * realised. Years follow the calendar whose year starts in `startMonth` (the viewer's side).
 */
export function buildLedger(
  mobilities: readonly LedgerMobility[],
  startMonth: number,
  tolerance: Tolerance,
): Ledger {
  const byYear = new Map<number, LedgerRow>();
  const total = { planned: emptyFlow(), realised: emptyFlow() };
  for (const m of mobilities) {
    const year = academicYearOf(m.startDate, startMonth);
    let row = byYear.get(year);
    if (!row) {
      row = { academicYear: year, planned: emptyFlow(), realised: emptyFlow() };
      byYear.set(year, row);
    }
    add(row.planned, m);
    add(total.planned, m);
    if (m.realised) {
      add(row.realised, m);
      add(total.realised, m);
    }
  }
  return finish(byYear, total, tolerance);
}

/** Sorts the years and checks each year and the total against the tolerance (R4 warnings). */
function finish(
  byYear: Map<number, LedgerRow>,
  total: { planned: Flow; realised: Flow },
  tolerance: Tolerance,
): Ledger {
  const years = [...byYear.values()].sort((a, b) => a.academicYear - b.academicYear);
  const warnings: BalanceWarning[] = [];
  const check = (academicYear: number | 'total', state: 'planned' | 'realised', f: Flow) => {
    const units = [
      ['students', f.sentStudents - f.receivedStudents, tolerance.students],
      ['months', round(f.sentMonths - f.receivedMonths), tolerance.months],
    ] as const;
    for (const [unit, difference, tol] of units) {
      if (Math.abs(difference) > tol) {
        warnings.push({
          rule: 'R4',
          academicYear,
          state,
          unit,
          difference,
          tolerance: tol,
          ahead: difference > 0 ? 'sent' : 'received',
        });
      }
    }
  };
  for (const row of years) {
    check(row.academicYear, 'planned', row.planned);
    check(row.academicYear, 'realised', row.realised);
  }
  check('total', 'planned', total.planned);
  check('total', 'realised', total.realised);
  return { years, total, tolerance, warnings };
}

/**
 * The same ledger as `buildLedger`, from stays grouped beforehand (`LedgerGroup`): a group of n
 * stays gives exactly what its n mobilities give, so the stays can be counted where they are
 * stored and only the groups read.
 */
export function buildLedgerFromGroups(
  groups: readonly LedgerGroup[],
  startMonth: number,
  tolerance: Tolerance,
): Ledger {
  const byYear = new Map<number, LedgerRow>();
  const total = { planned: emptyFlow(), realised: emptyFlow() };
  for (const g of groups) {
    if (g.students <= 0) continue;
    const year = academicYearOf(g.startDate, startMonth);
    let row = byYear.get(year);
    if (!row) {
      row = { academicYear: year, planned: emptyFlow(), realised: emptyFlow() };
      byYear.set(year, row);
    }
    addGroup(row.planned, g);
    addGroup(total.planned, g);
    if (g.realised) {
      addGroup(row.realised, g);
      addGroup(total.realised, g);
    }
  }
  return finish(byYear, total, tolerance);
}
