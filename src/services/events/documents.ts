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
import {
  findEvent,
  findSeries,
  listEventRows,
  registrationsOfUser,
  sessionsOf,
  type EventRow,
} from '#src/db/queries/events.ts';
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

/** What the signed-in person registered for (confirmed or waiting), in their language. */
export async function myCalendar(ctx: ServiceContext, lang?: string) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const language = languageOr(lang ?? (await languageOf(ctx.db, ctx.actor.id)));
  const regs = (await registrationsOfUser(ctx.db, ctx.actor.id)).filter(
    (r) => r.status === 'confirmed' || r.status === 'waiting',
  );
  const rows = await listEventRows(ctx.db, { ids: regs.map((r) => r.eventId) });
  return eventsCalendar(await calendarEntries(ctx, rows, language), {
    name: 'Kakehashi',
    stamp: ctx.clock.now(),
  });
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
