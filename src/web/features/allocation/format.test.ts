import { describe, expect, it } from 'vitest';
import { bestOf, formatDateTime, formatPercent, proofNote } from './format.ts';
import en from '../../locales/features/allocation.en.json' with { type: 'json' };
import fr from '../../locales/features/allocation.fr.json' with { type: 'json' };
import ja from '../../locales/features/allocation.ja.json' with { type: 'json' };
import ru from '../../locales/features/allocation.ru.json' with { type: 'json' };

describe('bestOf: the best value of a comparison row', () => {
  it('marks the highest where higher is better, ties included', () => {
    expect(bestOf([4, 3, 4], 'higher')).toEqual([true, false, true]);
  });

  it('marks the lowest where lower is better, skipping values that do not apply', () => {
    expect(bestOf([1.5, null, 1.2], 'lower')).toEqual([false, false, true]);
  });

  it('marks nothing when all values are equal, or the row has no direction', () => {
    expect(bestOf([0, 0, 0], 'lower')).toEqual([false, false, false]);
    expect(bestOf([16, 12, 20], null)).toEqual([false, false, false]);
    expect(bestOf([3, null, null], 'higher')).toEqual([false, false, false]);
  });
});

describe('formatPercent', () => {
  it('rounds a share to a whole percentage in the reader’s language', () => {
    expect(formatPercent(0.755, 'en')).toBe('76%');
    expect(formatPercent(1, 'fr')).toMatch(/^100\s?%$/);
  });
});

describe('formatDateTime', () => {
  it('says the time of day with its time zone', () => {
    expect(formatDateTime('2027-09-01T03:30:00Z', 'en')).toBe('1 September 2027 at 12:30 GMT+9');
    expect(formatDateTime('2027-09-01T03:30:00Z', 'ja')).toBe('2027年9月1日 12:30 JST');
  });
});

describe('proofNote: what a result says of its optimum', () => {
  const stats = { placed: 12, placedMonths: 96, seconds: 60 };

  it('says proven, or nothing for a mechanism that claims no optimum', () => {
    expect(proofNote({ ...stats, proven: true }, 'en')).toEqual({
      key: 'allocation.compare.proven',
    });
    expect(proofNote(stats, 'en')).toBeNull();
  });

  it('gives the bounds of an optimum the solver stopped short of proving', () => {
    const unproven = { ...stats, proven: false, stopped: 'limit' as const };
    expect(proofNote({ ...unproven, bounds: { lower: 1200, upper: 1214 } }, 'fr')).toEqual({
      key: 'allocation.compare.unproven',
      values: { lower: '1\u202f200', upper: '1\u202f214' },
    });
    expect(proofNote(unproven, 'en')).toBeNull();
  });

  it('has the words for it, with both bounds, in every language', () => {
    for (const locale of [en, fr, ja, ru]) {
      const text = locale.allocation.compare.unproven;
      expect(text).toContain('{{lower}}');
      expect(text).toContain('{{upper}}');
    }
  });
});
