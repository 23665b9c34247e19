/**
 * R2, 003 §5(2): "a formal exchange agreement between the consortia is signed before any
 * dispatch". Publishing an allocation and paying a stipend are dispatches: each reads the
 * registry for an agreement signed by both parties, not terminated, in force for the whole stay,
 * between the pair (or consortia they belong to throughout the stay) and covering the level.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import {
  agreements,
  callApplications,
  consortiumMembers,
  mobilities,
  type Names,
} from '#src/db/schema.ts';
import type { AgreementContent } from '#src/domain/agreement/agreement.ts';
import { fixedClock } from '#src/services/clock.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { ENGINES } from '#test/support/db.ts';
import {
  aCall,
  aConsortium,
  aStudentProfile,
  aStudentUser,
  anAdmin,
  anAgreement,
  anInstitution,
  signedInAs,
  type FactoryConsortium,
} from '#test/factories/index.ts';

/** One Japanese and one Russian university, each in its consortium from 2010. */
interface Pair {
  home: string;
  host: string;
  japan: FactoryConsortium;
  russia: FactoryConsortium;
}

/** An instance placing one student of `home` at `host` for `months` months. */
const instanceOf = (p: Pair, student = 'jp-1', months = 6) => ({
  format: 'kakehashi-allocation/1',
  rules: {
    balanceScope: 'none',
    balanceUnit: 'students',
    tolerance: 0,
    fundedMonthsCap: null,
    yenCap: null,
    stipendPerMonth: 100000,
  },
  universities: [
    { id: p.home, side: 'JP', consortium: p.japan.id, importCap: null, exportCap: null },
    { id: p.host, side: 'RU', consortium: p.russia.id, importCap: null, exportCap: null },
  ],
  agreements: [{ from: p.home, to: p.host, slots: 1, monthsCap: null }],
  students: [
    {
      id: student,
      home: p.home,
      score: 3.9,
      months,
      funded: true,
      travelCost: 140000,
      prefs: [p.host],
    },
  ],
});

describe.each(ENGINES)('R2 when publishing an allocation, on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    // Today is 2027-04-01: the stays below start on 2027-09-01, for six months.
    t = await createTestApp(engine, { seed: false, clock: fixedClock('2027-04-01T09:00:00Z') });
    admin = await signedInAs(t.app, await anAdmin(t.database.db));
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    });

  async function aPair(): Promise<Pair> {
    const db = t.database.db;
    const home = await anInstitution(db, { country: 'JP' });
    const host = await anInstitution(db, { country: 'RU' });
    const japan = await aConsortium(db, { side: 'JP', members: [home] });
    const russia = await aConsortium(db, { side: 'RU', members: [host] });
    return { home: home.id, host: host.id, japan, russia };
  }

  /** The consortium agreement of a pair, with changes to its content, status or signatures. */
  const consortiumAgreement = (
    p: Pair,
    over: {
      content?: Partial<AgreementContent>;
      status?: 'active' | 'terminated';
      signedBy?: ('A' | 'B')[];
    } = {},
  ) =>
    anAgreement(t.database.db, {
      partyA: { type: 'consortium', id: p.japan.id },
      partyB: { type: 'consortium', id: p.russia.id },
      ...over,
    });

  async function aRun(instance: object, callId: string | null = null): Promise<string> {
    const res = await post('/api/v1/allocation-runs', { instance, callId });
    expect(res.statusCode).toBe(201);
    return res.json().id;
  }

  const publish = (runId: string, startDate = '2027-09-01') =>
    post(`/api/v1/allocation-runs/${runId}/publish`, { mechanism: '2s-ttc', startDate });

  const nominationsOf = async (runId: string) =>
    t.database.db
      .select({ agreementId: mobilities.agreementId })
      .from(mobilities)
      .where(eq(mobilities.allocationRunId, runId));

  /** Publishing is refused with `code`, naming the student, and nothing is written. */
  async function expectRefused(runId: string, code: string) {
    const res = await publish(runId);
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details;
    expect(details.rules).toEqual(['R2']);
    expect(details.refusals[0]).toEqual({
      rule: 'R2',
      code: 'allocation.students_without_agreement',
      params: { count: 1 },
    });
    expect(details.refusals[1]).toMatchObject({ rule: 'R2', code });
    expect(details.refusals[1].params.student).toEqual({ en: 'jp-1' });
    expect(details.students).toHaveLength(1);
    expect(details.students[0]).toMatchObject({
      student: { en: 'jp-1' },
      refusals: [{ rule: 'R2', code }],
    });
    // The universities by their names, never their ids.
    expect(details.students[0].host.en).toMatch(/^Test University/);
    expect(await nominationsOf(runId)).toEqual([]);
    const run = await t.app.inject({
      method: 'GET',
      url: `/api/v1/allocation-runs/${runId}`,
      headers: { cookie: admin.cookie },
    });
    expect(run.json().publishedMechanism).toBeNull();
    return details.refusals[1];
  }

  it('R2: refuses to publish under a consortium agreement that expired before the stay', async () => {
    const p = await aPair();
    await consortiumAgreement(p, { content: { validFrom: '2014-10-01', validTo: '2024-03-31' } });
    const refused = await expectRefused(await aRun(instanceOf(p)), 'agreement.not_in_force');
    expect(refused.params).toMatchObject({
      validFrom: '2014-10-01',
      validTo: '2024-03-31',
      start: '2027-09-01',
      end: '2028-02-29',
    });
  });

  it('R2: refuses to publish under an agreement only one side signed', async () => {
    const p = await aPair();
    await consortiumAgreement(p, { signedBy: ['A'] });
    await expectRefused(await aRun(instanceOf(p)), 'agreement.not_signed');
  });

  it('R2: refuses to publish under a terminated agreement', async () => {
    const p = await aPair();
    await consortiumAgreement(p, { status: 'terminated' });
    await expectRefused(await aRun(instanceOf(p)), 'agreement.terminated');
  });

  it('R2: refuses to publish a stay that runs past the agreement’s last day', async () => {
    const p = await aPair();
    await consortiumAgreement(p, { content: { validFrom: '2024-04-01', validTo: '2028-01-31' } });
    const refused = await expectRefused(await aRun(instanceOf(p)), 'agreement.not_in_force');
    expect(refused.params).toMatchObject({ validTo: '2028-01-31', end: '2028-02-29' });
  });

  it('R2: refuses when no agreement joins the pair at all', async () => {
    const p = await aPair();
    await expectRefused(await aRun(instanceOf(p)), 'agreement.none_for_pair');
  });

  it('R2: a membership that ends during the stay does not count', async () => {
    const p = await aPair();
    await consortiumAgreement(p);
    await t.database.db
      .update(consortiumMembers)
      .set({ leftOn: '2027-12-01' })
      .where(
        and(
          eq(consortiumMembers.consortiumId, p.russia.id),
          eq(consortiumMembers.institutionId, p.host),
        ),
      );
    await expectRefused(await aRun(instanceOf(p)), 'agreement.membership_not_throughout');
  });

  it('R2: publishes under the consortium agreement the pair’s consortia hold, and stores it', async () => {
    const p = await aPair();
    // An expired and an unsigned agreement of the same consortia do not carry the stay.
    await consortiumAgreement(p, { content: { validFrom: '2014-10-01', validTo: '2024-03-31' } });
    await consortiumAgreement(p, { signedBy: ['B'] });
    const current = await consortiumAgreement(p, {
      content: { validFrom: '2024-04-01', validTo: '2030-03-31' },
    });
    const runId = await aRun(instanceOf(p));
    const res = await publish(runId);
    expect(res.statusCode).toBe(200);
    expect(res.json().nominations).toBe(1);
    expect(await nominationsOf(runId)).toEqual([{ agreementId: current.id }]);
  });

  it('R2: refuses a level the agreement does not cover from the home side', async () => {
    const db = t.database.db;
    const p = await aPair();
    const agreement = await consortiumAgreement(p, {
      content: {
        directions: (['A', 'B'] as const).map((from) => ({
          from,
          levels: ['bachelor', 'master'],
          fields: [],
          languages: [],
          quotas: [],
        })),
      },
    });
    const call = await aCall(db, { sending: p.japan, hosting: p.russia, agreement });
    const user = await aStudentUser(db, { displayName: 'Hanako Doctoral' });
    await aStudentProfile(db, user, { home: p.home, level: 'doctor' });
    const [application] = await db
      .insert(callApplications)
      .values({
        callId: call.id,
        studentUserId: user.id,
        homeId: p.home,
        ranking: [p.host],
        requestedMonths: 6,
      })
      .returning({ id: callApplications.id });
    const runId = await aRun(instanceOf(p, application!.id), call.id);
    const res = await publish(runId);
    expect(res.statusCode).toBe(422);
    const [lead, refused] = res.json().error.details.refusals;
    expect(lead.code).toBe('allocation.students_without_agreement');
    expect(refused).toMatchObject({
      rule: 'R2',
      code: 'agreement.level_not_covered',
      params: { level: 'doctor', levels: ['bachelor', 'master'] },
    });
    // The applicant by her name.
    expect(Object.values(refused.params.student as Names)).toContain('Hanako Doctoral');
    expect(await nominationsOf(runId)).toEqual([]);
  });

  it('R2: a start date that has passed is refused on its field', async () => {
    const p = await aPair();
    await consortiumAgreement(p);
    const runId = await aRun(instanceOf(p));
    const res = await publish(runId, '2016-09-01');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues).toEqual([
      expect.objectContaining({
        field: 'body.startDate',
        code: 'allocation.start_in_past',
        params: { startDate: '2016-09-01', today: '2027-04-01' },
      }),
    ]);
    expect(await nominationsOf(runId)).toEqual([]);
    // Today itself is not in the past.
    expect((await publish(runId, '2027-04-01')).statusCode).toBe(200);
  });
});

describe.each(ENGINES)('R2 when paying, on %s', (engine) => {
  const CONSORTIUM = 'tohoku-jr-japan';
  let t: TestApp;
  let rep: Session;
  beforeAll(async () => {
    t = await createTestApp(engine);
    rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
  });
  afterAll(() => t.close());

  const call = (method: 'GET' | 'POST', url: string, payload?: object, key?: string) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: {
        cookie: rep.cookie,
        'x-csrf-token': rep.csrfToken,
        ...(key ? { 'idempotency-key': key } : {}),
      },
    });

  /** Confirms the next `count` scheduled, unconfirmed months of students with a bank account. */
  async function confirmSome(count: number) {
    const ov = (await call('GET', `/api/v1/consortia/${CONSORTIUM}/payments`)).json();
    const done: { mobilityId: string; kind: 'stipend'; period: string }[] = [];
    for (const m of ov.mobilities) {
      for (const l of m.lines) {
        if (done.length >= count) break;
        if (l.status !== 'scheduled' || l.confirmed || !m.hasBankAccount) continue;
        const r = await call('POST', `/api/v1/mobilities/${m.mobilityId}/enrolment-confirmations`, {
          month: l.month,
        });
        expect([200, 201]).toContain(r.statusCode);
        done.push({ mobilityId: m.mobilityId, kind: 'stipend', period: l.month });
      }
    }
    expect(done).toHaveLength(count);
    return done;
  }

  it('R2: a stipend of a mobility whose agreement was terminated is refused, and approval re-checks', async () => {
    const [first, second] = await confirmSome(2);
    // Built while the agreement stands.
    const built = await call(
      'POST',
      '/api/v1/payment-batches',
      { consortiumId: CONSORTIUM, items: [first] },
      `r2-before-${engine}-0001`,
    );
    expect(built.statusCode).toBe(201);
    const batchId = built.json().id as string;
    // The agreement the mobilities were nominated under is terminated.
    const [m] = await t.database.db
      .select({ agreementId: mobilities.agreementId })
      .from(mobilities)
      .where(eq(mobilities.id, second!.mobilityId));
    await t.database.db
      .update(agreements)
      .set({ status: 'terminated' })
      .where(eq(agreements.id, m!.agreementId!));

    const refused = await call(
      'POST',
      '/api/v1/payment-batches',
      { consortiumId: CONSORTIUM, items: [second] },
      `r2-after-${engine}-0001`,
    );
    expect(refused.statusCode).toBe(422);
    const details = refused.json().error.details;
    expect(details.rules).toContain('R2');
    const r2 = details.refusals.find((r: { code: string }) => r.code === 'agreement.terminated');
    expect(r2).toMatchObject({ rule: 'R2', params: { kind: 'stipend', period: second!.period } });
    expect(Object.keys(r2.params.student).length).toBeGreaterThan(0);
    expect(details.items[0]).toMatchObject({ mobilityId: second!.mobilityId });
    const stored = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM payments WHERE mobility_id = ${second!.mobilityId} AND period = ${second!.period}`,
      ),
    );
    expect(stored[0]?.n).toBe(0);

    // The draft built before is not approved now.
    const approve = await call('POST', `/api/v1/payment-batches/${batchId}/approve`);
    expect(approve.statusCode).toBe(422);
    expect(approve.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'agreement.terminated',
    );
    const after = (await call('GET', `/api/v1/payment-batches/${batchId}`)).json();
    expect(after.status).toBe('draft');
  });
});
