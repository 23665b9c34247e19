/** Small hand-built instances for tests and examples (pure helpers). */
import type { AllocationInstance, AllocationRules, Student, University } from './types.ts';
import { INSTANCE_FORMAT } from './types.ts';

export function uni(
  id: string,
  side: string,
  consortium: string | null = null,
  caps: Partial<University> = {},
): University {
  return { id, side, consortium, importCap: null, exportCap: null, ...caps };
}

export function student(
  id: string,
  home: string,
  score: number,
  prefs: string[],
  extra: Partial<Student> = {},
): Student {
  return { id, home, score, months: 6, funded: false, travelCost: 100_000, prefs, ...extra };
}

/** An instance with agreements both ways between every pair listed (`slots` each way). */
export function makeInstance(
  universities: University[],
  pairs: [string, string, number][],
  students: Student[],
  rules: Partial<AllocationRules> = {},
): AllocationInstance {
  return {
    format: INSTANCE_FORMAT,
    rules: {
      balanceScope: 'university',
      balanceUnit: 'students',
      tolerance: 0,
      fundedMonthsCap: null,
      yenCap: null,
      stipendPerMonth: 100_000,
      ...rules,
    },
    universities,
    agreements: pairs.flatMap(([a, b, slots]) => [
      { from: a, to: b, slots, monthsCap: null },
      { from: b, to: a, slots, monthsCap: null },
    ]),
    students,
  };
}
