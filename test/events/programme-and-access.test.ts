/**
 * The programme and who sees what: a session outside the event's days, overlapping sessions in one
 * room, an end before a start and a link that is not http(s) are refused naming the field; online
 * links reach only confirmed participants from an hour before the start; the participant list is
 * not public unless people consent, and a withdrawn consent hides the person at once; approved
 * minutes are locked; search finds an event in any of its languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type TestApp } from '#test/support/app.ts';
import { aUser } from '#test/factories/index.ts';
import { anOrganiser, anonymous, eventBody, personAs, type As } from './support.ts';

const issues = (res: { json: () => { error: { details: { issues?: unknown[] } } } }) =>
  (res.json().error.details.issues as { field: string; code: string }[]).map((i) => [
    i.field,
    i.code,
  ]);

describe.each(ENGINES)('event programme and access on %s', (engine) => {
  let t: TestApp;
  let organiser: As;
  let universityId: string;
  const clock = { at: new Date('2030-09-01T00:00:00Z'), now: () => new Date(clock.at) };

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock });
    const o = await anOrganiser(t.database.db);
    universityId = o.university.id;
    organiser = await personAs(t.app, o.coordinator);
  });
  afterAll(() => t?.close());

  async function anEvent(extra: Record<string, unknown> = {}) {
    const res = await organiser('POST', '/events', eventBody(universityId, extra));
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }
  const session = (extra: Record<string, unknown> = {}) => ({
    day: '2030-09-29',
    startTime: '10:00',
    endTime: '11:00',
    room: 'Hall A',
    title: { en: 'Opening remarks', ru: 'Приветственное слово' },
    ...extra,
  });
  const aPerson = async () => personAs(t.app, await aUser(t.database.db));

  describe('programme validation names the field', () => {
    it('refuses an event that ends before it starts, or in an unknown zone', async () => {
      const res = await organiser(
        'POST',
        '/events',
        eventBody(universityId, { endsOn: '2030-09-28', timeZone: 'Asia/Atlantis' }),
      );
      expect(res.statusCode).toBe(400);
      expect(issues(res)).toEqual([
        ['body.timeZone', 'events.unknown_time_zone'],
        ['body.endsOn', 'events.ends_before_starts'],
      ]);
    });

    it('refuses a session outside the event’s days, and one that ends before it starts', async () => {
      const id = await anEvent();
      const outside = await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ day: '2030-10-01' }),
      );
      expect(outside.statusCode).toBe(400);
      expect(issues(outside)).toEqual([['body.day', 'events.day_outside_event']]);
      const backwards = await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ startTime: '11:00', endTime: '10:00' }),
      );
      expect(issues(backwards)).toEqual([['body.endTime', 'events.session_ends_before_starts']]);
    });

    it('refuses overlapping sessions in one room, and new days that leave a session out', async () => {
      const id = await anEvent();
      expect((await organiser('POST', `/events/${id}/sessions`, session())).statusCode).toBe(201);
      const clash = await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ startTime: '10:30', endTime: '12:00' }),
      );
      expect(issues(clash)).toEqual([['body.room', 'events.room_overlap']]);
      const elsewhere = await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ startTime: '10:30', endTime: '12:00', room: 'Hall B' }),
      );
      expect(elsewhere.statusCode).toBe(201);
      const moved = await organiser(
        'PUT',
        `/events/${id}`,
        eventBody(universityId, { startsOn: '2030-09-30' }),
      );
      expect(issues(moved)).toEqual([['body.startsOn', 'events.sessions_outside_days']]);
    });

    it('stores the instant and answers with both the instant and the event’s zone', async () => {
      const id = await anEvent();
      const res = await organiser('POST', `/events/${id}/sessions`, session({ room: 'Hall C' }));
      const s = res.json().sessions.find((x: { room: string }) => x.room === 'Hall C');
      expect(s).toMatchObject({
        startsAt: '2030-09-29T01:00:00.000Z',
        endsAt: '2030-09-29T02:00:00.000Z',
        timeZone: 'Asia/Tokyo',
        localStart: '10:00',
        localEnd: '11:00',
      });
    });

    it('refuses a link that is not http(s) and a file of a type not allowed', async () => {
      const id = await anEvent();
      const bad = await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ room: 'Online', onlineUrl: 'javascript:alert(1)' }),
      );
      expect(issues(bad)).toEqual([['body.onlineUrl', 'events.link_not_http']]);
      const s = (
        await organiser('POST', `/events/${id}/sessions`, session({ room: 'Hall D' }))
      ).json().sessions[0].id;
      const file = await organiser('POST', `/event-sessions/${s}/contributions`, {
        kind: 'keynote',
        title: { en: 'Keynote' },
        guestName: 'A guest',
        materialsUrl: 'https://files.example.org/slides.exe',
      });
      expect(issues(file)).toEqual([['body.materialsUrl', 'events.file_type_not_allowed']]);
      const noSpeaker = await organiser('POST', `/event-sessions/${s}/contributions`, {
        kind: 'keynote',
        title: { en: 'Keynote' },
      });
      expect(issues(noSpeaker)).toEqual([['body.speakerUserId', 'events.speaker_missing']]);
      const ok = await organiser('POST', `/event-sessions/${s}/contributions`, {
        kind: 'keynote',
        title: { en: 'Russia’s Sustainable Lifestyle Dacha' },
        guestName: 'A guest',
        materialsUrl: 'https://files.example.org/slides.pdf',
        recordingConsent: true,
      });
      expect(ok.statusCode).toBe(201);
    });
  });

  describe('online links', () => {
    it('are shown only to confirmed participants, from one hour before the start', async () => {
      // Today, 09:00 in Tokyo: the session starts at 10:00 (01:00 UTC).
      const id = await anEvent({ capacity: 1, startsOn: '2030-09-01', endsOn: '2030-09-01' });
      await organiser(
        'POST',
        `/events/${id}/sessions`,
        session({ day: '2030-09-01', room: null, onlineUrl: 'https://meet.example.org/room-1' }),
      );
      const confirmed = await aPerson();
      const waiting = await aPerson();
      await confirmed('POST', `/events/${id}/registrations`, {});
      await waiting('POST', `/events/${id}/registrations`, {});
      const linkOf = async (as: As) => (await as('GET', `/events/${id}`)).json().sessions[0];

      expect(await linkOf(confirmed)).toMatchObject({
        online: true,
        onlineUrl: 'https://meet.example.org/room-1',
      });
      expect((await linkOf(waiting)).onlineUrl).toBeNull();
      expect((await linkOf(anonymous(t.app))).onlineUrl).toBeNull();
      expect((await linkOf(organiser)).onlineUrl).toBe('https://meet.example.org/room-1');

      clock.at = new Date('2030-08-31T23:59:00Z'); // 61 minutes before
      expect((await linkOf(confirmed)).onlineUrl).toBeNull();
      clock.at = new Date('2030-09-01T00:00:00Z');
    });
  });

  describe('participant lists', () => {
    it('show only people who consent, and a withdrawn consent hides the person at once', async () => {
      const id = await anEvent({ visibility: 'public' });
      const listed = await aUser(t.database.db, { displayName: 'Listed Person' });
      const hidden = await aUser(t.database.db, { displayName: 'Hidden Person' });
      const asListed = await personAs(t.app, listed);
      const asHidden = await personAs(t.app, hidden);
      const reg = (await asListed('POST', `/events/${id}/registrations`, { listed: true })).json();
      await asHidden('POST', `/events/${id}/registrations`, { listed: false });

      const seen = async (as: As) =>
        JSON.stringify((await as('GET', `/events/${id}/participants`)).json().items);
      expect(await seen(anonymous(t.app))).toContain('Listed Person');
      expect(await seen(anonymous(t.app))).not.toContain('Hidden Person');
      expect(await seen(organiser)).toContain('Hidden Person');

      await asListed('PATCH', `/event-registrations/${reg.id}`, { listed: false });
      expect(await seen(anonymous(t.app))).not.toContain('Listed Person');
      expect(await seen(asHidden)).not.toContain('Listed Person');
    });

    it('of a members-only event are not public: only its registered participants see them', async () => {
      const id = await anEvent({ visibility: 'members' });
      const registered = await aPerson();
      const outsider = await aPerson();
      await registered('POST', `/events/${id}/registrations`, { listed: true });
      expect((await anonymous(t.app)('GET', `/events/${id}/participants`)).statusCode).toBe(404);
      expect((await outsider('GET', `/events/${id}/participants`)).statusCode).toBe(403);
      expect((await registered('GET', `/events/${id}/participants`)).statusCode).toBe(200);
    });

    it('are kept by the organisers only: a person of another university may not change the event', async () => {
      const id = await anEvent();
      const other = await anOrganiser(t.database.db);
      const stranger = await personAs(t.app, other.coordinator);
      const res = await stranger('POST', `/events/${id}/sessions`, session());
      expect(res.statusCode).toBe(403);
    });
  });

  describe('minutes', () => {
    it('are versioned and locked once approved', async () => {
      const id = await anEvent();
      const s = (await organiser('POST', `/events/${id}/sessions`, session())).json().sessions[0]
        .id;
      const v1 = await organiser('POST', `/event-sessions/${s}/minutes`, {
        text: { en: 'Draft', ja: '草案' },
      });
      expect(v1.statusCode).toBe(201);
      expect(
        (await organiser('PUT', `/event-sessions/${s}/minutes/1`, { text: { en: 'Corrected' } }))
          .statusCode,
      ).toBe(200);
      // Drafts are for the organisers; others see approved versions only.
      expect((await anonymous(t.app)('GET', `/event-sessions/${s}/minutes`)).json().items).toEqual(
        [],
      );
      const approved = await organiser('POST', `/event-sessions/${s}/minutes/1/approve`);
      expect(approved.json().items[0]).toMatchObject({ locked: true, text: { en: 'Corrected' } });
      const edit = await organiser('PUT', `/event-sessions/${s}/minutes/1`, {
        text: { en: 'Changed after approval' },
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.details.refusals[0].code).toBe('events.minutes_locked');
      const v2 = await organiser('POST', `/event-sessions/${s}/minutes`, { text: { en: 'v2' } });
      expect(v2.json().items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
      expect(
        (await anonymous(t.app)('GET', `/event-sessions/${s}/minutes`)).json().items,
      ).toHaveLength(1);
    });
  });

  describe('search and series', () => {
    it('finds an event by a word of any of its languages; visitors see public events only', async () => {
      const id = await anEvent({
        title: { ja: 'ロシア・ウィーク', ru: 'Русская неделя', fr: 'Semaine russe' },
      });
      const hidden = await anEvent({
        title: { fr: 'Semaine russe (réservée)' },
        visibility: 'members',
      });
      const ids = async (as: As, q: string) =>
        (await as('GET', `/events?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((e: { id: string }) => e.id);
      expect(await ids(anonymous(t.app), 'неделя')).toEqual([id]);
      expect(await ids(anonymous(t.app), 'ウィーク')).toEqual([id]);
      expect(await ids(anonymous(t.app), 'Semaine')).toEqual([id]);
      expect((await ids(organiser, 'Semaine')).sort()).toEqual([id, hidden].sort());
    });

    it('suggests the next host of a series by its rotation', async () => {
      const jp = await anOrganiser(t.database.db);
      const res = await organiser('POST', '/event-series', {
        title: { en: 'Congress' },
        rotation: { countries: ['JP', 'RU'], minMonths: 18, maxMonths: 24 },
        candidates: [
          { id: universityId, country: 'JP' },
          { id: jp.university.id, country: 'JP' },
        ],
        organisers: [{ type: 'institution', id: universityId }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const seriesId = res.json().id;
      await anEvent({
        seriesId,
        country: 'JP',
        hosts: [{ type: 'institution', id: universityId }],
        startsOn: '2030-05-01',
        endsOn: '2030-05-02',
      });
      await anEvent({ seriesId, country: 'RU', startsOn: '2031-09-01', endsOn: '2031-09-02' });
      const series = (await anonymous(t.app)('GET', `/event-series/${seriesId}`)).json();
      expect(series.nextHost).toMatchObject({
        country: 'JP',
        hostId: jp.university.id,
        earliest: '2033-03-01',
        latest: '2033-09-01',
      });
      expect(series.editions).toHaveLength(2);
      const ics = await anonymous(t.app)('GET', `/event-series/${seriesId}/calendar.ics`);
      expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    });
  });

  describe('signing ceremonies', () => {
    it('open the liaison office they celebrate: in the registry, linked, once', async () => {
      const office = {
        institutionId: universityId,
        name: 'Irkutsk Liaison Office',
        city: 'Irkutsk',
        country: 'RU',
      };
      const symposium = await anEvent();
      const notCeremony = await organiser('POST', `/events/${symposium}/liaison-office`, office);
      expect(issues(notCeremony)).toEqual([
        ['body.institutionId', 'events.liaison_only_for_signing'],
      ]);
      const id = await anEvent({ kind: 'ceremony_signing', endsOn: '2030-09-29' });
      const stranger = await personAs(t.app, (await anOrganiser(t.database.db)).coordinator);
      expect((await stranger('POST', `/events/${id}/liaison-office`, office)).statusCode).toBe(403);
      const opened = await organiser('POST', `/events/${id}/liaison-office`, office);
      expect(opened.statusCode, opened.body).toBe(201);
      expect(opened.json().liaisonOffice).toMatchObject({
        institutionId: universityId,
        name: { en: 'Irkutsk Liaison Office' },
      });
      const again = await organiser('POST', `/events/${id}/liaison-office`, office);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.details.refusals[0].code).toBe('events.liaison_already_linked');
    });
  });
});
