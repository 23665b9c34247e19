import { REDACTED } from '#src/domain/shared/audit.ts';

/**
 * What the audit trail keeps of a change: the fields that differ between the record before and
 * after, each as `{ before, after }`, under dotted paths (`content.title.en`). Nested plain objects
 * are compared field by field; arrays, dates and other values as a whole, by value. Secrets and
 * document contents never reach the trail: their field is listed as changed, with "[redacted]" in
 * place of the values. Pure and deterministic (paths in sorted order).
 */

export type Change = { before: unknown; after: unknown };
export type Changes = Record<string, Change>;

export { REDACTED };

/** Field names (compared without case, `_` or `-`) whose values are never kept. */
const SECRET_FIELDS = new Set([
  'password',
  'passwordhash',
  'token',
  'csrftoken',
  'secret',
  'iban',
  'accountnumber',
  'bytes',
  'data',
  'contents',
  'filecontents',
]);

export function isSecretField(name: string): boolean {
  const key = name.toLowerCase().replace(/[_-]/g, '');
  return SECRET_FIELDS.has(key) || /(password|secret|token)$/.test(key);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  !(v instanceof Date) &&
  !ArrayBuffer.isView(v) &&
  (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/**
 * A value as the trail stores it: JSON-safe, dates as ISO strings, bytes and secrets never. With
 * `reveal`, the same shape with bytes and secrets kept, only to compare two values.
 */
function stored(v: unknown, reveal = false): unknown {
  if (v === undefined) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (ArrayBuffer.isView(v)) {
    return reveal
      ? `bytes:${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}`
      : REDACTED;
  }
  if (v instanceof ArrayBuffer) return reveal ? stored(new Uint8Array(v), true) : REDACTED;
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map((x) => stored(x, reveal));
  if (isPlainObject(v)) {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .filter((k) => v[k] !== undefined)
        .map((k) => [k, isSecretField(k) && !reveal ? REDACTED : stored(v[k], reveal)]),
    );
  }
  return v;
}

/** Canonical JSON (sorted keys) of a value, secrets and bytes included, for comparison only. */
const canonical = (v: unknown): string => JSON.stringify(stored(v, true));

/** The fields that differ between `before` and `after` (either may be absent: creation, deletion). */
export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): Changes {
  const out: Changes = {};
  walk(before ?? {}, after ?? {}, '', out);
  return out;
}

function walk(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  out: Changes,
): void {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const key of keys) {
    const path = prefix ? `${prefix}.${key}` : key;
    const b = before[key];
    const a = after[key];
    if (isSecretField(key)) {
      if (canonical(b) !== canonical(a)) {
        out[path] = { before: b == null ? null : REDACTED, after: a == null ? null : REDACTED };
      }
      continue;
    }
    if (isPlainObject(b) && isPlainObject(a)) {
      walk(b, a, path, out);
      continue;
    }
    if (isPlainObject(b) && a == null) {
      walk(b, {}, path, out);
      continue;
    }
    if (b == null && isPlainObject(a)) {
      walk({}, a, path, out);
      continue;
    }
    if (canonical(b) !== canonical(a)) out[path] = { before: stored(b), after: stored(a) };
  }
}
