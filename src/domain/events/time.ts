/**
 * Times of an event: stored as UTC instants together with the event's IANA time zone. A session
 * is entered as a day and wall-clock times in the event's zone; readers see it in the event's zone
 * and in their own (the web converts to the reader's zone from the instant).
 */

/** Whether `zone` is an IANA time zone the runtime knows (`Asia/Tokyo`, `Europe/Moscow`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall clock of `instant` in `zone`: its date (YYYY-MM-DD) and time (HH:MM). */
export function wallClock(instant: string | Date, zone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The offset of `zone` from UTC at `utcMs`, in minutes (Tokyo: +540). */
function offsetMinutes(utcMs: number, zone: string): number {
  const { date, time } = wallClock(new Date(utcMs), zone);
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  return Math.round((asUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * The UTC instant (ISO, `…Z`) of the wall-clock `time` (HH:MM) on `day` in `zone`. A time that
 * does not exist (skipped by a change to summer time) is read with the offset before the change.
 */
export function zonedInstant(day: string, time: string, zone: string): string {
  const naive = Date.parse(`${day}T${time}:00Z`);
  let guess = naive - offsetMinutes(naive, zone) * 60_000;
  guess = naive - offsetMinutes(guess, zone) * 60_000;
  return new Date(guess).toISOString();
}

/** The days from `from` to `to`, inclusive (ISO dates). */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out;
}
