/**
 * Times of an event's programme: an instant (ISO with offset or Z) shown in the event's own zone
 * and in the reader's zone, and the calendar day it falls on in the event's zone. Pure functions
 * of (value, zone, language).
 */
import { localeOf } from '../../../i18n/format.ts';

/** The reader's time zone, as the browser knows it (UTC when it cannot tell). */
export function readerTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** True when `zone` is an IANA zone Intl knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The time of day of an instant in a zone, e.g. "10:00"; the input when it is not an instant. */
export function timeIn(value: string, timeZone: string, language: string): string {
  const instant = Date.parse(value);
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return value;
  return new Intl.DateTimeFormat(localeOf(language), {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(instant);
}

/** The short name of a zone at an instant (e.g. "GMT+9", "JST", "MSK"). */
export function zoneLabel(value: string, timeZone: string, language: string): string {
  const instant = Date.parse(value);
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return timeZone;
  const part = new Intl.DateTimeFormat(localeOf(language), {
    timeZone,
    timeZoneName: 'short',
  })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The calendar day (YYYY-MM-DD) an instant falls on in a zone. */
export function dayIn(value: string, timeZone: string): string {
  const instant = Date.parse(value);
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return value.slice(0, 10);
  const parts = new Intl.DateTimeFormat('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The offset of a zone from UTC at an instant, in minutes (Tokyo: +540). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant (ISO, UTC) of a wall-clock date and time in a zone: what a form entered as
 * "2021-09-29" "10:00" in Asia/Tokyo means. Null when the date or time is not valid.
 */
export function instantOf(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t || !isTimeZone(timeZone)) return null;
  if (Number(t[1]) > 23 || Number(t[2]) > 59) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset even on the day a zone changes it.
  let guess = wall - offsetMinutes(wall, timeZone) * 60_000;
  guess = wall - offsetMinutes(guess, timeZone) * 60_000;
  return new Date(guess).toISOString();
}

/** The wall-clock date and time (YYYY-MM-DD, HH:MM) of an instant in a zone, for a form. */
export function wallClockOf(value: string, timeZone: string): { date: string; time: string } {
  const instant = Date.parse(value);
  if (Number.isNaN(instant) || !isTimeZone(timeZone)) return { date: '', time: '' };
  const local = new Date(instant + offsetMinutes(instant, timeZone) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
