/**
 * The password rules applied wherever a password is set (an administrator's creation, an
 * invitation's acceptance, a reset, a change), with the common-password list shipped with the
 * product (@zxcvbn-ts/language-common: passwords seen in breaches, most common first).
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import {
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  passwordRefusals,
} from '#src/domain/access/passwords.ts';
import { invalidInput } from '../errors.ts';

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

/** For logs, API clients and the command line; people read the translated codes. */
const ENGLISH: Record<string, string> = {
  'accounts.password_too_short': `must have at least ${MIN_PASSWORD_LENGTH} characters`,
  'accounts.password_too_long': `must have at most ${MAX_PASSWORD_LENGTH} characters`,
  'accounts.password_common': 'is on the list of common or breached passwords; choose another',
  'accounts.password_is_email': 'must not be the e-mail address',
};

let common: Set<string> | undefined;
/** The listed passwords long enough to pass the length rule, lower-cased (built once). */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    dictionary['passwords-common']
      .filter((p) => [...p].length >= MIN_PASSWORD_LENGTH)
      .map((p) => p.toLowerCase()),
  );
  return common;
}

/**
 * Refuses a new password that breaks the rules, as a 400 on `field` (`body.password`) with the
 * refusal's code and params for the reader's app to translate.
 */
export function assertNewPassword(
  password: string,
  options: { field: string; email?: string | undefined },
): void {
  const refusals = passwordRefusals(password, { common: commonPasswords(), email: options.email });
  if (refusals.length === 0) return;
  throw invalidInput(
    refusals.map((r) => ({
      field: options.field,
      code: r.code,
      params: r.params,
      message: ENGLISH[r.code] ?? 'is refused',
    })),
  );
}
