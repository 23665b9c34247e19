/**
 * Reading keyset-paged lists (limit, cursor, nextCursor) in API tests: every page of one, and the
 * refusals of a bad limit or cursor.
 */
import { expect } from 'vitest';

/** What `app.inject` answers, as much of it as these helpers read. */
export interface Answer {
  statusCode: number;
  json(): unknown;
}

/** `&cursor=…` to ask for the page after `cursor`; nothing for the first page. */
export const cursorParam = (cursor: string | null): string => (cursor ? `&cursor=${cursor}` : '');

/**
 * Every row of a list, page by page: `page(cursor)` asks for the page after `cursor` (null for
 * the first), each page must answer 200, and `key` names the rows in its body. Returns the rows
 * in order and the size of each page.
 */
export async function pageThrough<T>(
  page: (cursor: string | null) => Promise<Answer>,
  key = 'items',
): Promise<{ items: T[]; sizes: number[] }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | null = null;
  do {
    const res = await page(cursor);
    expect(res.statusCode).toBe(200);
    const body = res.json() as Record<string, unknown> & { nextCursor: string | null };
    const rows = body[key] as T[];
    items.push(...rows);
    sizes.push(rows.length);
    cursor = body.nextCursor;
  } while (cursor && sizes.length < 1000);
  return { items, sizes };
}

/**
 * A limit over 200, of 0 or not a number is a 400 naming `query.limit`; each of `badCursors` is a
 * 400 naming `query.cursor` with the code `list.bad_cursor`. `get(query)` asks with `query`
 * joined by `join` (`?` when the URL has no query yet, else `&`).
 */
export async function expectBadPagingRefused(
  get: (query: string) => Promise<Answer>,
  join: '?' | '&',
  badCursors: string[],
): Promise<void> {
  for (const limit of ['201', '0', 'ten']) {
    const res = await get(`${join}limit=${limit}`);
    expect(res.statusCode).toBe(400);
    expect(issueOf(res).field).toBe('query.limit');
  }
  for (const cursor of badCursors) {
    const res = await get(`${join}cursor=${encodeURIComponent(cursor)}`);
    expect(res.statusCode).toBe(400);
    expect(issueOf(res).field).toBe('query.cursor');
    expect(issueOf(res).code).toBe('list.bad_cursor');
  }
}

function issueOf(res: Answer): { field: string; code: string } {
  const body = res.json() as { error: { details: { issues: { field: string; code: string }[] } } };
  return body.error.details.issues[0]!;
}
