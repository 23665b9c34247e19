import { describe, expect, it } from 'vitest';
import { formatDateInput, numericDatePattern, parseDateInput } from './format.ts';

describe('date inputs in the reader’s order', () => {
  it('writes a date as each language writes it in digits', () => {
    expect(formatDateInput('2027-09-01', 'ja')).toBe('2027/09/01');
    expect(formatDateInput('2027-09-01', 'ru')).toBe('01.09.2027');
    expect(formatDateInput('2027-09-01', 'fr')).toBe('01/09/2027');
    expect(formatDateInput('2027-09-01', 'en')).toBe('01/09/2027');
    expect(formatDateInput('', 'en')).toBe('');
    expect(numericDatePattern('ja').order).toEqual(['year', 'month', 'day']);
  });

  it('reads what it writes, in every language', () => {
    for (const language of ['ja', 'ru', 'fr', 'en']) {
      expect(parseDateInput(formatDateInput('2028-02-29', language), language)).toBe('2028-02-29');
    }
  });

  it('reads the day before the month where the language puts it first', () => {
    expect(parseDateInput('3.4.2027', 'ru')).toBe('2027-04-03');
    expect(parseDateInput('03/04/2027', 'fr')).toBe('2027-04-03');
    expect(parseDateInput('2027年4月3日', 'ja')).toBe('2027-04-03');
  });

  it('accepts YYYY-MM-DD in any language', () => {
    expect(parseDateInput('2027-04-03', 'ru')).toBe('2027-04-03');
    expect(parseDateInput(' 2027-04-03 ', 'fr')).toBe('2027-04-03');
  });

  it('refuses what is not a calendar date', () => {
    expect(parseDateInput('30.02.2027', 'ru')).toBeNull();
    expect(parseDateInput('2023-02-29', 'en')).toBeNull();
    expect(parseDateInput('13/13/2027', 'fr')).toBeNull();
    expect(parseDateInput('01/09/27', 'fr')).toBeNull();
    expect(parseDateInput('tomorrow', 'en')).toBeNull();
    expect(parseDateInput('', 'en')).toBeNull();
  });
});
