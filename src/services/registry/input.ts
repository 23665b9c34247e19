/** What the registry's writes share in reading a request: its checks and its partial patches. */
import { fieldIssues, invalidInput } from '../errors.ts';

/** The input checked by `schema`, or the 400 naming each field. */
export function parseOr400<T>(
  schema: {
    safeParse(v: unknown):
      | { success: true; data: T }
      | {
          success: false;
          error: { issues: { path: PropertyKey[]; message: string; params?: unknown }[] };
        };
  },
  input: unknown,
  root = 'body',
): T {
  const r = schema.safeParse(input);
  if (!r.success) {
    // The registry's own checks (SCHAC codes, country codes) keep their refusal codes.
    const issues = fieldIssues(r.error, root).map((issue, i) => {
      const own = r.error.issues[i]?.params as { code?: unknown } | undefined;
      return typeof own?.code === 'string' ? { ...issue, code: own.code, params: {} } : issue;
    });
    throw invalidInput(issues);
  }
  return r.data;
}

/** The entries that are given (a patch leaves the others as they are). */
export function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
