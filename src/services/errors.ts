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

/** A field path as the API reports it: `body.ranking[2]`, `content.directions[0].fields[1]`. */
export function fieldPath(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : `${acc}.${String(p)}`),
    root,
  );
}

/** Zod issues as `{ field, message }`, fields rooted at `root` (`body`, `query`, `content`…). */
export function fieldIssues(
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
  root: string,
): { field: string; message: string }[] {
  return error.issues.map((i) => ({ field: fieldPath(root, i.path), message: i.message }));
}

/** The 400 for invalid input: the first field in the message, every one in the details. */
export function invalidInput(issues: { field: string; message: string }[]): AppError {
  return new AppError('validation_failed', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}
