import { describe, expect, it } from 'vitest';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  normalizePassword,
  passwordRefusals,
} from './passwords.ts';

const common = new Set(['password1234', 'qwerty123456']);
const codes = (password: string, email?: string) =>
  passwordRefusals(password, { common, email }).map((r) => r.code);

describe('new passwords (NIST SP 800-63B §5.1.1.2)', () => {
  it('asks for at least 12 characters, counted as characters, not bytes', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(12);
    expect(codes('short pass')).toEqual(['accounts.password_too_short']);
    expect(codes('a'.repeat(5) + 'b'.repeat(6))).toEqual(['accounts.password_too_short']);
    // Twelve kanji are twelve characters.
    expect(codes('国際交流の架け橋を渡る春の日')).toEqual([]);
    // Eleven emoji are 22 UTF-16 units but eleven characters.
    expect(codes('🌸🌸🌸🌸🌸🌸🌸🌸🌸🌸🗻')).toEqual(['accounts.password_too_short']);
  });

  it('refuses more than the ceiling', () => {
    expect(codes('x y'.repeat(43))).toEqual(['accounts.password_too_long']);
    expect(codes('ab'.repeat(MAX_PASSWORD_LENGTH / 2))).toEqual([]);
  });

  it('sets no composition rules: lower-case words with spaces are fine', () => {
    expect(codes('correct horse battery staple')).toEqual([]);
    expect(codes('пароль из нескольких слов')).toEqual([]);
  });

  it('refuses a listed password whatever its case, and one character repeated', () => {
    expect(codes('Password1234')).toEqual(['accounts.password_common']);
    expect(codes('QWERTY123456')).toEqual(['accounts.password_common']);
    expect(codes('aaaaaaaaaaaaaaaa')).toEqual(['accounts.password_common']);
  });

  it('refuses the person’s own address or its local part', () => {
    expect(codes('it.office@example.org', 'IT.Office@example.org')).toEqual([
      'accounts.password_is_email',
    ]);
    expect(codes('international1', 'international1@example.org')).toEqual([
      'accounts.password_is_email',
    ]);
  });

  it('compares after NFKC normalisation, so full-width letters are the same password', () => {
    expect(normalizePassword('ｐａｓｓｗｏｒｄ１２３４')).toBe('password1234');
    expect(codes('ｐａｓｓｗｏｒｄ１２３４')).toEqual(['accounts.password_common']);
    expect(passwordRefusals('ｐａｓｓ', { common })[0]).toMatchObject({
      code: 'accounts.password_too_short',
      params: { minimum: 12 },
      field: 'password',
    });
  });
});
