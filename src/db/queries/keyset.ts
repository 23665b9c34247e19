/**
 * Keys of keyset-paged lists (src/services/cursor.ts). A timestamp travels in a cursor as text to
 * the microsecond, in UTC, so the row after it is found exactly: a JavaScript Date keeps only
 * milliseconds, and two rows stored within the same millisecond would be skipped or shown twice.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** A timestamptz column as the text of an `instant` cursor part. */
export const instantKey = (column: AnyColumn | SQL): SQL<string> =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
