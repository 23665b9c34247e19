import { describe, expect, it } from 'vitest';
import { neutraliseFormula } from './formula.ts';

describe('CSV cells', () => {
  it('that a spreadsheet would run as a formula are shown, not run', () => {
    for (const cell of [
      '=HYPERLINK("http://x")',
      '+cmd|/C calc',
      '-2+3',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
    ]) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
  });
  it('that are plain text stay as they are', () => {
    for (const cell of ['東北大学', 'Novosibirsk', 'a=b', '', '3.5']) {
      expect(neutraliseFormula(cell)).toBe(cell);
    }
  });
});
