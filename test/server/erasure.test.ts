/**
 * The erasure of a person's personal data: asked for by the person (one open request at a time,
 * withdrawn while open), carried out by an administrator. What identifies the person is removed
 * or pseudonymised; the audit trail, payments and the mobility records stay, linked to the
 * pseudonymised account (docs/personal-data.md).
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import {
  auditLog,
  bankAccounts,
  invitations,
  notifications,
  passwordResets,
  paymentBatches,
  payments,
  roleAssignments,
  sessions,
  studentProfiles,
  users,
} from '#src/db/schema.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  FACTORY_PASSWORD,
  aConsortium,
  aMobility,
  aStudentProfile,
  aStudentUser,
  aUser,
  anAdmin,
  asHeaders,
  signedInAs,
  type FactoryUser,
} from '#test/factories/index.ts';
import { aBankAccount, aPaymentBatch } from '#test/factories/money.ts';

describe.each(ENGINES)('erasure of personal data on %s', (engine) => {
  let t: TestApp;
  let admin: FactoryUser;
  let student: FactoryUser;
  let other: FactoryUser;
  let coordinator: FactoryUser;
  let mobilityId: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    admin = await anAdmin(db);
    const jp = await aConsortium(db, { side: 'JP' });
    const ru = await aConsortium(db, { side: 'RU' });
    const home = jp.memberIds[0]!;
    student = await aStudentUser(db, {
      email: 'hanako.yamada@student.example',
      displayName: 'Hanako Yamada',
      roles: [{ role: 'reviewer', scopeId: 'call-x', scopeType: 'call' }],
    });
    await db
      .update(users)
      .set({ names: { latin: 'Hanako Yamada', kanji: '山田花子' } })
      .where(eq(users.id, student.id));
    await aStudentProfile(db, student, {
      home,
      nationality: 'JP',
      languages: [{ language: 'ru', level: 'B1' }],
    });
    other = await aStudentUser(db);
    coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] });
    const mobility = await aMobility(db, {
      home,
      host: ru.memberIds[0]!,
      studentName: 'Hanako Yamada',
      studentUserId: student.id,
      status: 'departed',
    });
    mobilityId = mobility.id;
    await aBankAccount(db, mobility);
    const batch = await aPaymentBatch(db, { consortium: jp, status: 'paid' });
    await db.insert(payments).values({
      batchId: batch.id,
      mobilityId,
      kind: 'stipend',
      period: '2027-09',
      amountJpy: 80_000,
      fiscalYear: 2027,
      studentMonths: 1,
    });
    await db.insert(notifications).values([
      { userId: student.id, kind: 'application.submitted', params: { call: 'x' } },
      {
        userId: coordinator.id,
        kind: 'application.submitted_home',
        params: { student: { en: 'Hanako Yamada', ja: '山田花子' } },
      },
    ]);
    const now = new Date('2026-12-01T00:00:00Z');
    await db.insert(invitations).values({
      email: student.email,
      language: 'en',
      role: 'coordinator',
      scopeType: 'institution',
      scopeId: home,
      tokenHash: 'pending-invitation',
      createdAt: now,
      expiresAt: new Date('2099-01-01T00:00:00Z'),
    });
    await db.insert(passwordResets).values({
      tokenHash: 'pending-link',
      userId: student.id,
      expiresAt: new Date('2099-01-01T00:00:00Z'),
    });
  });
  afterAll(() => t?.close());

  const post = async (url: string, user: FactoryUser) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: asHeaders(await signedInAs(t.app, user)),
    });

  it('keeps one open request per person, which they may withdraw', async () => {
    const session = await signedInAs(t.app, other);
    const ask = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/erasure-request',
        headers: asHeaders(session),
      });
    const first = await ask();
    expect(first.statusCode).toBe(200);
    expect(first.json().request.id).toBeTruthy();
    const again = await ask();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0].code).toBe('erasure.already_open');
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/erasure-request/withdraw',
      headers: asHeaders(session),
    });
    expect(withdrawn.json()).toEqual({ request: null });
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/erasure-request',
      headers: asHeaders(session),
    });
    expect(mine.json()).toEqual({ request: null });
    // The request is part of the person's own data.
    const data = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/data',
      headers: asHeaders(session),
    });
    expect(JSON.parse(data.body).erasureRequests).toEqual([
      expect.objectContaining({ status: 'withdrawn' }),
    ]);
    expect((await ask()).statusCode).toBe(200);
  });

  it('erases the person’s data and keeps the audit trail, payments and mobility', async () => {
    const db = t.database.db;
    const studentSession = await signedInAs(t.app, student);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/erasure-request',
      headers: asHeaders(studentSession),
    });
    expect(asked.statusCode).toBe(200);
    const requestId = asked.json().request.id as string;

    // Administrators see it, with the person's name.
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/erasure-requests',
      headers: asHeaders(await signedInAs(t.app, admin)),
    });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { email: string }) => i.email)).toContain(student.email);

    // Nobody else may carry it out: not a coordinator of the home, not another student.
    expect((await post(`/erasure-requests/${requestId}/carry-out`, coordinator)).statusCode).toBe(
      403,
    );
    expect((await post(`/erasure-requests/${requestId}/carry-out`, other)).statusCode).toBe(403);
    const seenByOther = await t.app.inject({
      method: 'GET',
      url: '/api/v1/erasure-requests',
      headers: asHeaders(await signedInAs(t.app, other)),
    });
    expect(seenByOther.statusCode).toBe(403);

    const done = await post(`/erasure-requests/${requestId}/carry-out`, admin);
    expect(done.statusCode).toBe(200);
    expect(done.json().personId).toBe(student.id);
    // Carried out once.
    const twice = await post(`/erasure-requests/${requestId}/carry-out`, admin);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.refusals[0].code).toBe('erasure.not_open');

    // No sign-in, old session gone.
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: student.email, password: FACTORY_PASSWORD },
    });
    expect(signIn.statusCode).toBe(401);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: studentSession.cookie },
    });
    expect(me.statusCode).toBe(401);

    // The account is pseudonymised, disabled, with no roles, sessions or links.
    const [account] = await db.select().from(users).where(eq(users.id, student.id));
    expect(account!.email).toMatch(/^erased-[0-9a-f]{8}@invalid$/);
    expect(account!.displayName).toMatch(/^Erased person [0-9a-f]{8}$/);
    expect(account!.names).toEqual({});
    expect(account!.disabled).toBe(true);
    expect(account!.passwordHash).toBe('!');
    for (const table of [roleAssignments, sessions, passwordResets, notifications]) {
      expect(await db.select().from(table).where(eq(table.userId, student.id))).toEqual([]);
    }
    expect(
      await db.select().from(invitations).where(eq(invitations.tokenHash, 'pending-invitation')),
    ).toEqual([]);
    const [profile] = await db
      .select()
      .from(studentProfiles)
      .where(eq(studentProfiles.userId, student.id));
    expect(profile).toMatchObject({ nationality: null, languages: [], level: 'bachelor' });

    // Neither the address nor the names remain in accounts, profiles or notifications.
    const text = JSON.stringify({
      users: await db.select().from(users),
      profiles: await db.select().from(studentProfiles),
      notifications: await db.select().from(notifications),
      invitations: await db.select().from(invitations),
    });
    for (const personal of [student.email, 'Hanako Yamada', '山田花子']) {
      expect(text).not.toContain(personal);
    }

    // The mobility shows the pseudonym.
    const mobility = await t.app.inject({
      method: 'GET',
      url: `/api/v1/mobilities/${mobilityId}`,
      headers: asHeaders(await signedInAs(t.app, admin)),
    });
    expect(mobility.statusCode).toBe(200);
    expect(mobility.json().studentName).toBe(account!.displayName);
    expect(mobility.body).not.toContain('Hanako');

    // Payments, their batch and the bank details paid to stay, with their amounts.
    const paid = await db.select().from(payments).where(eq(payments.mobilityId, mobilityId));
    expect(paid.map((p) => p.amountJpy)).toEqual([80_000]);
    expect(await db.select().from(paymentBatches)).toHaveLength(1);
    expect(
      await db.select().from(bankAccounts).where(eq(bankAccounts.mobilityId, mobilityId)),
    ).toHaveLength(1);

    // The audit trail stays, the person's id in it; the erasure entry carries no personal data.
    const entries = await db.select().from(auditLog).where(eq(auditLog.resourceId, student.id));
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['erasure.request', 'account.erased']),
    );
    const erased = entries.find((e) => e.action === 'account.erased')!;
    expect(erased.actorId).toBe(admin.id);
    expect(JSON.stringify(erased.details)).not.toMatch(/Hanako|山田|student\.example/);
    const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
      await db.execute(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = ${student.id}`,
      ),
    );
    expect(n).toBeGreaterThan(0);
  });

  it('leaves every other account alone: a person erases only their own', async () => {
    const db = t.database.db;
    const [theirs] = await db.select().from(users).where(eq(users.id, other.id));
    expect(theirs!.email).toBe(other.email);
    expect(theirs!.disabled).toBe(false);
    // The other student's open request is theirs alone: an administrator's own one is refused.
    const adminSession = await signedInAs(t.app, admin);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/erasure-request',
      headers: asHeaders(adminSession),
    });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/erasure-requests/${own.json().request.id}/carry-out`,
      headers: asHeaders(adminSession),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details.refusals[0].code).toBe('erasure.own_request');
  });
});
