/**
 * Registration for an event: capacity, the approval step, the waiting list that moves up in order
 * and tells the person, cancellation — never an over-booked event, not even when two people ask
 * for the last place at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { aUser } from '#test/factories/index.ts';
import { startMailCatcher, type MailCatcher } from '#test/support/mail.ts';
import { anOrganiser, eventBody, personAs, type As } from './support.ts';

describe.each(ENGINES)('event registration on %s', (engine) => {
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

  async function anEvent(extra: Record<string, unknown>) {
    const res = await organiser('POST', '/events', eventBody(universityId, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const aPerson = async (language: 'en' | 'ja' | 'ru' | 'fr' = 'en') => {
    const user = await aUser(t.database.db, { language });
    return { user, as: await personAs(t.app, user) };
  };

  it('confirms up to the capacity, then puts people on the waiting list in order', async () => {
    const id = await anEvent({ capacity: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const { as } = await aPerson();
      const res = await as('POST', `/events/${id}/registrations`, { listed: true });
      expect(res.statusCode, res.body).toBe(201);
      statuses.push([res.json().status, res.json().position]);
    }
    expect(statuses).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waiting', 1],
      ['waiting', 2],
    ]);
    const event = (await organiser('GET', `/events/${id}`)).json();
    expect(event.counts).toEqual({ confirmed: 2, waiting: 2, checkedIn: 0 });
  });

  it('never over-books: two registrations at once for the last place give one place', async () => {
    const id = await anEvent({ capacity: 1 });
    const a = await aPerson();
    const b = await aPerson();
    const [ra, rb] = await Promise.all([
      a.as('POST', `/events/${id}/registrations`, {}),
      b.as('POST', `/events/${id}/registrations`, {}),
    ]);
    expect([ra.json().status, rb.json().status].sort()).toEqual(['confirmed', 'waiting']);
    const event = (await organiser('GET', `/events/${id}`)).json();
    expect(event.counts.confirmed).toBe(1);
  });

  it('moves the first on the waiting list up when someone cancels, and tells them', async () => {
    const id = await anEvent({ capacity: 1 });
    const first = await aPerson();
    const second = await aPerson('ru');
    const third = await aPerson();
    const own = (await first.as('POST', `/events/${id}/registrations`, {})).json();
    await second.as('POST', `/events/${id}/registrations`, {});
    await third.as('POST', `/events/${id}/registrations`, {});
    const sent = mail.inbox.length;

    const cancelled = await first.as('POST', `/event-registrations/${own.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');

    const mine = (await second.as('GET', `/events/${id}`)).json().me.registration;
    expect(mine).toMatchObject({ status: 'confirmed', position: null });
    expect(mine.checkInPath).toContain(`/events/${id}/check-in/`);
    expect((await third.as('GET', `/events/${id}`)).json().me.registration.status).toBe('waiting');
    const inbox = (await second.as('GET', '/me/notifications')).json();
    expect(inbox.items.map((n: { type: string }) => n.type)).toContain('event.moved_up');
    await mail.waitForCount(sent + 1);
    expect(mail.inbox.at(-1)!.to).toEqual([second.user.email]);
  });

  it('moves the waiting list up when the organisers refuse someone with a place', async () => {
    const id = await anEvent({ capacity: 1 });
    const first = await aPerson();
    const second = await aPerson();
    const own = (await first.as('POST', `/events/${id}/registrations`, {})).json();
    await second.as('POST', `/events/${id}/registrations`, {});
    const refused = await organiser('POST', `/event-registrations/${own.id}/refuse`);
    expect(refused.json().status).toBe('refused');
    expect((await second.as('GET', `/events/${id}`)).json().me.registration.status).toBe(
      'confirmed',
    );
  });

  it('asks for approval first; approved into a free place or onto the waiting list', async () => {
    const id = await anEvent({ capacity: 1, approvalRequired: true });
    const a = await aPerson();
    const b = await aPerson();
    const ra = (await a.as('POST', `/events/${id}/registrations`, {})).json();
    const rb = (await b.as('POST', `/events/${id}/registrations`, {})).json();
    expect([ra.status, rb.status]).toEqual(['requested', 'requested']);
    // The person cannot approve their own request.
    expect((await a.as('POST', `/event-registrations/${ra.id}/approve`)).statusCode).toBe(403);
    expect((await organiser('POST', `/event-registrations/${ra.id}/approve`)).json().status).toBe(
      'confirmed',
    );
    expect((await organiser('POST', `/event-registrations/${rb.id}/approve`)).json()).toMatchObject(
      { status: 'waiting', position: 1 },
    );
    const again = await organiser('POST', `/event-registrations/${ra.id}/approve`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0].code).toBe('events.registration_wrong_status');
  });

  it('refuses a second registration of the same person', async () => {
    const id = await anEvent({});
    const a = await aPerson();
    await a.as('POST', `/events/${id}/registrations`, {});
    const twice = await a.as('POST', `/events/${id}/registrations`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.details.refusals[0].code).toBe('events.already_registered');
  });

  it('checks a confirmed participant in by the token and issues the certificate in their language', async () => {
    const id = await anEvent({});
    const a = await aPerson('ja');
    const reg = (await a.as('POST', `/events/${id}/registrations`, {})).json();
    const early = await a.as('GET', `/event-registrations/${reg.id}/certificate.pdf`);
    expect(early.statusCode).toBe(409);
    const checked = await organiser('POST', `/events/${id}/check-in`, { token: reg.checkInToken });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().checkedInAt).not.toBeNull();
    // Only the organisers check people in.
    expect(
      (await a.as('POST', `/events/${id}/check-in`, { token: reg.checkInToken })).statusCode,
    ).toBe(403);
    const pdf = await a.as('GET', `/event-registrations/${reg.id}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(
      (await organiser('POST', `/events/${id}/check-in`, { token: 'not-a-token' })).statusCode,
    ).toBe(409);
  });

  it('lists what a person registered for, and as an iCalendar feed', async () => {
    const id = await anEvent({});
    const a = await aPerson();
    await a.as('POST', `/events/${id}/registrations`, {});
    const mine = (await a.as('GET', '/me/events')).json();
    expect(mine.items.map((i: { event: { id: string } }) => i.event.id)).toEqual([id]);
    const ics = await a.as('GET', '/me/events.ics');
    expect(ics.body).toContain('BEGIN:VEVENT');
    expect(ics.body).toContain('Symposium on preventive medicine');
  });
});
