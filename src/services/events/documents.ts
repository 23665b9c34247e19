/**
 * The documents of events: iCalendar feeds (per event, per series, per person — what they
 * registered for) and the certificate of attendance as an A4 PDF in the participant's language.
 */
import { eventsCalendar, type CalendarEvent } from '#src/interop/ical/events.ts';
import { KIND_LABELS, renderCertificate } from '#src/reports/certificate/render.ts';
import { wallClock } from '#src/domain/events/time.ts';
import type { EventKind } from '#src/domain/events/kinds.ts';
import { EVENT_CODES } from '#src/domain/events/refusal-codes.ts';
import { LANGUAGES, pickLocalized, refusal, type Language } from '#src/domain/shared/refusal.ts';
import { languageOf } from '#src/db/queries/notify.ts';
import { consortiumNames, institutionNames, personNames } from '#src/db/queries/names.ts';
import { createHash, randomBytes } from 'node:crypto';
import {
  calendarFeedOf,
  calendarFeedUser,
  deleteCalendarFeed,
  eventParticipation,
  findEvent,
  findSeries,
  listEventRows,
  setCalendarFeed,
  type ParticipationFilter,
  registrationsOfUser,
  sessionsOf,
  type EventRow,
} from '#src/db/queries/events.ts';
import { audit } from '../audit.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import type { ServiceContext } from '../context.ts';
import { sees, visibleEvent } from './common.ts';
import { registrationFor } from './registrations.ts';

const languageOr = (value: string | null | undefined, fallback: Language = 'en'): Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : fallback;

async function calendarEntries(
  ctx: ServiceContext,
  rows: readonly EventRow[],
  lang: Language,
): Promise<CalendarEvent[]> {
  return Promise.all(
    rows.map(async (e) => ({
      id: e.id,
      title: pickLocalized(e.title, lang),
      description: pickLocalized(e.description, lang),
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      location: [pickLocalized(e.venue, lang), e.city].filter(Boolean).join(', ') || null,
      url: null,
      sessions: (await sessionsOf(ctx.db, e.id)).map((s) => ({
        id: s.id,
        title: pickLocalized(s.title, lang),
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
        room: s.room,
      })),
    })),
  );
}

/** One event as an iCalendar file, in `lang`. */
export async function eventCalendar(ctx: ServiceContext, id: string, lang?: string) {
  const e = await visibleEvent(ctx, id);
  const language = languageOr(lang);
  return eventsCalendar(await calendarEntries(ctx, [e], language), {
    name: pickLocalized(e.title, language),
    stamp: ctx.clock.now(),
  });
}

/** Every edition of a series the reader sees, as an iCalendar file. */
export async function seriesCalendar(ctx: ServiceContext, id: string, lang?: string) {
  const s = await findSeries(ctx.db, id);
  if (!s) throw notFound('event series', id);
  const language = languageOr(lang);
  const rows = (await listEventRows(ctx.db, { seriesId: id })).filter((e) => sees(ctx, e));
  return eventsCalendar(await calendarEntries(ctx, rows, language), {
    name: pickLocalized(s.title, language),
    stamp: ctx.clock.now(),
  });
}

/** What a person registered for (confirmed or waiting), as an iCalendar file in `language`. */
async function personCalendar(ctx: ServiceContext, userId: string, language: Language) {
  const regs = (await registrationsOfUser(ctx.db, userId)).filter(
    (r) => r.status === 'confirmed' || r.status === 'waiting',
  );
  const rows = await listEventRows(ctx.db, { ids: regs.map((r) => r.eventId) });
  return eventsCalendar(await calendarEntries(ctx, rows, language), {
    name: 'Kakehashi',
    stamp: ctx.clock.now(),
  });
}

/** What the signed-in person registered for (confirmed or waiting), in their language. */
export async function myCalendar(ctx: ServiceContext, lang?: string) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const language = languageOr(lang ?? (await languageOf(ctx.db, ctx.actor.id)));
  return personCalendar(ctx, ctx.actor.id, language);
}

const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

/** The path a calendar application subscribes to (the token is the only credential). */
export const calendarFeedPath = (token: string) => `/api/v1/calendar-feeds/${token}/events.ics`;

/** Whether the signed-in person has a calendar link, and since when. */
export async function myCalendarFeed(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const row = await calendarFeedOf(ctx.db, ctx.actor.id);
  return { active: row !== undefined, createdAt: row?.createdAt.toISOString() ?? null, path: null };
}

/**
 * A new secret calendar link for the signed-in person, replacing any earlier one (which stops
 * working at once). The link is shown this once: only its hash is kept.
 */
export async function newCalendarFeed(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const userId = ctx.actor.id;
  const token = randomBytes(24).toString('base64url');
  const at = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await setCalendarFeed(tx, userId, sha256(token), at);
    await audit(tx, ctx, {
      action: 'event.calendar-link',
      resourceType: 'user',
      resourceId: userId,
    });
  });
  return { active: true, createdAt: at.toISOString(), path: calendarFeedPath(token) };
}

/** The signed-in person revokes their calendar link. */
export async function revokeCalendarFeed(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const userId = ctx.actor.id;
  await ctx.db.transaction(async (tx) => {
    if (await deleteCalendarFeed(tx, userId))
      await audit(tx, ctx, {
        action: 'event.calendar-link-revoke',
        resourceType: 'user',
        resourceId: userId,
      });
  });
  return { active: false, createdAt: null, path: null };
}

/** The calendar behind a secret link, in its holder's language; an unknown link is a 404. */
export async function feedCalendar(ctx: ServiceContext, token: string, lang?: string) {
  const userId = await calendarFeedUser(ctx.db, sha256(token));
  if (!userId) throw notFound('calendar feed', 'link');
  const language = languageOr(lang ?? (await languageOf(ctx.db, userId)));
  return personCalendar(ctx, userId, language);
}

/**
 * Events held between two dates with their participants (confirmed, checked in, invited),
 * counted in SQL, for the reports: those the reader sees, filtered by program, consortium or
 * institution. Counts only: no person is named.
 */
export async function eventParticipationReport(ctx: ServiceContext, filter: ParticipationFilter) {
  const rows = (await eventParticipation(ctx.db, filter)).filter((e) => sees(ctx, e));
  const total = (k: 'confirmed' | 'checkedIn' | 'invited') =>
    rows.reduce((sum, r) => sum + Number(r[k]), 0);
  return {
    from: filter.from,
    to: filter.to,
    items: rows.map((r) => ({
      ...r,
      confirmed: Number(r.confirmed),
      checkedIn: Number(r.checkedIn),
      invited: Number(r.invited),
    })),
    totals: {
      events: rows.length,
      confirmed: total('confirmed'),
      checkedIn: total('checkedIn'),
      invited: total('invited'),
    },
  };
}

/** The certificate of attendance of a registration that checked in, in the participant's language. */
export async function certificatePdf(ctx: ServiceContext, registrationId: string) {
  const reg = await registrationFor(ctx, registrationId);
  if (!reg.checkedInAt || reg.status !== 'confirmed')
    throw conflict(refusal(EVENT_CODES.certificateNotAttended));
  const e = (await findEvent(ctx.db, reg.eventId))!;
  const language = languageOr(await languageOf(ctx.db, reg.userId));
  const [people, inst, cons] = await Promise.all([
    personNames(ctx.db, [reg.userId]),
    institutionNames(
      ctx.db,
      e.organisers.filter((p) => p.type === 'institution').map((p) => p.id),
    ),
    consortiumNames(
      ctx.db,
      e.organisers.filter((p) => p.type === 'consortium').map((p) => p.id),
    ),
  ]);
  const kindLabel = KIND_LABELS[language][e.kind as EventKind] ?? e.kind;
  const pdf = await renderCertificate({
    language,
    participant: pickLocalized(people.get(reg.userId), language),
    event: pickLocalized(e.title, language),
    kind: kindLabel,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    place: [pickLocalized(e.venue, language), e.city].filter(Boolean).join(', ') || null,
    organisers: e.organisers.map((p) =>
      pickLocalized((p.type === 'institution' ? inst : cons).get(p.id) ?? { en: p.id }, language),
    ),
    attendedOn: wallClock(reg.checkedInAt, e.timeZone).date,
    reference: reg.id,
  });
  return { pdf, filename: `certificate-${e.startsOn}.pdf` };
}
