/**
 * The refusals of students joining by their university (`refusals.signup.<name>`): the e-mail
 * domains a university lists for its students, and the sign-up link sent to an address of one of
 * them. They carry no params except where said.
 */
export const SIGNUP_CODES = {
  /** No university lists the domain of the address. */
  domainNotListed: 'signup.domain_not_listed',
  /** The link's token is not known (mistyped, cut, or forged). */
  unknown: 'signup.unknown',
  /** The link is past its 24 hours. */
  expired: 'signup.expired',
  /** The link has already been used. */
  used: 'signup.used',
  /** The address got an account since the sign-up was asked for. */
  accountExists: 'signup.account_exists',
  /** Another university already lists the domain (params: institution, a name). */
  domainTaken: 'signup.domain_taken',
  /** The university already lists the domain. */
  domainListed: 'signup.domain_listed',
} as const;

export const REFUSAL_CODES: readonly string[] = Object.values(SIGNUP_CODES);

/** An e-mail domain as kept: lower case, no `@`, at least two labels (`s.tohoku.ac.jp`). */
export const DOMAIN_PATTERN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** The domain of an address, lower case (`Sakura@S.Tohoku.ac.jp` → `s.tohoku.ac.jp`). */
export const domainOf = (email: string): string =>
  email
    .trim()
    .slice(email.trim().lastIndexOf('@') + 1)
    .toLowerCase();
