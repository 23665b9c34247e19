import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { fixedClock } from '#src/services/clock.ts';
import {
  agreements,
  auditLog,
  learningAgreements,
  mobilities,
  notifications,
  transcripts,
  users,
} from '#src/db/schema.ts';
import {
  approveVersion,
  draftLearningAgreement,
} from '#src/domain/recognition/learning-agreement.ts';

const E = (who: string) => `${who}@demo.kakehashi.example`;

describe.each(ENGINES)('mobility, learning agreements and recognition on %s', (engine) => {
  let t: TestApp;
  let tohoku: Session;
  let nsu: Session;
  let student: Session;
  let reviewer: Session;
  let rep: Session;
  let current: string; // student.tohoku's Tohoku → NSU mobility (la_signed)
  let past: string; // student.tohoku's Tohoku → MSU mobility (transcript_issued)

  beforeAll(async () => {
    // The day the steps below are played on: after the stay they record (a date is recorded once
    // it has happened), so that departure, arrival and completion fit the plan.
    t = await createTestApp(engine, { clock: fixedClock('2027-07-01T09:00:00Z') });
    tohoku = await signInAs(t.app, E('coordinator.tohoku'));
    nsu = await signInAs(t.app, E('coordinator.nsu'));
    student = await signInAs(t.app, E('student.tohoku'));
    reviewer = await signInAs(t.app, E('reviewer'));
    rep = await signInAs(t.app, E('rep.tohoku'));
    const mine = (await call(student, 'GET', '/api/v1/mobilities')).json();
    current = mine.items.find((m: { host: { id: string } }) => m.host.id === 'nsu.ru').id;
    past = mine.items.find((m: { host: { id: string } }) => m.host.id === 'msu.ru').id;
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });

  it('documents every mobility endpoint in the OpenAPI description', async () => {
    const doc = (await call(null, 'GET', '/api/openapi.json')).json();
    for (const path of [
      '/api/v1/mobilities',
      '/api/v1/mobilities/{id}/transitions',
      '/api/v1/mobilities/{id}/learning-agreement/diff',
      '/api/v1/mobilities/{id}/recognition-decisions',
      '/api/v1/agreements/{id}/recognition-rate',
      '/api/v1/conversions/credits',
      '/api/v1/institutions/{id}/courses',
      '/api/v1/alliances/{id}/jukebox/{courseId}/enrolments',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    // Every answer is described, not left open: one mobility's view lists its fields.
    const one = doc.paths['/api/v1/mobilities/{id}'].get.responses['200'];
    const schema = one.content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['status', 'may', 'whyNot', 'allowedActions', 'history']),
    );
  });

  it('lists mobilities only within scope; personal data stays inside it', async () => {
    expect((await call(null, 'GET', '/api/v1/mobilities')).statusCode).toBe(401);
    const mine = (await call(student, 'GET', '/api/v1/mobilities')).json();
    expect(mine.items).toHaveLength(2);
    expect(mine.items.every((m: { studentName: string }) => /invented/.test(m.studentName))).toBe(
      true,
    );
    const tohokuList = (await call(tohoku, 'GET', '/api/v1/mobilities')).json();
    expect(tohokuList.items.length).toBeGreaterThan(20);
    const nsuList = (await call(nsu, 'GET', '/api/v1/mobilities')).json();
    expect(
      nsuList.items.every(
        (m: { home: { id: string }; host: { id: string } }) =>
          m.home.id === 'nsu.ru' || m.host.id === 'nsu.ru',
      ),
    ).toBe(true);
    expect(nsuList.items.some((m: { id: string }) => m.id === past)).toBe(false);
    expect((await call(rep, 'GET', '/api/v1/mobilities')).json().items.length).toBeGreaterThan(0);
    expect((await call(reviewer, 'GET', '/api/v1/mobilities')).json().items).toEqual([]);
    expect((await call(reviewer, 'GET', `/api/v1/mobilities/${current}`)).statusCode).toBe(404);
    expect((await call(nsu, 'GET', `/api/v1/mobilities/${past}`)).statusCode).toBe(404);
  });

  it('shows the state, the actions of each side and the history', async () => {
    const home = (await call(tohoku, 'GET', `/api/v1/mobilities/${current}`)).json();
    expect(home.status).toBe('la_signed');
    expect(home.version).toBe(3);
    expect(home.myRoles).toEqual(['home_coordinator']);
    expect(home.allowedActions.map((a: { action: string }) => a.action).sort()).toEqual([
      'depart',
      'interrupt',
      'withdraw',
    ]);
    expect(home.history.map((h: { action: string }) => h.action)).toEqual([
      'accept',
      'confirm_learning_agreement',
    ]);
    const host = (await call(nsu, 'GET', `/api/v1/mobilities/${current}`)).json();
    expect(host.allowedActions.map((a: { action: string }) => a.action)).toEqual(['interrupt']);
    // The reader's permissions come from the server, one flag per step.
    expect(home.may).toMatchObject({
      depart: true,
      withdraw: true,
      accept: false,
      recognise: false,
    });
    expect(host.may).toMatchObject({ interrupt: true, depart: false });
    // Names, not ids: the student, and who made each step, in every language they have.
    expect(home.student.en).toEqual(expect.any(String));
    expect(home.history[0].actor).toMatchObject({ en: expect.any(String) });
    expect(home.history[0]).toMatchObject({ from: 'nominated', to: 'accepted' });
  });

  it('R7: the learning agreement shows host credits converted with the rule', async () => {
    const la = (
      await call(student, 'GET', `/api/v1/mobilities/${current}/learning-agreement`)
    ).json();
    expect(la.signed).toBe(true);
    expect(la.currentVersion).toBe(1);
    const c3 = la.versions[0].components.find((c: { id: string }) => c.id === 'c3');
    // ФГОС ВО: 1 з.е. = 36 × 45 min = 27 h; 大学設置基準 Art. 21(2): 1 単位 = 45 h.
    expect(c3.conversion.value).toBe(2.5);
    expect(c3.conversion.rule.text).toContain('108 h');
    expect(la.may.sign).toEqual([]);
  });

  it('R7: a change after signing is approved by all three; a stale approval or proposal is refused (409)', async () => {
    const url = `/api/v1/mobilities/${current}/learning-agreement`;
    const la = (await call(student, 'GET', url)).json();
    const c2 = la.versions[0].components.find((c: { id: string }) => c.id === 'c2');
    const proposed = await call(student, 'POST', `${url}/proposals`, {
      baseVersion: 1,
      changes: [
        {
          kind: 'update',
          reason: 'timetable-conflict',
          component: { ...c2, conversion: undefined, host: { ...c2.host, term: '2026/2027-2' } },
        },
        {
          kind: 'insert',
          reason: 'adding-virtual-component',
          component: {
            id: 'c4',
            host: {
              code: 'NSU-PHY201',
              title: { en: 'Physics of Continuous Media' },
              credits: { value: 5, system: 'ru-ze' },
            },
            home: {
              code: null,
              title: { en: 'Elective' },
              credits: { value: 3, system: 'jp-tan-i' },
            },
          },
        },
      ],
    });
    expect(proposed.statusCode).toBe(201);
    expect(proposed.json().pendingVersion).toBe(2);
    expect(proposed.json().currentVersion).toBe(1);

    // Approving the old version is stale.
    const stale = await call(tohoku, 'POST', `${url}/approvals`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.refusals[0]).toMatchObject({
      code: 'recognition.la_version_not_pending',
      params: { given: 1, pending: 2 },
    });
    // A proposal on a version one has not seen is stale too.
    const staleProposal = await call(nsu, 'POST', `${url}/proposals`, {
      baseVersion: 1,
      changes: [{ kind: 'delete', componentId: 'c3', reason: 'not-available' }],
    });
    expect(staleProposal.statusCode).toBe(409);

    for (const s of [student, tohoku, nsu]) {
      const r = await call(s, 'POST', `${url}/approvals`, { version: 2 });
      expect(r.statusCode).toBe(200);
    }
    const after = (await call(student, 'GET', url)).json();
    expect(after.currentVersion).toBe(2);
    expect(after.versions.map((v: { status: string }) => v.status)).toEqual([
      'approved',
      'approved',
    ]);
    const again = await call(nsu, 'POST', `${url}/approvals`, { version: 2 });
    expect(again.statusCode).toBe(409);

    const diff = (await call(tohoku, 'GET', `${url}/diff?from=1&to=2`)).json();
    expect(diff.added.map((c: { id: string }) => c.id)).toEqual(['c4']);
    expect(diff.changed[0].fields).toContain('host.term');
    const notify = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'la.approved'));
    expect(notify.length).toBeGreaterThan(0);
  });

  it('transitions follow the table: who may, reasons, dates, stale versions; audited and notified', async () => {
    const url = `/api/v1/mobilities/${current}/transitions`;
    const noReason = await call(student, 'POST', url, { action: 'withdraw' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/^body\.reason/);
    const wrongSide = await call(nsu, 'POST', url, { action: 'depart', date: '2026-08-30' });
    expect(wrongSide.statusCode).toBe(403);
    const noDate = await call(student, 'POST', url, { action: 'depart' });
    expect(noDate.statusCode).toBe(400);
    const stale = await call(student, 'POST', url, {
      action: 'depart',
      date: '2026-08-30',
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const departed = await call(student, 'POST', url, {
      action: 'depart',
      date: '2026-08-30',
      expectedVersion: 3,
    });
    expect(departed.statusCode).toBe(200);
    expect(departed.json()).toMatchObject({ status: 'departed', departedOn: '2026-08-30' });
    const backwards = await call(nsu, 'POST', url, {
      action: 'confirm_arrival',
      date: '2026-08-01',
    });
    expect(backwards.statusCode).toBe(422);
    const arrived = await call(nsu, 'POST', url, { action: 'confirm_arrival', date: '2026-09-01' });
    expect(arrived.json()).toMatchObject({ status: 'arrived', arrivedOn: '2026-09-01' });

    const [studentUser] = await t.database.db
      .select()
      .from(users)
      .where(eq(users.email, E('student.tohoku')));
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.userId, studentUser!.id), eq(notifications.kind, 'mobility.arrived')),
      );
    expect(told).toHaveLength(1);
    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceType, 'mobility'), eq(auditLog.resourceId, current)));
    expect(trail.map((a) => a.action)).toEqual(
      expect.arrayContaining(['mobility.transition', 'enrolment.confirmed']),
    );
    const completed = await call(nsu, 'POST', url, { action: 'complete', date: '2027-06-30' });
    expect(completed.json().status).toBe('completed');
  });

  it('R7: the host enters the transcript, home decides per component, the student sees recognised credits', async () => {
    const base = `/api/v1/mobilities/${current}`;
    const entries = [
      {
        componentId: 'c1',
        hostCourseCode: 'NSU-RUS110',
        status: 'passed',
        grade: '5',
        gradeScaleId: 'ru-5',
        credits: { value: 5, system: 'ru-ze' },
      },
      {
        componentId: 'c2',
        hostCourseCode: 'NSU-SIB300',
        status: 'passed',
        grade: '3',
        gradeScaleId: 'ru-5',
        credits: { value: 2, system: 'ru-ze' },
      },
      {
        componentId: 'c3',
        hostCourseCode: 'NSU-DS240',
        status: 'failed',
        grade: '2',
        gradeScaleId: 'ru-5',
        credits: { value: 0, system: 'ru-ze' },
      },
      {
        componentId: 'c4',
        hostCourseCode: 'NSU-PHY201',
        status: 'passed',
        grade: '4',
        gradeScaleId: 'ru-5',
        credits: { value: 5, system: 'ru-ze' },
      },
    ];
    expect(
      (await call(tohoku, 'PUT', `${base}/transcript`, { issuedOn: '2027-07-10', entries }))
        .statusCode,
    ).toBe(403);
    const bad = await call(nsu, 'PUT', `${base}/transcript`, {
      issuedOn: '2027-07-10',
      entries: [{ ...entries[0], componentId: 'zz' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^body\.entries\[0\]\.componentId/);
    const tor = await call(nsu, 'PUT', `${base}/transcript`, { issuedOn: '2027-07-10', entries });
    expect(tor.statusCode).toBe(200);
    expect(tor.json().state).toBe('transcript_issued');
    // Scale mapping through the ECTS ladder: отлично (5) → A → S (秀).
    expect(tor.json().components[0].gradeConversion).toMatchObject({
      grade: 'S',
      method: 'scale-mapping',
    });

    const early = await call(tohoku, 'POST', `${base}/transitions`, { action: 'recognise' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.rules).toContain('R7');

    const decisions = `${base}/recognition-decisions`;
    expect(
      (await call(nsu, 'POST', decisions, { componentId: 'c1', outcome: 'full' })).statusCode,
    ).toBe(403);
    // The demo's learning agreement counts NSU-RUS110 as TOH-RU301, the course after the
    // TOH-RU201 the student's MSU exchange credited: no repeat, so R7 lets it through.
    expect(
      (await call(tohoku, 'POST', decisions, { componentId: 'c1', outcome: 'full' })).statusCode,
    ).toBe(201);
    const short = await call(tohoku, 'POST', decisions, { componentId: 'c2', outcome: 'full' });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details.refusals[0].code).toBe('recognition.credits_short');
    const noReason = await call(tohoku, 'POST', decisions, {
      componentId: 'c2',
      outcome: 'partial',
      credits: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toMatch(/^body\.reason/);
    expect(
      (
        await call(tohoku, 'POST', decisions, {
          componentId: 'c2',
          outcome: 'partial',
          credits: 1,
          reason: 'Two of three credit units awarded',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await call(tohoku, 'POST', decisions, {
          componentId: 'c3',
          outcome: 'none',
          reason: 'Failed at the host',
        })
      ).statusCode,
    ).toBe(201);
    const last = await call(tohoku, 'POST', decisions, { componentId: 'c4', outcome: 'full' });
    const view = last.json();
    expect(view.rate).toMatchObject({ decided: 4, full: 2, partial: 1, none: 1, pending: 0 });
    expect(view.rate.creditsRecognised).toEqual({ value: 3 + 1 + 3, system: 'jp-tan-i' });
    expect(
      (await call(tohoku, 'POST', decisions, { componentId: 'c4', outcome: 'full' })).statusCode,
    ).toBe(409);

    const done = await call(tohoku, 'POST', `${base}/transitions`, { action: 'recognise' });
    expect(done.json().status).toBe('recognised');
    const credits = (await call(student, 'GET', '/api/v1/recognised-credits')).json();
    const here = credits.items.filter((i: { sourceId: string }) => i.sourceId === current);
    expect(here).toHaveLength(4);
    expect(credits.totals.find((x: { system: string }) => x.system === 'jp-tan-i').recognised).toBe(
      7 + 3 + 1.5, // this mobility and the earlier one at MSU (seeded: 3 full + 1.5 partial)
    );
  });

  it('R7: an earlier decision for the same course pair is suggested, and the table grows', async () => {
    const view = (await call(tohoku, 'GET', `/api/v1/mobilities/${past}/recognition`)).json();
    expect(view.rate).toMatchObject({ decided: 2, full: 1, partial: 1, pending: 1 });
    const partial = view.components.find(
      (c: { component: { id: string } }) => c.component.id === 'c2',
    );
    expect(partial.decision.reason).toMatch(/3 of the 4/);
    const c3 = view.components.find((c: { component: { id: string } }) => c.component.id === 'c3');
    expect(c3.suggestion).toMatchObject({ outcome: 'full', credits: 2 });
    const r = await call(tohoku, 'POST', `/api/v1/mobilities/${past}/recognition-decisions`, {
      componentId: 'c3',
      outcome: 'full',
      reusedFrom: {
        key: c3.suggestion.basedOn.key,
        lastDecidedAt: c3.suggestion.basedOn.latest.decidedAt,
      },
    });
    expect(r.statusCode).toBe(201);
    const decided = r
      .json()
      .components.find((c: { component: { id: string } }) => c.component.id === 'c3');
    expect(decided.decision.reusedFrom.key).toBe('msu.ru|MSU-ECO330|tohoku.ac.jp|TOH-EC310');
    const studentView = (
      await call(student, 'GET', `/api/v1/mobilities/${past}/recognition`)
    ).json();
    expect(studentView.rate.creditsRecognised).toEqual({ value: 6.5, system: 'jp-tan-i' });
    expect(studentView.may.decide).toBe(false);
  });

  it('R16: without the agreement’s common-recognition clause, a decision is refused', async () => {
    const db = t.database.db;
    const [a] = await db
      .insert(agreements)
      .values({
        partyAType: 'institution',
        partyAId: 'tohoku.ac.jp',
        partyBType: 'institution',
        partyBId: 'nsu.ru',
        status: 'active',
        invented: true,
      })
      .returning();
    const [m] = await db
      .insert(mobilities)
      .values({
        agreementId: a!.id,
        homeId: 'tohoku.ac.jp',
        hostId: 'nsu.ru',
        studentName: 'R16 student (invented)',
        level: 'bachelor',
        startDate: '2025-09-01',
        months: 5,
        status: 'transcript_issued',
        invented: true,
      })
      .returning();
    const draft = draftLearningAgreement({
      id: 'la-r16',
      mobilityId: m!.id,
      homeInstitutionId: 'tohoku.ac.jp',
      hostInstitutionId: 'nsu.ru',
      homeCreditSystem: 'jp-tan-i',
      hostCreditSystem: 'ru-ze',
      proposedBy: 'student',
      at: '2025-05-01T00:00:00Z',
      components: [
        {
          id: 'c1',
          host: {
            code: 'NSU-SIB300',
            title: { en: 'Siberian Studies' },
            credits: { value: 3, system: 'ru-ze' },
          },
          home: {
            code: 'TOH-AS310',
            title: { en: 'Area Studies: Siberia' },
            credits: { value: 2, system: 'jp-tan-i' },
          },
        },
      ],
    });
    if (!draft.ok) throw new Error('draft');
    let la = draft.value.agreement;
    for (const party of ['student', 'home', 'host'] as const) {
      const r = approveVersion(la, 1, {
        party,
        signerName: party,
        signedAt: '2025-05-02T00:00:00Z',
      });
      if (!r.ok) throw new Error('sign');
      la = r.value.agreement;
    }
    await db.insert(learningAgreements).values({
      mobilityId: m!.id,
      document: la,
      currentVersion: 1,
    });
    await db.insert(transcripts).values({
      mobilityId: m!.id,
      issuedOn: '2026-02-01',
      entries: [
        {
          componentId: 'c1',
          hostCourseCode: 'NSU-SIB300',
          status: 'passed',
          grade: '5',
          gradeScaleId: 'ru-5',
          credits: { value: 3, system: 'ru-ze' },
        },
      ],
    });
    const view = (await call(tohoku, 'GET', `/api/v1/mobilities/${m!.id}/recognition`)).json();
    expect(view.system.agreed).toBe(false);
    const r = await call(tohoku, 'POST', `/api/v1/mobilities/${m!.id}/recognition-decisions`, {
      componentId: 'c1',
      outcome: 'full',
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.rules).toContain('R16');
  });

  it('R7: the recognition rate of an agreement feeds reports, per home credit system', async () => {
    // Today's stays run under the consortia's renewed agreement (the one not yet expired).
    const [a] = await t.database.db
      .select()
      .from(agreements)
      .where(and(eq(agreements.partyAId, 'tohoku-jr-japan'), eq(agreements.status, 'active')));
    const rate = (await call(rep, 'GET', `/api/v1/agreements/${a!.id}/recognition-rate`)).json();
    expect(rate.decided).toBe(7);
    const jp = rate.bySystem.find((s: { system: string }) => s.system === 'jp-tan-i');
    expect(jp.creditsRecognised.value).toBe(7 + 6.5);
    expect(jp.rate).toBeGreaterThan(0.5);
    expect(jp.rate).toBeLessThan(1);
  });

  it('converts credits and grades with the rule used (worked examples with their sources)', async () => {
    // 大学設置基準 Art. 21(2): 2 単位 × 45 h = 90 h; ECTS Users' Guide 2015 nominal 27.5 h → 3.27 → 3.5.
    const c = (
      await call(null, 'GET', '/api/v1/conversions/credits?value=2&from=jp-tan-i&to=ects')
    ).json();
    expect(c.value).toBe(3.5);
    expect(c.rule.exact).toBeCloseTo(90 / 27.5, 6);
    // ФГОС ВО: 5 з.е. × 27 h = 135 h = 3 単位.
    const r = (
      await call(null, 'GET', '/api/v1/conversions/credits?value=5&from=ru-ze&to=jp-tan-i')
    ).json();
    expect(r.value).toBe(3);
    const g = (
      await call(null, 'GET', '/api/v1/conversions/grades?grade=14&from=fr-20&to=jp-sabcf')
    ).json();
    expect(g).toMatchObject({ grade: 'A', method: 'scale-mapping', pivot: 'B' });
    const bad = await call(null, 'GET', '/api/v1/conversions/grades?grade=X&from=ru-5&to=jp-sabcf');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^query\.grade/);
    const wrong = await call(null, 'GET', '/api/v1/conversions/credits?value=2&from=xx&to=ects');
    expect(wrong.statusCode).toBe(400);
    const systems = (await call(null, 'GET', '/api/v1/conversions/systems')).json();
    expect(systems.creditSystems.map((s: { id: string }) => s.id)).toEqual([
      'jp-tan-i',
      'ects',
      'ru-ze',
      'ucts',
    ]);
  });

  it('keeps course catalogues per institution; coordinators of that institution add courses', async () => {
    const list = (await call(null, 'GET', '/api/v1/institutions/nsu.ru/courses')).json();
    expect(list.creditSystem).toBe('ru-ze');
    expect(list.items.map((c: { code: string }) => c.code)).toContain('NSU-SIB300');
    expect(list.items[0].title).toHaveProperty('ru');
    const course = {
      code: 'TOH-NEW1',
      title: { ja: '新講義', en: 'New lecture' },
      level: 'bachelor',
      credits: 2,
      term: '2027-1',
      language: 'ja',
      online: false,
    };
    expect(
      (await call(nsu, 'POST', '/api/v1/institutions/tohoku.ac.jp/courses', course)).statusCode,
    ).toBe(403);
    const made = await call(tohoku, 'POST', '/api/v1/institutions/tohoku.ac.jp/courses', course);
    expect(made.statusCode).toBe(201);
    expect(made.json().credits).toEqual({ value: 2, system: 'jp-tan-i' });
    expect(
      (await call(tohoku, 'POST', '/api/v1/institutions/tohoku.ac.jp/courses', course)).statusCode,
    ).toBe(409);
    const jukebox = await call(tohoku, 'POST', '/api/v1/institutions/tohoku.ac.jp/courses', {
      ...course,
      code: 'TOH-NEW2',
      online: true,
      jukeboxAllianceId: 'cic',
    });
    expect(jukebox.statusCode).toBe(400);
    expect(jukebox.json().error.message).toMatch(/^body\.jukeboxAllianceId/);
  });

  it('R7, R16: a Tsukuba student takes a Grenoble online course in the Course Jukebox (source document 004) and gets credits recognised at Tsukuba', async () => {
    const tsukubaStudent = await signInAs(t.app, E('student.tsukuba'));
    const tsukuba = await signInAs(t.app, E('coordinator.tsukuba'));
    const uga = await signInAs(t.app, E('coordinator.uga'));
    const box = (await call(null, 'GET', '/api/v1/alliances/cic/jukebox')).json();
    expect(box.entries.map((e: { course: { code: string } }) => e.course.code).sort()).toEqual([
      'TSK-OL101',
      'TSK-OL220',
      'UGA-OL-CLIM',
      'UGA-OL-FLE',
    ]);
    const clim = box.entries.find(
      (e: { course: { code: string } }) => e.course.code === 'UGA-OL-CLIM',
    );
    const own = box.entries.find(
      (e: { course: { code: string } }) => e.course.code === 'TSK-OL101',
    );
    const ownRes = await call(
      tsukubaStudent,
      'POST',
      `/api/v1/alliances/cic/jukebox/${own.course.id}/enrolments`,
    );
    expect(ownRes.statusCode).toBe(422);
    expect(ownRes.json().error.details.refusals[0].code).toBe(
      'recognition.jukebox_own_institution',
    );
    // The refusal names the university, never its id; the student's view does not offer it.
    expect(ownRes.json().error.details.refusals[0].params.institution).toMatchObject({
      ja: expect.any(String),
      en: expect.any(String),
    });
    const mine = (await call(tsukubaStudent, 'GET', '/api/v1/alliances/cic/jukebox')).json();
    const ownSeen = mine.entries.find(
      (e: { course: { code: string } }) => e.course.code === 'TSK-OL101',
    );
    expect(ownSeen.may.enrol).toBe(false);
    expect(ownSeen.whyNot.map((r: { code: string }) => r.code)).toContain(
      'recognition.jukebox_own_institution',
    );
    const climSeen = mine.entries.find(
      (e: { course: { code: string } }) => e.course.code === 'UGA-OL-CLIM',
    );
    expect(climSeen).toMatchObject({ may: { enrol: true }, whyNot: [] });
    expect(box.entries.every((e: { may: { enrol: boolean } }) => !e.may.enrol)).toBe(true);
    expect(
      (await call(student, 'POST', `/api/v1/alliances/cic/jukebox/${clim.course.id}/enrolments`))
        .statusCode,
    ).toBe(422);

    const enrolled = await call(
      tsukubaStudent,
      'POST',
      `/api/v1/alliances/cic/jukebox/${clim.course.id}/enrolments`,
    );
    expect(enrolled.statusCode).toBe(201);
    const enrolment = enrolled.json();
    // 3 ECTS × 27.5 h = 82.5 h ÷ 45 h = 1.83 → 2 単位 (the component's planned home credits).
    expect(enrolment.component.home.credits).toEqual({ value: 2, system: 'jp-tan-i' });
    expect(
      (
        await call(
          tsukubaStudent,
          'POST',
          `/api/v1/alliances/cic/jukebox/${clim.course.id}/enrolments`,
        )
      ).statusCode,
    ).toBe(409);

    expect(
      (
        await call(tsukuba, 'PUT', `/api/v1/jukebox-enrolments/${enrolment.id}/result`, {
          status: 'passed',
          grade: '15',
        })
      ).statusCode,
    ).toBe(403);
    const result = await call(uga, 'PUT', `/api/v1/jukebox-enrolments/${enrolment.id}/result`, {
      status: 'passed',
      grade: '15',
    });
    expect(result.statusCode).toBe(200);
    expect(result.json().may).toEqual({ enterResult: true, decide: false });
    expect(
      (
        await call(uga, 'POST', `/api/v1/jukebox-enrolments/${enrolment.id}/recognition`, {
          outcome: 'full',
        })
      ).statusCode,
    ).toBe(403);
    const decided = await call(
      tsukuba,
      'POST',
      `/api/v1/jukebox-enrolments/${enrolment.id}/recognition`,
      { outcome: 'full' },
    );
    expect(decided.statusCode).toBe(201);
    expect(decided.json().decision).toMatchObject({
      outcome: 'full',
      creditsRecognised: { value: 2, system: 'jp-tan-i' },
      subject: { kind: 'jukebox-enrolment' },
    });
    // French 15/20 → ECTS B → A (優).
    expect(decided.json().decision.grade.home.grade).toBe('A');
    const credits = (await call(tsukubaStudent, 'GET', '/api/v1/recognised-credits')).json();
    expect(credits.items).toHaveLength(1);
    expect(credits.totals).toEqual([{ system: 'jp-tan-i', planned: 2, recognised: 2 }]);
    const list = (await call(tsukuba, 'GET', '/api/v1/jukebox-enrolments')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([enrolment.id]);
    expect((await call(tohoku, 'GET', '/api/v1/jukebox-enrolments')).json().items).toEqual([]);
  });
});
