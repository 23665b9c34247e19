/**
 * What the home university records of its student (PUT /api/v1/students/:userId/record): the
 * grade R6 weighs and the residence status R9 reads (003 §7(1)). A coordinator of the student's
 * home institution records them, audited with before and after; the student, other universities'
 * coordinators and consortium roles are refused; the student's profile shows what was recorded.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type TestApp } from '#test/support/app.ts';

const D = 'demo.kakehashi.example';

describe.each(ENGINES)('the student record of the home university on %s', (engine) => {
  let t: TestApp;
  let studentId: string;
  const sessions = new Map<string, Record<string, string>>();
  const as = async (who: string) => {
    if (!sessions.has(who)) {
      const s = await signInAs(t.app, `${who}@${D}`);
      sessions.set(who, { cookie: s.cookie, 'x-csrf-token': s.csrfToken });
    }
    return sessions.get(who)!;
  };

  beforeAll(async () => {
    t = await createTestApp(engine);
    studentId = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`SELECT id FROM users WHERE email = ${`student.tohoku@${D}`}`),
    )[0]!.id;
  });
  afterAll(() => t.close());

  const record = async (who: string | null, payload: object, id = studentId) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/students/${id}/record`,
      headers: who ? await as(who) : {},
      payload,
    });
  const read = async (who: string | null, id = studentId) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/students/${id}/record`,
      headers: who ? await as(who) : {},
    });
  const recorded = { grade: { scale: 'jp-gpa-4', value: 3.8 }, residenceStatus: 'student' };

  it('R6, R9: the coordinator of the home institution records grade and residence, audited', async () => {
    const shown = await read('coordinator.tohoku');
    expect(shown.statusCode, shown.body).toBe(200);
    expect(shown.json()).toMatchObject({ grade: { scale: 'jp-gpa-4', value: 3.3 } });
    expect(shown.json().home.en).toMatch(/Tohoku/);

    const res = await record('coordinator.tohoku', recorded);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject(recorded);
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/student-profile',
      headers: await as('student.tohoku'),
    });
    expect(profile.json()).toMatchObject(recorded);

    const entries = rowsOf<{ details: { changes: Record<string, unknown> } }>(
      await t.database.db.execute(
        sql`SELECT details FROM audit_log WHERE action = 'student_profile.record' AND resource_id = ${studentId}`,
      ),
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.details.changes.residenceStatus).toEqual({
      before: null,
      after: 'student',
    });
    expect(Object.keys(entries[0]!.details.changes).some((k) => k.startsWith('grade'))).toBe(true);
    // The same record again changes nothing and writes no entry.
    expect((await record('coordinator.tohoku', recorded)).statusCode).toBe(200);
    const again = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'student_profile.record'`,
      ),
    );
    expect(again[0]!.n).toBe(1);
  });

  it('R3: the coordinator records the level of study and the enrolment the rules read', async () => {
    const before = (await read('coordinator.tohoku')).json();
    const res = await record('coordinator.tohoku', {
      ...recorded,
      level: 'master',
      enrolmentStatus: 'enrolled',
      enrolmentUntil: '2029-03-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ level: 'master', enrolmentUntil: '2029-03-31' });
    const profile = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/student-profile',
      headers: await as('student.tohoku'),
    });
    expect(profile.json()).toMatchObject({ level: 'master', enrolmentUntil: '2029-03-31' });
    // Left out, the level and the enrolment stay as recorded.
    expect((await record('coordinator.tohoku', recorded)).json()).toMatchObject({
      level: 'master',
    });
    const back = await record('coordinator.tohoku', {
      ...recorded,
      level: before.level,
      enrolmentStatus: before.enrolmentStatus,
      enrolmentUntil: before.enrolmentUntil,
    });
    expect(back.statusCode).toBe(200);
  });

  it('refuses everyone but the home institution’s coordinator, and changes nothing', async () => {
    expect((await record(null, recorded)).statusCode).toBe(401);
    for (const who of ['student.tohoku', 'coordinator.nsu', 'secretariat', 'rep.tohoku']) {
      const res = await record(who, { grade: null, residenceStatus: null });
      expect(res.statusCode, who).toBe(404);
      expect((await read(who)).statusCode, who).toBe(404);
    }
    const unknown = await read('coordinator.tohoku', '00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const still = await read('coordinator.tohoku');
    expect(still.json()).toMatchObject(recorded);
  });

  it('refuses a grade outside its scale or of an unknown scale, naming the field', async () => {
    const outside = await record('coordinator.tohoku', {
      ...recorded,
      grade: { scale: 'jp-gpa-4', value: 4.5 },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details.issues[0]).toMatchObject({
      field: 'body.grade.value',
      code: 'calls.grade_outside_scale',
    });
    const scale = await record('coordinator.tohoku', {
      ...recorded,
      grade: { scale: 'us-100', value: 90 },
    });
    expect(scale.json().error.details.issues[0].field).toBe('body.grade.scale');
    const residence = await record('coordinator.tohoku', { ...recorded, residenceStatus: 'Bad!' });
    expect(residence.json().error.details.issues[0].field).toBe('body.residenceStatus');
  });

  it('the administrator records too; the student still cannot change what was recorded', async () => {
    const res = await record('admin', {
      grade: { scale: 'fr-20', value: 14 },
      residenceStatus: null,
    });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/student-profile',
      headers: await as('student.tohoku'),
    });
    const { homeId: _h, nationality: _n, home: _home, ...editable } = me.json();
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/student-profile',
      headers: await as('student.tohoku'),
      payload: { ...editable, grade: { scale: 'fr-20', value: 19 } },
    });
    expect(put.statusCode).toBe(400);
    expect(put.json().error.details.issues[0].code).toBe('calls.grade_locked');
  });
});
