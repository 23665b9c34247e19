/**
 * The refusals of the platform's resource limits (`refusals.limits.<name>`): what a request may
 * weigh, how far an uploaded archive may expand, how many heavy tasks one person may run at once.
 * Params carry the limit as a number (`limitBytes` in bytes, `limit` as a count or a ratio).
 */
export const LIMIT_CODES = {
  /** The request body is larger than the route accepts (params: limitBytes). */
  bodyTooLarge: 'limits.body_too_large',
  /** An archive (XLSX) holds more files than allowed (params: limit, found). */
  archiveTooManyEntries: 'limits.archive_too_many_entries',
  /** An archive expands to more bytes than allowed (params: limitBytes). */
  archiveTooLarge: 'limits.archive_too_large',
  /** A file in an archive expands more than the allowed ratio (params: limit). */
  archiveRatio: 'limits.archive_ratio',
  /** The person already runs as many heavy tasks as allowed (params: limit). */
  tooManyTasks: 'limits.too_many_tasks',
} as const;

/**
 * The refusals of single sign-on (`refusals.sso.<name>`, decision 007). They carry no params: the
 * assertion's personal data is never repeated, not to the person and not in the logs.
 */
export const SSO_CODES = {
  /** The provider is unknown or disabled. */
  providerUnavailable: 'sso.provider_unavailable',
  /** The SAML signature does not verify with the configured certificate. */
  badSignature: 'sso.bad_signature',
  /** The SAML assertion is not signed (signed assertions are required). */
  unsigned: 'sso.unsigned_assertion',
  /** The assertion is meant for another service provider (Audience or Recipient). */
  wrongAudience: 'sso.wrong_audience',
  /** The assertion is past NotOnOrAfter (or not yet valid), beyond the allowed skew. */
  expired: 'sso.expired_assertion',
  /** The assertion id was already used. */
  replayed: 'sso.replayed_assertion',
  /** The answer does not match a sign-in we started (InResponseTo unknown or used). */
  unknownRequest: 'sso.unknown_request',
  /** The provider did not send the e-mail address. */
  missingEmail: 'sso.missing_email',
  /** The OIDC state does not match the sign-in this browser started. */
  stateMismatch: 'sso.state_mismatch',
  /** The ID token's nonce is not the one of our request. */
  nonceMismatch: 'sso.nonce_mismatch',
  /** The provider's issuer is not the configured one. */
  wrongIssuer: 'sso.wrong_issuer',
  /** The provider refused or failed the sign-in in another way. */
  failed: 'sso.failed',
  /** No account is linked and none has the verified e-mail address: ask for an invitation. */
  noAccount: 'sso.no_account',
  /** The account is disabled. */
  accountDisabled: 'sso.account_disabled',
  /** The identity is already linked to another account. */
  linkedElsewhere: 'sso.linked_elsewhere',
} as const;
export type SsoCode = (typeof SSO_CODES)[keyof typeof SSO_CODES];

export const REFUSAL_CODES: readonly string[] = [
  ...Object.values(LIMIT_CODES),
  ...Object.values(SSO_CODES),
];
