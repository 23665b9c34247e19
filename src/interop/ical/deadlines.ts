/**
 * iCalendar feed of call deadlines (R18, 003 §8–9: deadlines of a call are shown). One event per
 * date of a call: applications open, applications close, nomination deadline.
 *
 * Times: an ISO date (`2027-02-28`) gives an all-day event; an ISO date-time with an offset
 * (`2027-02-28T17:00:00+09:00`) gives an event at that instant, written in UTC
 * (`DTSTART:20270228T080000Z`). No calendar or event time zone is ever set: with a time zone and
 * a native `Date`, ical-generator writes the UTC clock time as local time.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';

export interface DeadlineCall {
  id: string;
  /** Title in the feed's language; any Unicode. */
  title: string;
  opens: string;
  closes: string;
  nominationDeadline: string | null;
  /** The call's public page; `null` = none. */
  url: string | null;
}

export type DeadlineKind = 'opens' | 'closes' | 'nominationDeadline';

export interface DeadlinesCalendarOptions {
  /** Calendar name (X-WR-CALNAME). */
  name: string;
  /** Words after the call title per event kind, in the feed's language (default English). */
  labels?: Partial<Record<DeadlineKind, string>>;
  /** Domain part of event UIDs (default `kakehashi`). */
  uidDomain?: string;
  /** DTSTAMP of every event; default: now. Pass one for reproducible output. */
  stamp?: Date;
}

const UID_PART: Record<DeadlineKind, string> = {
  opens: 'opens',
  closes: 'closes',
  nominationDeadline: 'nomination',
};

export const DEFAULT_LABELS: Record<DeadlineKind, string> = {
  opens: 'applications open',
  closes: 'application deadline',
  nominationDeadline: 'nomination deadline',
};

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A call date as a UTC instant, and whether it is a whole day. */
export function parseCallDate(value: string, field: string): { at: Date; allDay: boolean } {
  const day = DATE_ONLY.exec(value);
  if (day) {
    const at = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
    if (at.toISOString().slice(0, 10) === value) return { at, allDay: true };
  } else if (DATE_TIME.test(value)) {
    const at = new Date(value);
    if (!Number.isNaN(at.getTime())) return { at, allDay: false };
  }
  throw new RangeError(
    `${field}: "${value}" is neither an ISO date nor an ISO date-time with an offset`,
  );
}

/** The feed as an iCalendar string (CRLF line endings, lines folded at 75 octets). */
export function deadlinesCalendar(
  calls: readonly DeadlineCall[],
  options: DeadlinesCalendarOptions,
): string {
  const labels = { ...DEFAULT_LABELS, ...options.labels };
  const domain = options.uidDomain ?? 'kakehashi';
  const stamp = options.stamp ?? new Date();
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Kakehashi', product: 'call-deadlines', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
  });
  calls.forEach((call, i) => {
    const dates: [DeadlineKind, string | null][] = [
      ['opens', call.opens],
      ['closes', call.closes],
      ['nominationDeadline', call.nominationDeadline],
    ];
    for (const [kind, value] of dates) {
      if (value === null) continue;
      const { at, allDay } = parseCallDate(value, `calls[${i}].${kind}`);
      calendar.createEvent({
        id: `${call.id}-${UID_PART[kind]}@${domain}`,
        start: at,
        ...(allDay ? { allDay: true } : { end: at }),
        stamp,
        summary: `${call.title} — ${labels[kind]}`,
        ...(call.url === null ? {} : { url: call.url, description: call.url }),
      });
    }
  });
  return calendar.toString();
}
