import { describe, expect, it } from 'vitest';
import { fileLinkProblem, linkProblem } from './links.ts';
import { minutesEditProblem, nextMinutesVersion } from './minutes.ts';
import { eventDaysProblems, placeSession, sessionsOutsideDays } from './programme.ts';
import {
  approvedStatus,
  mayListParticipants,
  moveUp,
  newRegistrationStatus,
  onlineLinkVisible,
  stepProblem,
  visibleParticipants,
  type RegistrationLine,
} from './registration.ts';
import { addMonths, nextHost, rotationProblems } from './series.ts';
import { isTimeZone, wallClock, zonedInstant } from './time.ts';

const russianWeek = { startsOn: '2021-09-29', endsOn: '2021-10-01', timeZone: 'Asia/Tokyo' };

describe('event times', () => {
  it('stores a Tokyo wall-clock time as the UTC instant and reads it back in either zone', () => {
    expect(zonedInstant('2021-09-29', '10:00', 'Asia/Tokyo')).toBe('2021-09-29T01:00:00.000Z');
    expect(wallClock('2021-09-29T01:00:00.000Z', 'Europe/Moscow')).toEqual({
      date: '2021-09-29',
      time: '04:00',
    });
  });
  it('follows summer time in the event zone', () => {
    expect(zonedInstant('2021-07-01', '09:00', 'Europe/Paris')).toBe('2021-07-01T07:00:00.000Z');
    expect(zonedInstant('2021-12-01', '09:00', 'Europe/Paris')).toBe('2021-12-01T08:00:00.000Z');
  });
  it('knows IANA zones only', () => {
    expect(isTimeZone('Asia/Irkutsk')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('programme validation names the field', () => {
  it('refuses an event that ends before it starts, and an unknown zone', () => {
    expect(
      eventDaysProblems({ startsOn: '2021-10-01', endsOn: '2021-09-29', timeZone: 'Nowhere' }).map(
        (r) => [r.code, r.field],
      ),
    ).toEqual([
      ['events.unknown_time_zone', 'timeZone'],
      ['events.ends_before_starts', 'endsOn'],
    ]);
  });
  it('refuses a session on a day outside the event', () => {
    const r = placeSession(
      russianWeek,
      { day: '2021-10-02', startTime: '10:00', endTime: '11:00', room: null },
      [],
    );
    expect(r.ok ? [] : r.refusals.map((x) => [x.code, x.field])).toEqual([
      ['events.day_outside_event', 'day'],
    ]);
  });
  it('refuses a session that ends before it starts', () => {
    const r = placeSession(
      russianWeek,
      { day: '2021-09-29', startTime: '11:00', endTime: '10:30', room: 'A' },
      [],
    );
    expect(r.ok ? [] : r.refusals.map((x) => [x.code, x.field])).toEqual([
      ['events.session_ends_before_starts', 'endTime'],
    ]);
  });
  it('refuses overlapping sessions in one room, accepts them in two rooms or back to back', () => {
    const keynote = {
      id: 's1',
      startsAt: '2021-09-29T01:00:00.000Z',
      endsAt: '2021-09-29T02:00:00.000Z',
      room: 'Hall A',
      title: { en: 'Keynote' },
    };
    const clash = placeSession(
      russianWeek,
      { day: '2021-09-29', startTime: '10:30', endTime: '11:30', room: 'hall a' },
      [keynote],
    );
    expect(clash.ok ? [] : clash.refusals.map((x) => [x.code, x.field])).toEqual([
      ['events.room_overlap', 'room'],
    ]);
    expect(
      placeSession(
        russianWeek,
        { day: '2021-09-29', startTime: '10:30', endTime: '11:30', room: 'Hall B' },
        [keynote],
      ).ok,
    ).toBe(true);
    expect(
      placeSession(
        russianWeek,
        { day: '2021-09-29', startTime: '11:00', endTime: '12:00', room: 'Hall A' },
        [keynote],
      ),
    ).toEqual({
      ok: true,
      startsAt: '2021-09-29T02:00:00.000Z',
      endsAt: '2021-09-29T03:00:00.000Z',
    });
  });
  it('refuses new days that leave sessions outside the event', () => {
    const s = {
      id: 's',
      startsAt: '2021-10-01T01:00:00.000Z',
      endsAt: '2021-10-01T02:00:00.000Z',
      room: null,
      title: {},
    };
    expect(
      sessionsOutsideDays({ ...russianWeek, endsOn: '2021-09-30' }, [s]).map((r) => r.field),
    ).toEqual(['endsOn']);
    expect(sessionsOutsideDays(russianWeek, [s])).toEqual([]);
  });
});

describe('series rotation', () => {
  const congress = {
    rotation: { countries: ['JP', 'RU'], minMonths: 18, maxMonths: 24 },
    candidates: [
      { id: 'hokudai.ac.jp', country: 'JP' },
      { id: 'niigata-u.ac.jp', country: 'JP' },
      { id: 'msu.ru', country: 'RU' },
    ],
  };
  it('suggests the next country in turn and a host that has not hosted yet', () => {
    expect(
      nextHost(congress, [
        { startsOn: '2018-05-20', country: 'JP', hostIds: ['hokudai.ac.jp'] },
        { startsOn: '2019-09-10', country: 'RU', hostIds: ['msu.ru'] },
      ]),
    ).toEqual({
      country: 'JP',
      hostId: 'niigata-u.ac.jp',
      earliest: '2021-03-10',
      latest: '2021-09-10',
    });
  });
  it('starts with the first country before any edition', () => {
    expect(nextHost(congress, [])).toMatchObject({ country: 'JP', hostId: 'hokudai.ac.jp' });
  });
  it('refuses an empty rotation and an interval upside down', () => {
    expect(
      rotationProblems({ countries: [], minMonths: 24, maxMonths: 18 }).map((r) => r.field),
    ).toEqual(['rotation.countries', 'rotation.maxMonths']);
  });
  it('adds months, clamping to the month end', () => {
    expect(addMonths('2019-08-31', 18)).toBe('2021-02-28');
  });
});

describe('registration', () => {
  const line = (
    id: string,
    status: RegistrationLine['status'],
    position: number | null = null,
  ) => ({
    id,
    status,
    position,
  });
  it('confirms while there is a place, then wait-lists: never over-booked', () => {
    const event = { capacity: 2, approvalRequired: false };
    expect(newRegistrationStatus(event, [line('a', 'confirmed')])).toBe('confirmed');
    expect(newRegistrationStatus(event, [line('a', 'confirmed'), line('b', 'confirmed')])).toBe(
      'waiting',
    );
  });
  it('asks for approval first when the event requires it; approved, takes a free place', () => {
    const event = { capacity: 1, approvalRequired: true };
    expect(newRegistrationStatus(event, [])).toBe('requested');
    expect(approvedStatus(event, [])).toBe('confirmed');
    expect(approvedStatus(event, [line('a', 'confirmed')])).toBe('waiting');
  });
  it('moves up the waiting list in order, only into free places', () => {
    const event = { capacity: 2, approvalRequired: false };
    const regs = [
      line('a', 'confirmed'),
      line('b', 'cancelled'),
      line('w2', 'waiting', 2),
      line('w1', 'waiting', 1),
      line('w3', 'waiting', 3),
    ];
    expect(moveUp(event, regs)).toEqual(['w1']);
    expect(moveUp({ ...event, capacity: 1 }, regs)).toEqual([]);
  });
  it('refuses a step that does not apply to the status', () => {
    expect(stepProblem('approve', 'confirmed')?.code).toBe('events.registration_wrong_status');
    expect(stepProblem('cancel', 'waiting')).toBeNull();
  });
  it('lists only consenting confirmed participants to others, everyone active to managers', () => {
    const regs = [
      { id: 'a', status: 'confirmed' as const, listed: true },
      { id: 'b', status: 'confirmed' as const, listed: false },
      { id: 'c', status: 'waiting' as const, listed: true },
      { id: 'd', status: 'cancelled' as const, listed: true },
    ];
    expect(visibleParticipants(regs, false).map((r) => r.id)).toEqual(['a']);
    expect(visibleParticipants(regs, true).map((r) => r.id)).toEqual(['a', 'b', 'c']);
  });
  it('shows the list of a members-only event to its registered participants only', () => {
    expect(mayListParticipants({ manager: false, eventPublic: false, ownStatus: null })).toBe(
      false,
    );
    expect(
      mayListParticipants({ manager: false, eventPublic: false, ownStatus: 'confirmed' }),
    ).toBe(true);
    expect(mayListParticipants({ manager: false, eventPublic: true, ownStatus: null })).toBe(true);
  });
  it('shows an online link to confirmed participants from one hour before the start', () => {
    const at = { sessionStartsAt: '2021-09-29T01:00:00Z', manager: false };
    expect(onlineLinkVisible({ ...at, ownStatus: 'confirmed', now: '2021-09-28T23:59:59Z' })).toBe(
      false,
    );
    expect(onlineLinkVisible({ ...at, ownStatus: 'confirmed', now: '2021-09-29T00:00:00Z' })).toBe(
      true,
    );
    expect(onlineLinkVisible({ ...at, ownStatus: 'waiting', now: '2021-09-29T01:00:00Z' })).toBe(
      false,
    );
  });
});

describe('links and files', () => {
  it('accepts http(s) only, naming the field', () => {
    expect(linkProblem('https://meet.example.org/r/1', 'onlineUrl')).toBeNull();
    expect(linkProblem('javascript:alert(1)', 'onlineUrl')).toMatchObject({
      code: 'events.link_not_http',
      field: 'onlineUrl',
    });
    expect(linkProblem('ftp://x.example/a.pdf', 'materialsUrl')?.code).toBe('events.link_not_http');
  });
  it('accepts allowed file types and web pages, refuses other files', () => {
    expect(fileLinkProblem('https://x.example/slides.PDF', 'materialsUrl')).toBeNull();
    expect(fileLinkProblem('https://x.example/archive/', 'materialsUrl')).toBeNull();
    expect(fileLinkProblem('https://x.example/setup.exe', 'materialsUrl')).toMatchObject({
      code: 'events.file_type_not_allowed',
      params: { extension: 'exe' },
    });
  });
});

describe('minutes', () => {
  it('locks an approved version', () => {
    expect(minutesEditProblem({ version: 1, approvedAt: null })).toBeNull();
    expect(minutesEditProblem({ version: 2, approvedAt: '2021-10-05T00:00:00Z' })?.code).toBe(
      'events.minutes_locked',
    );
    expect(nextMinutesVersion([{ version: 1, approvedAt: null }])).toBe(2);
  });
});
