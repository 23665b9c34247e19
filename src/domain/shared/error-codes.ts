/** The codes of every error the API answers; the server maps each to one HTTP status. */
export const ERROR_CODES = [
  'validation_failed',
  'invalid_credentials',
  'unauthenticated',
  'csrf_failed',
  'forbidden',
  'not_found',
  'conflict',
  'rule_violation',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
