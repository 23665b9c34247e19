/**
 * What links an event to the rest of Kakehashi: its parties and linked records must exist;
 * invitations reach a consortium's coordinators, a call's students or an alumni cohort, each
 * person once and never someone already registered; the follow-up form takes answers to its own
 * questions once a place is confirmed; a personal calendar link works without a session and stops
 * when replaced; the reports read events with their participants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import {
  aCall,
  aConsortium,
  aMobility,
  aProgram,
  aUser,
  anInstitution,
} from '#test/factories/index.ts';
import { startMailCatcher, type MailCatcher } from '#test/support/mail.ts';
import { alumniAssociations, alumniRecords, callApplications } from '#src/db/schema.ts';
import { anOrganiser, anonymous, eventBody, personAs, type As } from './support.ts';

const issues = (res: { json: () => unknown }) =>
  (
    (res.json() as { error: { details: { issues: { field: string; code: string }[] } } }).error
      .details.issues ?? []
  ).map((i) => [i.field, i.code]);

describe.each(ENGINES)('event links, invitations and calendar links on %s', (engine) => {
  let t: TestApp;
  let mail: MailCatcher;
  let organiser: As;
  let universityId: string;
  const clock = { at: new Date('2030-09-01T00:00:00Z'), now: () => new Date(clock.at) };

  beforeAll(async () => {
    mail = await startMailCatcher();
    t = await createTestApp(engine, { seed: false, clock, mailer: mail.mailer });
    const o = await anOrganiser(t.database.db);
    universityId = o.university.id;
    organiser = await personAs(t.app, o.coordinator);
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  async function anEvent(extra: Record<string, unknown> = {}) {
    const res = await organiser('POST', '/events', eventBody(universityId, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  it('refuses links to records that do not exist, naming each field', async () => {
    const res = await organiser(
      'POST',
      '/events',
      eventBody(universityId, {
        hosts: [{ type: 'institution', id: 'nowhere.example' }],
        programIds: ['no-such-program'],
        consortiumIds: ['no-such-consortium'],
        agreementIds: ['7d1c8b1e-1111-4222-8333-944455556666'],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(issues(res)).toEqual(
      expect.arrayContaining([
        ['body.hosts.0.id', 'events.unknown_record'],
        ['body.programIds.0', 'events.unknown_record'],
        ['body.consortiumIds.0', 'events.unknown_record'],
        ['body.agreementIds.0', 'events.unknown_record'],
      ]),
    );
  });

  it('invites a consortium’s coordinators once each, and never the registered', async () => {
    const members = [universityId, (await anInstitution(t.database.db)).id];
    const consortium = await aConsortium(t.database.db, { members });
    const other = await aUser(t.database.db, {
      roles: [{ role: 'coordinator', scopeId: members[1]! }],
      language: 'ja',
    });
    const registered = await aUser(t.database.db, {
      roles: [{ role: 'coordinator', scopeId: members[1]! }],
    });
    const id = await anEvent({ consortiumIds: [consortium.id] });
    await (
      await personAs(t.app, registered)
    )('POST', `/events/${id}/registrations`, {});

    const sent = mail.inbox.length;
    const audience = { kind: 'consortium_coordinators', consortiumId: consortium.id };
    const first = await organiser('POST', `/events/${id}/invitations`, { audience });
    expect(first.statusCode, first.body).toBe(200);
    // The organiser is not invited to their own event; the registered coordinator is not either.
    expect(first.json()).toEqual({ invited: 1, registered: 1, alreadyInvited: 0 });
    await mail.waitForCount(sent + 1);
    expect(mail.inbox.at(-1)!.to).toEqual([other.email]);
    const told = (await (await personAs(t.app, other))('GET', '/me/notifications')).json();
    expect(told.items[0]).toMatchObject({ type: 'event.invited', data: { eventId: id } });

    clock.at = new Date(clock.at.getTime() + 60_000);
    const again = await organiser('POST', `/events/${id}/invitations`, { audience });
    expect(again.json()).toEqual({ invited: 0, registered: 1, alreadyInvited: 1 });
    const list = (await organiser('GET', `/events/${id}/invitations`)).json();
    expect(list.items.map((i: { invited: number }) => i.invited)).toEqual([0, 1]);
    expect(list.items[0].audienceName.en).toBe(consortium.name);

    // A consortium the event does not belong to is refused on its field.
    const stranger = await aConsortium(t.database.db);
    const refused = await organiser('POST', `/events/${id}/invitations`, {
      audience: { kind: 'consortium_coordinators', consortiumId: stranger.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(issues(refused)).toEqual([
      ['body.audience.consortiumId', 'events.consortium_not_of_event'],
    ]);
    // Someone who does not organise the event invites no one.
    const outsider = await personAs(t.app, other);
    expect((await outsider('POST', `/events/${id}/invitations`, { audience })).statusCode).toBe(
      403,
    );
  });

  it('invites the students of a call its managers run, and an alumni cohort of an association', async () => {
    const db = t.database.db;
    const sending = await aConsortium(db, { members: [universityId] });
    const call = await aCall(db, { sending });
    const applicants = [await aUser(db), await aUser(db), await aUser(db)];
    for (const [i, s] of applicants.entries())
      await db.insert(callApplications).values({
        callId: call.id,
        studentUserId: s.id,
        homeId: universityId,
        ranking: [call.hostIds[0]!],
        requestedMonths: 6,
        withdrawnAt: i === 2 ? new Date('2030-08-01T00:00:00Z') : null,
      });
    const id = await anEvent();
    const res = await organiser('POST', `/events/${id}/invitations`, {
      audience: { kind: 'call_students', callId: call.id },
    });
    expect(res.json(), res.body).toEqual({ invited: 2, registered: 0, alreadyInvited: 0 });
    const student = await personAs(t.app, applicants[0]!);
    const inbox = (await student('GET', '/me/notifications')).json();
    expect(inbox.items.map((n: { type: string }) => n.type)).toContain('event.invited');

    // An alumni cohort: outgoing alumni of 2028 only.
    await db
      .insert(alumniAssociations)
      .values({ id: `assoc-${id}`, institutionId: universityId, names: { en: 'Alumni' } });
    const alumni = [await aUser(db), await aUser(db)];
    for (const [i, a] of alumni.entries()) {
      const m = await aMobility(db, {
        home: universityId,
        studentUserId: a.id,
        status: 'completed',
      });
      await db.insert(alumniRecords).values({
        associationId: `assoc-${id}`,
        mobilityId: m.id,
        userId: a.id,
        name: `Alumnus ${i}`,
        homeId: universityId,
        hostId: m.hostId,
        direction: 'outgoing',
        year: 2027 + i,
      });
    }
    const audiences = (await organiser('GET', `/events/${id}/invitation-audiences`)).json();
    expect(audiences.associations.map((a: { years: number[] }) => a.years)).toEqual([[2027, 2028]]);
    const cohort = await organiser('POST', `/events/${id}/invitations`, {
      audience: { kind: 'alumni_cohort', associationId: `assoc-${id}`, cohort: { year: 2028 } },
    });
    expect(cohort.json()).toEqual({ invited: 1, registered: 0, alreadyInvited: 0 });

    // A call or an association the organiser does not manage is unknown to them.
    const foreign = await aCall(db);
    const refused = await organiser('POST', `/events/${id}/invitations`, {
      audience: { kind: 'call_students', callId: foreign.id },
    });
    expect(issues(refused)).toEqual([['body.audience.callId', 'events.unknown_record']]);
  });

  it('takes follow-up answers to its own questions, once the place is confirmed', async () => {
    const id = await anEvent({
      capacity: 1,
      followUp: [{ id: 'diet', label: { en: 'Dietary needs', ja: '食事の配慮' } }],
    });
    const first = await personAs(t.app, await aUser(t.database.db));
    const second = await personAs(t.app, await aUser(t.database.db));
    const reg = (await first('POST', `/events/${id}/registrations`, {})).json();
    const waiting = (await second('POST', `/events/${id}/registrations`, {})).json();

    const unknown = await first('PATCH', `/event-registrations/${reg.id}`, {
      answers: { shoes: 'size 42' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(issues(unknown)).toEqual([['body.answers.shoes', 'events.unknown_question']]);
    const notYet = await second('PATCH', `/event-registrations/${waiting.id}`, {
      answers: { diet: 'vegetarian' },
    });
    expect(notYet.statusCode).toBe(409);
    expect(notYet.json().error.details.refusals[0].code).toBe('events.follow_up_not_open');
    const ok = await first('PATCH', `/event-registrations/${reg.id}`, {
      answers: { diet: 'vegetarian' },
    });
    expect(ok.json().answers).toEqual({ diet: 'vegetarian' });
  });

  it('serves a personal calendar through a secret link until it is replaced or revoked', async () => {
    const person = await aUser(t.database.db, { language: 'ja' });
    const as = await personAs(t.app, person);
    const id = await anEvent();
    await as('POST', `/events/${id}/registrations`, {});
    expect((await as('GET', '/me/calendar-feed')).json()).toMatchObject({ active: false });

    const made = (await as('POST', '/me/calendar-feed')).json();
    expect(made.path).toMatch(/^\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]+\/events\.ics$/);
    const visitor = anonymous(t.app);
    const feed = await visitor('GET', made.path.replace('/api/v1', ''));
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('予防医学シンポジウム');
    // The address is shown once: reading the state does not give it again.
    expect((await as('GET', '/me/calendar-feed')).json()).toMatchObject({
      active: true,
      path: null,
    });

    const replaced = (await as('POST', '/me/calendar-feed')).json();
    expect((await visitor('GET', made.path.replace('/api/v1', ''))).statusCode).toBe(404);
    expect((await visitor('GET', replaced.path.replace('/api/v1', ''))).statusCode).toBe(200);
    await as('DELETE', '/me/calendar-feed');
    expect((await visitor('GET', replaced.path.replace('/api/v1', ''))).statusCode).toBe(404);
  });

  it('gives the reports each event held with its participants, counted', async () => {
    const { db } = t.database;
    const program = (await aProgram(db)).id;
    const id = await anEvent({
      programIds: [program],
      startsOn: '2030-10-01',
      endsOn: '2030-10-02',
    });
    await anEvent({ startsOn: '2030-10-05', endsOn: '2030-10-05' });
    for (let i = 0; i < 3; i++)
      await (
        await personAs(t.app, await aUser(db))
      )('POST', `/events/${id}/registrations`, {});
    const report = (
      await organiser(
        'GET',
        `/event-participation?from=2030-10-01&to=2030-10-31&programId=${program}`,
      )
    ).json();
    expect(report.items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(report.totals).toEqual({ events: 1, confirmed: 3, checkedIn: 0, invited: 0 });
  });
});
