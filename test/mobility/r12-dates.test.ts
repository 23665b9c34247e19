/**
 * R12 (003 §3(2)2)): a supported stay lasts 3 to 12 months (the program's `stayMonths`), and the
 * dates a mobility records must fit its plan. Impossible dates (in the future) are refused;
 * implausible ones are warnings a coordinator may answer with a reason, kept with the warnings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  aMobility,
  aProgram,
  aStudentUser,
  aUser,
  asHeaders,
  signedInAs,
  type FactoryMobility,
} from '#test/factories/index.ts';
import { auditLog } from '#src/db/schema.ts';
import { fixedClock } from '#src/services/clock.ts';

const TODAY = '2026-12-06';

describe.each(ENGINES)('mobility dates against the plan and R12 on %s', (engine) => {
  let t: TestApp;
  let programId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock: fixedClock(`${TODAY}T09:00:00Z`) });
    programId = (await aProgram(t.database.db)).id; // the pilot's rules: 3 to 12 months
  });
  afterAll(() => t?.close());

  /** A mobility whose learning agreement is signed, and its home and host coordinators and student. */
  async function ready(plan: { startDate: string; months: number; program?: boolean }) {
    const db = t.database.db;
    const student = await aStudentUser(db);
    const m: FactoryMobility = await aMobility(db, {
      status: 'la_signed',
      startDate: plan.startDate,
      months: plan.months,
      studentUserId: student.id,
      ...(plan.program === false ? {} : { program: { id: programId } }),
    });
    const home = await aUser(db, { roles: [{ role: 'coordinator', scopeId: m.homeId }] });
    const host = await aUser(db, { roles: [{ role: 'coordinator', scopeId: m.hostId }] });
    const as = async (u: { email: string }) => asHeaders(await signedInAs(t.app, u));
    return { m, home: await as(home), host: await as(host), student: await as(student) };
  }

  const step = (headers: Record<string, string>, id: string, body: object) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/mobilities/${id}/transitions`,
      headers,
      payload: body,
    });

  const codes = (res: { json(): { error: { details: { refusals: { code: string }[] } } } }) =>
    res.json().error.details.refusals.map((r) => r.code);

  it('R12: warns when a 6-month stay is completed the day it departs, and records it with a reason', async () => {
    // Planned two years later: departure, arrival and completion all recorded today.
    const { m, home, host } = await ready({ startDate: '2028-12-01', months: 6 });

    const depart = await step(home, m.id, { action: 'depart', date: TODAY });
    expect(depart.statusCode).toBe(422);
    expect(depart.json().error.details).toMatchObject({
      overridable: true,
      refusals: [
        {
          code: 'mobility.date_far_from_plan',
          params: { date: TODAY, planned: '2028-12-01', days: 726, tolerance: 31 },
        },
      ],
    });
    const reason = 'The host moved the programme forward; confirmed by e-mail.';
    const departed = await step(home, m.id, {
      action: 'depart',
      date: TODAY,
      override: { reason },
    });
    expect(departed.statusCode).toBe(200);
    expect(departed.json()).toMatchObject({ status: 'departed', departedOn: TODAY });

    const arrive = await step(host, m.id, { action: 'confirm_arrival', date: TODAY });
    expect(arrive.statusCode).toBe(422);
    expect(codes(arrive)).toEqual(['mobility.date_far_from_plan']);
    expect(
      (await step(host, m.id, { action: 'confirm_arrival', date: TODAY, override: { reason } }))
        .statusCode,
    ).toBe(200);

    const complete = await step(host, m.id, { action: 'complete', date: TODAY });
    expect(complete.statusCode).toBe(422);
    expect(complete.json().error.details.rules).toEqual(['R12']);
    expect(complete.json().error.details.refusals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'R12',
          code: 'mobility.date_stay_below_minimum',
          params: expect.objectContaining({ months: 0, minimum: 3 }),
        }),
        expect.objectContaining({
          code: 'mobility.date_stay_shorter_than_plan',
          params: expect.objectContaining({ months: 0, planned: 6 }),
        }),
      ]),
    );
    // Nothing was recorded by the refused step.
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/v1/mobilities/${m.id}`,
      headers: host,
    });
    expect(before.json()).toMatchObject({ status: 'arrived', completedOn: null });

    const stopped = 'The student fell ill on arrival and went home the same day.';
    const completed = await step(host, m.id, {
      action: 'complete',
      date: TODAY,
      override: { reason: stopped },
    });
    expect(completed.statusCode).toBe(200);
    const view = completed.json();
    expect(view).toMatchObject({ status: 'completed', completedOn: TODAY });
    // The mobility's history shows each reason with the warnings it answered.
    const last = view.history[view.history.length - 1];
    expect(last.override.reason).toBe(stopped);
    expect(last.override.warnings.map((w: { code: string }) => w.code)).toEqual([
      'mobility.date_stay_below_minimum',
      'mobility.date_stay_shorter_than_plan',
    ]);
    expect(view.history.filter((h: { override: unknown }) => h.override !== null)).toHaveLength(3);

    // And the audit trail keeps them.
    const trail = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.resourceType, 'mobility'),
          eq(auditLog.resourceId, m.id),
          eq(auditLog.action, 'mobility.transition'),
        ),
      );
    const overrides = trail.map((a) => (a.details as { override?: { reason: string } }).override);
    expect(overrides.map((o) => o?.reason)).toEqual([reason, reason, stopped]);
  });

  it('R12: refuses a departure recorded in the future, even with a reason', async () => {
    const { m, home } = await ready({ startDate: '2026-12-01', months: 6 });
    for (const body of [
      { action: 'depart', date: '2026-12-08' },
      { action: 'depart', date: '2026-12-08', override: { reason: 'planned for next week' } },
    ]) {
      const r = await step(home, m.id, body);
      expect(r.statusCode).toBe(422);
      expect(r.json().error.details.refusals).toEqual([
        expect.objectContaining({
          code: 'mobility.date_in_future',
          params: { date: '2026-12-08', today: expect.any(String) },
        }),
      ]);
      expect(r.json().error.details.overridable).toBeUndefined();
    }
  });

  it('R12: a student is told about the warnings but only a coordinator records the dates anyway', async () => {
    const { m, student, home } = await ready({ startDate: '2026-06-01', months: 6 });
    const r = await step(student, m.id, {
      action: 'depart',
      date: '2026-09-01',
      override: { reason: 'I left later' },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.overridable).toBe(false);
    expect(codes(r)).toEqual(['mobility.date_far_from_plan']);
    const byHome = await step(home, m.id, {
      action: 'depart',
      date: '2026-09-01',
      override: { reason: 'The visa came three months late.' },
    });
    expect(byHome.statusCode).toBe(200);
  });

  it('R12: dates that fit the plan and the supported stay are recorded without a warning', async () => {
    const { m, student, host } = await ready({ startDate: '2026-09-01', months: 3 });
    expect((await step(student, m.id, { action: 'depart', date: '2026-08-30' })).statusCode).toBe(
      200,
    );
    expect(
      (await step(host, m.id, { action: 'confirm_arrival', date: '2026-09-01' })).statusCode,
    ).toBe(200);
    const done = await step(host, m.id, { action: 'complete', date: '2026-11-30' });
    expect(done.statusCode).toBe(200);
    expect(done.json().history.every((h: { override: unknown }) => h.override === null)).toBe(true);
  });

  it('R12: outside a program only the plan is checked (a 2-month stay as planned is no warning)', async () => {
    const { m, student, host } = await ready({
      startDate: '2026-09-01',
      months: 2,
      program: false,
    });
    expect((await step(student, m.id, { action: 'depart', date: '2026-09-01' })).statusCode).toBe(
      200,
    );
    expect(
      (await step(host, m.id, { action: 'confirm_arrival', date: '2026-09-01' })).statusCode,
    ).toBe(200);
    expect((await step(host, m.id, { action: 'complete', date: '2026-10-31' })).statusCode).toBe(
      200,
    );
  });

  it('R12: the same 2-month stay under the program is below its minimum', async () => {
    const { m, student, host } = await ready({ startDate: '2026-09-01', months: 2 });
    await step(student, m.id, { action: 'depart', date: '2026-09-01' });
    await step(host, m.id, { action: 'confirm_arrival', date: '2026-09-01' });
    const r = await step(host, m.id, { action: 'complete', date: '2026-10-31' });
    expect(r.statusCode).toBe(422);
    expect(codes(r)).toEqual(['mobility.date_stay_below_minimum']);
  });
});
