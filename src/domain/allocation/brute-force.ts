/**
 * Exhaustive enumeration of every feasible allocation of a tiny instance — the exact reference
 * the tests hold the mechanisms to. Deliberately naive and independent of the mechanisms'
 * code: it tries every host (or home) for every student and keeps what checkFeasible accepts.
 */
import { checkFeasible } from './feasibility.ts';
import type { AllocationInstance, Assignment, Objective } from './types.ts';

/** Calls `visit` with every feasible allocation (host per instance student, null = home). */
export function forEachFeasible(
  inst: AllocationInstance,
  visit: (hosts: readonly (string | null)[]) => void,
): void {
  const n = inst.students.length;
  const hosts: (string | null)[] = new Array<string | null>(n).fill(null);
  const options = inst.students.map((s) =>
    s.prefs.filter((h) => !s.acceptedBy || s.acceptedBy.includes(h)),
  );
  const rec = (i: number): void => {
    if (i === n) {
      const assignments: Assignment[] = [];
      hosts.forEach((h, j) => {
        if (h !== null) assignments.push({ student: inst.students[j]!.id, host: h });
      });
      if (checkFeasible(inst, { assignments }).length === 0) visit(hosts);
      return;
    }
    hosts[i] = null;
    rec(i + 1);
    for (const h of options[i]!) {
      hosts[i] = h;
      rec(i + 1);
    }
    hosts[i] = null;
  };
  rec(0);
}

/** The objective as a comparable pair: [primary, secondary] (secondary only for welfare). */
export function objectiveValue(
  inst: AllocationInstance,
  hosts: readonly (string | null)[],
  objective: Objective,
): [number, number] {
  let placed = 0;
  let months = 0;
  let rankSum = 0;
  hosts.forEach((h, i) => {
    if (h === null) return;
    const st = inst.students[i]!;
    placed++;
    months += st.months;
    rankSum += st.prefs.indexOf(h);
  });
  if (objective === 'students') return [placed, 0];
  if (objective === 'months') return [months, 0];
  return [placed, -rankSum];
}

/** The exact optimum by enumeration. */
export function bruteForceOptimum(
  inst: AllocationInstance,
  objective: Objective,
): [number, number] {
  let best: [number, number] = [-Infinity, -Infinity];
  forEachFeasible(inst, (hosts) => {
    const v = objectiveValue(inst, hosts, objective);
    if (v[0] > best[0] || (v[0] === best[0] && v[1] > best[1])) best = v;
  });
  return best;
}

/** Hosts per instance student (null = home) of a result's assignments. */
export function hostsOf(
  inst: AllocationInstance,
  assignments: readonly Assignment[],
): (string | null)[] {
  const by = new Map(assignments.map((a) => [a.student, a.host]));
  return inst.students.map((s) => by.get(s.id) ?? null);
}
