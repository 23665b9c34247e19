/**
 * 2S-TTC (Dur & Ünver 2019) and the properties its header claims: balanced (003 §5(4), R4),
 * individually rational, respects home priority (R6: the common score orders students),
 * Pareto-efficient among balanced allocations, strategy-proof for students.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { forEachFeasible, hostsOf } from './brute-force.ts';
import { checkFeasible, summarize } from './feasibility.ts';
import { makeInstance, student, uni } from './fixtures.ts';
import { tinyInstance } from './generate.ts';
import { twoSidedTtc } from './ttc.ts';
import type { AllocationInstance, AllocationRules } from './types.ts';

const seed = fc.integer({ min: 0, max: 0x7fffffff });
/** The setting in which every classic property is claimed. */
const classic: Partial<AllocationRules> = {
  balanceUnit: 'students',
  tolerance: 0,
  fundedMonthsCap: null,
  yenCap: null,
};
/** Agreement months caps are sized per student like the funder caps: a longer stay may not fit
 * where a shorter one does, so they are left out of the classic setting. */
const classicInstance = (s: number, n: number): AllocationInstance | null => {
  const inst = tinyInstance(s, n, classic);
  if (inst.rules.balanceScope === 'agreement') return null;
  return { ...inst, agreements: inst.agreements.map((a) => ({ ...a, monthsCap: null })) };
};

const ttcHosts = (inst: AllocationInstance): (string | null)[] =>
  hostsOf(inst, twoSidedTtc(inst).result.assignments);

/** Rank of a host in the student's true prefs: 0 best; home = ∞; not listed = worse than home. */
const rankIn = (prefs: readonly string[], host: string | null): number => {
  if (host === null) return 1e9;
  const r = prefs.indexOf(host);
  return r < 0 ? 2e9 : r;
};

const priorityOrder = (inst: AllocationInstance): number[] =>
  inst.students
    .map((_, i) => i)
    .sort((a, b) => {
      const x = inst.students[a]!;
      const y = inst.students[b]!;
      return x.score !== y.score ? y.score - x.score : x.id < y.id ? -1 : 1;
    });

describe('2S-TTC', () => {
  test('R4: a two-cycle trades, and without a partner nobody is sent (balance per university)', () => {
    const unis = [uni('tohoku.ac.jp', 'JP'), uni('nsu.ru', 'RU')];
    const pairs: [string, string, number][] = [['tohoku.ac.jp', 'nsu.ru', 2]];
    const both = makeInstance(unis, pairs, [
      student('a', 'tohoku.ac.jp', 3.5, ['nsu.ru']),
      student('b', 'nsu.ru', 3.0, ['tohoku.ac.jp']),
      student('c', 'tohoku.ac.jp', 3.2, ['nsu.ru']),
    ]);
    const out = twoSidedTtc(both);
    expect(out.result.assignments).toEqual([
      { student: 'a', host: 'nsu.ru' },
      { student: 'b', host: 'tohoku.ac.jp' },
    ]);
    expect(out.trace?.cycles).toEqual([[0, 1]]);
    const oneWay = makeInstance(unis, pairs, [student('a', 'tohoku.ac.jp', 3.5, ['nsu.ru'])]);
    expect(twoSidedTtc(oneWay).result.assignments).toEqual([]);
    // A tolerance of one lets a single student go (residue phase).
    const tolerant = { ...oneWay, rules: { ...oneWay.rules, tolerance: 1 } };
    expect(twoSidedTtc(tolerant).result.assignments).toEqual([{ student: 'a', host: 'nsu.ru' }]);
  });

  test('R4: balance per consortium lets a three-university cycle trade', () => {
    const unis = [uni('j1', 'JP', 'jp'), uni('j2', 'JP', 'jp'), uni('r1', 'RU', 'ru')];
    const inst = makeInstance(
      unis,
      [
        ['j1', 'r1', 1],
        ['j2', 'r1', 1],
      ],
      [student('a', 'j1', 3, ['r1']), student('b', 'r1', 3, ['j2'])],
      { balanceScope: 'consortium' },
    );
    expect(twoSidedTtc(inst).result.stats.placed).toBe(2);
    expect(
      twoSidedTtc({ ...inst, rules: { ...inst.rules, balanceScope: 'university' } }).result.stats
        .placed,
    ).toBe(0);
  });

  test('ties in score break by student id', () => {
    const unis = [uni('j', 'JP'), uni('r', 'RU')];
    const inst = makeInstance(
      unis,
      [['j', 'r', 1]],
      [
        student('s-2', 'j', 3.0, ['r']),
        student('s-1', 'j', 3.0, ['r']),
        student('s-9', 'r', 2.0, ['j']),
      ],
    );
    expect(
      twoSidedTtc(inst)
        .result.assignments.map((a) => a.student)
        .sort(),
    ).toEqual(['s-1', 's-9']);
  });

  test('R4: 2s-ttc result is balanced per unit, within the tolerance, under every scope', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 8);
        const out = twoSidedTtc(inst);
        expect(summarize(inst, out.result.assignments).worstImbalance).toBeLessThanOrEqual(
          inst.rules.tolerance,
        );
        expect(checkFeasible(inst, out.result)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('2s-ttc is individually rational (only listed hosts that accepted the student)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = tinyInstance(s, 8);
        const byId = new Map(inst.students.map((st) => [st.id, st]));
        for (const a of twoSidedTtc(inst).result.assignments) {
          const st = byId.get(a.student)!;
          expect(st.prefs).toContain(a.host);
          if (st.acceptedBy) expect(st.acceptedBy).toContain(a.host);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('2s-ttc respects home priority (no student envies a lower-priority student of her home)', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = classicInstance(s, 8);
        if (!inst) return;
        const hosts = ttcHosts(inst);
        const order = priorityOrder(inst);
        for (let x = 0; x < order.length; x++) {
          for (let y = x + 1; y < order.length; y++) {
            const i = order[x]!;
            const j = order[y]!;
            const si = inst.students[i]!;
            const t = hosts[j];
            if (!t || si.home !== inst.students[j]!.home) continue;
            const accepted = !si.acceptedBy || si.acceptedBy.includes(t);
            if (!accepted) continue;
            expect(rankIn(si.prefs, hosts[i]!)).toBeLessThanOrEqual(rankIn(si.prefs, t));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  test('on tiny instances no balanced allocation makes every student at least as well off and one better', () => {
    fc.assert(
      fc.property(seed, (s) => {
        const inst = classicInstance(s, 6);
        if (!inst) return;
        const mine = ttcHosts(inst);
        forEachFeasible(inst, (other) => {
          let weak = true;
          let strict = false;
          other.forEach((h, i) => {
            const prefs = inst.students[i]!.prefs;
            const a = rankIn(prefs, h);
            const b = rankIn(prefs, mine[i]!);
            if (a > b) weak = false;
            if (a < b) strict = true;
          });
          expect(weak && strict).toBe(false);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('no student gains by misreporting her preferences (sampled tiny instances)', () => {
    fc.assert(
      fc.property(seed, fc.nat(), (s, pick) => {
        const inst = classicInstance(s, 5);
        if (!inst || inst.students.length === 0) return;
        const i = pick % inst.students.length;
        const me = inst.students[i]!;
        const truth = rankIn(me.prefs, ttcHosts(inst)[i]!);
        const partners = inst.agreements.filter((a) => a.from === me.home).map((a) => a.to);
        const accepted = new Set(me.acceptedBy ?? partners);
        // Every ordered list of up to three partners is a possible report.
        const reports: string[][] = [[]];
        const grow = (cur: string[]): void => {
          if (cur.length === 3) return;
          for (const p of partners) {
            if (cur.includes(p)) continue;
            reports.push([...cur, p]);
            grow([...cur, p]);
          }
        };
        grow([]);
        for (const prefs of reports) {
          const lie: AllocationInstance = {
            ...inst,
            students: inst.students.map((st, j) =>
              j === i ? { ...st, prefs, acceptedBy: prefs.filter((h) => accepted.has(h)) } : st,
            ),
          };
          expect(rankIn(me.prefs, ttcHosts(lie)[i]!)).toBeGreaterThanOrEqual(truth);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('R4: months balance trades equal stays in bands and stays within tolerance', () => {
    const unis = [uni('j', 'JP'), uni('r', 'RU')];
    const inst = makeInstance(
      unis,
      [['j', 'r', 5]],
      [
        student('a', 'j', 3.9, ['r'], { months: 12 }),
        student('b', 'r', 3.8, ['j'], { months: 6 }),
        student('c', 'r', 3.1, ['j'], { months: 12 }),
        student('d', 'j', 3.0, ['r'], { months: 6 }),
      ],
      { balanceUnit: 'months' },
    );
    const out = twoSidedTtc(inst);
    expect(out.result.assignments.map((a) => a.student).sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(out.trace?.cycles).toHaveLength(2); // a↔c (12 months), b↔d (6 months)
    expect(summarize(inst, out.result.assignments).worstImbalance).toBe(0);
  });

  test('R14: the funded-months cap (360 = 30 students × 12 months, 003 §4) is never exceeded', () => {
    const unis = [uni('j', 'JP'), uni('r', 'RU')];
    const students = Array.from({ length: 80 }, (_, k) =>
      student(
        `s${String(k).padStart(2, '0')}`,
        k % 2 ? 'r' : 'j',
        4 - k / 100,
        [k % 2 ? 'j' : 'r'],
        {
          months: 12,
          funded: k % 2 === 0,
        },
      ),
    );
    const inst = makeInstance(unis, [['j', 'r', 100]], students, { fundedMonthsCap: 360 });
    const out = twoSidedTtc(inst);
    expect(checkFeasible(inst, out.result)).toEqual([]);
    expect(summarize(inst, out.result.assignments).fundedMonths).toBe(360);
    expect(out.result.stats.placed).toBe(60);
  });

  test('with no balance scope 2s-ttc is serial dictatorship by score', () => {
    const unis = [uni('j', 'JP'), uni('r', 'RU'), uni('f', 'FR')];
    const inst = makeInstance(
      unis,
      [
        ['j', 'r', 1],
        ['j', 'f', 1],
      ],
      [student('low', 'j', 2, ['r', 'f']), student('high', 'j', 3, ['r', 'f'])],
      { balanceScope: 'none' },
    );
    expect(twoSidedTtc(inst).result.assignments).toEqual([
      { student: 'low', host: 'f' },
      { student: 'high', host: 'r' },
    ]);
  });
});
