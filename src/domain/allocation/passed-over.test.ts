import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateSync } from './allocate.ts';
import { explain, explanationRefusals } from './explain.ts';
import { makeInstance, student, uni } from './fixtures.ts';
import { tinyInstance } from './generate.ts';
import { optimalSync } from './optimal.ts';
import { passOverRefusal, passedOver } from './passed-over.ts';
import { REFUSAL_CODES } from './refusal-codes.ts';
import { serialDictatorship } from './serial-dictatorship.ts';
import type { AllocationInstance, AllocationOutcome } from './types.ts';
import { MECHANISMS, RESULT_FORMAT } from './types.ts';

const unis = [uni('j', 'JP'), uni('r', 'RU')];
const passOvers = (inst: AllocationInstance, outcome: AllocationOutcome) =>
  passedOver(inst, outcome.result, explain(inst, outcome));

describe('passed-over applicants', () => {
  test('R4: the optimum sends the top-scored applicant home for a longer stay that balances the months, and says so', () => {
    // R4, 003 §5(4) in months: r sends one 10-month stay back; only b's 10 months balance it.
    const inst = makeInstance(
      unis,
      [['j', 'r', 2]],
      [
        student('a', 'j', 3.9, ['r'], { months: 6 }),
        student('b', 'j', 3.1, ['r'], { months: 10 }),
        student('x', 'r', 3.0, ['j'], { months: 10 }),
      ],
      { balanceUnit: 'months' },
    );
    const outcome = optimalSync(inst);
    expect(outcome.result.assignments.map((a) => a.student).sort()).toEqual(['b', 'x']);
    // The per-student explanation alone says only "balance": the pass-over names whom and why.
    const [p, ...rest] = passOvers(inst, outcome);
    expect(rest).toEqual([]);
    expect(p).toEqual({
      student: 'a',
      score: 3.9,
      outcome: null,
      outcomeChoice: null,
      host: 'r',
      choice: 1,
      instead: 'b',
      insteadScore: 3.1,
      others: 0,
      reason: { kind: 'balance', measure: 'months', unit: 'j', off: 4, tolerance: 0 },
    });
    expect(passOverRefusal(p!, { student: (id) => ({ en: `Student ${id}` }) })).toEqual({
      code: 'allocation.passed_over_balance_months',
      rule: 'R4',
      params: {
        student: { en: 'Student a' },
        score: 3.9,
        host: 'r',
        choice: 1,
        instead: { en: 'Student b' },
        insteadScore: 3.1,
        others: 0,
        unit: 'j',
        off: 4,
        tolerance: 0,
      },
    });
  });

  test('the optimum in months passes over a higher score for a longer stay: the months it would lose', () => {
    const inst = makeInstance(
      unis,
      [['j', 'r', 1]],
      [
        student('a', 'j', 3.9, ['r'], { months: 6 }),
        student('b', 'j', 3.1, ['r'], { months: 12 }),
        student('x', 'r', 3.0, ['j'], { months: 12 }),
      ],
    );
    const outcome = optimalSync(inst, { objective: 'months' });
    const list = passOvers(inst, outcome);
    expect(list.map((p) => [p.student, p.instead, p.reason])).toEqual([
      ['a', 'b', { kind: 'objective', objective: 'months', lost: 6 }],
    ]);
    expect(passOverRefusal(list[0]!).code).toBe('allocation.passed_over_objective_months');
  });

  test('a host that did not accept her in screening is not a pass-over', () => {
    const inst = makeInstance(
      unis,
      [['j', 'r', 1]],
      [
        student('a', 'j', 3.9, ['r'], { acceptedBy: [] }),
        student('b', 'j', 3.1, ['r']),
        student('x', 'r', 3.0, ['j']),
      ],
    );
    for (const mechanism of MECHANISMS) {
      expect(passOvers(inst, allocateSync(inst, { mechanism }))).toEqual([]);
    }
  });

  test('a place lower in her ranking counts: the agreement quota of her home names its two ends', () => {
    // a ranks r first; b (lower score, home k) got r under k→r; j→r has no place left for a.
    const inst = makeInstance(
      [uni('j', 'JP'), uni('k', 'JP'), uni('r', 'RU'), uni('s', 'RU')],
      [
        ['j', 'r', 0],
        ['k', 'r', 1],
        ['j', 's', 1],
      ],
      [
        student('a', 'j', 3.9, ['r', 's']),
        student('b', 'k', 3.1, ['r']),
        student('x', 'r', 3.0, ['k']),
        student('y', 's', 3.0, ['j']),
      ],
      { balanceScope: 'side' },
    );
    const outcome = serialDictatorship(inst);
    expect(outcome.result.assignments).toContainEqual({ student: 'a', host: 's' });
    const list = passOvers(inst, outcome);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      student: 'a',
      outcome: 's',
      outcomeChoice: 2,
      host: 'r',
      choice: 1,
      instead: 'b',
      reason: { kind: 'agreement-slots', from: 'j', to: 'r', slots: 0 },
    });
    expect(
      passOverRefusal(list[0]!, { university: (id) => ({ en: id.toUpperCase() }) }).params,
    ).toMatchObject({ from: { en: 'J' }, to: { en: 'R' }, slots: 0 });
  });

  test('every pass-over names a lower-scored applicant placed at a host she ranked higher, in codes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (seed) => {
        const inst = tinyInstance(seed, 7);
        const byId = new Map(inst.students.map((s) => [s.id, s]));
        for (const mechanism of MECHANISMS) {
          const outcome = allocateSync(inst, { mechanism });
          const hostOf = new Map(outcome.result.assignments.map((a) => [a.student, a.host]));
          for (const p of passOvers(inst, outcome)) {
            const me = byId.get(p.student)!;
            expect(hostOf.get(p.instead)).toBe(p.host);
            expect(byId.get(p.instead)!.score).toBeLessThan(me.score);
            expect(me.prefs[p.choice - 1]).toBe(p.host);
            expect(hostOf.get(p.student) ?? null).toBe(p.outcome);
            if (p.outcomeChoice !== null) expect(p.choice).toBeLessThan(p.outcomeChoice);
            expect(REFUSAL_CODES).toContain(passOverRefusal(p).code);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  test('an allocation the solver stopped short of proving: a swap that would be better says so', () => {
    // What `optimal` may return at the solver's time limit (stats.proven false): b's 6 months
    // hold the place a's 12 months would fill; the months optimum (24) would place a.
    const inst = makeInstance(
      unis,
      [['j', 'r', 1]],
      [
        student('a', 'j', 3.9, ['r'], { months: 12 }),
        student('b', 'j', 3.1, ['r'], { months: 6 }),
        student('x', 'r', 3.0, ['j'], { months: 12 }),
      ],
    );
    const outcome: AllocationOutcome = {
      result: {
        format: RESULT_FORMAT,
        mechanism: 'optimal',
        objective: 'months',
        assignments: [
          { student: 'b', host: 'r' },
          { student: 'x', host: 'j' },
        ],
        stats: {
          placed: 2,
          placedMonths: 18,
          seconds: 60,
          proven: false,
          stopped: 'limit',
          objectiveValue: 18,
          bounds: { lower: 18, upper: 24 },
        },
      },
      trace: null,
    };
    const explanations = explain(inst, outcome);
    const list = passedOver(inst, outcome.result, explanations);
    expect(list.map((p) => [p.student, p.instead, p.reason])).toEqual([
      ['a', 'b', { kind: 'improvable', objective: 'months' }],
    ]);
    expect(passOverRefusal(list[0]!).code).toBe('allocation.passed_over_improvable');
    const b = explanations.find((e) => e.student === 'b')!;
    expect(b.text).toContain('in the best allocation found (months), not proven optimal');
    const said = (proven?: boolean) =>
      explanationRefusals(b, { objective: 'months', prefsCount: 1, proven }).outcome.code;
    expect(said(false)).toBe('allocation.placed_in_best_found');
    expect(said(true)).toBe('allocation.placed_in_optimum');
    expect(said(undefined)).toBe('allocation.placed_in_optimum');
  });
});
