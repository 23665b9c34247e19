/**
 * Events and their series: the public list and search (in every language), one event with its
 * programme, the organisers' creation and edits, and a series' archive with its rotation and the
 * next host it suggests.
 */
import { wallClock } from '#src/domain/events/time.ts';
import type { EventKind, EventMode, EventVisibility, PartyRef } from '#src/domain/events/kinds.ts';
import { eventDaysProblems, sessionsOutsideDays } from '#src/domain/events/programme.ts';
import { linkProblem } from '#src/domain/events/links.ts';
import { EVENT_CODES } from '#src/domain/events/refusal-codes.ts';
import { nextHost, rotationProblems, type Rotation } from '#src/domain/events/series.ts';
import { onlineLinkVisible } from '#src/domain/events/registration.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { consortiumNames, institutionNames, personNames } from '#src/db/queries/names.ts';
import {
  contributionsOf,
  findSeries,
  insertEvent,
  insertLiaisonOffice,
  insertSeries,
  liaisonOfficeExists,
  liaisonOfficeNames,
  listEventRows,
  missingRecords,
  listSeriesRows,
  participantCounts,
  registrationOf,
  registrationsOfUser,
  sessionsOf,
  updateEvent,
  type EventRow,
  type SeriesRow,
} from '#src/db/queries/events.ts';
import type { FollowUpQuestion } from '#src/db/schema/events.ts';
import { instantOf, todayOf } from '../clock.ts';
import { can, institutionRecordResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, notFound } from '../errors.ts';
import {
  eventResource,
  managedEvent,
  manages,
  refusedFields,
  sees,
  visibleEvent,
} from './common.ts';
import { registrationView } from './registrations.ts';

const ORGANISER_ROLES: readonly string[] = ['coordinator', 'secretariat', 'rep_officer'];

export interface EventInput {
  kind: EventKind;
  seriesId?: string | null;
  title: LocalizedText;
  description?: LocalizedText;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  mode: EventMode;
  city?: string | null;
  country?: string | null;
  venue?: LocalizedText;
  organisers: PartyRef[];
  hosts?: PartyRef[];
  programIds?: string[];
  agreementIds?: string[];
  consortiumIds?: string[];
  liaisonOfficeId?: string | null;
  capacity?: number | null;
  approvalRequired?: boolean;
  visibility?: EventVisibility;
  followUp?: FollowUpQuestion[];
  videoUrl?: string | null;
}

export interface SeriesInput {
  title: LocalizedText;
  description?: LocalizedText;
  rotation?: Rotation | null;
  candidates?: { id: string; country: string }[];
  organisers: PartyRef[];
}

/** Every party's name in every language it has, by `type:id`. */
async function partyNames(ctx: ServiceContext, parties: readonly PartyRef[]) {
  const [inst, cons] = await Promise.all([
    institutionNames(
      ctx.db,
      parties.filter((p) => p.type === 'institution').map((p) => p.id),
    ),
    consortiumNames(
      ctx.db,
      parties.filter((p) => p.type === 'consortium').map((p) => p.id),
    ),
  ]);
  return (p: PartyRef) =>
    (p.type === 'institution' ? inst.get(p.id) : cons.get(p.id)) ?? { en: p.id };
}

function summary(
  e: EventRow,
  name: (p: PartyRef) => LocalizedText,
  counts: { confirmed: number; waiting: number; checkedIn: number } | undefined,
) {
  return {
    id: e.id,
    kind: e.kind,
    seriesId: e.seriesId,
    title: e.title,
    description: e.description,
    timeZone: e.timeZone,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    mode: e.mode,
    city: e.city,
    country: e.country,
    venue: e.venue,
    organisers: e.organisers.map((p) => ({ ...p, name: name(p) })),
    hosts: e.hosts.map((p) => ({ ...p, name: name(p) })),
    capacity: e.capacity,
    approvalRequired: e.approvalRequired,
    visibility: e.visibility,
    invented: e.invented,
    counts: counts ?? { confirmed: 0, waiting: 0, checkedIn: 0 },
  };
}

/** Events the reader may see, searched in every language of their texts. */
export async function listEvents(
  ctx: ServiceContext,
  query: { q?: string; kind?: EventKind; seriesId?: string; from?: string; to?: string },
) {
  const rows = await listEventRows(ctx.db, { ...query, publicOnly: ctx.actor === null });
  const [name, counts] = await Promise.all([
    partyNames(
      ctx,
      rows.flatMap((e) => [...e.organisers, ...e.hosts]),
    ),
    participantCounts(
      ctx.db,
      rows.map((e) => e.id),
    ),
  ]);
  return {
    items: rows.map((e) => summary(e, name, counts.get(e.id))),
    may: {
      // Whoever organises for a party: its coordinators, secretariats, representative officers.
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => ORGANISER_ROLES.includes(r.role))),
    },
  };
}

/** One event with its programme; online links only for those who may see them now. */
export async function getEvent(ctx: ServiceContext, id: string) {
  const e = await visibleEvent(ctx, id);
  const manager = manages(ctx, e);
  const [name, counts, sessions, mine, series, offices] = await Promise.all([
    partyNames(ctx, [...e.organisers, ...e.hosts]),
    participantCounts(ctx.db, [e.id]),
    sessionsOf(ctx.db, e.id),
    ctx.actor ? registrationOf(ctx.db, e.id, ctx.actor.id) : Promise.resolve(undefined),
    e.seriesId ? findSeries(ctx.db, e.seriesId) : Promise.resolve(undefined),
    liaisonOfficeNames(ctx.db, e.liaisonOfficeId ? [e.liaisonOfficeId] : []),
  ]);
  const contributions = await contributionsOf(
    ctx.db,
    sessions.map((s) => s.id),
  );
  const speakers = await personNames(
    ctx.db,
    contributions.flatMap((c) => (c.speakerUserId ? [c.speakerUserId] : [])),
  );
  const now = instantOf(ctx);
  const office = e.liaisonOfficeId ? offices.get(e.liaisonOfficeId) : undefined;
  return {
    ...summary(e, name, counts.get(e.id)),
    seriesTitle: series?.title ?? null,
    programIds: e.programIds,
    agreementIds: e.agreementIds,
    consortiumIds: e.consortiumIds,
    liaisonOffice: office
      ? {
          id: e.liaisonOfficeId!,
          name: { en: office.name, ...office.names },
          institutionId: office.institutionId,
        }
      : null,
    followUp: e.followUp,
    videoUrl: e.videoUrl,
    sessions: sessions.map((s) => {
      const startsAt = s.startsAt.toISOString();
      const endsAt = s.endsAt.toISOString();
      const showLink = onlineLinkVisible({
        manager,
        ownStatus: (mine?.status as never) ?? null,
        sessionStartsAt: startsAt,
        now,
      });
      return {
        id: s.id,
        day: s.day,
        startsAt,
        endsAt,
        timeZone: e.timeZone,
        localStart: wallClock(startsAt, e.timeZone).time,
        localEnd: wallClock(endsAt, e.timeZone).time,
        room: s.room,
        title: s.title,
        description: s.description,
        online: s.onlineUrl !== null,
        onlineUrl: showLink ? s.onlineUrl : null,
        invented: s.invented,
        contributions: contributions
          .filter((c) => c.sessionId === s.id)
          .map((c) => ({
            id: c.id,
            kind: c.kind,
            position: c.position,
            title: c.title,
            abstract: c.abstract,
            speakerUserId: c.speakerUserId,
            speakerName: c.speakerUserId ? (speakers.get(c.speakerUserId) ?? null) : null,
            guestName: c.guestName,
            guestAffiliation: c.guestAffiliation,
            materialsUrl: c.materialsUrl,
            videoUrl: c.videoUrl,
            recordingConsent: c.recordingConsent,
          })),
      };
    }),
    me: { registration: mine ? registrationView(mine) : null },
    may: {
      manage: manager,
      register: ctx.actor !== null,
    },
  };
}

/** The refusals of an event's fields, each naming the field. */
async function eventProblems(ctx: ServiceContext, input: EventInput): Promise<Refusal[]> {
  const out = eventDaysProblems(input);
  if (input.videoUrl) {
    const p = linkProblem(input.videoUrl, 'videoUrl');
    if (p) out.push(p);
  }
  if (input.liaisonOfficeId) {
    if (input.kind !== 'ceremony_signing')
      out.push(
        refusal(
          EVENT_CODES.liaisonOnlyForSigning,
          { kind: input.kind },
          { field: 'liaisonOfficeId' },
        ),
      );
    else if (!(await liaisonOfficeExists(ctx.db, input.liaisonOfficeId)))
      out.push(
        refusal(
          EVENT_CODES.unknownRecord,
          { id: input.liaisonOfficeId },
          { field: 'liaisonOfficeId' },
        ),
      );
  }
  if (input.seriesId && !(await findSeries(ctx.db, input.seriesId)))
    out.push(refusal(EVENT_CODES.unknownRecord, { id: input.seriesId }, { field: 'seriesId' }));
  // Every party and linked record must exist, named by its place in the list.
  const parties = [...input.organisers, ...(input.hosts ?? [])];
  const missing = await missingRecords(ctx.db, {
    institutionIds: parties.filter((p) => p.type === 'institution').map((p) => p.id),
    consortiumIds: [
      ...parties.filter((p) => p.type === 'consortium').map((p) => p.id),
      ...(input.consortiumIds ?? []),
    ],
    programIds: input.programIds ?? [],
    agreementIds: input.agreementIds ?? [],
  });
  const lists: [string, readonly string[]][] = [
    ['organisers', input.organisers.map((p) => p.id)],
    ['hosts', (input.hosts ?? []).map((p) => p.id)],
    ['programIds', input.programIds ?? []],
    ['agreementIds', input.agreementIds ?? []],
    ['consortiumIds', input.consortiumIds ?? []],
  ];
  for (const [field, ids] of lists)
    ids.forEach((id, i) => {
      if (missing.has(id))
        out.push(
          refusal(
            EVENT_CODES.unknownRecord,
            { id },
            {
              field:
                field === 'organisers' || field === 'hosts' ? `${field}.${i}.id` : `${field}.${i}`,
            },
          ),
        );
    });
  return out;
}

const columns = (input: EventInput) => ({
  kind: input.kind,
  seriesId: input.seriesId ?? null,
  title: input.title,
  description: input.description ?? {},
  timeZone: input.timeZone,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  mode: input.mode,
  city: input.city ?? null,
  country: input.country ?? null,
  venue: input.venue ?? {},
  organisers: input.organisers,
  hosts: input.hosts ?? [],
  programIds: input.programIds ?? [],
  agreementIds: input.agreementIds ?? [],
  consortiumIds: input.consortiumIds ?? [],
  liaisonOfficeId: input.liaisonOfficeId ?? null,
  capacity: input.capacity ?? null,
  approvalRequired: input.approvalRequired ?? false,
  visibility: input.visibility ?? 'public',
  followUp: input.followUp ?? [],
  videoUrl: input.videoUrl ?? null,
});

/** An organiser creates an event for parties they act for. */
export async function createEvent(ctx: ServiceContext, input: EventInput) {
  requireAccess(ctx, 'event:manage', eventResource({ organisers: input.organisers }), {
    doing: 'organise an event for these parties',
  });
  const problems = await eventProblems(ctx, input);
  if (problems.length) throw refusedFields(problems);
  const id = await ctx.db.transaction(async (tx) => {
    const values = columns(input);
    const id = await insertEvent(tx, { ...values, createdBy: ctx.actor?.id ?? null });
    await audit(tx, ctx, {
      action: 'event.create',
      resourceType: 'event',
      resourceId: id,
      after: { ...values },
    });
    return id;
  });
  return getEvent(ctx, id);
}

/** The organisers change an event; new days must keep every session on one of them. */
export async function updateEventDetails(ctx: ServiceContext, id: string, input: EventInput) {
  const before = await managedEvent(ctx, id, 'change this event');
  // The new organisers must be parties the actor acts for as well.
  requireAccess(
    ctx,
    'event:manage',
    eventResource({ organisers: input.organisers, createdBy: before.createdBy }),
    {
      doing: 'organise an event for these parties',
    },
  );
  const problems = await eventProblems(ctx, input);
  const sessions = await sessionsOf(ctx.db, id);
  problems.push(
    ...sessionsOutsideDays(
      input,
      sessions.map((s) => ({
        ...s,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    ),
  );
  if (problems.length) throw refusedFields(problems);
  await ctx.db.transaction(async (tx) => {
    const values = columns(input);
    await updateEvent(tx, id, { ...values, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'event.update',
      resourceType: 'event',
      resourceId: id,
      before: { ...columns(before as unknown as EventInput) },
      after: { ...values },
    });
  });
  return getEvent(ctx, id);
}

// ------------------------------------------------------------------------------------ series

async function seriesView(ctx: ServiceContext, s: SeriesRow, withEvents: boolean) {
  const editions = (await listEventRows(ctx.db, { seriesId: s.id })).filter((e) => sees(ctx, e));
  const name = await partyNames(ctx, [
    ...s.organisers,
    ...s.candidates.map((c) => ({ type: 'institution' as const, id: c.id })),
    ...editions.flatMap((e) => e.hosts),
  ]);
  const suggestion = s.rotation
    ? nextHost(
        { rotation: s.rotation, candidates: s.candidates },
        editions.map((e) => ({
          startsOn: e.startsOn,
          country: e.country,
          hostIds: e.hosts.map((h) => h.id),
        })),
      )
    : null;
  const counts = withEvents
    ? await participantCounts(
        ctx.db,
        editions.map((e) => e.id),
      )
    : new Map();
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    rotation: s.rotation,
    candidates: s.candidates.map((c) => ({ ...c, name: name({ type: 'institution', id: c.id }) })),
    organisers: s.organisers.map((p) => ({ ...p, name: name(p) })),
    invented: s.invented,
    nextHost: suggestion
      ? {
          ...suggestion,
          hostName: suggestion.hostId ? name({ type: 'institution', id: suggestion.hostId }) : null,
        }
      : null,
    editions: withEvents
      ? [...editions]
          .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
          .map((e) => summary(e, name, counts.get(e.id)))
      : [],
    editionCount: editions.length,
    may: { manage: can(ctx.actor, 'event:manage', eventResource(s)) },
  };
}

export async function listSeries(ctx: ServiceContext) {
  const rows = await listSeriesRows(ctx.db);
  return { items: await Promise.all(rows.map((s) => seriesView(ctx, s, false))) };
}

/** A series' archive page: every edition the reader sees, the rotation and the next host. */
export async function getSeries(ctx: ServiceContext, id: string) {
  const s = await findSeries(ctx.db, id);
  if (!s) throw notFound('event series', id);
  return seriesView(ctx, s, true);
}

export async function createSeries(ctx: ServiceContext, input: SeriesInput) {
  requireAccess(ctx, 'event:manage', eventResource({ organisers: input.organisers }), {
    doing: 'organise a series for these parties',
  });
  if (input.rotation) {
    const problems = rotationProblems(input.rotation);
    if (problems.length) throw refusedFields(problems);
  }
  const id = await ctx.db.transaction(async (tx) => {
    const values = {
      title: input.title,
      description: input.description ?? {},
      rotation: input.rotation ?? null,
      candidates: input.candidates ?? [],
      organisers: input.organisers,
    };
    const id = await insertSeries(tx, { ...values, createdBy: ctx.actor?.id ?? null });
    await audit(tx, ctx, {
      action: 'event.series-create',
      resourceType: 'event_series',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getSeries(ctx, id);
}

/** The events the signed-in person registered for, with their registration, soonest last. */
export async function myEvents(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'sign in first');
  const regs = await registrationsOfUser(ctx.db, ctx.actor.id);
  const rows = await listEventRows(ctx.db, { ids: regs.map((r) => r.eventId) });
  const [name, counts] = await Promise.all([
    partyNames(
      ctx,
      rows.flatMap((e) => [...e.organisers, ...e.hosts]),
    ),
    participantCounts(
      ctx.db,
      rows.map((e) => e.id),
    ),
  ]);
  const byId = new Map(rows.map((e) => [e.id, e]));
  return {
    items: regs.flatMap((r) => {
      const e = byId.get(r.eventId);
      return e
        ? [{ registration: registrationView(r), event: summary(e, name, counts.get(e.id)) }]
        : [];
    }),
  };
}

export interface LiaisonOfficeInput {
  institutionId: string;
  consortiumId?: string | null;
  name: string;
  names?: LocalizedText;
  city: string;
  country: string;
  department?: string | null;
  person?: string | null;
  contact?: string | null;
}

/**
 * A signing ceremony opens the liaison office it celebrates: the office enters the registry,
 * opened on the ceremony's last day, and the ceremony is linked to it. The organiser must manage
 * the ceremony and keep the registry record of the office's university.
 */
export async function openLiaisonOffice(
  ctx: ServiceContext,
  eventId: string,
  input: LiaisonOfficeInput,
) {
  const e = await managedEvent(ctx, eventId, 'open a liaison office at this ceremony');
  requireAccess(
    ctx,
    'registry:write',
    await institutionRecordResource(ctx.db, input.institutionId, todayOf(ctx)),
    { doing: 'add a liaison office of this university' },
  );
  if (e.kind !== 'ceremony_signing')
    throw refusedFields([
      refusal(EVENT_CODES.liaisonOnlyForSigning, { kind: e.kind }, { field: 'institutionId' }),
    ]);
  if (e.liaisonOfficeId) throw conflict(refusal(EVENT_CODES.liaisonAlreadyLinked));
  await ctx.db.transaction(async (tx) => {
    const values = {
      institutionId: input.institutionId,
      consortiumId: input.consortiumId ?? null,
      name: input.name,
      names: input.names ?? {},
      city: input.city,
      country: input.country,
      department: input.department ?? null,
      person: input.person ?? null,
      contact: input.contact ?? null,
      openedOn: e.endsOn,
    };
    const officeId = await insertLiaisonOffice(tx, values);
    await updateEvent(tx, eventId, { liaisonOfficeId: officeId, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'event.liaison-office-open',
      resourceType: 'event',
      resourceId: eventId,
      details: { liaisonOfficeId: officeId },
      after: values,
    });
  });
  return getEvent(ctx, eventId);
}
