/**
 * The baseline: today's office practice. Students are served one by one by score (ties by id);
 * each takes her best host that still has room (slots, months, university and funder caps),
 * balance ignored. Then the allocation is trimmed until every balance unit is within the
 * tolerance (003 §5(4), R4): the worst net sender loses its lowest-priority outgoing student
 * (when no unit sends too much but one receives too much, the worst net receiver loses its
 * lowest-priority incoming student). Trimming only removes students, so the caps still hold.
 */
import type { Compiled } from './compile.ts';
import { assignmentsFrom, compile } from './compile.ts';
import { CapacityState, R_NONE, R_TRIMMED, refusalsByStudent } from './state.ts';
import type { AllocationInstance, AllocationOutcome, AllocationTrace, Clock } from './types.ts';
import { RESULT_FORMAT } from './types.ts';

/** A binary max-heap of indices 0..n−1 keyed by `key`, with `update` after a key changes. */
class IndexedMaxHeap {
  private readonly heap: Int32Array;
  private readonly where: Int32Array;
  private size: number;

  constructor(
    private readonly key: (i: number) => number,
    n: number,
  ) {
    this.heap = new Int32Array(n);
    this.where = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      this.heap[i] = i;
      this.where[i] = i;
    }
    this.size = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.down(i);
  }

  top(): number {
    return this.size > 0 ? this.heap[0]! : -1;
  }

  update(i: number): void {
    this.down(this.up(this.where[i]!));
  }

  private better(a: number, b: number): boolean {
    const ka = this.key(a);
    const kb = this.key(b);
    return ka > kb || (ka === kb && a < b);
  }

  private swap(p: number, q: number): void {
    const a = this.heap[p]!;
    const b = this.heap[q]!;
    this.heap[p] = b;
    this.heap[q] = a;
    this.where[b] = p;
    this.where[a] = q;
  }

  private up(p: number): number {
    while (p > 0) {
      const parent = (p - 1) >> 1;
      if (!this.better(this.heap[p]!, this.heap[parent]!)) break;
      this.swap(p, parent);
      p = parent;
    }
    return p;
  }

  private down(p: number): void {
    for (;;) {
      const l = 2 * p + 1;
      if (l >= this.size) return;
      let best = l;
      if (l + 1 < this.size && this.better(this.heap[l + 1]!, this.heap[l]!)) best = l + 1;
      if (!this.better(this.heap[best]!, this.heap[p]!)) return;
      this.swap(p, best);
      p = best;
    }
  }
}

export interface SerialRun {
  chosen: Int32Array;
  reason: Uint8Array;
  trimmed: Uint8Array;
}

export function runSerialDictatorship(c: Compiled): SerialRun {
  const nS = c.nStu;
  const st = new CapacityState(c);
  const chosen = new Int32Array(nS).fill(-1);
  const reason = new Uint8Array(c.prefStart[nS]!);
  const trimmed = new Uint8Array(nS);
  for (let s = 0; s < nS; s++) {
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      const r = st.capacityRefusal(s, k);
      if (r !== R_NONE) {
        reason[k] = r;
        continue;
      }
      st.place(s, k);
      chosen[s] = k;
      break;
    }
  }

  // Trim. Per unit, its outgoing and incoming students in priority order (CSR); cursors walk
  // from the lowest priority upwards.
  const nU = c.nUnits;
  if (nU === 0) return { chosen, reason, trimmed };
  const outStart = new Int32Array(nU + 1);
  const inStart = new Int32Array(nU + 1);
  for (let s = 0; s < nS; s++) {
    const k = chosen[s]!;
    if (k < 0) continue;
    const a = c.prefAg[k]!;
    if (c.agSrc[a]! === c.agDst[a]!) continue;
    outStart[c.agSrc[a]! + 1]!++;
    inStart[c.agDst[a]! + 1]!++;
  }
  for (let u = 0; u < nU; u++) {
    outStart[u + 1]! += outStart[u]!;
    inStart[u + 1]! += inStart[u]!;
  }
  const outList = new Int32Array(outStart[nU]!);
  const inList = new Int32Array(inStart[nU]!);
  const outCur = outStart.slice(0, nU);
  const inCur = inStart.slice(0, nU);
  for (let s = 0; s < nS; s++) {
    const k = chosen[s]!;
    if (k < 0) continue;
    const a = c.prefAg[k]!;
    if (c.agSrc[a]! === c.agDst[a]!) continue;
    outList[outCur[c.agSrc[a]!]!++] = s;
    inList[inCur[c.agDst[a]!]!++] = s;
  }
  // Cursors now point one past each unit's lowest-priority student.
  const net = st.net;
  const senders = new IndexedMaxHeap((u) => net[u]!, nU);
  const receivers = new IndexedMaxHeap((u) => -net[u]!, nU);
  const tol = c.tolerance;
  const remove = (s: number): void => {
    const k = chosen[s]!;
    const a = c.prefAg[k]!;
    st.unplace(s, k);
    chosen[s] = -1;
    trimmed[s] = 1;
    reason[k] = R_TRIMMED;
    senders.update(c.agSrc[a]!);
    senders.update(c.agDst[a]!);
    receivers.update(c.agSrc[a]!);
    receivers.update(c.agDst[a]!);
  };
  for (;;) {
    const u = senders.top();
    if (net[u]! > tol) {
      let s = -1;
      while (outCur[u]! > outStart[u]!) {
        const cand = outList[--outCur[u]!]!;
        if (chosen[cand]! >= 0) {
          s = cand;
          break;
        }
      }
      if (s < 0) break; // cannot happen: a positive net has an outgoing student
      remove(s);
      continue;
    }
    const v = receivers.top();
    if (-net[v]! > tol) {
      let s = -1;
      while (inCur[v]! > inStart[v]!) {
        const cand = inList[--inCur[v]!]!;
        if (chosen[cand]! >= 0) {
          s = cand;
          break;
        }
      }
      if (s < 0) break;
      remove(s);
      continue;
    }
    break;
  }
  return { chosen, reason, trimmed };
}

/** The trimmed serial-dictatorship baseline on a (validated) instance. */
export function serialDictatorship(
  inst: AllocationInstance,
  options: { clock?: Clock } = {},
): AllocationOutcome {
  const t0 = options.clock?.() ?? 0;
  const c = compile(inst);
  const run = runSerialDictatorship(c);
  const { assignments, placed, placedMonths } = assignmentsFrom(c, run.chosen);
  const trace: AllocationTrace = {
    refusals: refusalsByStudent(c, run.reason),
    cycles: [],
    cycleOf: new Int32Array(c.nStu).fill(-1),
    phase: [],
  };
  for (let i = 0; i < c.nStu; i++) {
    const s = c.rankOf[i]!;
    trace.phase.push(run.chosen[s]! >= 0 ? 'serial' : run.trimmed[s] ? 'trimmed' : 'home');
  }
  const seconds = options.clock ? (options.clock() - t0) / 1000 : 0;
  return {
    result: {
      format: RESULT_FORMAT,
      mechanism: 'serial-dictatorship',
      objective: null,
      assignments,
      stats: { placed, placedMonths, seconds, solver: 'serial-dictatorship+trim' },
    },
    trace,
  };
}
