/**
 * The payments desk a page at a time: every mobility once, by start date then id, and each row
 * the same on a small page as on a large one — whether a month may be paid is judged against
 * the whole consortium's ledger, not the page. Those who could not read the desk still cannot.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { encodeCursor } from '#src/services/cursor.ts';

const CONSORTIUM = 'tohoku-jr-japan';

interface Row {
  mobilityId: string;
  stay: { start: string };
}

describe.each(ENGINES)('the payments desk, page by page, on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let hokudai: Session;
  let student: Session;

  beforeAll(async () => {
    t = await createTestApp(engine);
    [rep, hokudai, student] = (await Promise.all(
      ['rep.tohoku', 'rep.hokudai', 'student.tohoku'].map((u) =>
        signInAs(t.app, `${u}@demo.kakehashi.example`),
      ),
    )) as [Session, Session, Session];
  });
  afterAll(() => t?.close());

  const get = (s: Session, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/consortia/${CONSORTIUM}/payments${query}`,
      headers: { cookie: s.cookie },
    });

  const everyPage = (limit: number) =>
    pageThrough<Row>((cursor) => get(rep, `?limit=${limit}${cursorParam(cursor)}`), 'mobilities');

  it('pages through every mobility once, by start date then id, each row as on one page', async () => {
    const whole = await everyPage(200);
    expect(whole.items.length).toBeGreaterThan(3);
    const ids = whole.items.map((r) => r.mobilityId);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < whole.items.length; i++) {
      const [a, b] = [whole.items[i - 1]!, whole.items[i]!];
      expect(
        a.stay.start < b.stay.start ||
          (a.stay.start === b.stay.start && a.mobilityId < b.mobilityId),
      ).toBe(true);
    }
    const small = await everyPage(3);
    expect(small.sizes).toHaveLength(Math.ceil(ids.length / 3));
    expect(small.items).toEqual(whole.items);
  });

  it('refuses a limit over 200 and a cursor it did not give, naming the field', async () => {
    await expectBadPagingRefused((query) => get(rep, query), '?', [
      'not-a-cursor!',
      encodeCursor(['2019-04-01']),
      encodeCursor(['2019-02-30', '00000000-0000-4000-8000-000000000000']),
      encodeCursor(['2019-04-01T00:00:00.000000Z', '00000000-0000-4000-8000-000000000000']),
    ]);
  });

  it('shows the desk to nobody who could not read it, with or without a cursor', async () => {
    const cursor = (await get(rep, '?limit=1')).json().nextCursor as string;
    for (const who of [hokudai, student]) {
      for (const query of ['', `?cursor=${cursor}`]) {
        expect((await get(who, query)).statusCode).toBe(403);
      }
    }
  });
});
