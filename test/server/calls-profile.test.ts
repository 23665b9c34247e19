/**
 * The student edits their own profile (PUT /api/v1/me/student-profile) — level (R3), enrolment,
 * languages with CEFR levels — but not their home university, nor the residence status in Japan
 * (R9) and the grade (R6) their university records; every change is audited, and the next application is checked
 * against the edited profile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { auditLog, studentProfiles } from '#src/db/schema.ts';
import {
  aCall,
  aCommonRubric,
  aStudentProfile,
  aStudentUser,
  aUser,
  signedInAs,
  type FactoryCall,
  type FactoryUser,
} from '#test/factories/index.ts';

const sakura = {
  level: 'bachelor',
  enrolmentStatus: 'enrolled',
  enrolmentUntil: '2030-03-31',
  residenceStatus: null,
  languages: [
    { language: 'en', level: 'B2' },
    { language: 'ru', level: 'A2' },
  ],
  grade: { scale: 'jp-gpa-4', value: 3.3 },
};

describe.each(ENGINES)('the student profile editor on %s', (engine) => {
  let t: TestApp;
  let student: Session;
  let foreign: Session;
  let coordinator: Session;
  let repOfficer: FactoryUser;
  // An open call whose hosts ask for Russian B1 or English B2, with a stored rubric and a panel of
  // one reviewer; `home` is a sending university, `host` one of the hosts.
  let openCall: FactoryCall;
  let home: string;
  let host: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const reviewer = await aUser(db);
    openCall = await aCall(db, {
      opens: '2026-01-01',
      hostLanguages: [
        { language: 'ru', minLevel: 'B1' },
        { language: 'en', minLevel: 'B2' },
      ],
      rubric: (c) => aCommonRubric(c, [{ userId: reviewer.id, institutionIds: [c.hostIds[0]!] }]),
    });
    home = openCall.sending.memberIds[0]!;
    host = openCall.hostIds[0]!;
    const sakuraUser = await aStudentUser(db);
    await aStudentProfile(db, sakuraUser, { home, ...sakura });
    const foreignUser = await aStudentUser(db);
    await aStudentProfile(db, foreignUser, {
      home,
      level: 'master',
      residenceStatus: 'student',
      nationality: 'CN',
      languages: [
        { language: 'en', level: 'C1' },
        { language: 'ja', level: 'B2' },
      ],
      grade: { scale: 'jp-gpa-4', value: 3.6 },
    });
    repOfficer = await aUser(db, { roles: [{ role: 'rep_officer', scopeId: openCall.sending }] });
    student = await signedInAs(t.app, sakuraUser);
    foreign = await signedInAs(t.app, foreignUser);
    coordinator = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] }),
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
  const put = (s: Session | null, body: object) =>
    call(s, 'PUT', '/api/v1/me/student-profile', body);

  it('needs a signed-in student with a profile', async () => {
    expect((await put(null, sakura)).statusCode).toBe(401);
    const staff = await put(coordinator, sakura);
    expect(staff.statusCode).toBe(403);
    expect(staff.json().error.code).toBe('forbidden');
  });

  it('refuses a change of the home university, naming the field, and stores nothing', async () => {
    const res = await put(student, { ...sakura, homeId: host });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({ field: 'body.homeId' });
    const [row] = await t.database.db.select().from(studentProfiles);
    expect(row).toBeDefined();
    const me = (await call(student, 'GET', '/api/v1/me/student-profile')).json();
    expect(me.homeId).toBe(home);
  });

  it('refuses bad input naming every field: CEFR level, duplicate language, grade out of its scale, date', async () => {
    const res = await put(student, {
      ...sakura,
      level: 'postdoc',
      enrolmentUntil: '31/03/2030',
      languages: [
        { language: 'en', level: 'B2' },
        { language: 'ru', level: 'B7' },
        { language: 'en', level: 'C1' },
      ],
      grade: { scale: 'jp-gpa-4', value: 4.5 },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.level', 'body.enrolmentUntil', 'body.languages[1].level']),
    );
    // The refinements run once the shapes are right: a duplicate and a grade beyond the scale.
    const second = await put(student, {
      ...sakura,
      languages: [
        { language: 'en', level: 'B2' },
        { language: 'en', level: 'C1' },
      ],
      grade: { scale: 'jp-gpa-4', value: 4.5 },
    });
    expect(second.statusCode).toBe(400);
    expect(second.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual([
      'body.languages[1].language',
      'body.grade.value',
    ]);
    const unknownScale = await put(student, { ...sakura, grade: { scale: 'us-100', value: 90 } });
    expect(unknownScale.json().error.details.issues[0].field).toBe('body.grade.scale');
  });

  it('saves the edit, audits before and after, and an unchanged save writes no audit entry', async () => {
    const edited = {
      ...sakura,
      languages: [
        { language: 'en', level: 'C1' },
        { language: 'ru', level: 'B1' },
        { language: 'fr', level: 'A2' },
      ],
    };
    const res = await put(student, edited);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      homeId: home,
      level: 'bachelor',
      languages: edited.languages,
      grade: sakura.grade,
      nationality: 'JP',
    });
    const me = (await call(student, 'GET', '/api/v1/me/student-profile')).json();
    expect(me.languages).toEqual(edited.languages);

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'student_profile.update')));
    expect(entries).toHaveLength(1);
    const changes = (
      entries[0]?.details as { changes: Record<string, { before: unknown; after: unknown }> }
    ).changes;
    // jsonb keeps keys in its own order: compare them sorted.
    const fields = Object.keys(changes).sort();
    expect(fields.filter((f) => !f.startsWith('grade'))).toEqual(['languages']);
    // The grade is recorded by the university (R6): the student's save leaves it as it was.
    expect(fields.some((f) => f.startsWith('grade'))).toBe(false);

    expect((await put(student, edited)).statusCode).toBe(200);
    const again = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'student_profile.update'));
    expect(again).toHaveLength(1);
    // Back to the first profile for the tests below.
    expect((await put(student, sakura)).statusCode).toBe(200);
  });

  it('R3: the level of study and the enrolment are the university’s register, not the student’s to change', async () => {
    const level = await put(student, { ...sakura, level: 'master' });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.details.issues[0]).toMatchObject({
      field: 'body.level',
      code: 'calls.level_locked',
    });
    const until = await put(student, { ...sakura, enrolmentUntil: '2031-03-31' });
    expect(until.statusCode).toBe(400);
    expect(until.json().error.details.issues[0]).toMatchObject({
      field: 'body.enrolmentUntil',
      code: 'calls.enrolment_locked',
    });
    const me = (await call(student, 'GET', '/api/v1/me/student-profile')).json();
    expect(me).toMatchObject({ level: 'bachelor', enrolmentUntil: '2030-03-31' });
  });

  it('R6: the grade R6 weighs is recorded by the university, not changed by the student', async () => {
    const res = await put(student, { ...sakura, grade: { scale: 'jp-gpa-4', value: 4 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.issues[0]).toMatchObject({
      field: 'body.grade',
      code: 'calls.grade_locked',
    });
    const cleared = await put(student, { ...sakura, grade: null });
    expect(cleared.json().error.details.issues[0].field).toBe('body.grade');
    // Sent back unchanged, the grade stays.
    const same = await put(student, sakura);
    expect(same.statusCode).toBe(200);
    expect(same.json().grade).toEqual(sakura.grade);
  });

  it('language (CEFR): the application is checked against the edited levels', async () => {
    // Hosts of the open call ask for Russian B1 or English B2.
    const low = await put(student, {
      ...sakura,
      languages: [
        { language: 'en', level: 'B1' },
        { language: 'ru', level: 'A2' },
      ],
    });
    expect(low.statusCode).toBe(200);
    const refused = await call(student, 'POST', `/api/v1/calls/${openCall.id}/applications`, {
      ranking: [host],
      requestedMonths: 6,
    });
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(refused.json())).toContain('language_requirement_not_met');

    expect(
      (await put(student, { ...sakura, languages: [{ language: 'ru', level: 'B1' }] })).statusCode,
    ).toBe(200);
    const applied = await call(student, 'POST', `/api/v1/calls/${openCall.id}/applications`, {
      ranking: [host],
      requestedMonths: 6,
    });
    expect(applied.statusCode).toBe(201);
  });

  it('the call edit form gets the stored rubric (managers only) and a save keeps it', async () => {
    const rep = await signedInAs(t.app, repOfficer);
    expect((await call(null, 'GET', `/api/v1/calls/${openCall.id}`)).json().storedRubric).toBe(
      null,
    );
    const view = (await call(rep, 'GET', `/api/v1/calls/${openCall.id}`)).json();
    expect(view.storedRubric.panel).toHaveLength(1);
    // What the form sends back: the content with the stored rubric, a criterion weight edited.
    const rubric = {
      ...view.storedRubric,
      criteria: view.storedRubric.criteria.map((c: { id: string; weight: number }) =>
        c.id === 'language' ? { ...c, weight: 2 } : c,
      ),
    };
    const content = {
      programId: view.programId,
      agreementId: view.agreementId,
      title: view.title,
      description: view.description,
      sendingConsortiumIds: view.sendingConsortiumIds,
      hosts: view.hosts.map(
        (h: {
          institutionId: string;
          consortiumId: string;
          places: unknown;
          languageRequirements: unknown;
        }) => ({
          institutionId: h.institutionId,
          consortiumId: h.consortiumId,
          places: h.places,
          languageRequirements: h.languageRequirements,
        }),
      ),
      opens: view.opens,
      closes: view.closes,
      nominationDeadline: view.nominationDeadline,
      departureFrom: view.departureFrom,
      departureTo: view.departureTo,
      stayMonthsMin: view.stayMonthsMin,
      stayMonthsMax: view.stayMonthsMax,
      maxRankedHosts: view.maxRankedHosts,
      documents: view.documents,
      rubric,
      status: view.status,
    };
    const saved = await call(rep, 'PUT', `/api/v1/calls/${openCall.id}`, content);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().storedRubric.panel).toEqual(view.storedRubric.panel);
    expect(
      saved.json().rubric.criteria.find((c: { id: string }) => c.id === 'language').weight,
    ).toBe(2);
    // A 400 names the field the form shows the message next to.
    const bad = await call(rep, 'PUT', `/api/v1/calls/${openCall.id}`, {
      ...content,
      closes: '2020-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.closes');
  });

  it('R9: the residence status R9 reads is recorded by the university, not changed by the student', async () => {
    const me = (await call(foreign, 'GET', '/api/v1/me/student-profile')).json();
    expect(me.residenceStatus).toBe('student');
    const refused = await call(foreign, 'POST', `/api/v1/calls/${openCall.id}/applications`, {
      ranking: [host],
      requestedMonths: 6,
    });
    expect(refused.statusCode).toBe(422);
    expect(JSON.stringify(refused.json())).toContain('R9');
    const { homeId: _h, nationality: _n, ...editable } = me;
    const res = await put(foreign, { ...editable, residenceStatus: 'permanent_resident' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/^body\.residenceStatus: /);
    const unchanged = await put(foreign, { ...editable });
    expect(unchanged.statusCode).toBe(200);
    expect(unchanged.json().residenceStatus).toBe('student');
    const still = await call(foreign, 'POST', `/api/v1/calls/${openCall.id}/applications`, {
      ranking: [host],
      requestedMonths: 6,
    });
    expect(JSON.stringify(still.json())).toContain('R9');
  });
});
