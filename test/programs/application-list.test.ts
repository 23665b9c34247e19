/**
 * GET /project-applications a page at a time: keyset pages (limit, cursor) by id, a search over
 * the id and the project's title in Japanese, Cyrillic and Latin (case and accents ignored), and
 * the same applications visible as before — rows the reader may not see are passed over, never
 * shown, and a page is full unless it is the last.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { projectApplications } from '#src/db/schema.ts';
import { encodeCursor } from '#src/services/cursor.ts';

const TITLES = [
  {
    ja: '北の海の学生交流',
    en: 'Northern sea student exchange',
    ru: 'Студенческий обмен северного моря',
  },
  { ja: '日露の未来', en: 'Café society and Japan', ru: 'Будущее Ёкогамы' },
  { ja: '森と川', en: 'Forests and rivers', ru: 'Леса и реки' },
];

describe.each(ENGINES)('the project applications, page by page, on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let hokudai: Session;
  /** The ids of the added applications of Tohoku's consortium and of Hokkaido's. */
  const tohoku: string[] = [];
  const hokkaido: string[] = [];
  const titleOf = new Map<string, number>();

  beforeAll(async () => {
    t = await createTestApp(engine);
    rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    hokudai = await signInAs(t.app, 'rep.hokudai@demo.kakehashi.example');
    const db = t.database.db;
    const [ours] = await db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, 'tohoku-jr-2014'));
    const [theirs] = await db
      .select()
      .from(projectApplications)
      .where(eq(projectApplications.id, 'draft-hokkaido-niigata-2003'));
    // Twenty drafts whose ids interleave the two consortia's.
    for (let i = 0; i < 20; i++) {
      const mine = i % 5 !== 2;
      const base = mine ? ours! : theirs!;
      const id = `pa-${String(i).padStart(2, '0')}-${mine ? 'tohoku' : 'hokkaido'}`;
      const title = TITLES[i % TITLES.length]!;
      const { searchText: _searchText, ...row } = base;
      await db.insert(projectApplications).values({
        ...row,
        id,
        status: 'draft',
        submittedAt: null,
        outcome: null,
        outcomeOn: null,
        support: null,
        checks: null,
        recheck: null,
        content: { ...base.content, id, status: 'draft', title },
      });
      (mine ? tohoku : hokkaido).push(id);
      titleOf.set(id, i % TITLES.length);
    }
  });
  afterAll(() => t?.close());

  const get = (s: Session, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/project-applications${query}`,
      headers: { cookie: s.cookie },
    });

  async function everyPage(s: Session, query: string, limit: number) {
    const { items, sizes } = await pageThrough<{ id: string }>((cursor) =>
      get(s, `?limit=${limit}${query}${cursorParam(cursor)}`),
    );
    return { ids: items.map((i) => i.id), sizes };
  }

  it('pages through every application the reader may see once, by id, in full pages', async () => {
    const whole = (await get(rep, '?limit=200')).json();
    expect(whole.nextCursor).toBeNull();
    const all = whole.items.map((i: { id: string }) => i.id) as string[];
    expect(all).toEqual([...all].sort());
    expect(all).toEqual(expect.arrayContaining([...tohoku, 'tohoku-jr-2014']));
    for (const limit of [1, 3, 7]) {
      const { ids, sizes } = await everyPage(rep, '', limit);
      expect(ids).toEqual(all);
      expect(sizes.slice(0, -1).every((n) => n === limit)).toBe(true);
    }
  });

  it('shows a reader nothing more than before: another consortium’s drafts are never listed', async () => {
    const ours = (await everyPage(rep, '', 2)).ids;
    for (const id of [...hokkaido, 'draft-hokkaido-niigata-2003']) expect(ours).not.toContain(id);
    const theirs = (await everyPage(hokudai, '', 2)).ids;
    expect(theirs).toEqual(expect.arrayContaining(hokkaido));
    for (const id of tohoku) expect(theirs).not.toContain(id);
    // Searching for the other consortium's titles finds nothing of theirs either.
    const searched = (await everyPage(rep, `&q=${encodeURIComponent('北の海')}`, 2)).ids;
    for (const id of hokkaido) expect(searched).not.toContain(id);
  });

  it('refuses a limit over 200 and a cursor it did not give, naming the field', async () => {
    await expectBadPagingRefused((query) => get(rep, query), '?', [
      'not-a-cursor!',
      'bm90IGpzb24',
      encodeCursor([7]),
      encodeCursor(['a', 'b']),
    ]);
  });

  it('finds applications by title in Japanese, Cyrillic and Latin, or by id', async () => {
    const titled = (n: number) => tohoku.filter((id) => titleOf.get(id) === n);
    const found = async (q: string) =>
      (await everyPage(rep, `&q=${encodeURIComponent(q)}`, 2)).ids.filter((id) =>
        id.startsWith('pa-'),
      );
    expect(await found('北の海')).toEqual(titled(0));
    expect(await found('森')).toEqual(titled(2)); // one character: the start of a title
    expect(await found('СЕВЕРНОГО МОРЯ')).toEqual(titled(0));
    expect(await found('ёкогамы')).toEqual(titled(1));
    expect(await found('cafe SOCIETY')).toEqual(titled(1));
    expect(await found('pa-08')).toEqual(['pa-08-tohoku']);
    expect(await found('nothing like this')).toEqual([]);
  });
});
