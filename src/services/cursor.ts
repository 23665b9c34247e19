/**
 * The opaque cursor of a keyset-paged list: the sort key and id of the last row a page showed,
 * as base64url JSON. A client passes it back unchanged to get the rows after it; anything that
 * does not decode to the expected shape is refused (the caller answers 400 naming `cursor`).
 */

import { refusal } from '#src/domain/shared/refusal.ts';
import { invalidField } from './errors.ts';

/** `instant`: a timestamp to the microsecond in UTC (`2026-04-01T09:30:00.123456Z`). */
export type CursorPart = 'string' | 'number' | 'date' | 'uuid' | 'instant';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A day of the calendar (JavaScript alone would take 2026-02-30 for March 2; the database refuses it). */
const realDay = (day: string): boolean => {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
};

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
    if (part === 'date') return DATE.test(v) && realDay(v);
    if (part === 'uuid') return UUID.test(v);
    if (part === 'instant') {
      const day = INSTANT.exec(v)?.[1];
      return day !== undefined && realDay(day);
    }
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
