/**
 * The cap of 003 §4 (R14): "up to 30 [students a year] if they are sent for 12 months", kept as
 * a budget of student-months per fiscal year (program data; 360 for the 2003 pilot program). Places
 * are committed against it when they are published; payments are counted as paid.
 */
import { fromMonthUnits, toMonthUnits } from './months.ts';
import type { Schedule } from './types.ts';
import { refusal as refuse, type Refusal } from '../shared/refusal.ts';
import { SCHOLARSHIP_CODES as C } from './refusal-codes.ts';

export interface CapStatus {
  /** Student-months per fiscal year allowed by the program. */
  cap: number;
  /** Student-months of published places (scheduled, paid or not). */
  committed: number;
  /** Student-months already paid. */
  paid: number;
  /** cap − committed, never below zero. */
  remaining: number;
  /** committed − cap when over the cap (after a program change, say), otherwise 0. */
  overBy: number;
}

/** The cap of one fiscal year as committed / paid / remaining (all in student-months). */
export function capStatus(cap: number, committed: number, paid: number): CapStatus {
  const c = toMonthUnits(cap);
  const k = toMonthUnits(committed);
  return {
    cap,
    committed,
    paid,
    remaining: fromMonthUnits(Math.max(0, c - k)),
    overBy: fromMonthUnits(Math.max(0, k - c)),
  };
}

/** Student-months per fiscal year of some schedules (scheduled lines only), exact. */
export function monthsByFiscalYear(schedules: readonly Schedule[]): Map<number, number> {
  const units = new Map<number, number>();
  for (const s of schedules) {
    for (const t of s.byFiscalYear) {
      units.set(t.fiscalYear, (units.get(t.fiscalYear) ?? 0) + t.monthUnits);
    }
  }
  return new Map([...units].map(([fy, u]) => [fy, fromMonthUnits(u)]));
}

export interface CapCheckInput {
  capPerFiscalYear: number;
  /** Student-months already committed, per fiscal year (missing years: none). */
  committedByFiscalYear: ReadonlyMap<number, number>;
  /** Student-months already paid, per fiscal year (only shown in `after`). */
  paidByFiscalYear?: ReadonlyMap<number, number>;
  /** The schedules of the places about to be published. */
  places: readonly Schedule[];
}

export type CapCheck =
  | { ok: true; after: Map<number, CapStatus> }
  | { ok: false; refusal: Refusal; after: Map<number, CapStatus> };

/**
 * R14: publishing places may not commit more student-months in any fiscal year than the cap.
 * `after` shows each touched fiscal year as it would be; the refusal names the first year over.
 */
export function checkPlacesWithinCap(input: CapCheckInput): CapCheck {
  const adding = monthsByFiscalYear(input.places);
  const after = new Map<number, CapStatus>();
  let refusal: Refusal | null = null;
  for (const fy of [...adding.keys()].sort((a, b) => a - b)) {
    const before = input.committedByFiscalYear.get(fy) ?? 0;
    const add = adding.get(fy) ?? 0;
    const committed = fromMonthUnits(toMonthUnits(before) + toMonthUnits(add));
    after.set(
      fy,
      capStatus(input.capPerFiscalYear, committed, input.paidByFiscalYear?.get(fy) ?? 0),
    );
    if (!refusal && toMonthUnits(committed) > toMonthUnits(input.capPerFiscalYear)) {
      const remaining = capStatus(input.capPerFiscalYear, before, 0).remaining;
      refusal = refuse(
        C.placesOverCap,
        {
          fiscalYear: fy,
          requested: round2(add),
          remaining: round2(remaining),
          cap: input.capPerFiscalYear,
        },
        { rule: 'R14' },
      );
    }
  }
  return refusal ? { ok: false, refusal, after } : { ok: true, after };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
