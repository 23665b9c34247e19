/**
 * Types of the allocation engine: the instance and the result of the format
 * `kakehashi-allocation/1` (docs/formats/allocation.md), and what the mechanisms return
 * besides the result (the trace used by `explain`).
 *
 * Sources: 003 §5(4) — "the number of exchange students and the exchange period should be
 * balanced between consortia" (R4); 003 §4 — up to 30 students a year at 12 months (R14).
 */

export type BalanceScope = 'university' | 'consortium' | 'side' | 'agreement' | 'none';
export type BalanceUnit = 'students' | 'months';
export type Mechanism = '2s-ttc' | 'optimal' | 'serial-dictatorship';
export type Objective = 'students' | 'months' | 'welfare';

export const MECHANISMS: readonly Mechanism[] = ['2s-ttc', 'optimal', 'serial-dictatorship'];
export const OBJECTIVES: readonly Objective[] = ['students', 'months', 'welfare'];

export const INSTANCE_FORMAT = 'kakehashi-allocation/1';
export const RESULT_FORMAT = 'kakehashi-allocation-result/1';

export interface AllocationRules {
  balanceScope: BalanceScope;
  balanceUnit: BalanceUnit;
  /** Largest allowed |sent − received| per balance unit, in the balance unit. */
  tolerance: number;
  /** Most student-months of funded students placed in total (R14: 360); null = none. */
  fundedMonthsCap: number | null;
  /** Most yen for placed funded students (stipendPerMonth × months + travelCost); null = none. */
  yenCap: number | null;
  stipendPerMonth: number;
}

export interface University {
  id: string;
  side: string;
  consortium: string | null;
  importCap: number | null;
  exportCap: number | null;
}

export interface Agreement {
  from: string;
  to: string;
  slots: number;
  monthsCap: number | null;
}

export interface Student {
  id: string;
  home: string;
  score: number;
  months: number;
  funded: boolean;
  travelCost: number;
  prefs: string[];
  /** Hosts whose screening the student passed; absent = every host in `prefs`. */
  acceptedBy?: string[] | undefined;
}

export interface AllocationInstance {
  format: typeof INSTANCE_FORMAT;
  rules: AllocationRules;
  universities: University[];
  agreements: Agreement[];
  students: Student[];
}

export interface Assignment {
  student: string;
  host: string;
}

export interface AllocationStats {
  placed: number;
  placedMonths: number;
  /** Wall-clock seconds; 0 when the caller passed no clock (the domain has none). */
  seconds: number;
  /** How the result was computed, e.g. `min-cost-circulation` or `mip:highs`. */
  solver?: string;
  /**
   * For `optimal`: true when the solver proved the optimum; false when the MIP solver stopped
   * at its time limit first (`stopped`), the allocation then being the best one found, at most
   * `bounds.upper − bounds.lower` from the optimum.
   */
  proven?: boolean;
  /** For `optimal` when not proven: why it stopped (`limit`: the MIP solver's time limit). */
  stopped?: 'limit';
  /** For `optimal`: the value of the objective reached. */
  objectiveValue?: number;
  /**
   * For `optimal`: what proved the optimum — `network` (a min-cost circulation is exact),
   * `lagrangian-bounds-met` (a feasible allocation reached the Lagrangian upper bound),
   * `mip-on-counts` (the integer program with integer counts per agreement and stay length
   * only, students continuous — exact because the rest is a network), `mip` (the
   * whole integer program), `branch-and-bound` (our exhaustive search, small instances).
   */
  proof?: OptimalProof;
  /** For `optimal` by bounds: the final lower (reached) and upper (proven) objective bounds. */
  bounds?: { lower: number; upper: number };
  /** For `optimal` by bounds: the bounds after each phase (lower null before the first). */
  phases?: OptimalPhase[];
}

export type OptimalProof =
  'network' | 'lagrangian-bounds-met' | 'mip-on-counts' | 'mip' | 'branch-and-bound';

export interface OptimalPhase {
  name: string;
  lower: number | null;
  upper: number | null;
  /** upper − lower (null while a bound is missing). */
  gap: number | null;
  /** Seconds since the start of `optimal` when the phase ended (0 without a clock). */
  seconds: number;
  /** For `mip-on-counts`: integer variables of the program, of how many variables. */
  freeVariables?: number;
  variables?: number;
}

export interface AllocationResult {
  format: typeof RESULT_FORMAT;
  mechanism: Mechanism;
  objective: Objective | null;
  assignments: Assignment[];
  stats: AllocationStats;
}

/** Why a better choice did not become the student's host. */
export const ALLOCATION_REFUSALS = [
  'refused', // the host's screening did not accept the student
  'agreement-full', // the agreement's slots were taken
  'agreement-months-full', // the agreement's months cap was reached
  'host-full', // the host's import cap was reached
  'home-export-full', // the home university's export cap was reached
  'funder-cap', // the funded-months or yen cap (R14) would be exceeded
  'balance', // placing the student there would break balance (R4)
  'not-chosen', // feasible, but the mechanism's objective preferred another allocation
  'trimmed', // placed by the baseline, then removed to restore balance
] as const;
export type Refusal = (typeof ALLOCATION_REFUSALS)[number];

/** Per-student facts a mechanism records so that `explain` can tell the story. */
export interface AllocationTrace {
  /** Indexed like `instance.students`: for each entry of that student's prefs, the refusal
   * recorded when the mechanism gave up on it (undefined = never examined / not refused). */
  refusals: (Refusal | undefined)[][];
  /** 2S-TTC: the cycles traded, each a list of instance student indices. */
  cycles: number[][];
  /** Instance student index → cycle number, −1 if none. */
  cycleOf: Int32Array;
  /** Instance student index → how the student was placed. */
  phase: ('cycle' | 'residue' | 'serial' | 'optimum' | 'home' | 'trimmed')[];
}

export interface AllocationOutcome {
  result: AllocationResult;
  trace: AllocationTrace | null;
}

/** A monotone clock in milliseconds, injected by the caller (the domain reads no clock). */
export type Clock = () => number;
