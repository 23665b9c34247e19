/**
 * The rules a new password follows, after NIST SP 800-63B §5.1.1.2 (memorized secrets): a length
 * between a floor and a generous ceiling, any characters (compared after Unicode NFKC
 * normalisation, so that the same passphrase typed on two keyboards is the same), no composition
 * rules, and never a password from a list of breached or common ones, nor the person's own address.
 * Pure: the list is given by the caller.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';

/** At least 12 characters: a passphrase, not composition rules. */
export const MIN_PASSWORD_LENGTH = 12;
/** At most 128 characters: long enough for any passphrase, short enough to hash cheaply. */
export const MAX_PASSWORD_LENGTH = 128;

/** The password as it is hashed and compared: NFKC-normalised, nothing else changed. */
export const normalizePassword = (password: string): string => password.normalize('NFKC');

/** Characters, not UTF-16 units: a kanji or an emoji counts as one. */
const lengthOf = (s: string): number => [...s].length;

export interface PasswordContext {
  /** lower-cased entries of a breached/common password list */
  common: ReadonlySet<string>;
  /** the person's e-mail address, when known: neither it nor its local part is a password */
  email?: string | undefined;
}

/** The refusals of a new password, empty when it may be used. */
export function passwordRefusals(password: string, context: PasswordContext): Refusal[] {
  const normalized = normalizePassword(password);
  const length = lengthOf(normalized);
  const field = 'password';
  if (length < MIN_PASSWORD_LENGTH) {
    return [refusal('accounts.password_too_short', { minimum: MIN_PASSWORD_LENGTH }, { field })];
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return [refusal('accounts.password_too_long', { maximum: MAX_PASSWORD_LENGTH }, { field })];
  }
  const folded = normalized.toLowerCase();
  if (context.common.has(folded) || new Set(folded).size === 1) {
    return [refusal('accounts.password_common', {}, { field })];
  }
  const email = context.email?.trim().toLowerCase();
  if (email && (folded === email || folded === email.split('@')[0])) {
    return [refusal('accounts.password_is_email', {}, { field })];
  }
  return [];
}
