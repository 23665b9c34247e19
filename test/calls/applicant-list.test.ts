/**
 * A call's applicants for its staff, a page at a time: keyset pages (limit, cursor) in the order
 * the applications came in — rows stored in the same instant, or a microsecond apart, neither
 * skipped nor shown twice — and a search over the student's name in Japanese, Cyrillic and Latin
 * (case and accents ignored). Whoever could not see the applicants still cannot.
 */
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { cursorParam, expectBadPagingRefused, pageThrough } from '#test/support/keyset.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { callApplications, users } from '#src/db/schema.ts';
import { encodeCursor } from '#src/services/cursor.ts';
import {
  aCall,
  aStudentUser,
  aUser,
  asHeaders,
  next,
  signedInAs,
  type FactoryCall,
} from '#test/factories/index.ts';

const NAMES: { latin: string; kanji?: string; cyrillic?: string }[] = [
  { latin: 'Yamada Taro', kanji: '山田 太郎' },
  { latin: 'Yamada Hanako', kanji: '山田 花子' },
  { latin: 'Suzuki Ichiro', kanji: '鈴木 一郎' },
  { latin: 'Anna Ivanova', cyrillic: 'Анна Иванова' },
  { latin: 'Fyodor Semyonov', cyrillic: 'Фёдор Семёнов' },
  { latin: 'Olga Petrova', cyrillic: 'Ольга Петрова' },
  { latin: 'Élodie Dupré' },
  { latin: 'Zoë Lefèvre' },
  { latin: 'Jean Martin' },
];

describe.each(ENGINES)('the applicants of a call, page by page, on %s', (engine) => {
  let t: TestApp;
  let call: FactoryCall;
  let reviewer: Session;
  let outsider: Session;
  let student: Session;
  /** The application ids in the list's order, and each one's student name (Latin). */
  let order: string[];
  const nameOf = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const callId = `applicants-${next()}`;
    call = await aCall(db, { id: callId });
    const other = await aCall(db, { id: `applicants-other-${next()}` });
    reviewer = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'reviewer', scopeId: callId, scopeType: 'call' }] }),
    );
    outsider = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'reviewer', scopeId: other.id, scopeType: 'call' }] }),
    );
    const applicantUser = await aStudentUser(db);
    student = await signedInAs(t.app, applicantUser);
    // 27 applicants: three of each name; every three share an instant, some a microsecond apart.
    for (let i = 0; i < NAMES.length * 3; i++) {
      const n = NAMES[i % NAMES.length]!;
      const [user] = await db
        .insert(users)
        .values({
          email: `applicant-${next()}@factory.kakehashi.test`,
          displayName: n.latin,
          names: {
            latin: n.latin,
            ...(n.kanji ? { kanji: n.kanji } : {}),
            ...(n.cyrillic ? { cyrillic: n.cyrillic } : {}),
          },
          passwordHash: 'x',
        })
        .returning({ id: users.id });
      const second = String(Math.floor(i / 3)).padStart(2, '0');
      const micro = i % 3 === 2 ? '000001' : '000000';
      const [app] = await db
        .insert(callApplications)
        .values({
          callId,
          studentUserId: user!.id,
          homeId: call.sending.memberIds[0]!,
          ranking: [call.hostIds[0]!],
          requestedMonths: 6,
          submittedAt:
            sql`${`2027-01-10T09:00:${second}.${micro}Z`}::timestamptz` as unknown as Date,
        })
        .returning({ id: callApplications.id });
      nameOf.set(app!.id, n.latin);
    }
    order = (
      await db
        .select({ id: callApplications.id })
        .from(callApplications)
        .where(sql`${callApplications.callId} = ${callId}`)
        .orderBy(asc(callApplications.submittedAt), asc(callApplications.id))
    ).map((r) => r.id);
  });
  afterAll(() => t?.close());

  const get = (s: Session, query = '') =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/calls/${call.id}/applications${query}`,
      headers: asHeaders(s),
    });

  /** Every applicant for `query`, page by page, and the number of pages. */
  async function everyPage(query: string, limit: number) {
    const { items, sizes } = await pageThrough<{ id: string }>((cursor) =>
      get(reviewer, `?limit=${limit}${query}${cursorParam(cursor)}`),
    );
    return { ids: items.map((i) => i.id), pages: sizes.length };
  }

  it('pages through every applicant once, in the order they came in, ties and microseconds included', async () => {
    expect(order).toHaveLength(27);
    const { ids, pages } = await everyPage('', 4);
    expect(ids).toEqual(order);
    expect(pages).toBe(7);
    const one = await everyPage('', 1);
    expect(one.ids).toEqual(order);
    const all = await get(reviewer);
    expect(all.json().items.map((i: { id: string }) => i.id)).toEqual(order);
    expect(all.json().nextCursor).toBeNull();
  });

  it('refuses a limit over 200 and a cursor it did not give, naming the field', async () => {
    await expectBadPagingRefused((query) => get(reviewer, query), '?', [
      'not-a-cursor!',
      'bm90IGpzb24',
      encodeCursor(['2027-01-10T09:00:00.000000Z']),
      encodeCursor(['2027-02-30T09:00:00.000000Z', '00000000-0000-4000-8000-000000000000']),
      encodeCursor(['2027-01-10', '00000000-0000-4000-8000-000000000000']),
      encodeCursor(['2027-01-10T09:00:00.000000Z', 'x']),
    ]);
  });

  const found = async (q: string) => (await everyPage(`&q=${encodeURIComponent(q)}`, 2)).ids;
  /** The applications of students of these names, in the list's order. */
  const of = (...names: string[]) => order.filter((id) => names.includes(nameOf.get(id)!));

  it('finds applicants by name in Japanese, Cyrillic and Latin, ignoring spaces, case and accents', async () => {
    expect(await found('山田太郎')).toEqual(of('Yamada Taro'));
    expect(await found('田 太郎')).toEqual(of('Yamada Taro'));
    expect(await found('山田')).toEqual(of('Yamada Taro', 'Yamada Hanako'));
    expect(await found('鈴')).toEqual(of('Suzuki Ichiro'));
    expect(await found('ИВАНОВА')).toEqual(of('Anna Ivanova'));
    expect(await found('Семенов')).toEqual(of('Fyodor Semyonov'));
    expect(await found('Ол')).toEqual(of('Olga Petrova'));
    expect(await found('elodie dupre')).toEqual(of('Élodie Dupré'));
    expect(await found('LEFÈVRE')).toEqual(of('Zoë Lefèvre'));
    expect(await found('nobody-of-that-name')).toEqual([]);
    expect(of('Yamada Taro')).toHaveLength(3);
  });

  it('shows nothing to those who are not the call’s staff, with or without a search or cursor', async () => {
    const first = await get(reviewer, '?limit=1');
    const cursor = first.json().nextCursor as string;
    for (const who of [outsider, student]) {
      for (const query of ['', '?q=Yamada', `?cursor=${cursor}`]) {
        const res = await get(who, query);
        expect(res.statusCode).toBe(403);
        expect(JSON.stringify(res.json())).not.toContain('Yamada');
      }
    }
  });
});
