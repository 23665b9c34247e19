import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { allocateSync } from './allocate.ts';
import { explain, explanationRefusals } from './explain.ts';
import { REFUSAL_CODES } from './refusal-codes.ts';
import { makeInstance, student, uni } from './fixtures.ts';
import { tinyInstance } from './generate.ts';
import { optimalSync } from './optimal.ts';
import { serialDictatorship } from './serial-dictatorship.ts';
import { twoSidedTtc } from './ttc.ts';
import { MECHANISMS } from './types.ts';

const unis = [
  uni('j', 'JP'),
  uni('r1', 'RU', null, { importCap: 1 }),
  uni('r2', 'RU'),
  uni('f', 'FR'),
];
const inst = makeInstance(
  unis,
  [
    ['j', 'r1', 2],
    ['j', 'r2', 2],
    ['j', 'f', 2],
  ],
  [
    student('a', 'j', 3.9, ['r1', 'r2']),
    student('b', 'j', 3.5, ['r1', 'r2'], { acceptedBy: ['r2'] }),
    student('c', 'j', 3.0, ['f', 'r1', 'r2']),
    student('x', 'r1', 3.0, ['j']),
    student('y', 'r2', 2.0, ['j']),
  ],
);

describe('explanations', () => {
  test('a 2s-ttc student is told the cycle she traded in', () => {
    const ex = explain(inst, twoSidedTtc(inst));
    const a = ex.find((e) => e.student === 'a')!;
    expect(a.host).toBe('r1');
    expect(a.how).toBe('cycle');
    expect(a.cycle?.trades).toEqual([
      { student: 'a', from: 'j', to: 'r1' },
      { student: 'x', from: 'r1', to: 'j' },
    ]);
    expect(a.text).toContain('exchange cycle');
  });

  test('better choices are explained: refused, full, balance', () => {
    const ex = explain(inst, twoSidedTtc(inst));
    const b = ex.find((e) => e.student === 'b')!;
    expect(b.host).toBe('r2');
    expect(b.better).toEqual([{ host: 'r1', choice: 1, reason: 'refused' }]);
    const c = ex.find((e) => e.student === 'c')!;
    expect(c.host).toBeNull();
    // f has nobody to send back; r1's import cap is used by a; r2's only student went to j.
    expect(c.better.map((x) => x.reason)).toEqual(['balance', 'host-full', 'balance']);
    expect(c.text).toMatch(/^Stays home\./);
  });

  test('baseline and optimal explanations name trimming and the objective', () => {
    const sd = explain(inst, serialDictatorship(inst));
    expect(sd.every((e) => e.host !== null || e.how === 'home' || e.how === 'trimmed')).toBe(true);
    const opt = explain(inst, optimalSync(inst));
    const placed = opt.filter((e) => e.host !== null);
    expect(placed.every((e) => e.how === 'optimum')).toBe(true);
    const c = opt.find((e) => e.student === 'c')!;
    expect(c.better[0]).toEqual({ host: 'f', choice: 1, reason: 'balance' });
  });

  test('every student gets an explanation whose better choices rank above her host', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (s) => {
        const i = tinyInstance(s, 7);
        for (const mechanism of MECHANISMS) {
          const ex = explain(i, allocateSync(i, { mechanism }));
          expect(ex).toHaveLength(i.students.length);
          for (const e of ex) {
            expect(e.better.length).toBe(
              e.choice === null
                ? i.students.find((x) => x.id === e.student)!.prefs.length
                : e.choice - 1,
            );
            expect(e.text.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('explanations as codes with params', () => {
  test('placed by a cycle, with the host, the choice and the cycle; better choices by reason', () => {
    const ex = explain(inst, twoSidedTtc(inst));
    const a = ex.find((e) => e.student === 'a')!;
    const said = explanationRefusals(a, {
      objective: null,
      prefsCount: 2,
      nameOf: (id) => ({ en: `University ${id}` }),
    });
    expect(said.outcome).toEqual({
      code: 'allocation.placed_by_cycle',
      params: { host: { en: 'University r1' }, choice: 1, cycle: a.cycle!.index + 1 },
    });
    expect(said.because).toEqual([]);
    const c = ex.find((e) => e.student === 'c')!;
    const home = explanationRefusals(c, { objective: null, prefsCount: 3 });
    expect(home.outcome).toEqual({ code: 'allocation.stays_home', params: {} });
    expect(home.because).toEqual([
      { code: 'allocation.balance', rule: 'R4', params: { host: 'f', choice: 1 } },
      { code: 'allocation.host_full', params: { host: 'r1', choice: 2 } },
      { code: 'allocation.balance', rule: 'R4', params: { host: 'r2', choice: 3 } },
    ]);
  });

  test('every code an explanation can say is listed for translation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0x7fffffff }), (s) => {
        const i = tinyInstance(s, 7);
        for (const mechanism of MECHANISMS) {
          const outcome = allocateSync(i, { mechanism });
          for (const e of explain(i, outcome)) {
            const said = explanationRefusals(e, {
              objective: outcome.result.objective,
              prefsCount: i.students.find((x) => x.id === e.student)!.prefs.length,
            });
            for (const r of [said.outcome, ...said.because]) {
              expect(REFUSAL_CODES).toContain(r.code);
            }
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});
