/**
 * A home coordinator nominates a student directly for a bilateral place, with the checks a
 * published allocation has: R2 (003 §5(2)) an agreement for the whole stay, R12 (003 §3(2)2)) the
 * program's stay range, R9 (003 §2(2)) and R3 (003 §5(3)) from the university's record of the
 * student; the start is not past and the student has no overlapping stay.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mobilities, notifications } from '#src/db/schema.ts';
import { fixedClock } from '#src/services/clock.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { ENGINES } from '#test/support/db.ts';
import {
  aConsortium,
  aProgram,
  aStudentProfile,
  aStudentUser,
  aUser,
  anAgreement,
  anInstitution,
  asHeaders,
  signedInAs,
  type FactoryProgram,
} from '#test/factories/index.ts';

interface World {
  home: string;
  host: string;
  coordinator: Session;
  hostCoordinatorId: string;
  studentId: string;
  student: Session;
  agreementId: string;
}

describe.each(ENGINES)('direct nominations, on %s', (engine) => {
  let t: TestApp;
  let program: FactoryProgram;
  beforeAll(async () => {
    // Today is 2027-04-01; stays start on 2027-09-01.
    t = await createTestApp(engine, { seed: false, clock: fixedClock('2027-04-01T09:00:00Z') });
    program = await aProgram(t.database.db);
  });
  afterAll(() => t.close());

  /** A Japanese and a Russian university in consortia joined by an agreement of the program. */
  async function aWorld(
    over: {
      agreement?: Parameters<typeof anAgreement>[1];
      profile?: Partial<Parameters<typeof aStudentProfile>[2]>;
    } = {},
  ): Promise<World> {
    const db = t.database.db;
    const home = await anInstitution(db, { country: 'JP' });
    const host = await anInstitution(db, { country: 'RU' });
    const jp = await aConsortium(db, { side: 'JP', members: [home] });
    const ru = await aConsortium(db, { side: 'RU', members: [host] });
    const agreement = await anAgreement(db, {
      partyA: { type: 'consortium', id: jp.id },
      partyB: { type: 'consortium', id: ru.id },
      program,
      ...over.agreement,
    });
    const coordinator = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: home.id }] }),
    );
    const hostCoordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: host.id }] });
    const student = await aStudentUser(db);
    await aStudentProfile(db, student, { home, ...over.profile });
    return {
      home: home.id,
      host: host.id,
      coordinator,
      hostCoordinatorId: hostCoordinator.id,
      studentId: student.id,
      student: await signedInAs(t.app, student),
      agreementId: agreement.id,
    };
  }

  const nominate = (w: World, over: Record<string, unknown> = {}, as: Session = w.coordinator) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/mobilities',
      payload: {
        studentUserId: w.studentId,
        hostId: w.host,
        startDate: '2027-09-01',
        months: 6,
        ...over,
      },
      headers: asHeaders(as),
    });

  const mobilitiesOf = (w: World) =>
    t.database.db.select().from(mobilities).where(eq(mobilities.studentUserId, w.studentId));

  /** Refused with a 422 naming `rule` and `code`; nothing is written. */
  async function expectRefused(
    w: World,
    over: Record<string, unknown>,
    rule: string | null,
    code: string,
  ) {
    const res = await nominate(w, over);
    expect(res.statusCode).toBe(422);
    const refusals = res.json().error.details.refusals as { rule?: string; code: string }[];
    expect(refusals).toContainEqual(expect.objectContaining({ code, ...(rule ? { rule } : {}) }));
    expect(await mobilitiesOf(w)).toEqual([]);
    return refusals;
  }

  it('nominates the student under the agreement, audited, and tells the student and the host', async () => {
    const w = await aWorld();
    const res = await nominate(w);
    expect(res.statusCode).toBe(201);
    const [row] = await mobilitiesOf(w);
    expect(row).toMatchObject({
      id: res.json().id,
      status: 'nominated',
      agreementId: w.agreementId,
      homeId: w.home,
      hostId: w.host,
      level: 'bachelor',
      funded: true,
      allocationRunId: null,
    });
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'mobility.nominate'), eq(auditLog.resourceId, row!.id)));
    expect(audited).toHaveLength(1);
    const told = await t.database.db
      .select({ userId: notifications.userId, kind: notifications.kind })
      .from(notifications)
      .where(eq(notifications.kind, 'mobility.nominated'));
    expect(told.map((n) => n.userId)).toEqual(
      expect.arrayContaining([w.studentId, w.hostCoordinatorId]),
    );
    // The student sees their nomination.
    const mine = await t.app.inject({
      method: 'GET',
      url: `/api/v1/mobilities/${row!.id}`,
      headers: asHeaders(w.student),
    });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ status: 'nominated', myRoles: ['student'] });
  });

  it('R2: refuses a nomination under an agreement that expired before the stay', async () => {
    const w = await aWorld({
      agreement: { content: { validFrom: '2014-10-01', validTo: '2024-03-31' } },
    });
    await expectRefused(w, {}, 'R2', 'agreement.not_in_force');
  });

  it('R2: refuses a nomination under a chosen agreement that does not join the pair', async () => {
    const w = await aWorld();
    const elsewhere = await anAgreement(t.database.db, { program });
    await expectRefused(w, { agreementId: elsewhere.id }, 'R2', 'agreement.none_for_pair');
  });

  it('R12: refuses a stay longer than the program allows', async () => {
    const w = await aWorld();
    const refusals = await expectRefused(w, { months: 13 }, 'R12', 'calls.stay_too_long');
    expect(refusals.find((r) => r.code === 'calls.stay_too_long')).toMatchObject({
      params: { months: 13, min: 3, max: 12 },
    });
  });

  it('R12: refuses a stay shorter than the program allows', async () => {
    const w = await aWorld();
    await expectRefused(w, { months: 2 }, 'R12', 'calls.stay_too_short');
  });

  it('R9: refuses a student on a Table 1 student residence status in Japan', async () => {
    const w = await aWorld({ profile: { residenceStatus: 'student' } });
    await expectRefused(w, {}, 'R9', 'calls.table1_student_residence_status');
  });

  it('R3: refuses a level the program does not target', async () => {
    const w = await aWorld({ profile: { level: 'non_degree' } });
    await expectRefused(w, {}, 'R3', 'calls.level_not_targeted');
  });

  it('refuses a start in the past and a stay overlapping another of the student', async () => {
    const w = await aWorld();
    await expectRefused(w, { startDate: '2027-03-01' }, null, 'mobility.start_in_past');
    expect((await nominate(w)).statusCode).toBe(201);
    const again = await nominate(w, { startDate: '2027-12-01' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.details.refusals).toContainEqual(
      expect.objectContaining({ code: 'mobility.stay_overlaps' }),
    );
    expect(await mobilitiesOf(w)).toHaveLength(1);
  });

  it('refuses the coordinator of another institution as if the student did not exist', async () => {
    const w = await aWorld();
    const other = await aWorld();
    const res = await nominate(w, {}, other.coordinator);
    expect(res.statusCode).toBe(404);
    expect(await mobilitiesOf(w)).toEqual([]);
  });

  it('offers the coordinator their students by name and the hosts', async () => {
    const w = await aWorld();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nominations/options',
      headers: asHeaders(w.coordinator),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().students).toEqual([
      expect.objectContaining({ userId: w.studentId, homeId: w.home, level: 'bachelor' }),
    ]);
    expect(res.json().hosts.map((h: { id: string }) => h.id)).toContain(w.host);
  });
});
