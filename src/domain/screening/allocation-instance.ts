/**
 * Hand-off to allocation: a screened call becomes an instance of the format
 * `kakehashi-allocation/1` (docs/formats/allocation.md). The types are declared here, from the
 * format document, so that screening does not depend on the allocation engine's code.
 *
 * Mapping:
 * - `universities`: every university of the call, with its country side and consortium. A host's
 *   `importCap` is the total of its places when any of them is pooled (see `CallPlace`), else the
 *   `importCap` given with the university (or `null`); the smaller of the two when both exist.
 * - `agreements`: one directed pair per sender and host. A pooled place (`from: null`) opens the
 *   host to every university of another side, each pair up to `slots` (the host's `importCap`
 *   keeps the total); a place with `from` gives each listed sender `slots` of its own. Places of
 *   the same pair add up (`monthsCap` adds up too, `null` when any is `null`).
 * - `students`: the applicants that are eligible, not withdrawn, scored, at or above the rubric's
 *   pass mark, and have at least one usable preference, in rank order. `prefs` are the hosts
 *   open to them (eligibility), in their order, that have an agreement from their home.
 *   `funded` is the R9 entitlement (003 §2(2)). `score` is the common score; within a tie, lowered by less than
 *   the gap to the next lower score so that the engine's order follows the rank list's
 *   tie-breaks (normalised grade, then submission time) rather than its own tie-break by id.
 * - `rules`: the program's allocation rules, copied (R4 balance, R11 stipend, R14 cap).
 */
import { ScreeningError } from './errors.ts';
import { rankApplicants } from './rank.ts';

export const ALLOCATION_INSTANCE_FORMAT = 'kakehashi-allocation/1';

export interface AllocationRules {
  balanceScope: 'university' | 'consortium' | 'side' | 'agreement' | 'none';
  balanceUnit: 'students' | 'months';
  tolerance: number;
  fundedMonthsCap: number | null;
  yenCap: number | null;
  stipendPerMonth: number;
}

export interface AllocationInstance {
  format: typeof ALLOCATION_INSTANCE_FORMAT;
  rules: AllocationRules;
  universities: {
    id: string;
    side: string;
    consortium: string | null;
    importCap: number | null;
    exportCap: number | null;
  }[];
  agreements: { from: string; to: string; slots: number; monthsCap: number | null }[];
  students: {
    id: string;
    home: string;
    score: number;
    months: number;
    funded: boolean;
    travelCost: number;
    prefs: string[];
    acceptedBy?: string[];
  }[];
}

export interface HandOffCall {
  id: string;
  /** Every university of the call: sending members and hosts. */
  universities: readonly {
    id: string;
    /** Country side, e.g. `JP`, `RU`, `FR`. */
    side: string;
    consortium: string | null;
    importCap?: number | null;
    exportCap?: number | null;
  }[];
  /** The rubric's pass mark (0–100); `null` = none. */
  passMark: number | null;
}

export interface CallPlace {
  host: string;
  slots: number;
  monthsCap: number | null;
  /** Senders with places of their own; `null` = a pool open to every university of another side. */
  from: readonly string[] | null;
}

export interface HandOffApplicant {
  id: string;
  home: string;
  /** Requested stay in months. */
  months: number;
  /** Result of `checkEligibility`. */
  eligible: boolean;
  /** Hosts open to the applicant in their order (`EligibilityResult.eligibleHosts`). */
  eligibleHosts: readonly string[];
  /** R9 entitlement (`EligibilityResult.funding?.entitled ?? false`). */
  funded: boolean;
  /** Round-trip economy fare in yen (R13); 0 when unknown or not funded. */
  travelCost: number;
  withdrawn: boolean;
  /** Common score (`ApplicantScore.score`) when screening is complete; `null` otherwise. */
  score: number | null;
  normalisedGrade: number | null;
  submittedAt: string;
  /** Hosts whose own screening the applicant passed; `undefined` = every host in `prefs`. */
  acceptedBy?: readonly string[];
}

export type OmissionReason =
  'not_eligible' | 'withdrawn' | 'not_scored' | 'below_pass_mark' | 'no_usable_preferences';

export interface HandOff {
  instance: AllocationInstance;
  /** Applicants left out of the instance, and why. */
  omitted: { applicantId: string; reason: OmissionReason }[];
}

function fail(path: string, message: string): never {
  throw new ScreeningError('invalid_hand_off', `${path}: ${message}`, { path });
}

/** The instance and the list of applicants left out. */
export function buildAllocationHandOff(
  call: HandOffCall,
  applicants: readonly HandOffApplicant[],
  places: readonly CallPlace[],
  rules: AllocationRules,
): HandOff {
  const byId = new Map(call.universities.map((u) => [u.id, u]));
  if (byId.size !== call.universities.length) fail('universities', 'duplicate university id');

  // Agreements, merged per directed pair, and pooled places per host.
  const pairs = new Map<
    string,
    { from: string; to: string; slots: number; monthsCap: number | null }
  >();
  const pooled = new Map<string, number>();
  const pairTotal = new Map<string, number>();
  places.forEach((p, i) => {
    const host = byId.get(p.host);
    if (!host) fail(`places[${i}].host`, `unknown university "${p.host}"`);
    if (!Number.isInteger(p.slots) || p.slots < 0)
      fail(`places[${i}].slots`, 'must be a whole number ≥ 0');
    const senders =
      p.from ?? call.universities.filter((u) => u.side !== host.side).map((u) => u.id);
    p.from?.forEach((s, j) => {
      if (!byId.has(s)) fail(`places[${i}].from[${j}]`, `unknown university "${s}"`);
    });
    if (p.from === null) pooled.set(p.host, (pooled.get(p.host) ?? 0) + p.slots);
    else pairTotal.set(p.host, (pairTotal.get(p.host) ?? 0) + p.slots * p.from.length);
    for (const from of senders) {
      if (from === p.host) continue;
      const key = `${from}\u0000${p.host}`;
      const prev = pairs.get(key);
      if (!prev) {
        pairs.set(key, { from, to: p.host, slots: p.slots, monthsCap: p.monthsCap });
      } else {
        prev.slots += p.slots;
        prev.monthsCap =
          prev.monthsCap === null || p.monthsCap === null ? null : prev.monthsCap + p.monthsCap;
      }
    }
  });

  const minCap = (a: number | null, b: number | null) =>
    a === null ? b : b === null ? a : Math.min(a, b);
  const universities = call.universities.map((u) => {
    const pool = pooled.get(u.id);
    const computed = pool === undefined ? null : pool + (pairTotal.get(u.id) ?? 0);
    return {
      id: u.id,
      side: u.side,
      consortium: u.consortium,
      importCap: minCap(computed, u.importCap ?? null),
      exportCap: u.exportCap ?? null,
    };
  });
  const agreements = [...pairs.values()];

  // Students.
  const omitted: HandOff['omitted'] = [];
  const usable = new Map<string, { applicant: HandOffApplicant; prefs: string[] }>();
  applicants.forEach((a, i) => {
    if (!byId.has(a.home)) fail(`applicants[${i}].home`, `unknown university "${a.home}"`);
    if (a.withdrawn) return omitted.push({ applicantId: a.id, reason: 'withdrawn' });
    if (!a.eligible) return omitted.push({ applicantId: a.id, reason: 'not_eligible' });
    if (a.score === null) return omitted.push({ applicantId: a.id, reason: 'not_scored' });
    if (call.passMark !== null && a.score < call.passMark) {
      return omitted.push({ applicantId: a.id, reason: 'below_pass_mark' });
    }
    const prefs = [...new Set(a.eligibleHosts)].filter((h) => pairs.has(`${a.home}\u0000${h}`));
    if (prefs.length === 0)
      return omitted.push({ applicantId: a.id, reason: 'no_usable_preferences' });
    usable.set(a.id, { applicant: a, prefs });
    return undefined;
  });

  const ranked = rankApplicants(
    [...usable.values()].map(({ applicant: a }) => ({
      applicantId: a.id,
      score: a.score ?? 0,
      normalisedGrade: a.normalisedGrade,
      submittedAt: a.submittedAt,
    })),
  );
  const scores = encodeRankInScores(ranked);

  const students = ranked.map((r, i) => {
    const entry = usable.get(r.applicantId);
    if (!entry) return fail(`students[${i}]`, 'internal: lost applicant');
    const { applicant: a, prefs } = entry;
    const student: AllocationInstance['students'][number] = {
      id: a.id,
      home: a.home,
      score: scores[i] ?? r.score,
      months: a.months,
      funded: a.funded,
      travelCost: a.travelCost,
      prefs,
    };
    if (a.acceptedBy !== undefined) {
      student.acceptedBy = prefs.filter((h) => a.acceptedBy?.includes(h));
    }
    return student;
  });

  return {
    instance: {
      format: ALLOCATION_INSTANCE_FORMAT,
      rules: { ...rules },
      universities,
      agreements,
      students,
    },
    omitted,
  };
}

/**
 * Scores in rank order (highest first, ties already broken) → scores whose strict order is the
 * rank order. The first of a group of k equal scores keeps its score; the m-th (0-based) is
 * lowered by gap × m / k, where gap is the distance to the next lower score (0.01 at the bottom),
 * so no group reaches the one below it. Values are rounded to 6 decimals when that keeps the order.
 */
export function encodeRankInScores(ordered: readonly { score: number }[]): number[] {
  const raw = ordered.map((o) => o.score);
  const out: number[] = [];
  let i = 0;
  while (i < raw.length) {
    const s = raw[i] as number;
    let j = i;
    while (j + 1 < raw.length && raw[j + 1] === s) j++;
    const k = j - i + 1;
    const below = raw[j + 1];
    const gap = below === undefined ? 0.01 : Math.min(0.01, s - below);
    for (let m = 0; m < k; m++) out.push(s - (gap * m) / k);
    i = j + 1;
  }
  const rounded = out.map((v) => Math.round(v * 1e6) / 1e6);
  const keepsOrder = rounded.every((v, n) => n === 0 || (rounded[n - 1] as number) > v);
  return keepsOrder ? rounded : out;
}

/** The `kakehashi-allocation/1` instance of a call (see `buildAllocationHandOff`). */
export function toAllocationInstance(
  call: HandOffCall,
  applicants: readonly HandOffApplicant[],
  places: readonly CallPlace[],
  rules: AllocationRules,
): AllocationInstance {
  return buildAllocationHandOff(call, applicants, places, rules).instance;
}
