/**
 * The feasibility verifier of the contract ("A result is feasible when …",
 * docs/formats/allocation.md), written directly over the JSON instance — independent of the
 * indexed form the mechanisms use, so that it can check them — and the per-unit summary used
 * to compare mechanisms side by side.
 */
import type { AllocationInstance, AllocationResult, Assignment } from './types.ts';

export type ViolationCode =
  | 'unknown-student'
  | 'duplicate-student'
  | 'unknown-host'
  | 'not-in-prefs'
  | 'not-accepted'
  | 'no-agreement'
  | 'agreement-slots'
  | 'agreement-months'
  | 'import-cap'
  | 'export-cap'
  | 'balance'
  | 'funded-months-cap'
  | 'yen-cap';

export interface Violation {
  code: ViolationCode;
  message: string;
}

/** The balance unit(s) an assignment home → host moves: [sent-by, received-by], or null. */
export function balanceUnitsOf(
  inst: AllocationInstance,
  uni: ReadonlyMap<string, AllocationInstance['universities'][number]>,
  home: string,
  host: string,
): [string, string] | null {
  const h = uni.get(home);
  const t = uni.get(host);
  if (!h || !t) return null;
  switch (inst.rules.balanceScope) {
    case 'none':
      return null;
    case 'university':
      return [h.id, t.id];
    case 'side':
      return [h.side, t.side];
    case 'consortium':
      return [h.consortium ?? `(${h.id})`, t.consortium ?? `(${t.id})`];
    case 'agreement':
      // Each end of the pair is a unit: its net is (sent to the other end) − (received from it).
      return [`${home} ↔ ${host}`, `${host} ↔ ${home}`];
  }
}

export interface BalanceRow {
  unit: string;
  sent: number;
  received: number;
  /** sent − received, in the balance unit (students or months). */
  net: number;
}

export interface AllocationSummary {
  placed: number;
  placedMonths: number;
  firstChoices: number;
  /** Sum over placed students of their choice number (1 = first). */
  rankSum: number;
  fundedMonths: number;
  yen: number;
  balance: BalanceRow[];
  /** Largest |net| over the balance units. */
  worstImbalance: number;
}

/** Placed, months, first choices and the balance per unit of a result. */
export function summarize(
  inst: AllocationInstance,
  assignments: readonly Assignment[],
): AllocationSummary {
  const uni = new Map(inst.universities.map((u) => [u.id, u]));
  const students = new Map(inst.students.map((s) => [s.id, s]));
  const rows = new Map<string, BalanceRow>();
  const row = (unit: string): BalanceRow => {
    let r = rows.get(unit);
    if (!r) {
      r = { unit, sent: 0, received: 0, net: 0 };
      rows.set(unit, r);
    }
    return r;
  };
  const byMonths = inst.rules.balanceUnit === 'months';
  let placed = 0;
  let placedMonths = 0;
  let firstChoices = 0;
  let rankSum = 0;
  let fundedMonths = 0;
  let yen = 0;
  for (const a of assignments) {
    const st = students.get(a.student);
    if (!st) continue;
    placed++;
    placedMonths += st.months;
    const rank = st.prefs.indexOf(a.host);
    if (rank === 0) firstChoices++;
    rankSum += rank + 1;
    if (st.funded) {
      fundedMonths += st.months;
      yen += inst.rules.stipendPerMonth * st.months + st.travelCost;
    }
    const units = balanceUnitsOf(inst, uni, st.home, a.host);
    if (units && units[0] !== units[1]) {
      const w = byMonths ? st.months : 1;
      row(units[0]).sent += w;
      row(units[1]).received += w;
    }
  }
  let worst = 0;
  for (const r of rows.values()) {
    r.net = r.sent - r.received;
    worst = Math.max(worst, Math.abs(r.net));
  }
  const balance = [...rows.values()].sort((a, b) =>
    a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0,
  );
  return {
    placed,
    placedMonths,
    firstChoices,
    rankSum,
    fundedMonths,
    yen,
    balance,
    worstImbalance: worst,
  };
}

/** Every way in which the result breaks the contract's feasibility; empty when feasible. */
export function checkFeasible(
  inst: AllocationInstance,
  result: Pick<AllocationResult, 'assignments'>,
): Violation[] {
  const out: Violation[] = [];
  const uni = new Map(inst.universities.map((u) => [u.id, u]));
  const students = new Map(inst.students.map((s) => [s.id, s]));
  const agreements = new Map(inst.agreements.map((a) => [`${a.from}\u0000${a.to}`, a]));
  const slotsUsed = new Map<string, number>();
  const monthsUsed = new Map<string, number>();
  const imported = new Map<string, number>();
  const exported = new Map<string, number>();
  const seen = new Set<string>();
  const valid: Assignment[] = [];
  let fundedMonths = 0;
  let yen = 0;
  for (const a of result.assignments) {
    const st = students.get(a.student);
    if (!st) {
      out.push({ code: 'unknown-student', message: `unknown student "${a.student}"` });
      continue;
    }
    if (seen.has(a.student)) {
      out.push({ code: 'duplicate-student', message: `student "${a.student}" assigned twice` });
      continue;
    }
    seen.add(a.student);
    if (!uni.has(a.host)) {
      out.push({ code: 'unknown-host', message: `${a.student}: unknown host "${a.host}"` });
      continue;
    }
    if (!st.prefs.includes(a.host)) {
      out.push({ code: 'not-in-prefs', message: `${a.student}: "${a.host}" is not in prefs` });
      continue;
    }
    if (st.acceptedBy && !st.acceptedBy.includes(a.host)) {
      out.push({ code: 'not-accepted', message: `${a.student}: not accepted by "${a.host}"` });
      continue;
    }
    const key = `${st.home}\u0000${a.host}`;
    if (!agreements.has(key)) {
      out.push({
        code: 'no-agreement',
        message: `${a.student}: no agreement from "${st.home}" to "${a.host}"`,
      });
      continue;
    }
    valid.push(a);
    slotsUsed.set(key, (slotsUsed.get(key) ?? 0) + 1);
    monthsUsed.set(key, (monthsUsed.get(key) ?? 0) + st.months);
    imported.set(a.host, (imported.get(a.host) ?? 0) + 1);
    exported.set(st.home, (exported.get(st.home) ?? 0) + 1);
    if (st.funded) {
      fundedMonths += st.months;
      yen += inst.rules.stipendPerMonth * st.months + st.travelCost;
    }
  }
  for (const ag of inst.agreements) {
    const key = `${ag.from}\u0000${ag.to}`;
    const used = slotsUsed.get(key) ?? 0;
    if (used > ag.slots) {
      out.push({
        code: 'agreement-slots',
        message: `agreement ${ag.from} → ${ag.to}: ${used} students > ${ag.slots} slots`,
      });
    }
    const m = monthsUsed.get(key) ?? 0;
    if (ag.monthsCap !== null && m > ag.monthsCap) {
      out.push({
        code: 'agreement-months',
        message: `agreement ${ag.from} → ${ag.to}: ${m} months > cap ${ag.monthsCap}`,
      });
    }
  }
  for (const u of inst.universities) {
    const i = imported.get(u.id) ?? 0;
    if (u.importCap !== null && i > u.importCap) {
      out.push({ code: 'import-cap', message: `${u.id}: hosts ${i} > import cap ${u.importCap}` });
    }
    const e = exported.get(u.id) ?? 0;
    if (u.exportCap !== null && e > u.exportCap) {
      out.push({ code: 'export-cap', message: `${u.id}: sends ${e} > export cap ${u.exportCap}` });
    }
  }
  const tol = inst.rules.tolerance;
  for (const r of summarize(inst, valid).balance) {
    if (Math.abs(r.net) > tol) {
      out.push({
        code: 'balance',
        message: `${r.unit}: sent ${r.sent}, received ${r.received} (${inst.rules.balanceUnit}), beyond tolerance ${tol} (003 §5(4))`,
      });
    }
  }
  const fmc = inst.rules.fundedMonthsCap;
  if (fmc !== null && fundedMonths > fmc) {
    out.push({
      code: 'funded-months-cap',
      message: `funded students placed for ${fundedMonths} months > cap ${fmc} (003 §4)`,
    });
  }
  if (inst.rules.yenCap !== null && yen > inst.rules.yenCap) {
    out.push({
      code: 'yen-cap',
      message: `funded placements cost ${yen} yen > cap ${inst.rules.yenCap}`,
    });
  }
  return out;
}
