/** API error codes that have their own translated message (errors.<code> in the locales). */
export const KNOWN_ERROR_CODES = [
  'invalid_credentials',
  'rate_limited',
  'unauthenticated',
  'forbidden',
  'not_found',
  'network_error',
  'internal',
] as const;
