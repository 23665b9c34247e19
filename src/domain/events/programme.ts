/**
 * The programme of an event: its days and sessions. A session is entered as a day of the event and
 * wall-clock start and end times in the event's zone; it is stored as UTC instants. Each problem
 * is a refusal naming the field to fix: a day outside the event, an end before the start, two
 * sessions at the same time in one room; an event whose new days leave sessions behind.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import { EVENT_CODES } from './refusal-codes.ts';
import { isTimeZone, wallClock, zonedInstant } from './time.ts';

export interface EventDays {
  startsOn: string;
  endsOn: string;
  timeZone: string;
}

/** A session as entered: a day, start and end times (HH:MM) in the event's zone, a room. */
export interface SessionInput {
  day: string;
  startTime: string;
  endTime: string;
  room: string | null;
}

/** A session already in the programme (instants), with an id and a title for the messages. */
export interface PlacedSession {
  id: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
  title: Readonly<Partial<Record<string, string>>>;
}

/** The refusals of an event's own dates and zone. */
export function eventDaysProblems(e: EventDays): Refusal[] {
  const out: Refusal[] = [];
  if (!isTimeZone(e.timeZone))
    out.push(refusal(EVENT_CODES.unknownTimeZone, { timeZone: e.timeZone }, { field: 'timeZone' }));
  if (e.endsOn < e.startsOn)
    out.push(
      refusal(
        EVENT_CODES.endsBeforeStarts,
        { startsOn: e.startsOn, endsOn: e.endsOn },
        { field: 'endsOn' },
      ),
    );
  return out;
}

/**
 * New days (or a new zone) for an event that has sessions: every session must still fall on one
 * of its days, read in the (new) zone. The refusal names the date that moved.
 */
export function sessionsOutsideDays(e: EventDays, sessions: readonly PlacedSession[]): Refusal[] {
  if (!isTimeZone(e.timeZone)) return [];
  const days = sessions.map((s) => wallClock(s.startsAt, e.timeZone).date);
  const before = days.filter((d) => d < e.startsOn).length;
  const after = days.filter((d) => d > e.endsOn).length;
  const out: Refusal[] = [];
  if (before > 0)
    out.push(refusal(EVENT_CODES.sessionsOutsideDays, { count: before }, { field: 'startsOn' }));
  if (after > 0)
    out.push(refusal(EVENT_CODES.sessionsOutsideDays, { count: after }, { field: 'endsOn' }));
  return out;
}

const overlaps = (
  a: { startsAt: string; endsAt: string },
  b: { startsAt: string; endsAt: string },
) => Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);

const sameRoom = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * A session checked against the event and the other sessions (`others` without the session
 * itself when it is edited). Returns its instants when it is sound, else the refusals.
 */
export function placeSession(
  e: EventDays,
  s: SessionInput,
  others: readonly PlacedSession[],
): { ok: true; startsAt: string; endsAt: string } | { ok: false; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  if (s.day < e.startsOn || s.day > e.endsOn)
    refusals.push(
      refusal(
        EVENT_CODES.dayOutsideEvent,
        { day: s.day, startsOn: e.startsOn, endsOn: e.endsOn },
        { field: 'day' },
      ),
    );
  if (s.endTime <= s.startTime)
    refusals.push(
      refusal(
        EVENT_CODES.sessionEndsBeforeStarts,
        { startTime: s.startTime, endTime: s.endTime },
        { field: 'endTime' },
      ),
    );
  if (refusals.length > 0) return { ok: false, refusals };
  const startsAt = zonedInstant(s.day, s.startTime, e.timeZone);
  const endsAt = zonedInstant(s.day, s.endTime, e.timeZone);
  const clash = others.find((o) => sameRoom(o.room, s.room) && overlaps(o, { startsAt, endsAt }));
  if (clash)
    return {
      ok: false,
      refusals: [
        refusal(
          EVENT_CODES.roomOverlap,
          { room: s.room ?? '', other: clash.title, otherStartsAt: clash.startsAt },
          { field: 'room' },
        ),
      ],
    };
  return { ok: true, startsAt, endsAt };
}
