import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { fixedClock } from '#src/services/clock.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  aCall,
  aConsortium,
  aStudentProfile,
  aStudentUser,
  anAdmin,
  anAgreement,
  anInstitution,
  aUser,
  signedInAs,
  type FactoryUser,
} from '#test/factories/index.ts';

interface World {
  tohoku: string;
  hokudai: string;
  msu: string;
  nsu: string;
  dvfu: string;
  japan: string;
  russia: string;
}

/**
 * A small consortium pair, as in source document 000 (Tohoku and Hokkaido ↔ MSU, NSU, FEFU), on the
 * universities and consortia of `w`.
 */
const instanceOf = (w: World) => ({
  format: 'kakehashi-allocation/1',
  rules: {
    balanceScope: 'consortium',
    balanceUnit: 'students',
    tolerance: 0,
    fundedMonthsCap: 360,
    yenCap: null,
    stipendPerMonth: 100000,
  },
  universities: [
    {
      id: w.tohoku,
      side: 'JP',
      consortium: w.japan,
      importCap: null,
      exportCap: null,
    },
    {
      id: w.hokudai,
      side: 'JP',
      consortium: w.japan,
      importCap: null,
      exportCap: null,
    },
    { id: w.msu, side: 'RU', consortium: w.russia, importCap: null, exportCap: null },
    { id: w.nsu, side: 'RU', consortium: w.russia, importCap: null, exportCap: null },
    { id: w.dvfu, side: 'RU', consortium: w.russia, importCap: null, exportCap: null },
  ],
  agreements: [
    ...[w.msu, w.nsu, w.dvfu].flatMap((ru) => [
      { from: w.tohoku, to: ru, slots: 2, monthsCap: null },
      { from: w.hokudai, to: ru, slots: 1, monthsCap: null },
      { from: ru, to: w.tohoku, slots: 2, monthsCap: null },
    ]),
  ],
  students: [
    {
      id: 'jp-1',
      home: w.tohoku,
      score: 3.9,
      months: 10,
      funded: true,
      travelCost: 140000,
      prefs: [w.msu, w.nsu],
    },
    {
      id: 'jp-2',
      home: w.tohoku,
      score: 3.5,
      months: 6,
      funded: true,
      travelCost: 140000,
      prefs: [w.msu],
    },
    {
      id: 'jp-3',
      home: w.hokudai,
      score: 3.1,
      months: 12,
      funded: true,
      travelCost: 150000,
      prefs: [w.dvfu, w.nsu],
    },
    {
      id: 'ru-1',
      home: w.msu,
      score: 4.8,
      months: 10,
      funded: false,
      travelCost: 0,
      prefs: [w.tohoku],
    },
    {
      id: 'ru-2',
      home: w.nsu,
      score: 4.5,
      months: 6,
      funded: false,
      travelCost: 0,
      prefs: [w.tohoku],
    },
  ],
});

describe.each(ENGINES)('allocation runs in the product on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let student: Session;
  let w: World;
  let instance: ReturnType<typeof instanceOf>;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const japan = await aConsortium(db, {
      side: 'JP',
      members: [await anInstitution(db), await anInstitution(db)],
    });
    const russia = await aConsortium(db, { side: 'RU' });
    await anAgreement(db, {
      partyA: { type: 'consortium', id: japan.id },
      partyB: { type: 'consortium', id: russia.id },
    });
    const [tohoku, hokudai] = japan.memberIds as [string, string];
    const [msu, nsu, dvfu] = russia.memberIds as [string, string, string];
    w = { tohoku, hokudai, msu, nsu, dvfu, japan: japan.id, russia: russia.id };
    instance = instanceOf(w);
    // The instance names students of five universities on both sides: only an administrator
    // stands for all of them (a coordinator allocates their own students, or a call's).
    coordinator = await signedInAs(t.app, await anAdmin(db));
    const studentUser = await aStudentUser(db);
    await aStudentProfile(db, studentUser, { home: tohoku });
    student = await signedInAs(t.app, studentUser);
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });

  it('R4: compares the three mechanisms side by side on an uploaded instance, each balanced', async () => {
    const res = await call(coordinator, 'POST', '/api/v1/allocation-runs', { instance });
    expect(res.statusCode).toBe(201);
    const run = res.json();
    expect(Object.keys(run.results).sort()).toEqual(['2s-ttc', 'optimal', 'serial-dictatorship']);
    for (const m of ['2s-ttc', 'optimal', 'serial-dictatorship']) {
      const { summary, explanations } = run.results[m];
      expect(summary.placed).toBeGreaterThan(0);
      for (const row of summary.balance as { net: number }[]) expect(Math.abs(row.net)).toBe(0);
      expect(explanations).toHaveLength(instance.students.length);
    }
    // Two students a side can be exchanged in balance.
    expect(run.results.optimal.summary.placed).toBe(4);
  });

  it('names every university and balance unit, explains in codes, and says what the reader may do', async () => {
    const run = (await call(coordinator, 'POST', '/api/v1/allocation-runs', { instance })).json();
    // Universities and consortia by the registry's names, never their ids.
    for (const id of [w.tohoku, w.msu, w.nsu, w.dvfu]) {
      expect(run.names.universities[id].en).toBeTruthy();
      expect(run.names.universities[id].en).not.toBe(id);
    }
    const balance = run.results.optimal.summary.balance as { unit: string; name: { en: string } }[];
    expect(balance.map((r) => r.unit).sort()).toEqual([w.japan, w.russia].sort());
    for (const row of balance) expect(row.name.en).not.toBe(row.unit);
    // Uploaded students have only the labels of the file.
    expect(run.names.students['jp-1']).toEqual({ en: 'jp-1' });
    // Explanations: how she was placed and why not each better choice, as codes with params.
    for (const m of ['2s-ttc', 'optimal', 'serial-dictatorship']) {
      for (const e of run.results[m].explanations) {
        expect(e.outcome.code).toMatch(/^allocation\./);
        expect(e.because).toHaveLength(e.better.length);
        if (e.host) {
          expect(e.outcome.params.choice).toBe(e.choice);
          expect(e.outcome.params.host).toEqual(run.names.universities[e.host]);
        }
        for (const [i, b] of e.because.entries()) {
          expect(b.code).toMatch(/^allocation\./);
          expect(b.params.choice).toBe(e.better[i].choice);
          expect(b.params.host).toEqual(run.names.universities[e.better[i].host]);
        }
      }
    }
    const home = run.results.optimal.explanations.find((e: { host: unknown }) => e.host === null);
    expect(home.outcome.code).toBe('allocation.stays_home');
    expect(run.may).toEqual({ run: true, publish: true });
    expect(run.publishRefusals).toEqual([]);
    const list = (await call(coordinator, 'GET', '/api/v1/allocation-runs')).json();
    expect(list.may).toEqual({ run: true });
    expect((await call(student, 'GET', '/api/v1/allocation-runs')).json().may).toEqual({
      run: false,
    });
  });

  it('publishes one result once: its places become nominations', async () => {
    const run = (await call(coordinator, 'POST', '/api/v1/allocation-runs', { instance })).json();
    const published = await call(coordinator, 'POST', `/api/v1/allocation-runs/${run.id}/publish`, {
      mechanism: '2s-ttc',
      startDate: '2027-09-01',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().nominations).toBe(run.results['2s-ttc'].summary.placed);
    const rows = rowsOf<{ n: number; agreements: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n, count(agreement_id)::int AS agreements FROM mobilities WHERE allocation_run_id = ${run.id} AND status = 'nominated'`,
      ),
    );
    expect(rows[0]?.n).toBe(run.results['2s-ttc'].summary.placed);
    expect(rows[0]?.agreements).toBe(rows[0]?.n);
    const again = await call(coordinator, 'POST', `/api/v1/allocation-runs/${run.id}/publish`, {
      mechanism: 'optimal',
      startDate: '2027-09-01',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals).toEqual([
      { code: 'allocation.already_published', params: { mechanism: '2s-ttc' } },
    ]);
    // Once published, publishing is no longer offered, and the reason is given.
    const after = (await call(coordinator, 'GET', `/api/v1/allocation-runs/${run.id}`)).json();
    expect(after.may).toEqual({ run: true, publish: false });
    expect(after.publishRefusals.map((r: { code: string }) => r.code)).toEqual([
      'allocation.already_published',
    ]);
  });

  it('refuses an invalid instance naming the field, and a student', async () => {
    const bad = structuredClone(instance);
    bad.students[1]!.prefs = ['msu.rx'];
    const res = await call(coordinator, 'POST', '/api/v1/allocation-runs', { instance: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(
      /^body\.instance\.students\[1\]\.prefs\[0\]: unknown university "msu.rx"/,
    );
    expect(res.json().error.details.issues).toEqual([
      {
        field: 'body.instance.students[1].prefs[0]',
        code: 'allocation.unknown_university',
        params: { university: 'msu.rx' },
        message: 'unknown university "msu.rx"',
      },
    ]);
    // A wrong shape names its field too.
    const shape = structuredClone(instance) as unknown as { students: { months: number }[] };
    shape.students[0]!.months = 0;
    const bad2 = await call(coordinator, 'POST', '/api/v1/allocation-runs', { instance: shape });
    expect(bad2.statusCode).toBe(400);
    expect(bad2.json().error.details.issues[0]).toMatchObject({
      field: 'body.instance.students[0].months',
      code: 'too_small',
    });
    expect((await call(student, 'POST', '/api/v1/allocation-runs', { instance })).statusCode).toBe(
      403,
    );
  });
});

describe.each(ENGINES)('allocation on a call on %s', (engine) => {
  let t: TestApp;
  let coordinator: Session;
  let funder: Session;
  beforeAll(async () => {
    // The demo call of 2015 is allocated as it was then: its stays start after that day.
    t = await createTestApp(engine, { clock: fixedClock('2015-04-15T00:00:00Z') });
    coordinator = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
    funder = await signInAs(t.app, 'funder@demo.kakehashi.example');
  });
  afterAll(() => t.close());

  const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });

  async function runOnCall() {
    const handOff = await call(
      coordinator,
      'GET',
      '/api/v1/calls/tohoku-jr-2015/allocation-instance',
    );
    expect(handOff.statusCode).toBe(200);
    const res = await call(coordinator, 'POST', '/api/v1/allocation-runs', {
      instance: handOff.json(),
      callId: 'tohoku-jr-2015',
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  }

  it('R14: publishing is refused when the funded places would exceed the program cap', async () => {
    const run = await runOnCall();
    expect(run.results['2s-ttc'].summary.placed).toBeGreaterThan(0);
    const program = (await call(funder, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    // One student at full length a year: the project's history already uses those months.
    const months = program.rules.stayMonths.max;
    const tiny = {
      ...program.rules,
      annualCap: { studentsAtFullLength: 1, studentMonths: months },
    };
    const lowered = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', tiny);
    expect(lowered.statusCode).toBe(200);
    const res = await call(coordinator, 'POST', `/api/v1/allocation-runs/${run.id}/publish`, {
      mechanism: '2s-ttc',
      startDate: '2015-10-01',
    });
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details;
    expect(details.rules).toEqual(['R14']);
    expect(details.refusals[0]).toMatchObject({ rule: 'R14', code: 'allocation.cap_exceeded' });
    const params = details.refusals[0].params;
    expect(params.cap).toBe(months);
    expect(typeof params.fiscalYear).toBe('number');
    expect(params.consortium.en).toBeTruthy();
    await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', program.rules);
  });

  it('R6: the comparison names the applicants the optimum passes over for lower scores, and why', async () => {
    // The demo call of 2015: three Tohoku applicants, two places in the balance tolerance (R4).
    const run = await runOnCall();
    const name = (id: string) => run.names.students[id].en as string;
    const optimal = run.results.optimal;
    expect(optimal.summary.placed).toBe(2);
    const placed = new Set(optimal.result.assignments.map((a: { student: string }) => a.student));
    // The top-scored applicant stays home while the two below her are placed.
    const top = optimal.explanations.find((e: { host: string | null }) => e.host === null);
    expect(placed.has(top.student)).toBe(false);
    expect(optimal.passedOverStudents).toBe(1);
    expect(optimal.passedOverCount).toBe(optimal.passedOver.length);
    expect(optimal.passedOver.length).toBeGreaterThan(0);
    for (const p of optimal.passedOver) {
      expect(p.student).toBe(top.student);
      expect(placed.has(p.instead)).toBe(true);
      // Said by name, with both scores and the reason: the optimum counts places, not scores.
      expect(p.refusal.code).toBe('allocation.passed_over_tie');
      expect(p.refusal.params.student.en).toBe(name(top.student));
      expect(p.refusal.params.instead.en).toBe(name(p.instead));
      expect(p.refusal.params.score).toBeGreaterThan(p.refusal.params.insteadScore);
      expect(p.refusal.params.host).toEqual(run.names.universities[p.host]);
    }
    // Her own explanation says it too; the other mechanisms keep score order here.
    expect(top.passedOver).toEqual(optimal.passedOver.map((p: { refusal: unknown }) => p.refusal));
    expect(run.results['2s-ttc'].passedOverCount).toBe(0);
    expect(run.results['serial-dictatorship'].passedOverCount).toBe(0);
  });

  it('publishes the places of a call as nominations of its students', async () => {
    const run = await runOnCall();
    // The applicants of a call are named, in their scripts; the call by its title.
    expect(run.call.en).toBeTruthy();
    const students = Object.entries(run.names.students) as [string, Record<string, string>][];
    expect(students.length).toBeGreaterThan(0);
    for (const [id, name] of students) {
      expect(Object.values(name).length).toBeGreaterThan(0);
      for (const n of Object.values(name)) expect(n).not.toBe(id);
    }
    const placed = run.results['2s-ttc'].summary.placed as number;
    const res = await call(coordinator, 'POST', `/api/v1/allocation-runs/${run.id}/publish`, {
      mechanism: '2s-ttc',
      startDate: '2015-10-01',
    });
    expect(res.statusCode).toBe(200);
    const rows = rowsOf<{ n: number; students: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n, count(student_user_id)::int AS students FROM mobilities WHERE allocation_run_id = ${run.id}`,
      ),
    );
    expect(rows[0]).toEqual({ n: placed, students: placed });
  });
});

describe.each(ENGINES)('allocation only for those one stands for, on %s', (engine) => {
  let t: TestApp;
  let w: World;
  let instance: ReturnType<typeof instanceOf>;
  let callId: string;
  let tohokuUser: FactoryUser;
  let nsuUser: FactoryUser;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const japan = await aConsortium(db, {
      side: 'JP',
      members: [await anInstitution(db), await anInstitution(db)],
    });
    const russia = await aConsortium(db, { side: 'RU' });
    // A call of the pair with no applicants yet (its agreement is built with it).
    callId = (await aCall(db, { sending: japan, hosting: russia })).id;
    const [tohoku, hokudai] = japan.memberIds as [string, string];
    const [msu, nsu, dvfu] = russia.memberIds as [string, string, string];
    w = { tohoku, hokudai, msu, nsu, dvfu, japan: japan.id, russia: russia.id };
    instance = instanceOf(w);
    tohokuUser = await aUser(db, { roles: [{ role: 'coordinator', scopeId: tohoku }] });
    nsuUser = await aUser(db, { roles: [{ role: 'coordinator', scopeId: nsu }] });
  });
  afterAll(() => t.close());

  const post = (s: Session, url: string, payload: object) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });

  it("a coordinator may not allocate another university's students", async () => {
    const tohoku = await signedInAs(t.app, tohokuUser);
    const res = await post(tohoku, '/api/v1/allocation-runs', { instance });
    expect(res.statusCode).toBe(422);
    const [refused] = res.json().error.details.refusals;
    expect(refused).toMatchObject({
      code: 'allocation.students_out_of_scope',
      field: 'body.instance.students',
      params: { count: 3, students: ['jp-3', 'ru-1', 'ru-2'] },
    });
    // Their own students only: accepted.
    const own = {
      ...instance,
      students: instance.students.filter((s) => s.home === w.tohoku),
    };
    expect((await post(tohoku, '/api/v1/allocation-runs', { instance: own })).statusCode).toBe(201);
  });

  it('a run may not be attached to a call the coordinator does not manage', async () => {
    const nsu = await signedInAs(t.app, nsuUser);
    const own = { ...instance, students: instance.students.filter((s) => s.home === w.nsu) };
    const res = await post(nsu, '/api/v1/allocation-runs', {
      instance: own,
      callId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals[0]).toMatchObject({
      code: 'allocation.call_not_managed',
      field: 'body.callId',
    });
  });

  it("a call's run holds the call's applicants only", async () => {
    const tohoku = await signedInAs(t.app, tohokuUser);
    const res = await post(tohoku, '/api/v1/allocation-runs', {
      instance,
      callId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals[0].code).toBe('allocation.students_out_of_scope');
  });
});
