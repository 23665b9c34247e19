import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '#src/db/migrate.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  FACTORY_PASSWORD,
  aBankAccount,
  aCall,
  aMobility,
  aPaymentBatch,
  aUser,
  anAdmin,
  signedInAs,
  type FactoryCall,
  type FactoryUser,
} from '#test/factories/index.ts';

describe.each(ENGINES)('the audit trail of a record, on %s', (engine) => {
  let t: TestApp;
  let admin: Session;
  // A coordinator of a sending university of a call, and one of a host university.
  let tohoku: Session;
  let nsu: Session;
  let call: FactoryCall;
  let home: string;
  let tohokuUser: FactoryUser;
  let nsuUser: FactoryUser;
  let started: number;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    call = await aCall(db);
    home = call.sending.memberIds[0]!;
    tohokuUser = await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] });
    nsuUser = await aUser(db, { roles: [{ role: 'coordinator', scopeId: call.hostIds[0]! }] });
    admin = await signedInAs(t.app, await anAdmin(db));
    tohoku = await signedInAs(t.app, tohokuUser);
    nsu = await signedInAs(t.app, nsuUser);
    started = Date.now() - 1000;
  });
  afterAll(() => t?.close());

  const send = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });
  const trail = (s: Session | null, type: string, id: string) =>
    send(s, 'GET', `/api/v1/audit?resourceType=${type}&resourceId=${encodeURIComponent(id)}`);

  it('keeps who, when, the request and exactly the changed fields of an institution', async () => {
    const before = (await send(null, 'GET', `/api/v1/institutions/${home}`)).json();
    const res = await send(tohoku, 'PATCH', `/api/v1/institutions/${home}`, {
      city: 'Sendai, Miyagi',
    });
    expect(res.statusCode).toBe(200);
    const read = await trail(tohoku, 'institution', home);
    expect(read.statusCode).toBe(200);
    const [entry] = read.json().items;
    expect(entry).toMatchObject({
      action: 'institution.update',
      requestId: res.headers['x-request-id'],
      actor: { id: tohokuUser.id },
      changes: { city: { before: before.city, after: 'Sendai, Miyagi' } },
    });
    expect(Object.keys(entry.changes)).toEqual(['city']);
    expect(Object.keys(entry.actor.name).length).toBeGreaterThan(0);
    expect(Date.parse(entry.at)).toBeGreaterThanOrEqual(started);
    expect(Date.parse(entry.at)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('keeps exactly the changed fields of a call, nested ones by path, newest first', async () => {
    const one = (await send(null, 'GET', `/api/v1/calls/${call.id}`)).json();
    const { may: _may, id: _id, ...rest } = one;
    const content = {
      ...rest,
      hosts: one.hosts.map((h: Record<string, unknown>) => ({
        institutionId: h.institutionId,
        consortiumId: h.consortiumId,
        places: h.places,
        languageRequirements: h.languageRequirements,
      })),
      rubric: null,
      title: { en: 'An audited call' },
      maxRankedHosts: 3,
    };
    const created = await send(tohoku, 'POST', '/api/v1/calls', { id: 'audited-2028', content });
    expect(created.statusCode, created.body).toBe(201);
    const edited = await send(tohoku, 'PUT', '/api/v1/calls/audited-2028', {
      ...content,
      title: { en: 'An audited call, edited' },
      maxRankedHosts: 2,
    });
    expect(edited.statusCode).toBe(200);
    const read = await trail(tohoku, 'call', 'audited-2028');
    expect(read.statusCode).toBe(200);
    const items = read.json().items;
    expect(items.map((i: { action: string }) => i.action)).toEqual(['call.update', 'call.create']);
    expect(items[0]).toMatchObject({
      requestId: edited.headers['x-request-id'],
      actor: { id: tohokuUser.id },
    });
    expect(items[0].changes).toEqual({
      maxRankedHosts: { before: 3, after: 2 },
      'title.en': { before: 'An audited call', after: 'An audited call, edited' },
    });
    expect(items[1].changes['title.en']).toEqual({ before: null, after: 'An audited call' });
  });

  it('is refused out of scope and to strangers, and open to administrators', async () => {
    expect((await trail(null, 'institution', home)).statusCode).toBe(401);
    expect((await trail(nsu, 'institution', home)).statusCode).toBe(403);
    expect((await trail(nsu, 'call', 'audited-2028')).statusCode).toBe(403);
    expect((await trail(tohoku, 'institution', 'no-such.example')).statusCode).toBe(404);
    expect((await trail(tohoku, 'payment-batch', 'x')).statusCode).toBe(403);
    expect((await trail(tohoku, 'nonsense', 'x')).statusCode).toBe(400);
    const byAdmin = await trail(admin, 'institution', home);
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().items[0].action).toBe('institution.update');
    expect((await trail(admin, 'call', 'audited-2028')).json().items).toHaveLength(2);
  });

  it('never keeps a password or a bank account number', async () => {
    const typed = 'a-wrong-password-7731';
    const failed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: nsuUser.email, password: typed },
    });
    expect(failed.statusCode).toBe(401);
    // A mobility with a bank account, in a batch of the sending consortium.
    const mobility = await aMobility(t.database.db, {
      home,
      host: call.hostIds[0]!,
      agreement: { id: call.agreementId },
    });
    await aBankAccount(t.database.db, mobility);
    await aPaymentBatch(t.database.db, { consortium: call.sending });
    // A batch export lists account numbers; its row names the download only.
    const [batch] = rowsOf<{ id: string }>(
      await t.database.db.execute(sql`SELECT id FROM payment_batches ORDER BY id LIMIT 1`),
    );
    if (batch) {
      const rep = await signedInAs(
        t.app,
        await aUser(t.database.db, { roles: [{ role: 'rep_officer', scopeId: call.sending }] }),
      );
      await send(rep, 'GET', `/api/v1/payment-batches/${batch.id}/export.csv`);
    }
    const accounts = rowsOf<{ n: string }>(
      await t.database.db.execute(sql`SELECT account_number AS n FROM bank_accounts`),
    ).map((r) => r.n);
    const details = rowsOf<{ d: string }>(
      await t.database.db.execute(sql`SELECT details::text AS d FROM audit_log`),
    ).map((r) => r.d);
    const all = details.join('\n');
    expect(all).not.toContain(typed);
    expect(all).not.toContain(FACTORY_PASSWORD);
    expect(all).not.toMatch(/\$argon2/);
    for (const n of accounts) expect(all).not.toContain(`"${n}"`);
  });
});
