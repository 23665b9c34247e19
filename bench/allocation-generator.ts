/**
 * Seeded benchmark instances for the allocation engine: three sizes built with the domain's
 * generator (src/domain/allocation/generate.ts), and the knobs it exposes.
 *
 *  - pair: one consortium pair (R1: ≥3 Japanese + ≥3 foreign universities) — 6 + 6
 *    universities, ~100 students, balance per consortium (003 §5(4));
 *  - national: 800 Japanese universities and 1,200 partners abroad (2,000), 30,000 students;
 *  - erasmus: 5,000 universities in 30 countries, multilateral agreements, 300,000 students.
 */
import type { GeneratorParams } from '../src/domain/allocation/generate.ts';
import { defaultRules, generateInstance } from '../src/domain/allocation/generate.ts';
import type { AllocationInstance, AllocationRules } from '../src/domain/allocation/types.ts';

export type Size = 'pair' | 'national' | 'erasmus';
export const SIZES: readonly Size[] = ['pair', 'national', 'erasmus'];

export interface Knobs {
  seed: number;
  /** 0..1: how much students agree on which hosts are good. */
  popularityCorrelation: number;
  /** Share of students on the first (Japanese) side; 0.5 = even demand. */
  firstSideShare: number;
  listLength: number;
  months: number[];
  rules: Partial<AllocationRules>;
}

export const defaultKnobs: Knobs = {
  seed: 2019,
  popularityCorrelation: 0.6,
  firstSideShare: 0.4,
  listLength: 8,
  months: [6, 12],
  rules: {},
};

export function sizeParams(size: Size, knobs: Knobs = defaultKnobs): GeneratorParams {
  const base = {
    seed: knobs.seed,
    popularityCorrelation: knobs.popularityCorrelation,
    firstSideShare: knobs.firstSideShare,
    listLength: knobs.listLength,
    months: knobs.months,
    acceptRate: 0.9,
    fundedShare: 0.3,
    capShare: 0.05,
    monthsCapShare: 0,
  };
  switch (size) {
    case 'pair':
      return {
        ...base,
        sides: [
          { name: 'JP', universities: 6, consortia: 1 },
          { name: 'RU', universities: 6, consortia: 1 },
        ],
        students: 100,
        partnersPerUniversity: 4,
        bipartite: true,
        slotsMin: 1,
        slotsMax: 3,
        rules: { ...defaultRules, balanceScope: 'consortium', ...knobs.rules },
      };
    case 'national': {
      const abroad = ['RU', 'FR', 'US', 'KR', 'CN', 'DE'].map((name) => ({
        name,
        universities: 200,
        consortia: 20,
      }));
      return {
        ...base,
        sides: [{ name: 'JP', universities: 800, consortia: 80 }, ...abroad],
        students: 30_000,
        partnersPerUniversity: 12,
        bipartite: true,
        slotsMin: 1,
        slotsMax: 3,
        rules: { ...defaultRules, balanceScope: 'university', ...knobs.rules },
      };
    }
    case 'erasmus': {
      const countries = Array.from({ length: 30 }, (_, i) => ({
        name: `C${String(i).padStart(2, '0')}`,
        universities: i < 29 ? 166 : 5000 - 29 * 166,
        consortia: 0,
      }));
      return {
        ...base,
        sides: countries,
        students: 300_000,
        partnersPerUniversity: 20,
        bipartite: false,
        slotsMin: 1,
        slotsMax: 4,
        firstSideShare: 1 / 30,
        rules: { ...defaultRules, balanceScope: 'university', ...knobs.rules },
      };
    }
  }
}

export function benchInstance(size: Size, knobs: Knobs = defaultKnobs): AllocationInstance {
  return generateInstance(sizeParams(size, knobs));
}

/** The same instance with months caps on a share of the agreements (0.2: one in five). */
export function cappedBenchInstance(
  size: Size,
  knobs: Knobs = defaultKnobs,
  monthsCapShare = 0.2,
): AllocationInstance {
  return generateInstance({ ...sizeParams(size, knobs), monthsCapShare });
}
