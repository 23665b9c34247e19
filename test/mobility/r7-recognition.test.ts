/**
 * R7 (003 §5(7)): credits earned at the host are recognised at home — one home course once per
 * student, across all their mobilities, unless the deciding coordinator records why it may be
 * credited again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  aMobility,
  aSignedLearningAgreement,
  aStudentUser,
  aTranscript,
  aUser,
  anAgreement,
  aConsortium,
  asHeaders,
  signedInAs,
  type ComponentInput,
} from '#test/factories/index.ts';
import { auditLog, recognitionDecisions } from '#src/db/schema.ts';
import { fixedClock } from '#src/services/clock.ts';

describe.each(ENGINES)('R7: a home course recognised once per student on %s', (engine) => {
  let t: TestApp;
  let home: Record<string, string>;
  let studentId: string;
  let homeId: string;
  let hostId: string;
  let otherHostId: string;
  let agreement: { id: string };
  let otherAgreement: { id: string };

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock: fixedClock('2026-12-06T09:00:00Z') });
    const db = t.database.db;
    const jp = await aConsortium(db, { side: 'JP' });
    const ru = await aConsortium(db, { side: 'RU' });
    const ru2 = await aConsortium(db, { side: 'RU' });
    homeId = jp.memberIds[0]!;
    hostId = ru.memberIds[0]!;
    otherHostId = ru2.memberIds[0]!;
    agreement = await anAgreement(db, {
      partyA: { type: 'consortium', id: jp.id },
      partyB: { type: 'consortium', id: ru.id },
    });
    otherAgreement = await anAgreement(db, {
      partyA: { type: 'consortium', id: jp.id },
      partyB: { type: 'consortium', id: ru2.id },
    });
    const student = await aStudentUser(db);
    studentId = student.id;
    const coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: homeId }] });
    home = asHeaders(await signedInAs(t.app, coordinator));
  });
  afterAll(() => t?.close());

  /** A mobility of the student at `host` with its transcript issued, ready for decisions. */
  async function transcriptIssued(
    components: ComponentInput[],
    where: { host: string; agreement: { id: string }; studentUserId?: string | null },
  ) {
    const db = t.database.db;
    const m = await aMobility(db, {
      home: homeId,
      host: where.host,
      agreement: where.agreement,
      studentUserId: where.studentUserId === undefined ? studentId : where.studentUserId,
      status: 'transcript_issued',
      startDate: '2025-09-01',
      months: 5,
    });
    await aSignedLearningAgreement(db, m, components);
    await aTranscript(db, m.id, components);
    return m;
  }

  const decide = (mobilityId: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/mobilities/${mobilityId}/recognition-decisions`,
      headers: home,
      payload: body,
    });

  it('R7: refuses crediting the same home course twice to one student', async () => {
    const first = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST-RUS110', homeCode: 'HOME-RU201' }],
      { host: hostId, agreement },
    );
    expect((await decide(first.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);

    // A later exchange elsewhere: another host course, counted as the same home course.
    const second = await transcriptIssued(
      [
        { id: 'c1', hostCode: 'HOST2-RUS150', homeCode: 'HOME-RU201' },
        { id: 'c2', hostCode: 'HOST2-ECO200', homeCode: 'HOME-EC100' },
      ],
      { host: otherHostId, agreement: otherAgreement },
    );
    const again = await decide(second.id, { componentId: 'c1', outcome: 'full' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({
      rules: ['R7'],
      overridable: true,
      refusals: [
        {
          rule: 'R7',
          code: 'recognition.home_course_already_recognised',
          params: {
            code: 'HOME-RU201',
            course: { en: 'Home course HOME-RU201' },
            date: '2026-12-06',
            credits: 2,
            system: 'jp-tan-i',
            mobilityId: first.id,
            // The earlier host by its name, never its id.
            host: expect.any(Object),
          },
        },
      ],
    });
    const [refusal] = again.json().error.details.refusals;
    expect(typeof refusal.params.host).toBe('object');
    expect(Object.values(refusal.params.host)).not.toContain(hostId);

    // Nothing was stored; another course of the same mobility is still credited.
    const stored = await t.database.db
      .select()
      .from(recognitionDecisions)
      .where(eq(recognitionDecisions.mobilityId, second.id));
    expect(stored).toEqual([]);
    expect((await decide(second.id, { componentId: 'c2', outcome: 'full' })).statusCode).toBe(201);
  });

  it('R7: allows it with a recorded decision, kept with the decision and audited', async () => {
    const first = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST-LIT120', homeCode: 'HOME-LIT300' }],
      { host: hostId, agreement },
    );
    expect((await decide(first.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
    const second = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST2-LIT220', homeCode: 'HOME-LIT300' }],
      { host: otherHostId, agreement: otherAgreement },
    );
    const reason = 'Course repeated with different content (a different author each year).';
    const allowed = await decide(second.id, {
      componentId: 'c1',
      outcome: 'full',
      allowRepeat: { reason },
    });
    expect(allowed.statusCode).toBe(201);
    const decision = allowed.json().components[0].decision;
    expect(decision.repeat).toMatchObject({
      reason,
      earlier: { mobilityId: first.id, componentId: 'c1', credits: { value: 2 } },
    });
    const [row] = await t.database.db
      .select()
      .from(recognitionDecisions)
      .where(eq(recognitionDecisions.mobilityId, second.id));
    expect(row).toMatchObject({
      studentUserId: studentId,
      homeInstitutionId: homeId,
      homeCourseCode: 'HOME-LIT300',
      repeatReason: reason,
    });
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, second.id), eq(auditLog.action, 'recognition.decided')));
    expect((entry!.details as { repeat?: { reason: string } }).repeat?.reason).toBe(reason);
  });

  it('R7: a course not recognised, or free electives, does not count as credited', async () => {
    const first = await transcriptIssued(
      [
        { id: 'c1', hostCode: 'HOST-MAT100', homeCode: 'HOME-MA100' },
        { id: 'c2', hostCode: 'HOST-ART100', homeCode: null },
      ],
      { host: hostId, agreement },
    );
    expect(
      (await decide(first.id, { componentId: 'c1', outcome: 'none', reason: 'Not equivalent' }))
        .statusCode,
    ).toBe(201);
    expect((await decide(first.id, { componentId: 'c2', outcome: 'full' })).statusCode).toBe(201);
    const second = await transcriptIssued(
      [
        { id: 'c1', hostCode: 'HOST2-MAT110', homeCode: 'HOME-MA100' },
        { id: 'c2', hostCode: 'HOST2-ART110', homeCode: null },
      ],
      { host: otherHostId, agreement: otherAgreement },
    );
    expect((await decide(second.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
    expect((await decide(second.id, { componentId: 'c2', outcome: 'full' })).statusCode).toBe(201);
  });

  it('R7: another student may be credited the same home course', async () => {
    const other = await aStudentUser(t.database.db);
    const first = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST-HIS100', homeCode: 'HOME-HI100' }],
      { host: hostId, agreement },
    );
    expect((await decide(first.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
    const theirs = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST-HIS100', homeCode: 'HOME-HI100' }],
      { host: hostId, agreement, studentUserId: other.id },
    );
    expect((await decide(theirs.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
  });

  it('R7: two components of one mobility counted as the same home course are refused too', async () => {
    const m = await transcriptIssued(
      [
        { id: 'c1', hostCode: 'HOST-GEO100', homeCode: 'HOME-GE100' },
        { id: 'c2', hostCode: 'HOST-GEO200', homeCode: 'HOME-GE100' },
      ],
      // A student without an account is known by the mobility alone.
      { host: hostId, agreement, studentUserId: null },
    );
    expect((await decide(m.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
    const twice = await decide(m.id, { componentId: 'c2', outcome: 'full' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.refusals[0].code).toBe(
      'recognition.home_course_already_recognised',
    );
  });

  it('R7: the database itself keeps a home course to one recognition per student', async () => {
    const m = await transcriptIssued(
      [{ id: 'c1', hostCode: 'HOST-PHY100', homeCode: 'HOME-PH100' }],
      { host: hostId, agreement },
    );
    expect((await decide(m.id, { componentId: 'c1', outcome: 'full' })).statusCode).toBe(201);
    const [row] = await t.database.db
      .select()
      .from(recognitionDecisions)
      .where(eq(recognitionDecisions.mobilityId, m.id));
    const copy = { ...row!, id: undefined, componentId: 'c9' };
    const refused = await t.database.db
      .insert(recognitionDecisions)
      .values(copy)
      .then(() => null)
      .catch((e: unknown) => e as { cause?: { message?: string }; message: string });
    expect(refused?.cause?.message ?? refused?.message).toMatch(/recognition_home_course_once/);
    await t.database.db
      .insert(recognitionDecisions)
      .values({ ...copy, componentId: 'c8', repeatReason: 'allowed by the coordinator' });
  });
});
