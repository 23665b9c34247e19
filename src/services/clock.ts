/**
 * The service layer's clock. "Now" and "today" are read from the use case's context, never from
 * the machine directly, so that a rule is judged on one instant per request and tests can set
 * the date. The domain never reads a clock: it is given dates.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, imports of history, replays). */
export const fixedClock = (at: Date | string): Clock => {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
};

interface HasClock {
  clock: Clock;
}

/** Now, as an ISO instant. */
export const instantOf = (ctx: HasClock): string => ctx.clock.now().toISOString();

/**
 * Today as an ISO date at a UTC offset (`+09:00`): a funder's deadlines are days on the program's
 * clock (R18). UTC when no offset is given.
 */
export function todayOf(ctx: HasClock, utcOffset = '+00:00'): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(utcOffset);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return new Date(ctx.clock.now().getTime() + minutes * 60_000).toISOString().slice(0, 10);
}
