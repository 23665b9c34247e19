import type { MessageParams, Refusal } from '#src/domain/shared/refusal.ts';

/** The one error type of Kakehashi. The server maps `code` to an HTTP status (server/errors.ts). */
export { ERROR_CODES, type ErrorCode } from '#src/domain/shared/error-codes.ts';
import type { ErrorCode } from '#src/domain/shared/error-codes.ts';

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

/**
 * One problem of invalid input: the field (`body.ranking[2]`), a stable `code` the reader's app
 * translates (zod's issue codes: `too_small`, `invalid_type`…, or a refusal code), its `params`, and
 * an English `message` for logs and API clients.
 */
export interface FieldIssue {
  field: string;
  code: string;
  params?: MessageParams;
  message: string;
}

type ZodLikeIssue = { path: readonly PropertyKey[]; message: string; code?: string };

/** The params of a zod issue that a translated message may use. */
function issueParams(zodIssue: ZodLikeIssue): MessageParams {
  const issue = zodIssue as ZodLikeIssue & Record<string, unknown>;
  const params: Record<string, string | number | boolean | readonly string[]> = {};
  for (const key of ['minimum', 'maximum', 'inclusive', 'expected', 'format', 'origin'] as const) {
    const v = issue[key];
    if (typeof v === 'string' || typeof v === 'boolean') params[key] = v;
    else if (typeof v === 'number' || typeof v === 'bigint') params[key] = Number(v);
  }
  if (Array.isArray(issue.values)) params.values = issue.values.map(String);
  if (Array.isArray(issue.keys)) params.keys = issue.keys.map(String);
  return params;
}

/** Zod issues as field issues, fields rooted at `root` (`body`, `query`, `content`…). */
export function fieldIssues(
  error: { issues: readonly ZodLikeIssue[] },
  root: string,
): FieldIssue[] {
  return error.issues.map((i) => ({
    field: fieldPath(root, i.path),
    code: i.code ?? 'custom',
    params: issueParams(i),
    message: i.message,
  }));
}

/** The 400 for invalid input: the first field in the message, every one in the details. */
export function invalidInput(issues: FieldIssue[]): AppError {
  return new AppError('validation_failed', `${issues[0]?.field}: ${issues[0]?.message}`, {
    issues,
  });
}

/** A 400 for one field, refused with a code of the refusal vocabulary. */
export function invalidField(field: string, refusal: Refusal, message: string): AppError {
  return invalidInput([{ field, code: refusal.code, params: refusal.params, message }]);
}

/** An English summary of refusals for logs and API clients (people read the translated codes). */
const summary = (refusals: readonly Refusal[]) =>
  refusals.map((r) => (r.rule ? `${r.rule}: ${r.code}` : r.code)).join('; ');

/**
 * The 422 of the rules: the one place `rule_violation` is built. `details.refusals` lists every
 * refusal `{ rule?, code, params, field? }`; `details.rules` the rules they apply.
 */
export function ruleViolation(refusals: readonly Refusal[], message?: string): AppError {
  const rules = [...new Set(refusals.flatMap((r) => (r.rule ? [r.rule] : [])))];
  return new AppError('rule_violation', message ?? summary(refusals), {
    rules,
    refusals: [...refusals],
  });
}

/** A 409: the request conflicts with the state of the record, said as a refusal. */
export function conflict(refusal: Refusal, message?: string): AppError {
  return new AppError('conflict', message ?? summary([refusal]), { refusals: [refusal] });
}

/** A 413: the request, or what it expands to, is beyond a limit; the refusal names the limit. */
export function tooLarge(refusal: Refusal, message?: string): AppError {
  return new AppError('payload_too_large', message ?? summary([refusal]), { refusals: [refusal] });
}

/** A 429: the actor already uses what a limit allows; the refusal names the limit. */
export function tooBusy(refusal: Refusal, message?: string): AppError {
  return new AppError('rate_limited', message ?? summary([refusal]), { refusals: [refusal] });
}
