/**
 * R19 (003 §10(1)): a safety advisory holds what it says and nothing else. Its window is
 * [from, until], cut to the days before a lift; it concerns the program's stays in the country
 * that overlap the window and are still going; it holds their stipend months overlapping the
 * window and their trip departing in it — when a batch is built, approved and marked paid — until
 * it is lifted or an override is recorded for the mobility. Posting, lifting and overriding tell
 * the student, the coordinators of home and host, and the paying representative officer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, lt } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  institutions,
  mobilities,
  notifications,
  paymentBatches,
  payments,
  users,
} from '#src/db/schema.ts';
import { addDays, addMonths, formatMonth, lastDayOfMonth } from '#src/domain/scholarship/index.ts';

const CONSORTIUM = 'tohoku-jr-japan';
const PROGRAM = 'mext-iep-2014';

describe.each(ENGINES)('R19 safety advisories on %s', (engine) => {
  let t: TestApp;
  let rep: Session;
  let funder: Session;
  // The requests' "today": a day inside the stay under test.
  const clock = { at: new Date('2016-01-01T03:00:00Z'), now: () => new Date(clock.at) };
  let stayId: string;
  let start: string;
  let months: string[];
  let historicalId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(engine, { clock });
    const db = t.database.db;
    for (const u of ['rep.tohoku', 'coordinator.tohoku', 'coordinator.nsu', 'student.tohoku']) {
      const [row] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, `${u}@demo.kakehashi.example`));
      ids[u] = row!.id;
    }
    // The stay under test: a Tohoku student at Novosibirsk for 6 months, every month confirmed,
    // the trip receipted, nothing paid yet — made a stay still going, of the student above.
    const [m] = await db
      .select()
      .from(mobilities)
      .where(
        and(
          eq(mobilities.homeId, 'tohoku.ac.jp'),
          eq(mobilities.hostId, 'nsu.ru'),
          eq(mobilities.months, 6),
          lt(mobilities.startDate, '2019-01-01'),
        ),
      );
    stayId = m!.id;
    start = m!.startDate;
    await db
      .update(mobilities)
      .set({ status: 'arrived', studentUserId: ids['student.tohoku']! })
      .where(eq(mobilities.id, stayId));
    const [y, mo] = start.split('-').map(Number) as [number, number];
    months = [0, 1, 2, 3].map((i) => formatMonth(addMonths({ year: y, month: mo }, i)));
    clock.at = new Date(`${addDays(start, 10)}T03:00:00Z`);
    // Signed in on that day (a session lives on the requests' clock).
    rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    funder = await signInAs(t.app, 'funder@demo.kakehashi.example');
    // A stay in Russia paid in full years ago (the demo's paid batch), completed.
    const russian = (
      await db
        .select({ id: institutions.id })
        .from(institutions)
        .where(eq(institutions.country, 'RU'))
    ).map((i) => i.id);
    const [paid] = await db
      .select({ id: payments.mobilityId })
      .from(payments)
      .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
      .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
      .where(and(eq(paymentBatches.status, 'paid'), inArray(mobilities.hostId, russian)));
    historicalId = paid!.id;
  });
  afterAll(() => t.close());

  const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object, key?: string) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: {
        cookie: s.cookie,
        'x-csrf-token': s.csrfToken,
        ...(key ? { 'idempotency-key': `${key}-${engine}-r19` } : {}),
      },
    });
  const build = (key: string, items: object[]) =>
    call(rep, 'POST', '/api/v1/payment-batches', { consortiumId: CONSORTIUM, items }, key);
  const stipend = (month: string) => ({ mobilityId: stayId, kind: 'stipend', period: month });
  const dispatchOf = async (id: string) =>
    (await call(rep, 'GET', `/api/v1/mobilities/${id}/scholarship`)).json().dispatch;
  const r19 = (res: { json(): { error: { details: { refusals: { rule?: string }[] } } } }) =>
    res.json().error.details.refusals.filter((r) => r.rule === 'R19') as {
      code: string;
      params: Record<string, unknown>;
    }[];
  const noticesOf = async (kind: string) =>
    (
      await t.database.db
        .select({ userId: notifications.userId })
        .from(notifications)
        .where(eq(notifications.kind, kind))
    ).map((n) => n.userId);

  let advisoryId: string;
  let draftHeld: string;
  let approvedHeld: string;

  it('R19: an advisory concerns only the stays overlapping its window; a historical paid stay is untouched', async () => {
    // Batches built before the advisory: one draft, one approved, both with a month it will hold.
    const d = await build('before-draft', [stipend(months[0]!)]);
    expect(d.statusCode).toBe(201);
    draftHeld = d.json().id;
    const a = await build('before-approved', [stipend(months[1]!)]);
    expect(a.statusCode).toBe(201);
    approvedHeld = a.json().id;
    expect(
      (await call(rep, 'POST', `/api/v1/payment-batches/${approvedHeld}/approve`)).statusCode,
    ).toBe(200);
    expect(await dispatchOf(stayId)).toBe('open');

    const until = lastDayOfMonth({
      year: Number(months[1]!.slice(0, 4)),
      month: Number(months[1]!.slice(5)),
    });
    const wrong = await call(funder, 'POST', '/api/v1/advisories', {
      programId: PROGRAM,
      country: 'RU',
      level: 'suspend',
      from: start,
      until: addDays(start, -1),
      reason: 'unrest near the campus',
    });
    expect(wrong.statusCode).toBe(400);
    const res = await call(funder, 'POST', '/api/v1/advisories', {
      programId: PROGRAM,
      country: 'RU',
      level: 'suspend',
      from: start,
      until,
      reason: 'unrest near the campus',
    });
    expect(res.statusCode).toBe(201);
    advisoryId = res.json().id;
    expect(res.json()).toMatchObject({ from: start, until, lastDay: until, inEffect: true });
    const stays = res.json().stays.map((s: { mobilityId: string }) => s.mobilityId);
    expect(stays).toContain(stayId);
    expect(stays).not.toContain(historicalId);
    expect(await dispatchOf(stayId)).toBe('suspended');
    expect(await dispatchOf(historicalId)).toBe('open');
  });

  it('R19: the student, both coordinators and the paying representative officer are told', async () => {
    const told = await noticesOf('advisory.suspended');
    for (const who of ['student.tohoku', 'coordinator.tohoku', 'coordinator.nsu', 'rep.tohoku'])
      expect(told, who).toContain(ids[who]);
  });

  it('R19: stipend months inside the window are held naming the student; months outside are paid', async () => {
    const held = await build('inside', [stipend(months[0]!), stipend(months[1]!)]);
    expect(held.statusCode).toBe(422);
    const refusals = r19(held);
    expect(refusals.map((r) => r.params.period).sort()).toEqual([months[0], months[1]]);
    for (const r of refusals) {
      expect(r.code).toBe('scholarship.country_suspended');
      expect(Object.keys(r.params.student as object).length).toBeGreaterThan(0);
    }
    const outside = await build('outside', [stipend(months[2]!)]);
    expect(outside.statusCode).toBe(201);
    const batch = outside.json().id;
    expect((await call(rep, 'POST', `/api/v1/payment-batches/${batch}/approve`)).statusCode).toBe(
      200,
    );
    const paid = await call(rep, 'POST', `/api/v1/payment-batches/${batch}/paid`, {});
    expect(paid.statusCode).toBe(200);
    expect(paid.json().status).toBe('paid');
  });

  it('R19: the trip departing in the window is held, and the line names the student', async () => {
    const res = await build('trip', [{ mobilityId: stayId, kind: 'travel' }]);
    expect(res.statusCode).toBe(422);
    const [trip] = r19(res);
    expect(trip).toMatchObject({ code: 'scholarship.country_suspended' });
    expect(trip!.params).toMatchObject({ kind: 'travel', period: 'trip' });
    expect(Object.keys(trip!.params.student as object).length).toBeGreaterThan(0);
    expect(Object.keys(res.json().error.details.items[0].student).length).toBeGreaterThan(0);
  });

  it('R19: approving or paying a batch refuses the held item it took before the advisory', async () => {
    const approve = await call(rep, 'POST', `/api/v1/payment-batches/${draftHeld}/approve`);
    expect(approve.statusCode).toBe(422);
    expect(r19(approve)[0]!.params).toMatchObject({ period: months[0] });
    const pay = await call(rep, 'POST', `/api/v1/payment-batches/${approvedHeld}/paid`, {});
    expect(pay.statusCode).toBe(422);
    expect(r19(pay)[0]!.params).toMatchObject({ period: months[1] });
    const view = (await call(rep, 'GET', `/api/v1/payment-batches/${approvedHeld}`)).json();
    expect(view.status).toBe('approved');
    expect(view.may.pay).toBe(false);
    expect(Object.keys(view.held[0].student).length).toBeGreaterThan(0);
  });

  it('R19: an override with a reason releases one mobility; it is audited and told', async () => {
    const url = `/api/v1/advisories/${advisoryId}/overrides`;
    const noReason = await call(funder, 'POST', url, { mobilityId: stayId, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(
      (await call(rep, 'POST', url, { mobilityId: stayId, reason: 'safe campus' })).statusCode,
    ).toBe(403);
    const notConcerned = await call(funder, 'POST', url, {
      mobilityId: historicalId,
      reason: 'paid long ago',
    });
    expect(notConcerned.statusCode).toBe(422);
    const ok = await call(funder, 'POST', url, {
      mobilityId: stayId,
      reason: 'the campus is outside the affected region',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().overrides).toMatchObject([
      { mobilityId: stayId, reason: 'the campus is outside the affected region' },
    ]);
    expect(
      (await call(funder, 'POST', url, { mobilityId: stayId, reason: 'again' })).statusCode,
    ).toBe(409);
    const told = await noticesOf('advisory.overridden');
    for (const who of ['student.tohoku', 'coordinator.tohoku', 'coordinator.nsu', 'rep.tohoku'])
      expect(told, who).toContain(ids[who]);
    const pay = await call(rep, 'POST', `/api/v1/payment-batches/${approvedHeld}/paid`, {});
    expect(pay.statusCode).toBe(200);
  });

  it('R19: an advisory lifted on its first day holds nothing and marks no stay', async () => {
    const today = clock.at.toISOString().slice(0, 10);
    const res = await call(funder, 'POST', '/api/v1/advisories', {
      programId: PROGRAM,
      country: 'RU',
      level: 'postpone',
      from: today,
      reason: 'precaution for the elections',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id;
    const other = await build('today-held', [stipend(months[3]!)]);
    expect(other.statusCode).toBe(422);
    const lifted = await call(funder, 'POST', `/api/v1/advisories/${id}/lift`, { on: today });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ liftedOn: today, empty: true, inEffect: false });
    expect(await noticesOf('advisory.lifted')).toContain(ids['rep.tohoku']);
    expect((await build('today-free', [stipend(months[3]!)])).statusCode).toBe(201);
  });
});
