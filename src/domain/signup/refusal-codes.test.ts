import { describe, expect, it } from 'vitest';
import { DOMAIN_PATTERN, domainOf } from './refusal-codes.ts';

describe('student e-mail domains', () => {
  it('takes the domain of an address in lower case', () => {
    expect(domainOf('Sakura.Yamada@S.Tohoku.AC.jp')).toBe('s.tohoku.ac.jp');
    expect(domainOf(' a@b@nsu.ru ')).toBe('nsu.ru');
  });

  it('accepts domains of two labels or more, and nothing else', () => {
    for (const ok of ['tohoku.ac.jp', 's.tohoku.ac.jp', 'nsu.ru', 'univ-grenoble-alpes.fr']) {
      expect(DOMAIN_PATTERN.test(ok), ok).toBe(true);
    }
    for (const bad of [
      'localhost',
      'tohoku',
      '-a.jp',
      'a..jp',
      'a b.jp',
      '@tohoku.ac.jp',
      'Tohoku.ac.jp',
    ]) {
      expect(DOMAIN_PATTERN.test(bad), bad).toBe(false);
    }
  });
});
