import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  aConsortium,
  aUser,
  anAdmin,
  anInstitution,
  signedInAs,
  type FactoryConsortium,
} from '#test/factories/index.ts';

const content = {
  title: 'Japan–Russia association exchange',
  validFrom: '2020-04-01',
  validTo: '2030-03-31',
  clauses: { tuitionWaiver: true, commonScreening: true, commonRecognition: true },
  directions: [
    {
      from: 'A',
      levels: ['bachelor', 'master'],
      fields: ['0533'],
      languages: [{ language: 'en', cefr: 'B2' }],
      quotas: [{ academicYear: 2020, students: 3, months: 18 }],
    },
    {
      from: 'B',
      levels: ['master'],
      fields: ['0231'],
      quotas: [{ academicYear: 2020, students: 3, months: 18 }],
    },
  ],
};

// The association's membership and the ledger of the demo agreement are figures of the source
// documents: this part reads the demo world on purpose.
describe.each(ENGINES)('agreements and the balance ledger on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });

  it('counts the association members per side at a date, as a query (source document 001: 21 → 27)', async () => {
    const oct2019 = (await call(null, 'GET', '/api/v1/consortia/ajru?at=2019-10-31')).json();
    expect(oct2019.memberCountBySide).toEqual({ JP: 27, RU: 27 });
    const founding = (await call(null, 'GET', '/api/v1/consortia/ajru?at=2017-06-01')).json();
    expect(founding.memberCountBySide).toEqual({ JP: 21, RU: 21 });
    expect(
      oct2019.members
        .filter((m: { institution: { invented: boolean } }) => !m.institution.invented)
        .map((m: { institution: { id: string } }) => m.institution.id)
        .sort(),
    ).toEqual(['asu.ru', 'hokudai.ac.jp', 'niigata-u.ac.jp', 'rosnou.ru']);
    // The invented examples stay out of the registry list unless asked for.
    expect((await call(null, 'GET', '/api/v1/institutions?q=Sretenka')).json().total).toBe(0);
    expect(
      (await call(null, 'GET', '/api/v1/institutions?q=Sretenka&includePlaceholders=true')).json()
        .total,
    ).toBe(1);
    const all = (await call(null, 'GET', '/api/v1/institutions?includePlaceholders=true')).json();
    const real = (await call(null, 'GET', '/api/v1/institutions')).json();
    expect(all.total - real.total).toBe(50);
  });

  it('shows the liaison office of source document 002', async () => {
    const rjilt = (await call(null, 'GET', '/api/v1/consortia/rjilt')).json();
    expect(rjilt.liaisonOffices[0]).toMatchObject({
      city: 'Irkutsk',
      openedOn: '2021-10-01',
      institutionId: 'kanazawa-u.ac.jp',
    });
  });

  it('R4: the demo agreement ledger counts planned and realised students and months per year', async () => {
    const list = (await call(null, 'GET', '/api/v1/agreements?party=tohoku-jr-japan')).json();
    type Listed = { id: string; status: string; validTo: string };
    // The project's first agreement (2014-10 → 2024-03) has expired; its renewal is in force.
    const first = list.items.find((a: Listed) => a.status === 'expired');
    const renewal = list.items.find((a: Listed) => a.status === 'active');
    expect(first).toBeDefined();
    expect(renewal).toBeDefined();
    const id = first.id;
    const ledger = (await call(null, 'GET', `/api/v1/agreements/${id}/balance`)).json();
    // Cross-check against the mobilities themselves, counted in SQL: Tohoku ↔ the Russian side.
    const ru = ['msu.ru', 'nsu.ru', 'sbras.ru', 'dvfu.ru', 'febras.ru'];
    const count = async (from: string[], to: string[], realised: boolean) =>
      rowsOf<{ n: number }>(
        await t.database.db.execute(
          sql`SELECT count(*)::int AS n FROM mobilities WHERE home_id IN ${sql.raw(`('${from.join("','")}')`)} AND host_id IN ${sql.raw(`('${to.join("','")}')`)} AND status NOT IN ('refused', 'withdrawn') AND (agreement_id IS NULL OR agreement_id = ${id}) ${realised ? sql`AND status IN ('departed', 'arrived', 'completed', 'transcript_issued', 'recognised')` : sql``}`,
        ),
      )[0]?.n;
    expect(ledger.total.planned.sentStudents).toBe(await count(['tohoku.ac.jp'], ru, false));
    expect(ledger.total.planned.receivedStudents).toBe(await count(ru, ['tohoku.ac.jp'], false));
    expect(ledger.total.realised.sentStudents).toBe(await count(['tohoku.ac.jp'], ru, true));
    expect(ledger.total.realised.receivedStudents).toBe(await count(ru, ['tohoku.ac.jp'], true));
    // The synthetic history of the project of source document 000 covers 2015–2019.
    expect(ledger.years.map((y: { academicYear: number }) => y.academicYear)).toEqual(
      expect.arrayContaining([2015, 2016, 2017, 2018, 2019]),
    );
    expect(ledger.calendar).toEqual({ country: 'JP', startMonth: 4 });
    const y2017 = ledger.years.find((y: { academicYear: number }) => y.academicYear === 2017);
    expect(y2017.planned).toMatchObject({ sentStudents: 4, receivedStudents: 4 });
    // The program's tolerance (FY2014 program: 2 students, 24 months) applies; the showcase
    // project stayed in balance every year, so nothing is warned about.
    expect(ledger.tolerance).toEqual({ students: 2, months: 24 });
    expect(ledger.warnings).toEqual([]);
    // The consortia's balance counts the stays of both agreements.
    const second = (await call(null, 'GET', `/api/v1/agreements/${renewal.id}/balance`)).json();
    const pair = (
      await call(null, 'GET', '/api/v1/consortia/tohoku-jr-japan/balance?with=tohoku-jr-russia')
    ).json();
    expect(pair.total.planned.sentStudents).toBe(
      ledger.total.planned.sentStudents + second.total.planned.sentStudents,
    );
    const mirrored = (
      await call(null, 'GET', '/api/v1/consortia/tohoku-jr-russia/balance?with=tohoku-jr-japan')
    ).json();
    expect(mirrored.total.planned.sentStudents).toBe(pair.total.planned.receivedStudents);
    expect(mirrored.calendar.startMonth).toBe(9);
  });

  it('R4: the demo agreement labelled out of balance is warned about, each warning beyond its tolerance', async () => {
    const list = (await call(null, 'GET', '/api/v1/agreements?party=hokudai.ac.jp')).json();
    const imbalanced = list.items.find((a: { invented: boolean }) => a.invented);
    expect(imbalanced).toBeDefined();
    const ledger = (await call(null, 'GET', `/api/v1/agreements/${imbalanced.id}/balance`)).json();
    expect(ledger.tolerance).toEqual({ students: 1, months: 6 });
    expect(ledger.warnings.length).toBeGreaterThan(0);
    for (const w of ledger.warnings) {
      expect(w.rule).toBe('R4');
      expect(Math.abs(w.difference)).toBeGreaterThan(w.unit === 'students' ? 1 : 6);
    }
  });
});

describe.each(ENGINES)('agreements: writing and signing, on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let admin: Session;
  let nsu: Session;
  // The Japanese consortium (its representative officer writes) and the Russian one, whose
  // representative is its first member; the NSU coordinator is at another member.
  let japan: FactoryConsortium;
  let russia: FactoryConsortium;
  let nsuId: string;
  let elsewhere: { id: string }[];
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    japan = await aConsortium(db, { side: 'JP', names: { en: 'Japan side', ja: '日本側' } });
    russia = await aConsortium(db, {
      side: 'RU',
      names: { en: 'Russian side', ja: 'ロシア側', ru: 'Российская сторона' },
    });
    nsuId = russia.memberIds[1]!;
    elsewhere = [await anInstitution(db), await anInstitution(db, { country: 'FR' })];
    rep = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'rep_officer', scopeId: japan }] }),
    );
    admin = await signedInAs(t.app, await anAdmin(db));
    nsu = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: nsuId }] }),
    );
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });

  it('creates an agreement between two consortia; each party signs; a signed agreement changes by amendment', async () => {
    expect((await call(null, 'POST', '/api/v1/agreements', {})).statusCode).toBe(401);
    const created = await call(rep, 'POST', '/api/v1/agreements', {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'consortium', id: russia.id },
      content,
    });
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({
      status: 'draft',
      currentVersion: 1,
      versionInForce: null,
      canManage: ['A'],
      may: { edit: true, signA: true, signB: false },
      whyNot: {},
    });
    // Names, not ids: the parties in every language they have, the author of the version.
    expect(a.partyA.displayName).toMatchObject({ en: expect.any(String), ja: expect.any(String) });
    expect(a.history[0].createdByName).toMatchObject({ en: expect.any(String) });

    // The NSU coordinator is not Russian side's representative (MSU is): no signature for B.
    const refused = await call(nsu, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'B',
      signatory: 'N. K.',
      signedOn: '2020-03-01',
    });
    expect(refused.statusCode).toBe(403);
    const signA = await call(rep, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'A',
      signatory: 'R. R.',
      signedOn: '2020-03-01',
    });
    expect(signA.json().status).toBe('draft');
    const again = await call(rep, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'A',
      signatory: 'R. R.',
      signedOn: '2020-03-02',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals).toEqual([
      { code: 'agreement.already_signed', params: { party: 'A', version: 1 } },
    ]);
    // Signed by A: A may no longer sign; the reason is said as a refusal.
    const seen = (await call(rep, 'GET', `/api/v1/agreements/${a.id}`)).json();
    expect(seen.may).toEqual({ edit: true, signA: false, signB: false });
    expect(seen.whyNot.signA).toEqual({
      code: 'agreement.already_signed',
      params: { party: 'A', version: 1 },
    });
    const signB = await call(admin, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'B',
      signatory: 'Rector',
      signedOn: '2020-03-05',
    });
    expect(signB.json()).toMatchObject({ status: 'active', versionInForce: 1 });

    const amended = await call(rep, 'PUT', `/api/v1/agreements/${a.id}`, {
      content: { ...content, validTo: '2032-03-31' },
      changeNote: 'extend to 2032',
    });
    expect(amended.statusCode).toBe(200);
    const after = amended.json();
    expect(after).toMatchObject({ currentVersion: 2, versionInForce: 1 });
    expect(after.history[1]).toMatchObject({
      kind: 'amendment',
      changeNote: 'extend to 2032',
      changes: [{ path: 'validTo', before: '2030-03-31', after: '2032-03-31' }],
    });
    await call(rep, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'A',
      signatory: 'R. R.',
      signedOn: '2025-01-10',
    });
    const both = await call(admin, 'POST', `/api/v1/agreements/${a.id}/signatures`, {
      party: 'B',
      signatory: 'Rector',
      signedOn: '2025-01-12',
    });
    expect(both.json()).toMatchObject({ status: 'active', versionInForce: 2 });

    const audit = rowsOf<{ action: string }>(
      await t.database.db.execute(
        sql`SELECT action FROM audit_log WHERE resource_id = ${a.id} ORDER BY id`,
      ),
    );
    expect(audit.map((r) => r.action)).toEqual([
      'agreement.create',
      'agreement.sign',
      'agreement.sign',
      'agreement.amend',
      'agreement.sign',
      'agreement.sign',
    ]);
  });

  it('refuses invalid content naming the field, and writes nothing', async () => {
    const before = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`SELECT count(*)::int AS n FROM agreements`),
    )[0]?.n;
    const res = await call(rep, 'POST', '/api/v1/agreements', {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'institution', id: nsuId },
      content: { ...content, directions: [{ from: 'A', levels: ['master'], fields: ['0534'] }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(
      /^content\.directions\[0\]\.fields\[0\]: not an ISCED-F 2013/,
    );
    expect(res.json().error.details.issues[0]).toMatchObject({
      field: 'content.directions[0].fields[0]',
      code: 'agreement.not_isced_field',
    });
    const backwards = await call(rep, 'POST', '/api/v1/agreements', {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'institution', id: nsuId },
      content: { ...content, validTo: '2019-03-31' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.issues[0]).toMatchObject({
      field: 'content.validTo',
      code: 'agreement.ends_before_start',
      params: { validFrom: '2020-04-01' },
    });
    const same = await call(rep, 'POST', '/api/v1/agreements', {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'consortium', id: japan.id },
      content,
    });
    expect(same.statusCode).toBe(400);
    expect(same.json().error.details.issues[0]).toMatchObject({
      field: 'body.partyB',
      code: 'agreement.same_party',
    });
    const unknown = await call(rep, 'POST', '/api/v1/agreements', {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'institution', id: 'msu.rx' },
      content,
    });
    expect(unknown.statusCode).toBe(404);
    const after = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`SELECT count(*)::int AS n FROM agreements`),
    )[0]?.n;
    expect(after).toBe(before);
  });

  it('lets a coordinator create agreements only for their own institution', async () => {
    const res = await call(nsu, 'POST', '/api/v1/agreements', {
      partyA: { type: 'institution', id: elsewhere[0]!.id },
      partyB: { type: 'institution', id: elsewhere[1]!.id },
      content,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });
});
