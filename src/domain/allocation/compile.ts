/**
 * The instance in indexed form, shared by every mechanism: typed arrays, students renumbered
 * by priority (score descending, ties by id ascending — the contract's order), each pref
 * resolved to its agreement, and each agreement to the balance units it moves.
 *
 * Balance units (003 §5(4), R4): an assignment over agreement a adds its weight (1 student,
 * or its months) to `agSrc[a]` (sent) and subtracts it from `agDst[a]` (received); every unit's
 * net must stay within the tolerance. Scopes:
 *  - university: one unit per university;
 *  - consortium: one unit per consortium (a university without one is its own unit);
 *  - side: one unit per side;
 *  - agreement: per unordered pair of universities two units, one per end, so that the net of
 *    the `x` end is `x→y` minus `y→x`;
 *  - none: no units (`agSrc = agDst = −1`).
 */
import type { AllocationInstance, Objective } from './types.ts';

/** "No limit" for integer capacities. */
export const UNLIMITED = 0x3fffffff;

export interface Compiled {
  readonly inst: AllocationInstance;
  readonly nUni: number;
  readonly nAg: number;
  readonly nStu: number;
  readonly uniIds: readonly string[];
  readonly uniIndex: ReadonlyMap<string, number>;
  readonly importCap: Int32Array;
  readonly exportCap: Int32Array;
  readonly agFrom: Int32Array;
  readonly agTo: Int32Array;
  readonly agSlots: Int32Array;
  readonly agMonthsCap: Int32Array;
  /** Balance unit credited (sent) / debited (received) by an assignment over the agreement. */
  readonly agSrc: Int32Array;
  readonly agDst: Int32Array;
  readonly nUnits: number;
  readonly unitNames: readonly string[];
  /** 2S-TTC pointing nodes: universities (university/agreement scope), consortia, sides, or one. */
  readonly nNodes: number;
  readonly nodeOfUni: Int32Array;
  /** Priority rank → index in `inst.students`, and back. */
  readonly order: Int32Array;
  readonly rankOf: Int32Array;
  readonly home: Int32Array;
  readonly months: Int32Array;
  readonly funded: Uint8Array;
  /** Yen a funded placement costs: stipendPerMonth × months + travelCost. */
  readonly yen: Float64Array;
  /** Weight in the balance unit: 1, or months. */
  readonly bw: Int32Array;
  /** Prefs of priority-ranked student s are entries prefStart[s] .. prefStart[s+1]−1. */
  readonly prefStart: Int32Array;
  readonly prefHost: Int32Array;
  readonly prefAg: Int32Array;
  /** 1 when the host accepted the student (`acceptedBy`). */
  readonly prefOk: Uint8Array;
  readonly maxPrefs: number;
  readonly tolerance: number;
  readonly fundedMonthsCap: number;
  readonly yenCap: number;
}

/** Priority: higher score first, then id ascending (code-unit order, locale-free). */
export function priorityCompare(
  a: { score: number; id: string },
  b: { score: number; id: string },
): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Compiles a validated instance. */
export function compile(inst: AllocationInstance): Compiled {
  const nUni = inst.universities.length;
  const nAg = inst.agreements.length;
  const nStu = inst.students.length;
  const uniIds = inst.universities.map((u) => u.id);
  const uniIndex = new Map<string, number>();
  uniIds.forEach((id, i) => uniIndex.set(id, i));
  const importCap = new Int32Array(nUni);
  const exportCap = new Int32Array(nUni);
  for (let u = 0; u < nUni; u++) {
    const uni = inst.universities[u]!;
    importCap[u] = uni.importCap ?? UNLIMITED;
    exportCap[u] = uni.exportCap ?? UNLIMITED;
  }

  const agFrom = new Int32Array(nAg);
  const agTo = new Int32Array(nAg);
  const agSlots = new Int32Array(nAg);
  const agMonthsCap = new Int32Array(nAg);
  const agIndex = new Map<string, number>();
  for (let a = 0; a < nAg; a++) {
    const ag = inst.agreements[a]!;
    agFrom[a] = uniIndex.get(ag.from) ?? -1;
    agTo[a] = uniIndex.get(ag.to) ?? -1;
    agSlots[a] = Math.min(ag.slots, UNLIMITED);
    agMonthsCap[a] = ag.monthsCap === null ? UNLIMITED : Math.min(ag.monthsCap, UNLIMITED);
    agIndex.set(`${ag.from}\u0000${ag.to}`, a);
  }

  // Balance units.
  const scope = inst.rules.balanceScope;
  const agSrc = new Int32Array(nAg).fill(-1);
  const agDst = new Int32Array(nAg).fill(-1);
  const unitNames: string[] = [];
  const nodeOfUni = new Int32Array(nUni);
  let nNodes = 1;
  if (scope === 'agreement') {
    const pairUnit = new Map<string, number>();
    for (let a = 0; a < nAg; a++) {
      const x = agFrom[a]!;
      const y = agTo[a]!;
      const lo = Math.min(x, y);
      const hi = Math.max(x, y);
      const key = `${lo}:${hi}`;
      let base = pairUnit.get(key);
      if (base === undefined) {
        base = unitNames.length;
        pairUnit.set(key, base);
        unitNames.push(`${uniIds[lo]} ↔ ${uniIds[hi]}`, `${uniIds[hi]} ↔ ${uniIds[lo]}`);
      }
      agSrc[a] = x === lo ? base : base + 1;
      agDst[a] = x === lo ? base + 1 : base;
    }
    for (let u = 0; u < nUni; u++) nodeOfUni[u] = u;
    nNodes = nUni;
  } else if (scope !== 'none') {
    const unitOfUni = new Int32Array(nUni);
    const byName = new Map<string, number>();
    for (let u = 0; u < nUni; u++) {
      const uni = inst.universities[u]!;
      let name: string;
      if (scope === 'university') name = uni.id;
      else if (scope === 'side') name = uni.side;
      else name = uni.consortium ?? `(${uni.id})`;
      let unit = byName.get(name);
      if (unit === undefined) {
        unit = unitNames.length;
        byName.set(name, unit);
        unitNames.push(name);
      }
      unitOfUni[u] = unit;
    }
    for (let a = 0; a < nAg; a++) {
      agSrc[a] = unitOfUni[agFrom[a]!]!;
      agDst[a] = unitOfUni[agTo[a]!]!;
    }
    nodeOfUni.set(unitOfUni);
    nNodes = unitNames.length;
  }
  const nUnits = unitNames.length;
  if (nUni === 0) nNodes = 0;

  // Students in priority order.
  const idx = Array.from({ length: nStu }, (_, i) => i);
  idx.sort((a, b) => priorityCompare(inst.students[a]!, inst.students[b]!));
  const order = Int32Array.from(idx);
  const rankOf = new Int32Array(nStu);
  for (let r = 0; r < nStu; r++) rankOf[order[r]!] = r;
  const home = new Int32Array(nStu);
  const months = new Int32Array(nStu);
  const funded = new Uint8Array(nStu);
  const yen = new Float64Array(nStu);
  const bw = new Int32Array(nStu);
  const prefStart = new Int32Array(nStu + 1);
  let totalPrefs = 0;
  let maxPrefs = 0;
  for (let r = 0; r < nStu; r++) {
    const st = inst.students[order[r]!]!;
    prefStart[r] = totalPrefs;
    totalPrefs += st.prefs.length;
    maxPrefs = Math.max(maxPrefs, st.prefs.length);
  }
  prefStart[nStu] = totalPrefs;
  const prefHost = new Int32Array(totalPrefs);
  const prefAg = new Int32Array(totalPrefs);
  const prefOk = new Uint8Array(totalPrefs);
  const stipend = inst.rules.stipendPerMonth;
  const byMonths = inst.rules.balanceUnit === 'months';
  for (let r = 0; r < nStu; r++) {
    const st = inst.students[order[r]!]!;
    const h = uniIndex.get(st.home) ?? -1;
    home[r] = h;
    months[r] = st.months;
    funded[r] = st.funded ? 1 : 0;
    yen[r] = stipend * st.months + st.travelCost;
    bw[r] = byMonths ? st.months : 1;
    const accepted = st.acceptedBy ? new Set(st.acceptedBy) : null;
    let k = prefStart[r]!;
    for (const host of st.prefs) {
      prefHost[k] = uniIndex.get(host) ?? -1;
      prefAg[k] = agIndex.get(`${st.home}\u0000${host}`) ?? -1;
      prefOk[k] = (accepted === null || accepted.has(host)) && prefAg[k]! >= 0 ? 1 : 0;
      k++;
    }
  }
  return {
    inst,
    nUni,
    nAg,
    nStu,
    uniIds,
    uniIndex,
    importCap,
    exportCap,
    agFrom,
    agTo,
    agSlots,
    agMonthsCap,
    agSrc,
    agDst,
    nUnits,
    unitNames,
    nNodes,
    nodeOfUni,
    order,
    rankOf,
    home,
    months,
    funded,
    yen,
    bw,
    prefStart,
    prefHost,
    prefAg,
    prefOk,
    maxPrefs,
    tolerance: inst.rules.tolerance,
    fundedMonthsCap: inst.rules.fundedMonthsCap ?? Infinity,
    yenCap: inst.rules.yenCap ?? Infinity,
  };
}

/**
 * Objective weight of placing priority-ranked student s at its pref entry k.
 * welfare = most students, then best ranks: BIG − rank with BIG > (n)·(maxPrefs − 1), so one
 * more student always outweighs any improvement of ranks.
 */
export function objectiveWeights(c: Compiled, objective: Objective): Float64Array {
  const w = new Float64Array(c.prefStart[c.nStu]!);
  const big = c.nStu * Math.max(0, c.maxPrefs - 1) + 1;
  for (let s = 0; s < c.nStu; s++) {
    const start = c.prefStart[s]!;
    for (let k = start; k < c.prefStart[s + 1]!; k++) {
      w[k] =
        objective === 'students' ? 1 : objective === 'months' ? c.months[s]! : big - (k - start);
    }
  }
  return w;
}

/** Builds a result's assignments (instance order) from a per-priority-rank chosen pref entry. */
export function assignmentsFrom(
  c: Compiled,
  chosen: Int32Array,
): { assignments: { student: string; host: string }[]; placed: number; placedMonths: number } {
  const assignments: { student: string; host: string }[] = [];
  let placedMonths = 0;
  for (let i = 0; i < c.nStu; i++) {
    const s = c.rankOf[i]!;
    const k = chosen[s]!;
    if (k < 0) continue;
    assignments.push({ student: c.inst.students[i]!.id, host: c.uniIds[c.prefHost[k]!]! });
    placedMonths += c.months[s]!;
  }
  return { assignments, placed: assignments.length, placedMonths };
}

/**
 * Reads a result's assignments back into a per-priority-rank chosen pref entry (−1 = home).
 * Unknown students or hosts outside prefs are ignored (checkFeasible reports them).
 */
export function chosenFrom(
  c: Compiled,
  assignments: readonly { student: string; host: string }[],
): Int32Array {
  const chosen = new Int32Array(c.nStu).fill(-1);
  const byId = new Map<string, number>();
  c.inst.students.forEach((st, i) => byId.set(st.id, i));
  for (const a of assignments) {
    const i = byId.get(a.student);
    if (i === undefined) continue;
    const s = c.rankOf[i]!;
    const t = c.uniIndex.get(a.host);
    for (let k = c.prefStart[s]!; k < c.prefStart[s + 1]!; k++) {
      if (c.prefHost[k] === t) chosen[s] = k;
    }
  }
  return chosen;
}
