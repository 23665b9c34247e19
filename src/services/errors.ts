/** The one error type of Kakehashi. The server maps `code` to an HTTP status (server/errors.ts). */
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
  'unsupported_media_type',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string, id: string) =>
  new AppError('not_found', `${what} "${id}" does not exist`, { resource: what, id });

export const forbidden = (action: string) =>
  new AppError('forbidden', `you may not ${action}`, { action });
