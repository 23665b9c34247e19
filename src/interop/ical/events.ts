/**
 * iCalendar feeds of events: one VEVENT per session (its UTC instants), or, for an event without
 * a programme, one all-day VEVENT over its days. Times are written in UTC (`…Z`) with no calendar
 * time zone (see deadlines.ts): every calendar shows them in its reader's zone. Titles arrive in
 * the feed's language.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';

export interface CalendarSession {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  room: string | null;
}

export interface CalendarEvent {
  id: string;
  title: string;
  description: string;
  startsOn: string;
  endsOn: string;
  location: string | null;
  url: string | null;
  sessions: readonly CalendarSession[];
}

export interface EventsCalendarOptions {
  name: string;
  uidDomain?: string;
  /** DTSTAMP of every entry; default now. */
  stamp?: Date;
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** The feed as an iCalendar string. */
export function eventsCalendar(
  list: readonly CalendarEvent[],
  options: EventsCalendarOptions,
): string {
  const domain = options.uidDomain ?? 'kakehashi';
  const stamp = options.stamp ?? new Date();
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kakehashi', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  for (const e of list) {
    const common = {
      stamp,
      ...(e.url ? { url: e.url } : {}),
    };
    if (e.sessions.length === 0) {
      const end = utcDay(e.endsOn);
      end.setUTCDate(end.getUTCDate() + 1);
      calendar.createEvent({
        ...common,
        id: `event-${e.id}@${domain}`,
        start: utcDay(e.startsOn),
        end,
        allDay: true,
        summary: e.title,
        description: e.description,
        ...(e.location ? { location: e.location } : {}),
      });
      continue;
    }
    for (const s of e.sessions) {
      const location = [s.room, e.location].filter(Boolean).join(', ');
      calendar.createEvent({
        ...common,
        id: `session-${s.id}@${domain}`,
        start: new Date(s.startsAt),
        end: new Date(s.endsAt),
        summary: `${s.title} — ${e.title}`,
        description: e.description,
        ...(location ? { location } : {}),
      });
    }
  }
  return calendar.toString();
}
