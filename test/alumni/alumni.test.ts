import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alumniAssociations } from '#src/db/schema.ts';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import {
  aConsortium,
  aMobility,
  aUser,
  anAdmin,
  anInstitution,
  signedInAs,
  type FactoryUser,
} from '#test/factories/index.ts';

describe.each(ENGINES)('alumni associations, on %s', (engine) => {
  let t: TestApp;
  let home: string;
  let host: string;
  let association: string;
  let alumna: FactoryUser;
  let mentorUser: FactoryUser;
  let as: Record<
    'alumna' | 'mentor' | 'coordinator' | 'consortium' | 'russian' | 'outsider' | 'student',
    Session
  >;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
    const db = t.database.db;
    const jp = await aConsortium(db, { side: 'JP' });
    const ru = await aConsortium(db, { side: 'RU' });
    home = jp.memberIds[0]!;
    host = ru.memberIds[0]!;
    // A Russian university outside both consortia, and a Japanese one outside them too.
    const russianElsewhere = await anInstitution(db, { country: 'RU' });
    const japaneseElsewhere = await anInstitution(db, { country: 'JP' });
    association = `alumni-${home}`;
    await db.insert(alumniAssociations).values({
      id: association,
      institutionId: home,
      names: { en: 'Test alumni association' },
    });
    const student = (name: string) =>
      aUser(db, { displayName: name, roles: [{ role: 'student', scopeId: 'self' }] });
    alumna = await student('Alumna Hanako');
    mentorUser = await student('Mentor Taro');
    const outgoing = await student('Outgoing Jiro');
    for (const [user, status, year] of [
      [alumna, 'completed', '2019'],
      [mentorUser, 'transcript_issued', '2018'],
    ] as const) {
      await aMobility(db, {
        home,
        host,
        agreement: null,
        studentUserId: user.id,
        studentName: user.displayName,
        status,
        startDate: `${year}-09-01`,
      });
    }
    await aMobility(db, {
      home,
      host,
      agreement: null,
      studentUserId: outgoing.id,
      startDate: '2027-09-01',
    });
    const coordinator = await aUser(db, { roles: [{ role: 'coordinator', scopeId: home }] });
    const consortiumPeer = await aUser(db, {
      roles: [{ role: 'coordinator', scopeId: jp.memberIds[1]! }],
    });
    const russian = await aUser(db, {
      roles: [{ role: 'coordinator', scopeId: russianElsewhere.id }],
    });
    const outsider = await aUser(db, {
      roles: [{ role: 'coordinator', scopeId: japaneseElsewhere.id }],
    });
    as = {
      alumna: await signedInAs(t.app, alumna),
      mentor: await signedInAs(t.app, mentorUser),
      coordinator: await signedInAs(t.app, coordinator),
      consortium: await signedInAs(t.app, consortiumPeer),
      russian: await signedInAs(t.app, russian),
      outsider: await signedInAs(t.app, outsider),
      student: await signedInAs(t.app, outgoing),
    };
  });
  afterAll(() => t?.close());

  const send = (
    s: Session | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });
  const find = async (s: Session | null, q = '') =>
    (
      await send(
        s,
        'GET',
        `/alumni-associations/${association}/directory?q=${encodeURIComponent(q)}`,
      )
    ).json().items as Record<string, unknown>[];
  const myRecord = async (s: Session) => {
    const res = await send(s, 'GET', '/me/alumni');
    expect(res.statusCode).toBe(200);
    return res.json().items[0] as { id: string; consent: object };
  };
  const profile = (over: object = {}) => ({
    fieldOfStudy: 'Volcanology',
    currentPosition: 'Geologist at a trading house',
    contact: 'hanako@example.org',
    degreeAtHost: true,
    worksInJapanRussia: true,
    outcomeNote: null,
    consent: {},
    mentorOptIn: false,
    ...over,
  });

  it('enters the alumni of completed mobilities once: deriving again adds nobody', async () => {
    expect(
      (await send(as.alumna, 'POST', `/alumni-associations/${association}/derive`)).statusCode,
    ).toBe(403);
    const first = await send(as.coordinator, 'POST', `/alumni-associations/${association}/derive`);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ added: 2, alumni: 2 });
    const again = await send(as.coordinator, 'POST', `/alumni-associations/${association}/derive`);
    expect(again.json()).toEqual({ added: 0, alumni: 2 });
    const page = (await send(null, 'GET', `/alumni-associations/${association}`)).json();
    expect(page.counts).toEqual({ outgoing: 2, incoming: 0 });
    expect(page.may.manage).toBe(false);
  });

  it('lists nobody who consented to nothing, to anyone but themself', async () => {
    expect(await find(null)).toEqual([]);
    expect(await find(as.consortium)).toEqual([]);
    const own = await find(as.alumna);
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ mine: true, name: 'Alumna Hanako' });
  });

  it('shows and searches a field only for the audiences it was consented for', async () => {
    const rec = await myRecord(as.alumna);
    const put = await send(
      as.alumna,
      'PUT',
      `/me/alumni/${rec.id}`,
      profile({
        consent: { name: ['public'], fieldOfStudy: ['consortium'], contact: ['partner_country'] },
      }),
    );
    expect(put.statusCode).toBe(200);

    const anon = await find(null);
    expect(anon).toEqual([
      { id: rec.id, direction: 'outgoing', mine: false, name: 'Alumna Hanako' },
    ]);
    expect(await find(null, 'volcanology')).toEqual([]);
    expect(await find(null, 'hanako@example.org')).toEqual([]);
    expect(await find(null, 'Hanako')).toHaveLength(1);

    expect(await find(as.consortium, 'volcanology')).toEqual([
      {
        id: rec.id,
        direction: 'outgoing',
        mine: false,
        name: 'Alumna Hanako',
        fieldOfStudy: 'Volcanology',
      },
    ]);
    expect(await find(as.outsider, 'volcanology')).toEqual([]);

    const russian = await find(as.russian, 'hanako@example');
    expect(russian).toHaveLength(1);
    expect(russian[0]).not.toHaveProperty('fieldOfStudy');
    expect(await find(as.russian, 'volcanology')).toEqual([]);
  });

  it('hides a field at once when its consent is withdrawn', async () => {
    const rec = await myRecord(as.alumna);
    await send(
      as.alumna,
      'PUT',
      `/me/alumni/${rec.id}`,
      profile({ consent: { name: ['public'] } }),
    );
    expect(await find(as.consortium, 'volcanology')).toEqual([]);
    expect(await find(as.consortium, 'hanako')).toHaveLength(1);
    await send(as.alumna, 'PUT', `/me/alumni/${rec.id}`, profile({ consent: {} }));
    expect(await find(null)).toEqual([]);
    expect(await find(as.consortium, 'hanako')).toEqual([]);
  });

  it('lets only the holder change a profile, and refuses a contact that is not an address or http(s) link', async () => {
    const rec = await myRecord(as.alumna);
    expect((await send(as.coordinator, 'PUT', `/me/alumni/${rec.id}`, profile())).statusCode).toBe(
      404,
    );
    expect((await send(as.mentor, 'PUT', `/me/alumni/${rec.id}`, profile())).statusCode).toBe(404);
    const bad = await send(
      as.alumna,
      'PUT',
      `/me/alumni/${rec.id}`,
      profile({ contact: 'javascript:alert(1)' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({
      field: 'body.contact',
      code: 'alumni.contact_invalid',
    });
  });

  it('offers a returnee as a mentor only when both the returnee and the student opted in', async () => {
    const stays = async () =>
      (await send(as.student, 'GET', '/me/mentors')).json().stays as {
        mobilityId: string;
        mentors: { name: string; sameHost: boolean }[];
      }[];
    const [stay] = await stays();
    expect(stay!.mentors).toEqual([]);
    await send(as.student, 'PUT', `/me/mentors/${stay!.mobilityId}`, {
      optedIn: true,
      fieldOfStudy: null,
    });
    expect((await stays())[0]!.mentors).toEqual([]); // the returnee has not opted in

    const mentorRecord = await myRecord(as.mentor);
    await send(as.mentor, 'PUT', `/me/alumni/${mentorRecord.id}`, profile({ mentorOptIn: true }));
    expect((await stays())[0]!.mentors).toMatchObject([{ name: 'Mentor Taro', sameHost: true }]);

    await send(as.student, 'PUT', `/me/mentors/${stay!.mobilityId}`, {
      optedIn: false,
      fieldOfStudy: null,
    });
    expect((await stays())[0]!.mentors).toEqual([]);
    // A stay that is not the student's own is refused.
    const other = await send(as.alumna, 'PUT', `/me/mentors/${stay!.mobilityId}`, {
      optedIn: true,
      fieldOfStudy: null,
    });
    expect(other.statusCode).toBe(400);
  });

  it('lets an officer named by the coordinator record a general conference with minutes', async () => {
    const meeting = {
      heldOn: '2026-10-01',
      number: 1,
      title: { en: 'First general conference' },
      minutes: { en: 'Officers confirmed.' },
      eventId: null,
    };
    expect(
      (await send(as.alumna, 'POST', `/alumni-associations/${association}/meetings`, meeting))
        .statusCode,
    ).toBe(403);
    const named = await send(
      as.coordinator,
      'POST',
      `/alumni-associations/${association}/officers`,
      {
        userId: alumna.id,
        title: 'president',
        since: '2026-04-01',
      },
    );
    expect(named.statusCode).toBe(200);
    expect(named.json().officers).toMatchObject([{ userId: alumna.id, title: 'president' }]);
    const held = await send(
      as.alumna,
      'POST',
      `/alumni-associations/${association}/meetings`,
      meeting,
    );
    expect(held.statusCode).toBe(200);
    expect(held.json().meetings).toMatchObject([
      { heldOn: '2026-10-01', eventId: null, minutes: { en: 'Officers confirmed.' } },
    ]);
    // Only an alumnus of the association can be an officer.
    const outsider = await send(
      as.coordinator,
      'POST',
      `/alumni-associations/${association}/officers`,
      {
        userId: (await aUser(t.database.db)).id,
        title: 'secretary',
        since: '2026-04-01',
      },
    );
    expect(outsider.statusCode).toBe(400);
  });

  it('erases an alumnus with their account: name pseudonymised, profile and consent gone', async () => {
    const rec = await myRecord(as.mentor);
    await send(
      as.mentor,
      'PUT',
      `/me/alumni/${rec.id}`,
      profile({ consent: { name: ['public'], fieldOfStudy: ['public'] }, mentorOptIn: true }),
    );
    expect(await find(null, 'Mentor Taro')).toHaveLength(1);
    const asked = await send(as.mentor, 'POST', '/me/erasure-request');
    expect(asked.statusCode).toBeLessThan(300);
    const admin = await signedInAs(t.app, await anAdmin(t.database.db));
    const done = await send(
      admin,
      'POST',
      `/erasure-requests/${asked.json().request.id}/carry-out`,
    );
    expect(done.statusCode).toBe(200);
    expect(await find(null, 'Mentor Taro')).toEqual([]);
    expect(await find(null, 'Volcanology')).toEqual([]);
    const page = (await send(null, 'GET', `/alumni-associations/${association}`)).json();
    expect(page.counts.outgoing).toBe(2);
  });
});
