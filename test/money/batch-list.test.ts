/**
 * GET /payment-batches a page at a time: a consortium's batches newest first, by keyset pages
 * (limit, cursor) — batches made in the same instant, or a microsecond apart, neither skipped nor
 * shown twice — each with the count and total of all its payments whatever the page. Those who
 * could not read the batches still cannot.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { paymentBatches } from '#src/db/schema.ts';
import { encodeCursor } from '#src/services/cursor.ts';

const CONSORTIUM = 'tohoku-jr-japan';

interface Item {
  id: string;
  createdAt: string;
  count: number;
  totalJpy: number;
}

describe.each(ENGINES)('the payment batches of a consortium, page by page, on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let hokudai: Session;
  let student: Session;
  let order: string[];

  beforeAll(async () => {
    t = await createTestApp(engine);
    [rep, hokudai, student] = (await Promise.all(
      ['rep.tohoku', 'rep.hokudai', 'student.tohoku'].map((u) =>
        signInAs(t.app, `${u}@demo.kakehashi.example`),
      ),
    )) as [Session, Session, Session];
    const db = t.database.db;
    // Eighteen cancelled batches: every three made in the same second, one a microsecond later.
    for (let i = 0; i < 18; i++) {
      const second = String(Math.floor(i / 3)).padStart(2, '0');
      const micro = i % 3 === 2 ? '000001' : '000000';
      await db.insert(paymentBatches).values({
        consortiumId: CONSORTIUM,
        status: 'cancelled',
        idempotencyKey: `list-${i}`,
        createdAt: sql`${`2026-11-02T10:00:${second}.${micro}Z`}::timestamptz` as unknown as Date,
      });
    }
    order = (
      await db
        .select({ id: paymentBatches.id })
        .from(paymentBatches)
        .where(eq(paymentBatches.consortiumId, CONSORTIUM))
        .orderBy(desc(paymentBatches.createdAt), desc(paymentBatches.id))
    ).map((r) => r.id);
  });
  afterAll(() => t?.close());

  const get = (s: Session, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/payment-batches?consortiumId=${CONSORTIUM}${query}`,
      headers: { cookie: s.cookie },
    });

  const everyPage = (limit: number) =>
    pageThrough<Item>((cursor) => get(rep, `&limit=${limit}${cursorParam(cursor)}`));

  it('pages through every batch once, newest first, with the totals of the whole list', async () => {
    expect(order.length).toBeGreaterThanOrEqual(18);
    const whole = (await get(rep, '&limit=200')).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.map((b: Item) => b.id)).toEqual(order);
    for (const limit of [1, 4]) {
      const { items, sizes } = await everyPage(limit);
      expect(items.map((b) => b.id)).toEqual(order);
      expect(items).toEqual(whole.items);
      expect(sizes).toHaveLength(Math.ceil(order.length / limit));
    }
    // 50 by default.
    const first = await get(rep);
    expect(first.json().items).toHaveLength(Math.min(50, order.length));
  });

  it('refuses a limit over 200 and a cursor it did not give, naming the field', async () => {
    await expectBadPagingRefused((query) => get(rep, query), '&', [
      'not-a-cursor!',
      'bm90IGpzb24',
      encodeCursor(['2026-11-02T10:00:00.000000Z']),
      encodeCursor(['2026-11-31T10:00:00.000000Z', '00000000-0000-4000-8000-000000000000']),
      encodeCursor(['2026-11-02T25:00:00.000000Z', '00000000-0000-4000-8000-000000000000']),
      encodeCursor(['2026-11-02T10:00:00Z', '00000000-0000-4000-8000-000000000000']),
    ]);
  });

  it('shows the batches to nobody who could not read them, with or without a cursor', async () => {
    const cursor = (await get(rep, '&limit=1')).json().nextCursor as string;
    for (const who of [hokudai, student]) {
      for (const query of ['', `&cursor=${cursor}`, '&limit=5']) {
        const res = await get(who, query);
        expect(res.statusCode).toBe(403);
        expect(JSON.stringify(res.json())).not.toContain(order[0]!);
      }
    }
  });
});
