import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CREDIT_SYSTEMS,
  CREDIT_SYSTEM_IDS,
  DEFAULT_CREDIT_POLICY,
  clockHoursPerCredit,
  convertCredits,
  roundToStep,
  sumCredits,
} from './credit-systems.ts';
import type { CreditConversionPolicy } from './credit-systems.ts';

describe('credit systems as data', () => {
  it('each system carries a definition and a source', () => {
    for (const id of CREDIT_SYSTEM_IDS) {
      const s = CREDIT_SYSTEMS[id];
      expect(s.id).toBe(id);
      expect(s.definition.length).toBeGreaterThan(20);
      expect(s.source.length).toBeGreaterThan(20);
      expect(s.hoursPerCredit.min).toBeLessThanOrEqual(s.hoursPerCredit.nominal);
      expect(s.hoursPerCredit.nominal).toBeLessThanOrEqual(s.hoursPerCredit.max);
    }
  });

  it('R7: clock hours per credit follow the definitions', () => {
    expect(clockHoursPerCredit('jp-tan-i')).toBe(45); // 大学設置基準 Art. 21
    expect(clockHoursPerCredit('ru-ze')).toBe(27); // 36 academic hours × 45 min
    expect(clockHoursPerCredit('ects')).toBe(27.5); // mid-point of 25–30 h
    expect(clockHoursPerCredit('ucts')).toBe(43); // mid-point of 38–48 h
    expect(
      clockHoursPerCredit('ects', { ...DEFAULT_CREDIT_POLICY, hoursPerCredit: { ects: 30 } }),
    ).toBe(30);
    expect(() =>
      clockHoursPerCredit('ects', { ...DEFAULT_CREDIT_POLICY, hoursPerCredit: { ects: 20 } }),
    ).toThrow(RangeError);
  });
});

describe('convertCredits: worked examples', () => {
  const ects30: CreditConversionPolicy = { ...DEFAULT_CREDIT_POLICY, hoursPerCredit: { ects: 30 } };

  it('R7: a 2-credit Japanese course is 90 hours, 3 ECTS at 30 h per ECTS credit', () => {
    const r = convertCredits(2, 'jp-tan-i', 'ects', ects30);
    expect(r.value).toBe(3);
    expect(r.rule.exact).toBe(3);
    expect(r.rule.text).toBe(
      '2 Japanese university credit × 45 h = 90 h; 90 h ÷ 30 h = 3 ECTS credit, rounded half-up to 0.5: 3',
    );
  });

  it('R7: 3 ECTS is 2 Japanese credits at 30 h per ECTS credit, 1.8 → 2 at the nominal 27.5 h', () => {
    expect(convertCredits(3, 'ects', 'jp-tan-i', ects30).value).toBe(2);
    const r = convertCredits(3, 'ects', 'jp-tan-i');
    expect(r.rule.exact).toBeCloseTo(1.8333, 4);
    expect(r.value).toBe(2);
  });

  it('R7: 3 зачётные единицы = 108 academic hours = 81 h ≈ 3 ECTS (Russian universities count 1:1)', () => {
    const r = convertCredits(3, 'ru-ze', 'ects');
    expect(r.rule.exact).toBeCloseTo(81 / 27.5, 9);
    expect(r.value).toBe(3);
    expect(
      convertCredits(3, 'ru-ze', 'ects', { ...ects30, hoursPerCredit: { ects: 27 } }).rule.exact,
    ).toBe(3);
  });

  it('R7: 1 UCTS credit = 1.5 ECTS (UMAP credit transfer scheme table)', () => {
    const umap: CreditConversionPolicy = {
      ...DEFAULT_CREDIT_POLICY,
      hoursPerCredit: { ects: 30, ucts: 45 },
    };
    expect(convertCredits(1, 'ucts', 'ects', umap)).toMatchObject({ value: 1.5 });
    expect(convertCredits(1, 'ucts', 'ects').value).toBe(1.5); // 43 / 27.5 = 1.56
    expect(convertCredits(1, 'jp-tan-i', 'ucts', umap).value).toBe(1); // "1 UCTS = 1 credit (Asia)"
  });

  it('R7: a 5-ECTS Grenoble course is 137.5 h, 3.06 Japanese credits, rounded to 3', () => {
    const r = convertCredits(5, 'ects', 'jp-tan-i');
    expect(r.rule.exact).toBeCloseTo(3.0556, 4);
    expect(r.value).toBe(3);
  });

  it('same system is unchanged, whatever the step', () => {
    expect(convertCredits(2.25, 'ects', 'ects').value).toBe(2.25);
  });

  it('rounding policy: half-up or down to a step', () => {
    expect(roundToStep(2.25, 0.5, 'half-up')).toBe(2.5);
    expect(roundToStep(2.2499, 0.5, 'half-up')).toBe(2);
    expect(roundToStep(2.49, 0.5, 'down')).toBe(2);
    expect(roundToStep(0.1 + 0.2, 0.1, 'down')).toBe(0.3);
    expect(convertCredits(1, 'jp-tan-i', 'ects', { step: 1, rounding: 'down' }).value).toBe(1);
  });

  it('rejects negative credits and bad steps', () => {
    expect(() => convertCredits(-1, 'ects', 'ru-ze')).toThrow(RangeError);
    expect(() => convertCredits(1, 'ects', 'ru-ze', { step: 0, rounding: 'down' })).toThrow();
  });

  it('sums credits of one system only', () => {
    expect(
      sumCredits(
        [
          { value: 2, system: 'ects' },
          { value: 3.5, system: 'ects' },
        ],
        'ects',
      ),
    ).toEqual({
      value: 5.5,
      system: 'ects',
    });
    expect(() => sumCredits([{ value: 2, system: 'ru-ze' }], 'ects')).toThrow();
  });
});

describe('convertCredits: properties', () => {
  const system = fc.constantFrom(...CREDIT_SYSTEM_IDS);
  const policy = fc.record({
    step: fc.constantFrom(0.5, 1, 0.25, 0.1),
    rounding: fc.constantFrom('half-up' as const, 'down' as const),
  });
  const value = fc.integer({ min: 0, max: 400 }).map((n) => n / 4);

  it('R7: a round trip comes back within the rounding of both legs', () => {
    fc.assert(
      fc.property(value, system, system, policy, (v, a, b, p) => {
        const there = convertCredits(v, a, b, p);
        const back = convertCredits(there.value, b, a, p);
        const ratio = clockHoursPerCredit(a, p) / clockHoursPerCredit(b, p);
        // |there − v·r| ≤ step (down) or step/2 (half-up); back adds its own error on top.
        const grain = p.rounding === 'down' ? p.step : p.step / 2;
        const bound = a === b ? 1e-9 : grain + grain / ratio + 1e-9;
        expect(Math.abs(back.value - v)).toBeLessThanOrEqual(bound);
      }),
    );
  });

  it('R7: conversion is monotone and never negative', () => {
    fc.assert(
      fc.property(value, value, system, system, policy, (x, y, a, b, p) => {
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const cl = convertCredits(lo, a, b, p).value;
        expect(cl).toBeGreaterThanOrEqual(0);
        expect(cl).toBeLessThanOrEqual(convertCredits(hi, a, b, p).value);
      }),
    );
  });

  it('R7: converted values are multiples of the step', () => {
    fc.assert(
      fc.property(value, system, system, policy, (v, a, b, p) => {
        fc.pre(a !== b);
        const r = convertCredits(v, a, b, p).value;
        expect(Math.abs(r / p.step - Math.round(r / p.step))).toBeLessThan(1e-6);
      }),
    );
  });
});
