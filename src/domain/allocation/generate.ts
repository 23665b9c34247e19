/**
 * A seeded generator of allocation instances, used by the property tests (tiny instances) and
 * by the benchmark (bench/allocation-generator.ts: pair, national and Erasmus sizes).
 *
 * Knobs: popularity correlation (how much students agree on which hosts are good), demand
 * imbalance between sides (share of students on the first side), list length, stay lengths,
 * slots, screening acceptance, funded share and the rules.
 */
import { createRng } from './prng.ts';
import type { AllocationInstance, AllocationRules, Student } from './types.ts';
import { INSTANCE_FORMAT } from './types.ts';

export interface SideSpec {
  name: string;
  universities: number;
  /** Universities of the side are split round-robin into this many consortia (0 = none). */
  consortia: number;
}

export interface GeneratorParams {
  seed: number;
  sides: SideSpec[];
  students: number;
  /** Share of students whose home is on the first side (0.5 with two sides = even demand). */
  firstSideShare: number;
  /** Agreements (both directions) each university of the first side signs with others. */
  partnersPerUniversity: number;
  /** Only the first side partners with the others (a consortium pair); else any two sides. */
  bipartite: boolean;
  slotsMin: number;
  slotsMax: number;
  listLength: number;
  /** 0 = independent tastes, 1 = everyone ranks hosts by the same popularity. */
  popularityCorrelation: number;
  /** Probability that a host's screening accepts a student who lists it. */
  acceptRate: number;
  /** Stay lengths drawn uniformly. */
  months: number[];
  fundedShare: number;
  /** Probability that a university has an import cap / export cap (drawn small). */
  capShare: number;
  /** Probability that an agreement has a months cap. */
  monthsCapShare: number;
  rules: AllocationRules;
}

export const defaultRules: AllocationRules = {
  balanceScope: 'university',
  balanceUnit: 'students',
  tolerance: 0,
  fundedMonthsCap: null,
  yenCap: null,
  stipendPerMonth: 100_000, // 003 §3(2)1)
};

export function generateInstance(p: GeneratorParams): AllocationInstance {
  const rng = createRng(p.seed);
  const universities: AllocationInstance['universities'] = [];
  const sideOf: number[] = [];
  const bySide: number[][] = [];
  const popularity: number[] = [];
  const size: number[] = [];
  p.sides.forEach((side, si) => {
    bySide.push([]);
    for (let k = 0; k < side.universities; k++) {
      const u = universities.length;
      const hasCap = rng.next() < p.capShare;
      universities.push({
        id: `u${si}-${k}.${side.name.toLowerCase()}`,
        side: side.name,
        consortium: side.consortia > 0 ? `${side.name}-c${k % side.consortia}` : null,
        importCap: hasCap ? 1 + rng.int(4) : null,
        exportCap: hasCap && rng.next() < 0.5 ? 1 + rng.int(4) : null,
      });
      sideOf.push(si);
      bySide[si]!.push(u);
      popularity.push(rng.normal());
      size.push(Math.exp(0.8 * rng.normal()));
    }
  });

  // Agreements: each university signs with partners on another side, both directions.
  const agreements: AllocationInstance['agreements'] = [];
  const partners: number[][] = universities.map(() => []);
  const signed = new Set<number>();
  const nUni = universities.length;
  const others = (u: number): number[] => {
    if (p.bipartite) return sideOf[u] === 0 ? bySide.slice(1).flat() : (bySide[0] ?? []);
    return [];
  };
  const sign = (x: number, y: number): void => {
    const key = Math.min(x, y) * nUni + Math.max(x, y);
    if (x === y || signed.has(key)) return;
    signed.add(key);
    partners[x]!.push(y);
    partners[y]!.push(x);
    const slots = (): number => p.slotsMin + rng.int(p.slotsMax - p.slotsMin + 1);
    const monthsCap = (s: number): number | null =>
      rng.next() < p.monthsCapShare ? Math.max(1, Math.round(s * 6 * (0.5 + rng.next()))) : null;
    const s1 = slots();
    const s2 = slots();
    agreements.push({
      from: universities[x]!.id,
      to: universities[y]!.id,
      slots: s1,
      monthsCap: monthsCap(s1),
    });
    agreements.push({
      from: universities[y]!.id,
      to: universities[x]!.id,
      slots: s2,
      monthsCap: monthsCap(s2),
    });
  };
  const signers = p.bipartite ? (bySide[0] ?? []) : universities.map((_, i) => i);
  for (const x of signers) {
    const pool = others(x);
    for (let k = 0; k < p.partnersPerUniversity; k++) {
      let y: number;
      if (p.bipartite) {
        if (pool.length === 0) break;
        y = pool[rng.int(pool.length)]!;
      } else {
        y = rng.int(nUni);
        if (p.sides.length > 1 && sideOf[y] === sideOf[x] && rng.next() < 0.7) continue;
      }
      sign(x, y);
    }
  }

  // Students: homes by side share and university size.
  const cumulative = bySide.map((list) => {
    const acc: number[] = [];
    let sum = 0;
    for (const u of list) acc.push((sum += size[u]!));
    return acc;
  });
  const pickHome = (side: number): number => {
    const list = bySide[side]!;
    const acc = cumulative[side]!;
    const r = rng.next() * (acc[acc.length - 1] ?? 0);
    let lo = 0;
    let hi = acc.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acc[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return list[lo]!;
  };
  const nonEmptySides = p.sides.map((_, i) => i).filter((i) => bySide[i]!.length > 0);
  const rho = p.popularityCorrelation;
  const noise = Math.sqrt(Math.max(0, 1 - rho * rho));
  const students: Student[] = [];
  const width = String(p.students).length;
  const utility: number[] = [];
  for (let i = 0; i < p.students; i++) {
    let side: number;
    if (nonEmptySides.length === 1 || rng.next() < p.firstSideShare) side = nonEmptySides[0] ?? 0;
    else side = nonEmptySides[1 + rng.int(nonEmptySides.length - 1)] ?? 0;
    if (bySide[side]!.length === 0) continue;
    const h = pickHome(side);
    const mine = partners[h]!;
    utility.length = 0;
    for (const t of mine) utility.push(rho * popularity[t]! + noise * rng.normal());
    const idx = mine.map((_, k) => k);
    idx.sort((a, b) => utility[b]! - utility[a]!);
    const length = Math.min(mine.length, 1 + rng.int(p.listLength));
    const prefs = idx.slice(0, length).map((k) => universities[mine[k]!]!.id);
    const student: Student = {
      id: `s-${String(i).padStart(width, '0')}`,
      home: universities[h]!.id,
      score: Math.round(Math.min(4, Math.max(0, 3 + 0.5 * rng.normal())) * 10) / 10,
      months: p.months[rng.int(p.months.length)] ?? 6,
      funded: rng.next() < p.fundedShare,
      travelCost: 1000 * (50 + rng.int(200)),
      prefs,
    };
    if (p.acceptRate < 1) student.acceptedBy = prefs.filter(() => rng.next() < p.acceptRate);
    students.push(student);
  }
  return { format: INSTANCE_FORMAT, rules: { ...p.rules }, universities, agreements, students };
}

/** Tiny random instances for property tests: 2–5 universities, up to `maxStudents` students. */
export function tinyInstance(
  seed: number,
  maxStudents = 6,
  rules?: Partial<AllocationRules>,
): AllocationInstance {
  const rng = createRng(seed ^ 0x9e3779b9);
  const scopes = ['university', 'consortium', 'side', 'agreement', 'none'] as const;
  const nA = 1 + rng.int(3);
  const nB = 1 + rng.int(2);
  const baseRules: AllocationRules = {
    balanceScope: scopes[rng.int(scopes.length)]!,
    balanceUnit: rng.next() < 0.3 ? 'months' : 'students',
    tolerance: rng.next() < 0.7 ? 0 : 1 + rng.int(3),
    fundedMonthsCap: rng.next() < 0.3 ? 3 + rng.int(12) : null,
    yenCap: rng.next() < 0.15 ? 300_000 + 100_000 * rng.int(10) : null,
    stipendPerMonth: 100_000,
  };
  return generateInstance({
    seed,
    sides: [
      { name: 'JP', universities: nA, consortia: 1 + rng.int(2) },
      { name: 'RU', universities: nB, consortia: 1 },
    ],
    students: 1 + rng.int(maxStudents),
    firstSideShare: 0.3 + 0.4 * rng.next(),
    partnersPerUniversity: 1 + rng.int(3),
    bipartite: rng.next() < 0.6,
    slotsMin: 0,
    slotsMax: 1 + rng.int(2),
    listLength: 1 + rng.int(3),
    popularityCorrelation: rng.next(),
    acceptRate: rng.next() < 0.5 ? 1 : 0.8,
    months: rng.next() < 0.5 ? [6] : [3, 6, 12],
    fundedShare: 0.6,
    capShare: rng.next() < 0.3 ? 0.5 : 0,
    monthsCapShare: rng.next() < 0.2 ? 0.5 : 0,
    rules: { ...baseRules, ...rules },
  });
}

/**
 * Small random instances with count balance (a network) and months caps on most agreements,
 * funder caps now and then: for the property tests of `optimal`'s bounds (lagrangian.ts).
 */
export function cappedInstance(seed: number, maxStudents: number): AllocationInstance {
  const rng = createRng(seed ^ 0x5bd1e995);
  const scopes = ['university', 'consortium', 'side', 'none'] as const;
  return generateInstance({
    seed,
    sides: [
      { name: 'JP', universities: 1 + rng.int(3), consortia: 1 + rng.int(2) },
      { name: 'RU', universities: 1 + rng.int(3), consortia: 1 },
    ],
    students: 1 + rng.int(maxStudents),
    firstSideShare: 0.3 + 0.4 * rng.next(),
    partnersPerUniversity: 1 + rng.int(3),
    bipartite: rng.next() < 0.6,
    slotsMin: 1,
    slotsMax: 1 + rng.int(4),
    listLength: 1 + rng.int(3),
    popularityCorrelation: rng.next(),
    acceptRate: rng.next() < 0.5 ? 1 : 0.8,
    months: rng.next() < 0.5 ? [6, 12] : [3, 6, 9, 12],
    fundedShare: 0.5,
    capShare: rng.next() < 0.3 ? 0.5 : 0,
    monthsCapShare: 0.4 + 0.6 * rng.next(),
    rules: {
      balanceScope: scopes[rng.int(scopes.length)]!,
      balanceUnit: 'students',
      tolerance: rng.next() < 0.7 ? 0 : 1 + rng.int(2),
      fundedMonthsCap: rng.next() < 0.2 ? 6 + rng.int(24) : null,
      yenCap: rng.next() < 0.1 ? 1_000_000 + 500_000 * rng.int(6) : null,
      stipendPerMonth: 100_000,
    },
  });
}
