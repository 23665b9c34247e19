/**
 * The registry as a coordinator and a representative officer use it: an institution's nearest
 * international airport (R13, 003 §3(3)), the agreements it is party to through its consortium
 * (003 §2(1), §5(2)), exports with districts and airports, the institutions a coordinator added
 * and keeps up to date, and the fare entered by the officer of the consortium that pays it (R8).
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consortiumMembers, groupingMembers, groupings } from '#src/db/schema.ts';
import { fixedClock } from '#src/services/clock.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { ENGINES } from '#test/support/db.ts';
import {
  aConsortium,
  aMobility,
  aUser,
  anAgreement,
  anInstitution,
  asHeaders,
  signedInAs,
  unique,
} from '#test/factories/index.ts';

describe.each(ENGINES)('registry and travel fixes, on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock: fixedClock('2027-04-01T09:00:00Z') });
  });
  afterAll(() => t.close());

  const send = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    url: string,
    payload?: unknown,
    type?: string,
  ) =>
    t.app.inject({
      method,
      url,
      ...(payload !== undefined ? { payload: payload as string } : {}),
      headers: { ...(s ? asHeaders(s) : {}), ...(type ? { 'content-type': type } : {}) },
    });

  it('R13: an institution’s page names its nearest international airport with its distance', async () => {
    const sendai = await anInstitution(t.database.db, { latitude: 38.25, longitude: 140.87 });
    const res = await send(null, 'GET', `/api/v1/institutions/${sendai.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().airport).toMatchObject({ iata: 'SDJ' });
    expect(res.json().airport.distanceKm).toBeGreaterThan(5);
    expect(res.json().airport.distanceKm).toBeLessThan(25);
  });

  it('lists the agreements an institution is party to through the consortium it is a member of today', async () => {
    const db = t.database.db;
    const tohoku = await anInstitution(db, { country: 'JP' });
    const other = await anInstitution(db, { country: 'RU' });
    const jp = await aConsortium(db, { side: 'JP', members: [tohoku] });
    const ru = await aConsortium(db, { side: 'RU', members: [other] });
    const former = await aConsortium(db, { side: 'JP', members: [tohoku], joinedOn: '2010-01-01' });
    const through = await anAgreement(db, {
      partyA: { type: 'consortium', id: jp.id },
      partyB: { type: 'consortium', id: ru.id },
    });
    const direct = await anAgreement(db, {
      partyA: { type: 'institution', id: tohoku.id },
      partyB: { type: 'institution', id: other.id },
    });
    // A consortium it left before today does not make it a party.
    const left = await anAgreement(db, {
      partyA: { type: 'consortium', id: former.id },
      partyB: { type: 'consortium', id: ru.id },
    });
    await db
      .update(consortiumMembers)
      .set({ leftOn: '2026-04-01' })
      .where(
        and(
          eq(consortiumMembers.consortiumId, former.id),
          eq(consortiumMembers.institutionId, tohoku.id),
        ),
      );
    const res = await send(null, 'GET', `/api/v1/institutions/${tohoku.id}/agreements`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; through: { id: string } | null }[];
    expect(items.map((a) => [a.id, a.through?.id ?? null])).toEqual([
      [direct.id, null],
      [through.id, jp.id],
    ]);
    expect(items.some((a) => a.id === left.id)).toBe(false);
    const unknown = await send(null, 'GET', '/api/v1/institutions/nowhere.example/agreements');
    expect(unknown.statusCode).toBe(404);
  });

  it('exports each institution with its district and its nearest airport', async () => {
    const db = t.database.db;
    const inst = await anInstitution(db, { latitude: 38.25, longitude: 140.87 });
    const district = unique('district');
    await db.insert(groupings).values({ id: district, name: district, kind: 'district' });
    await db.insert(groupingMembers).values({ groupingId: district, institutionId: inst.id });
    const csv = await send(null, 'GET', '/api/v1/export/institutions.csv');
    const [header, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header!.split(',');
    expect(columns).toEqual(expect.arrayContaining(['district', 'airport', 'airportDistanceKm']));
    const row = lines.find((l) => l.startsWith(`${inst.id},`))!.split(',');
    expect(row[columns.indexOf('district')]).toBe(district);
    expect(row[columns.indexOf('airport')]).toBe('SDJ');
    // What an export holds imports back: the derived columns are ignored.
    const admin = await signedInAs(t.app, await aUser(db, { platformAdmin: true }));
    const back = await send(
      admin,
      'POST',
      '/api/v1/import/institutions?dryRun=true',
      csv.body,
      'text/csv',
    );
    expect(back.statusCode).toBe(200);
    expect(back.json().created).toBe(0);
  });

  it('a coordinator updates, by import and by hand, the institutions they added — and only those', async () => {
    const db = t.database.db;
    const own = await anInstitution(db, { country: 'JP' });
    const coordinator = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: own.id }] }),
    );
    const another = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'coordinator', scopeId: own.id }] }),
    );
    const id = `${unique('partner')}.example.ru`;
    const row = (city: string) =>
      `id,name,type,country,city\n${id},Partner University,university,RU,${city}\n`;
    const created = await send(
      coordinator,
      'POST',
      '/api/v1/import/institutions',
      row('Omsk'),
      'text/csv',
    );
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ created: 1, updated: 0 });

    const updated = await send(
      coordinator,
      'POST',
      '/api/v1/import/institutions',
      row('Tomsk'),
      'text/csv',
    );
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ created: 0, updated: 1 });

    const page = await send(coordinator, 'GET', `/api/v1/institutions/${id}`);
    expect(page.json().may.edit).toBe(true);
    const patched = await send(coordinator, 'PATCH', `/api/v1/institutions/${id}`, {
      city: 'Irkutsk',
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().city).toBe('Irkutsk');

    // Another coordinator did not add it: refused, by import and by hand.
    const refused = await send(
      another,
      'POST',
      '/api/v1/import/institutions',
      row('Omsk'),
      'text/csv',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.errors[0]).toMatchObject({
      code: 'registry.import_not_editable',
    });
    expect(
      (await send(another, 'PATCH', `/api/v1/institutions/${id}`, { city: 'Omsk' })).statusCode,
    ).toBe(403);
    expect((await send(another, 'GET', `/api/v1/institutions/${id}`)).json().may.edit).toBe(false);
  });

  it('R8: the representative officer of the paying consortium enters the fare; the host side’s officer may not', async () => {
    const db = t.database.db;
    const home = await anInstitution(db, { country: 'JP', latitude: 38.25, longitude: 140.87 });
    const host = await anInstitution(db, { country: 'RU', latitude: 54.84, longitude: 83.09 });
    const jp = await aConsortium(db, { side: 'JP', members: [home] });
    const ru = await aConsortium(db, { side: 'RU', members: [host] });
    const agreement = await anAgreement(db, {
      partyA: { type: 'consortium', id: jp.id },
      partyB: { type: 'consortium', id: ru.id },
    });
    const mobility = await aMobility(db, { home, host, agreement });
    const payer = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'rep_officer', scopeId: jp.id }] }),
    );
    const hostOfficer = await signedInAs(
      t.app,
      await aUser(db, { roles: [{ role: 'rep_officer', scopeId: ru.id }] }),
    );
    const view = await send(payer, 'GET', `/api/v1/mobilities/${mobility.id}/travel`);
    expect(view.json().may).toMatchObject({ quote: true, edit: false });
    const fare = await send(payer, 'PUT', `/api/v1/mobilities/${mobility.id}/travel/fare`, {
      amountJpy: 150000,
    });
    expect(fare.statusCode).toBe(200);
    expect(fare.json()).toMatchObject({ fareJpy: 150000, status: 'quoted' });
    const refused = await send(
      hostOfficer,
      'PUT',
      `/api/v1/mobilities/${mobility.id}/travel/fare`,
      {
        amountJpy: 140000,
      },
    );
    // The host's officer does not pay it and does not see the student's trip (decision 001).
    expect(refused.statusCode).toBe(404);
    // The airports stay the coordinators' (R13: the override needs their reason).
    const airports = await send(payer, 'PUT', `/api/v1/mobilities/${mobility.id}/travel/airports`, {
      hostAirport: 'OVB',
    });
    expect(airports.statusCode).toBe(403);
  });
});
