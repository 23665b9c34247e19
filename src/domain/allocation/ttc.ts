/**
 * 2S-TTC — two-sided top trading cycles (Dur & Ünver, "Two-Sided Matching via Balanced
 * Exchange", JPE 127(3), 2019), extended to the rules of docs/formats/allocation.md.
 *
 * The graph. Nodes are the *pointing units*: universities (balance scope `university` or
 * `agreement`), consortia, sides, or one node for scope `none`. Each unit points to its
 * highest-priority unsettled student (score, then id — home priority); each student points to
 * the unit of her best *open* host: in `prefs`, accepting her, with a free slot (and months) on
 * the agreement from home, under the host's import cap and her home's export cap, within the
 * funder caps (003 §4), and whose unit still has a student to send back. A student with no open
 * host stays home. Every cycle trades: each student in it goes to the host she points at, so
 * every unit on the cycle sends one and receives one — balanced per unit (003 §5(4), R4).
 *
 * Extensions and what still holds (tested in ttc.test.ts):
 *  - Count balance per university, consortium or side, tolerance 0, no funder caps: the
 *    result is balanced, individually rational, respects home priority (no student envies the
 *    host of a lower-priority student of her own home), is Pareto-efficient among balanced
 *    allocations, and no student gains by misreporting her preferences (strategy-proof).
 *    Agreement slots and university caps keep all of these: they only close options, and an
 *    option once closed stays closed (capacities only shrink). An agreement's months cap is
 *    sized per student: a longer stay may be refused where a later, shorter one fits, so home
 *    priority then holds only where the two could swap.
 *  - Funder caps (fundedMonthsCap, yenCap; R14) and balance per agreement: a cycle that would
 *    break them is not traded; instead its lowest-priority student (among the funded ones when
 *    a funder cap is the problem) gives up the option she points at, and the walk goes on.
 *    Feasibility, balance and individual rationality still hold; efficiency, home priority and
 *    strategy-proofness may fail (a student can be the one whose option is dropped).
 *  - Months balance: students are traded in stay-length bands (band width = tolerance + 1
 *    months, longest stays first), so every cycle moves stays of nearly equal length; the
 *    months residue each cycle leaves is carried per unit, and a cycle that would take a unit
 *    beyond the tolerance is broken as above. Within a band with equal stays (the default with
 *    tolerance 0) the count-balance properties hold for the band's students; across bands home
 *    priority holds only within a band.
 *  - Tolerance > 0: after the cycles, a residue phase places still-unplaced students in
 *    priority order wherever the slack of the tolerance allows one-way moves. Feasibility and
 *    individual rationality hold; strategy-proofness and home priority are not claimed for it.
 *
 * Cost: each student's pointer only moves forward over her list, each unit's pointer over its
 * students, and the walk keeps one stack (the classic TTC path-following), so the run is
 * O(Σ list lengths + units + students) plus the cycle checks — typed arrays, no per-step
 * allocation.
 */
import type { Compiled } from './compile.ts';
import { assignmentsFrom, compile } from './compile.ts';
import { CapacityState, R_BALANCE, R_FUNDER, R_NONE, refusalsByStudent } from './state.ts';
import type { AllocationOutcome, AllocationInstance, AllocationTrace, Clock } from './types.ts';
import { RESULT_FORMAT } from './types.ts';

export interface TtcOptions {
  clock?: Clock;
  /** Months mode: width of the stay-length bands in months (default tolerance + 1). */
  monthsBandWidth?: number;
}

export interface TtcRun {
  /** Per priority rank: chosen pref entry, −1 = home. */
  chosen: Int32Array;
  /** Per pref entry: refusal code recorded when the option was given up. */
  reason: Uint8Array;
  /** Per priority rank: cycle number or −1. */
  cycleOf: Int32Array;
  /** Cycles as lists of priority ranks. */
  cycles: number[][];
  /** Per priority rank: 0 home, 1 cycle, 2 residue. */
  phase: Uint8Array;
}

/** Runs 2S-TTC on a compiled instance. */
export function runTtc(c: Compiled, options: TtcOptions = {}): TtcRun {
  const nS = c.nStu;
  const nNodes = c.nNodes;
  const st = new CapacityState(c);
  const chosen = new Int32Array(nS).fill(-1);
  const settled = new Uint8Array(nS);
  const ptr = c.prefStart.slice(0, nS);
  const reason = new Uint8Array(c.prefStart[nS]!);
  const cycleOf = new Int32Array(nS).fill(-1);
  const phase = new Uint8Array(nS);
  const cycles: number[][] = [];
  const tol = c.tolerance;

  // Bands of stay lengths (months balance) — one band otherwise.
  const byMonths = c.inst.rules.balanceUnit === 'months';
  const width = Math.max(1, options.monthsBandWidth ?? tol + 1);
  const band = new Int32Array(nS);
  let maxBand = 0;
  if (byMonths) {
    for (let s = 0; s < nS; s++) {
      band[s] = Math.floor((c.months[s]! - 1) / width);
      if (band[s]! > maxBand) maxBand = band[s]!;
    }
  }

  const nodeOfStu = new Int32Array(nS);
  for (let s = 0; s < nS; s++) nodeOfStu[s] = c.nodeOfUni[c.home[s]!]!;
  const nodeStart = new Int32Array(nNodes + 1);
  const nodeTop = new Int32Array(nNodes);
  const nodeStu = new Int32Array(nS);
  const active = new Int32Array(nNodes);
  const stack = new Int32Array(nS + nNodes + 1);
  const pos = new Int32Array(nS + nNodes); // 1 + stack index, 0 = not on the stack
  let sp = 0;
  const touched = new Int32Array(2 * (nNodes + 1));

  /** Best open option of student s (advancing her pointer), or −1. */
  const bestOption = (s: number): number => {
    const end = c.prefStart[s + 1]!;
    while (ptr[s]! < end) {
      const k = ptr[s]!;
      let r = st.capacityRefusal(s, k);
      if (r === R_NONE && active[c.nodeOfUni[c.prefHost[k]!]!] === 0) r = R_BALANCE;
      if (r === R_NONE) return k;
      reason[k] = r;
      ptr[s]!++;
    }
    return -1;
  };

  const truncate = (to: number): void => {
    while (sp > to) pos[stack[--sp]!] = 0;
  };

  /** The cycle is stack[from .. sp−1]; trade it, or drop one student's option. */
  const handleCycle = (from: number): void => {
    let fundedNeed = 0;
    let yenNeed = 0;
    let nTouched = 0;
    for (let j = from; j < sp; j++) {
      const s = stack[j]!;
      if (s >= nS) continue;
      const k = ptr[s]!;
      if (c.funded[s] === 1) {
        fundedNeed += c.months[s]!;
        yenNeed += c.yen[s]!;
      }
      const a = c.prefAg[k]!;
      const src = c.agSrc[a]!;
      if (src >= 0 && src !== c.agDst[a]!) {
        st.net[src]! += c.bw[s]!;
        st.net[c.agDst[a]!]! -= c.bw[s]!;
        touched[nTouched++] = src;
        touched[nTouched++] = c.agDst[a]!;
      }
    }
    let balanced = true;
    for (let j = 0; j < nTouched; j++) {
      if (Math.abs(st.net[touched[j]!]!) > tol) balanced = false;
    }
    // Undo the trial; `place` below re-applies it.
    for (let j = from; j < sp; j++) {
      const s = stack[j]!;
      if (s >= nS) continue;
      const a = c.prefAg[ptr[s]!]!;
      const src = c.agSrc[a]!;
      if (src >= 0 && src !== c.agDst[a]!) {
        st.net[src]! -= c.bw[s]!;
        st.net[c.agDst[a]!]! += c.bw[s]!;
      }
    }
    const funderOk = fundedNeed <= st.fundedMonthsLeft && yenNeed <= st.yenLeft;
    if (!funderOk || !balanced) {
      // Break the cycle: its lowest-priority student (funded, if the funder cap is the
      // problem) gives up the option she points at.
      let victim = -1;
      for (let j = from; j < sp; j++) {
        const s = stack[j]!;
        if (s >= nS) continue;
        if (!funderOk && c.funded[s] !== 1) continue;
        if (s > victim) victim = s;
      }
      reason[ptr[victim]!] = funderOk ? R_BALANCE : R_FUNDER;
      ptr[victim]!++;
      truncate(pos[victim]!);
      return;
    }
    const members: number[] = [];
    for (let j = from; j < sp; j++) {
      const s = stack[j]!;
      if (s >= nS) continue;
      const k = ptr[s]!;
      st.place(s, k);
      chosen[s] = k;
      settled[s] = 1;
      active[nodeOfStu[s]!]!--;
      cycleOf[s] = cycles.length;
      phase[s] = 1;
      members.push(s);
    }
    cycles.push(members);
    truncate(from);
  };

  for (let b = maxBand; b >= 0; b--) {
    // This band's students, per node, in priority order (counting sort).
    active.fill(0);
    for (let s = 0; s < nS; s++) if (band[s] === b) active[nodeOfStu[s]!]!++;
    nodeStart[0] = 0;
    for (let v = 0; v < nNodes; v++) nodeStart[v + 1] = nodeStart[v]! + active[v]!;
    nodeTop.set(nodeStart.subarray(0, nNodes));
    for (let s = 0; s < nS; s++) {
      if (band[s] !== b) continue;
      const v = nodeOfStu[s]!;
      nodeStu[nodeTop[v]!] = s;
      nodeTop[v]!++;
    }
    nodeTop.set(nodeStart.subarray(0, nNodes));

    for (let start = 0; start < nNodes; start++) {
      while (active[start]! > 0) {
        stack[sp] = nS + start;
        pos[nS + start] = ++sp;
        while (sp > 0) {
          const x = stack[sp - 1]!;
          if (x >= nS) {
            const v = x - nS;
            const end = nodeStart[v + 1]!;
            while (nodeTop[v]! < end && settled[nodeStu[nodeTop[v]!]!] === 1) nodeTop[v]!++;
            if (nodeTop[v]! >= end) {
              truncate(sp - 1); // exhausted: nobody left to send
              continue;
            }
            const s = nodeStu[nodeTop[v]!]!;
            if (pos[s]! > 0) {
              handleCycle(pos[s]! - 1);
              continue;
            }
            stack[sp] = s;
            pos[s] = ++sp;
          } else {
            const s = x;
            const k = bestOption(s);
            if (k < 0) {
              settled[s] = 1; // stays home
              active[nodeOfStu[s]!]!--;
              truncate(sp - 1);
              continue;
            }
            const target = nS + c.nodeOfUni[c.prefHost[k]!]!;
            if (pos[target]! > 0) {
              handleCycle(pos[target]! - 1);
              continue;
            }
            stack[sp] = target;
            pos[target] = ++sp;
          }
        }
      }
    }
  }

  // Residue: one-way moves the tolerance (or intra-unit moves) still allow, by priority.
  for (let s = 0; s < nS; s++) {
    if (chosen[s]! >= 0) continue;
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      let r = st.capacityRefusal(s, k);
      if (r === R_NONE && !st.balanceAllows(s, k)) r = R_BALANCE;
      if (r !== R_NONE) {
        reason[k] = r;
        continue;
      }
      st.place(s, k);
      chosen[s] = k;
      phase[s] = 2;
      break;
    }
  }
  return { chosen, reason, cycleOf, cycles, phase };
}

/** 2S-TTC on a (validated) instance: the result and the trace `explain` reads. */
export function twoSidedTtc(inst: AllocationInstance, options: TtcOptions = {}): AllocationOutcome {
  const t0 = options.clock?.() ?? 0;
  const c = compile(inst);
  const run = runTtc(c, options);
  const { assignments, placed, placedMonths } = assignmentsFrom(c, run.chosen);
  const trace: AllocationTrace = {
    refusals: refusalsByStudent(c, run.reason),
    cycles: run.cycles.map((members) => members.map((s) => c.order[s]!)),
    cycleOf: new Int32Array(c.nStu),
    phase: [],
  };
  for (let i = 0; i < c.nStu; i++) {
    const s = c.rankOf[i]!;
    trace.cycleOf[i] = run.cycleOf[s]!;
    trace.phase.push(run.phase[s] === 1 ? 'cycle' : run.phase[s] === 2 ? 'residue' : 'home');
  }
  const seconds = options.clock ? (options.clock() - t0) / 1000 : 0;
  return {
    result: {
      format: RESULT_FORMAT,
      mechanism: '2s-ttc',
      objective: null,
      assignments,
      stats: { placed, placedMonths, seconds, solver: '2s-ttc' },
    },
    trace,
  };
}
