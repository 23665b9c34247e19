/**
 * The opaque cursor of a keyset-paged list: the sort key and id of the last row a page showed,
 * as base64url JSON. A client passes it back unchanged to get the rows after it; anything that
 * does not decode to the expected shape is refused (the caller answers 400 naming `cursor`).
 */

import { refusal } from '#src/domain/shared/refusal.ts';
import { invalidField } from './errors.ts';

export type CursorPart = 'string' | 'number' | 'date' | 'uuid';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** The values of a cursor of this shape, or null when it is not one. */
export function decodeCursor(
  raw: string,
  shape: readonly CursorPart[],
): (string | number)[] | null {
  if (!/^[A-Za-z0-9_-]{1,1000}$/.test(raw)) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(values) || values.length !== shape.length) return null;
  const ok = shape.every((part, i) => {
    const v: unknown = values[i];
    if (part === 'number') return typeof v === 'number' && Number.isFinite(v);
    if (typeof v !== 'string' || v.length > 500) return false;
    if (part === 'date') return DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
    if (part === 'uuid') return UUID.test(v);
    return true;
  });
  return ok ? (values as (string | number)[]) : null;
}

/** The 400 of a cursor this list did not give. */
export const badCursor = () =>
  invalidField(
    'query.cursor',
    refusal('list.bad_cursor'),
    'not a cursor of this list: pass the nextCursor of the previous page unchanged',
  );
