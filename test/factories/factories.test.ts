import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  aCall,
  aMobility,
  aProgram,
  aStudentProfile,
  aStudentUser,
  aUser,
  anAdmin,
  anAgreement,
  asHeaders,
  signedInAs,
} from './index.ts';

describe.each(ENGINES)('factories on an empty database, %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });

  it('a user signs in and holds the roles given, scoped as given', async () => {
    const call = await aCall(t.database.db);
    const coordinator = await aUser(t.database.db, {
      roles: [{ role: 'coordinator', scopeId: call.sending.memberIds[0]! }],
    });
    const me = await get('/api/v1/me', asHeaders(await signedInAs(t.app, coordinator)));
    expect(me.statusCode).toBe(200);
    expect(me.json().actor).toMatchObject({
      email: coordinator.email,
      roles: [
        { role: 'coordinator', scopeType: 'institution', scopeId: call.sending.memberIds[0] },
      ],
    });
  });

  it('users and ids are unique per call, so two builders never collide', async () => {
    const [a, b] = [await anAdmin(t.database.db), await anAdmin(t.database.db)];
    expect(a.email).not.toBe(b.email);
    const [p, q] = [await aProgram(t.database.db), await aProgram(t.database.db)];
    expect(p.id).not.toBe(q.id);
  });

  it('a call built with its parents is open and a student of its sending side may apply', async () => {
    const call = await aCall(t.database.db);
    expect((await get(`/api/v1/calls/${call.id}`)).statusCode).toBe(200);
    const student = await aStudentUser(t.database.db);
    await aStudentProfile(t.database.db, student, { home: call.sending.memberIds[0]! });
    const s = await signedInAs(t.app, student);
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/calls/${call.id}/applications`,
      headers: asHeaders(s),
      payload: { ranking: call.hostIds.slice(0, 2), requestedMonths: 6 },
    });
    expect(applied.statusCode).toBe(201);
  });

  it('an agreement and a mobility build their own parties and are read back', async () => {
    const admin = await signedInAs(t.app, await anAdmin(t.database.db));
    const agreement = await anAgreement(t.database.db);
    expect((await get(`/api/v1/agreements/${agreement.id}`, asHeaders(admin))).statusCode).toBe(
      200,
    );
    const mobility = await aMobility(t.database.db);
    expect((await get(`/api/v1/mobilities/${mobility.id}`, asHeaders(admin))).statusCode).toBe(200);
  });
});
