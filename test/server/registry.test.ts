import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';

describe.each(ENGINES)('registry API on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('finds Novosibirsk State University with its coordinates (source document 000)', async () => {
    const res = await get('/api/v1/institutions?q=Novosibirsk');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const nsu = body.items.find((i: { id: string }) => i.id === 'nsu.ru');
    expect(nsu).toMatchObject({
      name: 'Novosibirsk State University',
      country: 'RU',
      city: 'Novosibirsk',
      type: 'university',
      latitude: 54.84,
      longitude: 83.09,
    });
    expect(nsu.names.ru).toBe('Новосибирский государственный университет');
    expect(nsu.districts.map((d: { id: string }) => d.id)).toEqual(['district-siberia']);
  });

  it('searches names in other scripts, case-insensitively', async () => {
    const res = await get(`/api/v1/institutions?q=${encodeURIComponent('東北')}`);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual(['tohoku.ac.jp']);
    const lower = await get('/api/v1/institutions?q=grenoble');
    expect(lower.json().items.map((i: { id: string }) => i.id)).toEqual(['univ-grenoble-alpes.fr']);
  });

  it('filters by country, type and district (tri-district model of source document 000)', async () => {
    const fr = await get('/api/v1/institutions?country=fr');
    expect(
      fr
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(['airliquide.com', 'univ-grenoble-alpes.fr']);
    const academies = await get('/api/v1/institutions?type=academy_branch');
    expect(academies.json().total).toBe(2);
    const farEast = await get('/api/v1/institutions?district=district-far-east');
    expect(
      farEast
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual(['dvfu.ru', 'febras.ru']);
  });

  type Item = { id: string; name: string; invented: boolean };
  /** Every institution for `query`, page by page, and each page's total. */
  async function everyPage(query: string, limit: number) {
    const totals: number[] = [];
    const { items } = await pageThrough<Item>(async (cursor) => {
      const res = await get(`/api/v1/institutions?limit=${limit}${query}${cursorParam(cursor)}`);
      totals.push((res.json() as { total: number }).total);
      return res;
    });
    return { items, totals };
  }

  it('pages by name then id with a cursor, every institution once, each page with the total', async () => {
    const whole = (await get('/api/v1/institutions?limit=200&includePlaceholders=true')).json();
    expect(whole.nextCursor).toBeNull();
    expect(whole.items).toHaveLength(whole.total);
    for (const limit of [1, 5]) {
      const { items, totals } = await everyPage('&includePlaceholders=true', limit);
      expect(items.map((i) => i.id)).toEqual(whole.items.map((i: Item) => i.id));
      expect(totals.every((n) => n === whole.total)).toBe(true);
      expect(totals).toHaveLength(Math.ceil(whole.total / limit));
    }
    const names = whole.items.map((i: Item) => i.name);
    expect(names.length).toBeGreaterThan(19);
    // Without placeholders: the 19 real ones, page after page, never an invented one.
    const real = await everyPage('', 5);
    expect(real.items).toHaveLength(19);
    expect(real.totals[0]).toBe(19);
    expect(real.items.some((i) => i.invented)).toBe(false);
    // 50 by default.
    const first = (await get('/api/v1/institutions?includePlaceholders=true')).json();
    expect(first.items).toHaveLength(Math.min(50, whole.total));
  });

  it('refuses a limit over 200, the old page size, and a cursor it did not give, naming the field', async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    await expectBadPagingRefused((query) => get(`/api/v1/institutions${query}`), '?', [
      'not-a-cursor!',
      'bm90IGpzb24',
      b64(['Tohoku University']),
      b64([1, 2]),
    ]);
  });

  it('searches in Japanese, Cyrillic and Latin while paging', async () => {
    const ids = async (q: string) =>
      (await everyPage(`&q=${encodeURIComponent(q)}`, 1)).items.map((i) => i.id);
    expect(await ids('東北大学')).toEqual(['tohoku.ac.jp']);
    expect(await ids('НОВОСИБИРСКИЙ')).toEqual(['nsu.ru']);
    expect(await ids('grenoble')).toEqual(['univ-grenoble-alpes.fr']);
  });

  it('rejects a bad query naming the field', async () => {
    const res = await get('/api/v1/institutions?country=Russia');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toMatch(/^query\.country: /);
    const type = await get('/api/v1/institutions?type=castle');
    expect(type.json().error.details.issues[0].field).toBe('query.type');
  });

  it('returns one institution with its consortia, and 404 JSON for an unknown id', async () => {
    const res = await get('/api/v1/institutions/tohoku.ac.jp');
    expect(res.statusCode).toBe(200);
    expect(res.json().names.ja).toBe('東北大学');
    // R13: the nearest international airport, from the OurAirports data (Sendai SDJ).
    expect(res.json().nearestAirport).toBe('SDJ');
    expect(res.json().airport).toMatchObject({ iata: 'SDJ', country: 'JP' });
    expect(res.json().consortia.map((c: { id: string }) => c.id)).toContain('tohoku-jr-japan');
    const missing = await get('/api/v1/institutions/msu.rx');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found' });
  });

  it('lists consortia and counts members at a date, as a query (source document 001, 003 §2(1))', async () => {
    const list = (await get('/api/v1/consortia?on=2020-01-01')).json();
    const russian = list.items.find((c: { id: string }) => c.id === 'tohoku-jr-russia');
    expect(russian).toMatchObject({ kind: 'consortium', side: 'RU', memberCount: 5 });
    const before = (await get('/api/v1/consortia/tohoku-jr-russia?on=2013-12-31')).json();
    expect(before.memberCount).toBe(0);
    const detail = (await get('/api/v1/consortia/tohoku-jr-russia')).json();
    expect(detail.members).toHaveLength(5);
    expect(detail.representative.id).toBe('msu.ru');
    expect(detail.members[0].institution).toHaveProperty('country', 'RU');
  });

  it('lists the districts as groupings', async () => {
    const res = (await get('/api/v1/groupings')).json();
    expect(res.items.map((g: { id: string }) => g.id)).toEqual([
      'district-europe-russia',
      'district-far-east',
      'district-siberia',
    ]);
  });
});
