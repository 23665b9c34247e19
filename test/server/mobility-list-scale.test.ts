import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { aUser, signedInAs } from '#test/factories/accounts.ts';
import { fixedClock } from '#src/services/clock.ts';
import { agreementVersions, mobilities } from '#src/db/schema.ts';
import { loadSynthetic, stayEnd, syntheticRefusal } from '#src/db/seed/synthetic.ts';
import { foldText } from '#src/db/queries/search.ts';
import { encodeCursor } from '#src/services/cursor.ts';

const TODAY = '2026-12-06';
const N = 2000;
const PLANNED = ['nominated', 'accepted', 'la_signed', 'refused', 'withdrawn'];
const ABROAD = ['departed', 'arrived', 'interrupted'];
const PAST = [
  'completed',
  'transcript_issued',
  'recognised',
  'interrupted',
  'withdrawn',
  'refused',
];

type Row = typeof mobilities.$inferSelect;
interface Item {
  id: string;
  startDate: string;
  studentName: string;
  home: { id: string };
  host: { id: string };
}

describe.each(ENGINES)('mobility list at scale: keyset pages and search on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let rows: Row[];
  const coordinated = 'jp-0007.synthetic.example';

  const get = (who: Session, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie } });

  /** Every item of the list for `query`, page by page, and the number of pages. */
  async function everyPage(who: Session, query: string, limit: number) {
    const { items, sizes } = await pageThrough<Item>((cursor) =>
      get(who, `/mobilities?limit=${limit}${query}${cursorParam(cursor)}`),
    );
    return { items, pages: sizes.length };
  }

  beforeAll(async () => {
    t = await createTestApp(engine, { clock: fixedClock(`${TODAY}T09:00:00Z`) });
    expect(await syntheticRefusal(t.database.db)).toBeNull();
    await loadSynthetic(t.database.db, { mobilities: N, seed: 7, today: TODAY });
    rows = (await t.database.db.select().from(mobilities)).filter((r) =>
      r.homeId.endsWith('.synthetic.example'),
    );
    const a = await aUser(t.database.db, { platformAdmin: true });
    admin = await signedInAs(t.app, a);
    const c = await aUser(t.database.db, {
      roles: [{ role: 'coordinator', scopeId: coordinated }],
    });
    coordinator = await signedInAs(t.app, c);
  }, 600_000);
  afterAll(async () => t?.close());

  it('loads N invented mobilities whose dates and states agree, within their agreements (R2)', async () => {
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => r.invented)).toBe(true);
    const versions = await t.database.db.select().from(agreementVersions);
    const validity = new Map(versions.map((v) => [v.agreementId, v.content]));
    for (const r of rows) {
      const end = stayEnd(r.startDate, r.months);
      expect(r.startDate < end).toBe(true);
      expect(r.months).toBeGreaterThanOrEqual(1);
      expect(r.months).toBeLessThanOrEqual(12);
      const content = validity.get(r.agreementId!);
      expect(content).toBeDefined();
      expect(r.startDate >= content!.validFrom && end <= content!.validTo).toBe(true);
      if (r.startDate > TODAY) expect(PLANNED).toContain(r.status);
      else if (end >= TODAY) expect(ABROAD).toContain(r.status);
      else expect(PAST).toContain(r.status);
    }
    // Mostly one semester or one academic year.
    const typical = rows.filter((r) => [5, 6, 10, 11, 12].includes(r.months)).length;
    expect(typical / N).toBeGreaterThan(0.6);
    // A second load is refused: the world is there already.
    expect(await syntheticRefusal(t.database.db)).toMatch(/already/);
  });

  it('pages through every mobility once, in order, though many share a start date', async () => {
    const all = await t.database.db.select({ n: sql<number>`count(*)` }).from(mobilities);
    const { items, pages } = await everyPage(admin, '', 37);
    expect(items).toHaveLength(Number(all[0]!.n));
    expect(new Set(items.map((m) => m.id)).size).toBe(items.length);
    expect(pages).toBe(Math.ceil(items.length / 37));
    const starts = new Set(items.map((m) => m.startDate));
    expect(starts.size).toBeLessThan(items.length / 4); // ties on the first sort key
    for (let i = 1; i < items.length; i++) {
      const [a, b] = [items[i - 1]!, items[i]!];
      expect(a.startDate > b.startDate || (a.startDate === b.startDate && a.id > b.id)).toBe(true);
    }
  });

  it('answers 50 by default and refuses a limit over 200 or a cursor it did not give, naming the field', async () => {
    const first = await get(admin, '/mobilities');
    expect(first.json().items).toHaveLength(50);
    expect(first.json().nextCursor).toEqual(expect.any(String));
    await expectBadPagingRefused((query) => get(admin, `/mobilities${query}`), '?', [
      'not-a-cursor!',
      'bm90IGpzb24',
      encodeCursor(['2020-01-01']),
      encodeCursor(['2020-13-45', '00000000-0000-4000-8000-000000000000']),
      encodeCursor([2020, 'x']),
    ]);
  });

  /** The synthetic rows whose folded name holds the folded words (what search must find). */
  const expected = (q: string, scope?: string) =>
    rows
      .filter((r) => (scope ? r.homeId === scope || r.hostId === scope : true))
      .filter((r) => {
        const name = foldText(r.studentName);
        const w = foldText(q);
        return [...w].length >= 3 ? name.includes(w) : name.startsWith(w);
      })
      .map((r) => r.id)
      .sort();

  const found = async (who: Session, q: string) =>
    (await everyPage(who, `&q=${encodeURIComponent(q)}`, 200)).items
      .filter((m) => m.home.id.endsWith('.synthetic.example'))
      .map((m) => m.id)
      .sort();

  it('finds students by name in Japanese, Cyrillic and Latin, ignoring case and accents', async () => {
    const ja = rows.find((r) => r.homeId.startsWith('jp-'))!.studentName; // 山田 太郎
    const [family, given] = ja.split(' ') as [string, string];
    const ru = rows.find((r) => r.homeId.startsWith('ru-'))!.studentName; // Анна Иванова
    const latin = rows.find((r) => /[À-ž]/.test(r.studentName))?.studentName ?? 'Élodie';
    const queries = [
      ja, // the whole name: the trigram path
      `${family}${given}`, // written without a space, as Japanese often is
      `${family.slice(-1)}${given}`, // across the family and given names
      family.slice(0, 1), // one character: the start of the name
      ru.split(' ')[1]!.toUpperCase(),
      ru.split(' ')[1]!.replace(/е/g, 'ё').slice(0, 4),
      latin
        .split(' ')[0]!
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, ''),
      latin.toLowerCase(),
    ];
    for (const q of queries) {
      const want = expected(q);
      expect(want.length, q).toBeGreaterThan(0);
      expect(await found(admin, q), q).toEqual(want);
    }
    // Accents and case ignored both ways: the folded query equals the unfolded one.
    const accented = latin.toUpperCase();
    expect(await found(admin, accented)).toEqual(expected(latin));
  });

  it('keeps a coordinator to their institution’s mobilities, in the list and in search', async () => {
    const { items } = await everyPage(coordinator, '', 200);
    const mine = rows.filter((r) => r.homeId === coordinated || r.hostId === coordinated);
    expect(mine.length).toBeGreaterThan(0);
    expect(items.map((m) => m.id).sort()).toEqual(mine.map((r) => r.id).sort());
    const someone = mine[0]!.studentName.split(' ').at(-1)!;
    const scoped = await found(coordinator, someone);
    expect(scoped).toEqual(expected(someone, coordinated));
    expect(expected(someone).length).toBeGreaterThanOrEqual(scoped.length);
  });
});
