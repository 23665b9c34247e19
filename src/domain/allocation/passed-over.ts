/**
 * Passed-over applicants: whom a mechanism's result leaves unplaced (or places lower in her own
 * ranking) while a lower-scored applicant holds a place at a host she ranked higher — and why.
 * An office must know this before it publishes (R6, 003 §5(6): screening scores are common to
 * both sides, so passing over a higher score needs a reason it can give).
 *
 * For each such pair the reason is found by trying the swap on the final allocation: the passed-
 * over applicant takes the other's place (she leaves her own, he goes home). What would break is
 * the reason, named with its numbers: the balance of a unit in students or months (R4,
 * 003 §5(4)), the agreement's slots or months, the host's place count, the home's export cap, the
 * funder's cap in funded months or yen (R14, 003 §4). When nothing would break, the mechanism's
 * own rule is the reason: the optimum's objective (or an equal optimum: it does not rank by
 * score), the 2S-TTC exchange cycle or residue phase that placed the other, or the serial order
 * (the place was closed at her turn and freed later by trimming for the balance).
 *
 * A host whose screening did not accept her (or with no agreement from her home) is not a pass-
 * over: the host decided, not the mechanism. "Lower-scored" is strictly lower: a tie broken by
 * the contract's id order is not a pass-over.
 */
import type { Compiled } from './compile.ts';
import { chosenFrom, compile, objectiveWeights } from './compile.ts';
import type { StudentExplanation } from './explain.ts';
import { CapacityState, R_NONE } from './state.ts';
import { PASSED_OVER_CODES } from './refusal-codes.ts';
import type { AllocationInstance, AllocationResult, Objective } from './types.ts';
import { refusal, type MessageParam, type Refusal } from '../shared/refusal.ts';

export type PassOverReason =
  | {
      kind: 'balance';
      measure: 'students' | 'months';
      unit: string;
      off: number;
      tolerance: number;
    }
  | { kind: 'agreement-slots'; from: string; to: string; slots: number }
  | { kind: 'agreement-months'; from: string; to: string; monthsCap: number; months: number }
  | { kind: 'import-cap'; host: string; cap: number }
  | { kind: 'export-cap'; home: string; cap: number }
  | { kind: 'funded-months'; cap: number; months: number }
  | { kind: 'yen'; cap: number }
  | { kind: 'objective'; objective: Objective; lost: number }
  | { kind: 'tie'; objective: Objective }
  | { kind: 'improvable'; objective: Objective }
  | { kind: 'cycle'; cycle: number }
  | { kind: 'residue' }
  | { kind: 'trimmed' }
  | { kind: 'serial' };

export interface PassOver {
  /** The applicant passed over, her score, and her outcome (null = stays home). */
  student: string;
  score: number;
  outcome: string | null;
  outcomeChoice: number | null;
  /** The host she ranked higher (1-based choice) that a lower-scored applicant got. */
  host: string;
  choice: number;
  /** Who got a place there instead, his score and months; `others` lower-scored ones there too. */
  instead: string;
  insteadScore: number;
  others: number;
  reason: PassOverReason;
}

/** Scores as people read them: two decimals. */
const shown = (score: number): number => Math.round(score * 100) / 100;

/** The capacity that stops s at pref entry k, with its numbers; null when none does. */
function capacityReason(
  c: Compiled,
  st: CapacityState,
  s: number,
  k: number,
): PassOverReason | null {
  if (st.capacityRefusal(s, k) === R_NONE) return null;
  const a = c.prefAg[k]!;
  const host = c.uniIds[c.prefHost[k]!]!;
  const home = c.uniIds[c.home[s]!]!;
  if (st.exportLeft[c.home[s]!]! <= 0)
    return { kind: 'export-cap', home, cap: c.exportCap[c.home[s]!]! };
  if (st.slotsLeft[a]! <= 0)
    return { kind: 'agreement-slots', from: home, to: host, slots: c.agSlots[a]! };
  if (st.monthsLeft[a]! < c.months[s]!) {
    return {
      kind: 'agreement-months',
      from: home,
      to: host,
      monthsCap: c.agMonthsCap[a]!,
      months: c.months[s]!,
    };
  }
  if (st.importLeft[c.prefHost[k]!]! <= 0) {
    return { kind: 'import-cap', host, cap: c.importCap[c.prefHost[k]!]! };
  }
  if (c.months[s]! > st.fundedMonthsLeft) {
    return { kind: 'funded-months', cap: c.fundedMonthsCap, months: c.months[s]! };
  }
  return { kind: 'yen', cap: c.yenCap };
}

/** The unit furthest outside the tolerance among `units`, or null when all are within it. */
function balanceReason(
  c: Compiled,
  st: CapacityState,
  units: readonly number[],
): PassOverReason | null {
  let worst = -1;
  for (const u of units) {
    if (u < 0) continue;
    const off = Math.abs(st.net[u]!);
    if (off > c.tolerance && (worst < 0 || off > Math.abs(st.net[worst]!))) worst = u;
  }
  if (worst < 0) return null;
  return {
    kind: 'balance',
    measure: c.inst.rules.balanceUnit,
    unit: c.unitNames[worst]!,
    off: Math.abs(st.net[worst]!),
    tolerance: c.tolerance,
  };
}

const unitsOf = (c: Compiled, k: number): number[] =>
  k < 0 ? [] : [c.agSrc[c.prefAg[k]!]!, c.agDst[c.prefAg[k]!]!];

/**
 * Every pass-over of a result, in priority order of the passed-over applicants (highest score
 * first), one per place she ranked higher. `explanations` (explain.ts, stored with each run) give
 * how the others were placed (cycle, residue) and her own refusals (trimmed).
 */
export function passedOver(
  inst: AllocationInstance,
  result: Pick<AllocationResult, 'assignments' | 'mechanism' | 'objective'>,
  explanations: readonly Pick<StudentExplanation, 'student' | 'how' | 'cycle' | 'better'>[],
): PassOver[] {
  const c = compile(inst);
  const chosen = chosenFrom(c, result.assignments);
  const st = new CapacityState(c);
  // Placed students per host, in priority order (highest first).
  const atHost: number[][] = Array.from({ length: c.nUni }, () => []);
  for (let s = 0; s < c.nStu; s++) {
    const k = chosen[s]!;
    if (k < 0) continue;
    st.place(s, k);
    atHost[c.prefHost[k]!]!.push(s);
  }
  const explanationOf = new Map(explanations.map((e) => [e.student, e]));
  const objective = result.objective ?? 'students';
  const weights = result.mechanism === 'optimal' ? objectiveWeights(c, objective) : null;
  const studentOf = (s: number) => inst.students[c.order[s]!]!;
  const out: PassOver[] = [];
  for (let s = 0; s < c.nStu; s++) {
    const me = studentOf(s);
    const cur = chosen[s]!;
    const start = c.prefStart[s]!;
    const upTo = cur >= 0 ? cur : c.prefStart[s + 1]!;
    for (let k = start; k < upTo; k++) {
      if (c.prefOk[k] === 0) continue;
      const placed = atHost[c.prefHost[k]!]!;
      // The lower-scored there: prefer one of her own home (the same agreement), then the lowest.
      let b = -1;
      let others = 0;
      for (let i = placed.length - 1; i >= 0; i--) {
        const x = placed[i]!;
        if (studentOf(x).score >= me.score) break;
        others++;
        if (b < 0 || (c.home[x] === c.home[s] && c.home[b] !== c.home[s])) b = x;
      }
      if (b < 0) continue;
      const kb = chosen[b]!;
      const him = studentOf(b);
      // The swap: she takes his place, he goes home.
      st.unplace(b, kb);
      if (cur >= 0) st.unplace(s, cur);
      let reason = capacityReason(c, st, s, k);
      if (!reason) {
        st.place(s, k);
        reason = balanceReason(c, st, [...unitsOf(c, k), ...unitsOf(c, kb), ...unitsOf(c, cur)]);
        st.unplace(s, k);
      }
      if (cur >= 0) st.place(s, cur);
      st.place(b, kb);
      reason ??= mechanismReason(c, result.mechanism, objective, weights, {
        k,
        kb,
        cur,
        mine: explanationOf.get(me.id),
        his: explanationOf.get(him.id),
        choice: k - start + 1,
      });
      out.push({
        student: me.id,
        score: shown(me.score),
        outcome: cur >= 0 ? c.uniIds[c.prefHost[cur]!]! : null,
        outcomeChoice: cur >= 0 ? cur - start + 1 : null,
        host: c.uniIds[c.prefHost[k]!]!,
        choice: k - start + 1,
        instead: him.id,
        insteadScore: shown(him.score),
        others: others - 1,
        reason,
      });
    }
  }
  return out;
}

/** The swap breaks nothing: the mechanism's own rule passed her over. */
function mechanismReason(
  c: Compiled,
  mechanism: AllocationResult['mechanism'],
  objective: Objective,
  weights: Float64Array | null,
  x: {
    k: number;
    kb: number;
    cur: number;
    mine: Pick<StudentExplanation, 'better'> | undefined;
    his: Pick<StudentExplanation, 'how' | 'cycle'> | undefined;
    choice: number;
  },
): PassOverReason {
  if (mechanism === 'optimal' && weights) {
    const lost = weights[x.kb]! + (x.cur >= 0 ? weights[x.cur]! : 0) - weights[x.k]!;
    if (lost > 0) return { kind: 'objective', objective, lost };
    return lost < 0 ? { kind: 'improvable', objective } : { kind: 'tie', objective };
  }
  if (mechanism === '2s-ttc') {
    if (x.his?.cycle) return { kind: 'cycle', cycle: x.his.cycle.index + 1 };
    return { kind: 'residue' };
  }
  const mine = x.mine?.better.find((b) => b.choice === x.choice);
  return mine?.reason === 'trimmed' ? { kind: 'trimmed' } : { kind: 'serial' };
}

/**
 * A pass-over as the reader's app says it: one code per reason with every param the sentence
 * needs — who was passed over and her score, the place and her choice, who got it and his score,
 * and the reason's numbers; units, universities and students by the names `names` gives.
 */
export function passOverRefusal(
  p: PassOver,
  names: {
    student?: (id: string) => MessageParam;
    university?: (id: string) => MessageParam;
    unit?: (key: string) => MessageParam;
  } = {},
): Refusal {
  const student = names.student ?? ((id: string) => id);
  const university = names.university ?? ((id: string) => id);
  const unit = names.unit ?? ((key: string) => key);
  const base = {
    student: student(p.student),
    score: p.score,
    host: university(p.host),
    choice: p.choice,
    instead: student(p.instead),
    insteadScore: p.insteadScore,
    others: p.others,
  };
  const r = p.reason;
  switch (r.kind) {
    case 'balance':
      return refusal(
        r.measure === 'months'
          ? PASSED_OVER_CODES.balanceMonths
          : PASSED_OVER_CODES.balanceStudents,
        { ...base, unit: unit(r.unit), off: r.off, tolerance: r.tolerance },
        { rule: 'R4' },
      );
    case 'agreement-slots':
      return refusal(PASSED_OVER_CODES.agreementSlots, {
        ...base,
        from: university(r.from),
        to: university(r.to),
        slots: r.slots,
      });
    case 'agreement-months':
      return refusal(PASSED_OVER_CODES.agreementMonths, {
        ...base,
        from: university(r.from),
        to: university(r.to),
        monthsCap: r.monthsCap,
        months: r.months,
      });
    case 'import-cap':
      return refusal(PASSED_OVER_CODES.importCap, { ...base, cap: r.cap });
    case 'export-cap':
      return refusal(PASSED_OVER_CODES.exportCap, {
        ...base,
        home: university(r.home),
        cap: r.cap,
      });
    case 'funded-months':
      return refusal(
        PASSED_OVER_CODES.fundedMonths,
        { ...base, cap: r.cap, months: r.months },
        { rule: 'R14' },
      );
    case 'yen':
      return refusal(PASSED_OVER_CODES.yen, { ...base, cap: r.cap }, { rule: 'R14' });
    case 'objective':
      return refusal(PASSED_OVER_CODES.objective[r.objective], { ...base, lost: r.lost });
    case 'tie':
      return refusal(PASSED_OVER_CODES.tie, base);
    case 'improvable':
      return refusal(PASSED_OVER_CODES.improvable, base);
    case 'cycle':
      return refusal(PASSED_OVER_CODES.cycle, { ...base, cycle: r.cycle });
    case 'residue':
      return refusal(PASSED_OVER_CODES.residue, base, { rule: 'R4' });
    case 'trimmed':
      return refusal(PASSED_OVER_CODES.trimmed, base, { rule: 'R4' });
    case 'serial':
      return refusal(PASSED_OVER_CODES.serial, base);
  }
}
