/**
 * The programme of an event, kept by its organisers: sessions (a day, start and end in the event's
 * zone, a room, a hidden online link), contributions (keynote, report, student presentation,
 * remarks; a registered speaker or a named guest; materials and video with the speaker's
 * recording consent) and versioned minutes, locked once approved.
 */
import type { ContributionKind } from '#src/domain/events/kinds.ts';
import { fileLinkProblem, linkProblem } from '#src/domain/events/links.ts';
import { minutesEditProblem, nextMinutesVersion } from '#src/domain/events/minutes.ts';
import { placeSession } from '#src/domain/events/programme.ts';
import { EVENT_CODES } from '#src/domain/events/refusal-codes.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { personNames } from '#src/db/queries/names.ts';
import {
  deleteContribution,
  deleteSession,
  findContribution,
  findSession,
  insertContribution,
  insertMinutes,
  insertSession,
  minutesOf,
  sessionsOf,
  updateContribution,
  updateMinutes,
  updateSession,
  type SessionRow,
} from '#src/db/queries/events.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { managedEvent, manages, refusedFields, visibleEvent } from './common.ts';
import { getEvent } from './events.ts';

export interface SessionInput {
  day: string;
  startTime: string;
  endTime: string;
  room?: string | null;
  title: LocalizedText;
  description?: LocalizedText;
  onlineUrl?: string | null;
}

export interface ContributionInput {
  kind: ContributionKind;
  position?: number;
  title: LocalizedText;
  abstract?: LocalizedText;
  speakerUserId?: string | null;
  guestName?: string | null;
  guestAffiliation?: string | null;
  materialsUrl?: string | null;
  videoUrl?: string | null;
  recordingConsent?: boolean;
}

const placed = (s: SessionRow) => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  room: s.room,
  title: s.title,
});

async function sessionProblems(
  ctx: ServiceContext,
  eventId: string,
  input: SessionInput,
  exceptId: string | null,
) {
  const event = await managedEvent(ctx, eventId, 'change the programme');
  const others = (await sessionsOf(ctx.db, eventId)).filter((s) => s.id !== exceptId).map(placed);
  const place = placeSession(event, { ...input, room: input.room ?? null }, others);
  const problems: Refusal[] = place.ok ? [] : [...place.refusals];
  if (input.onlineUrl) {
    const p = linkProblem(input.onlineUrl, 'onlineUrl');
    if (p) problems.push(p);
  }
  if (problems.length || !place.ok) throw refusedFields(problems);
  return {
    day: input.day,
    startsAt: new Date(place.startsAt),
    endsAt: new Date(place.endsAt),
    room: input.room?.trim() || null,
    title: input.title,
    description: input.description ?? {},
    onlineUrl: input.onlineUrl ?? null,
  };
}

export async function createSession(ctx: ServiceContext, eventId: string, input: SessionInput) {
  const values = await sessionProblems(ctx, eventId, input, null);
  await ctx.db.transaction(async (tx) => {
    const id = await insertSession(tx, { ...values, eventId });
    await audit(tx, ctx, {
      action: 'event.session-create',
      resourceType: 'event_session',
      resourceId: id,
      details: { eventId },
      after: { ...values, onlineUrl: values.onlineUrl ? '(set)' : null },
    });
  });
  return getEvent(ctx, eventId);
}

async function sessionOf(ctx: ServiceContext, sessionId: string) {
  const s = await findSession(ctx.db, sessionId);
  if (!s) throw notFound('session', sessionId);
  return s;
}

export async function updateSessionDetails(
  ctx: ServiceContext,
  sessionId: string,
  input: SessionInput,
) {
  const before = await sessionOf(ctx, sessionId);
  const values = await sessionProblems(ctx, before.eventId, input, sessionId);
  await ctx.db.transaction(async (tx) => {
    await updateSession(tx, sessionId, values);
    await audit(tx, ctx, {
      action: 'event.session-update',
      resourceType: 'event_session',
      resourceId: sessionId,
      details: { eventId: before.eventId },
      before: { day: before.day, room: before.room, title: before.title },
      after: { day: values.day, room: values.room, title: values.title },
    });
  });
  return getEvent(ctx, before.eventId);
}

export async function removeSession(ctx: ServiceContext, sessionId: string) {
  const s = await sessionOf(ctx, sessionId);
  await managedEvent(ctx, s.eventId, 'change the programme');
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, sessionId);
    await audit(tx, ctx, {
      action: 'event.session-delete',
      resourceType: 'event_session',
      resourceId: sessionId,
      details: { eventId: s.eventId },
      before: { day: s.day, room: s.room, title: s.title },
    });
  });
  return getEvent(ctx, s.eventId);
}

// ----------------------------------------------------------------------------- contributions

async function contributionValues(ctx: ServiceContext, input: ContributionInput) {
  const problems: Refusal[] = [];
  if (!input.speakerUserId && !input.guestName?.trim())
    problems.push(refusal(EVENT_CODES.speakerMissing, {}, { field: 'speakerUserId' }));
  if (input.speakerUserId && (await personNames(ctx.db, [input.speakerUserId])).size === 0)
    problems.push(refusal(EVENT_CODES.unknownRecord, {}, { field: 'speakerUserId' }));
  for (const [field, url, check] of [
    ['materialsUrl', input.materialsUrl, fileLinkProblem],
    ['videoUrl', input.videoUrl, linkProblem],
  ] as const) {
    if (url) {
      const p = check(url, field);
      if (p) problems.push(p);
    }
  }
  if (problems.length) throw refusedFields(problems);
  return {
    kind: input.kind,
    position: input.position ?? 0,
    title: input.title,
    abstract: input.abstract ?? {},
    speakerUserId: input.speakerUserId ?? null,
    guestName: input.guestName?.trim() || null,
    guestAffiliation: input.guestAffiliation?.trim() || null,
    materialsUrl: input.materialsUrl ?? null,
    videoUrl: input.videoUrl ?? null,
    recordingConsent: input.recordingConsent ?? false,
  };
}

export async function createContribution(
  ctx: ServiceContext,
  sessionId: string,
  input: ContributionInput,
) {
  const s = await sessionOf(ctx, sessionId);
  await managedEvent(ctx, s.eventId, 'change the programme');
  const values = await contributionValues(ctx, input);
  await ctx.db.transaction(async (tx) => {
    const id = await insertContribution(tx, { ...values, sessionId });
    await audit(tx, ctx, {
      action: 'event.contribution-create',
      resourceType: 'event_contribution',
      resourceId: id,
      details: { eventId: s.eventId, sessionId },
      after: values,
    });
  });
  return getEvent(ctx, s.eventId);
}

async function contributionOf(ctx: ServiceContext, id: string) {
  const c = await findContribution(ctx.db, id);
  if (!c) throw notFound('contribution', id);
  const s = (await findSession(ctx.db, c.sessionId))!;
  await managedEvent(ctx, s.eventId, 'change the programme');
  return { c, eventId: s.eventId };
}

export async function updateContributionDetails(
  ctx: ServiceContext,
  id: string,
  input: ContributionInput,
) {
  const { c, eventId } = await contributionOf(ctx, id);
  const values = await contributionValues(ctx, input);
  await ctx.db.transaction(async (tx) => {
    await updateContribution(tx, id, values);
    await audit(tx, ctx, {
      action: 'event.contribution-update',
      resourceType: 'event_contribution',
      resourceId: id,
      details: { eventId, sessionId: c.sessionId },
      before: { ...c },
      after: values,
    });
  });
  return getEvent(ctx, eventId);
}

export async function removeContribution(ctx: ServiceContext, id: string) {
  const { c, eventId } = await contributionOf(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await deleteContribution(tx, id);
    await audit(tx, ctx, {
      action: 'event.contribution-delete',
      resourceType: 'event_contribution',
      resourceId: id,
      details: { eventId, sessionId: c.sessionId },
      before: { kind: c.kind, title: c.title },
    });
  });
  return getEvent(ctx, eventId);
}

// ----------------------------------------------------------------------------------- minutes

/** A session's minutes: approved versions for every reader, drafts for the organisers too. */
export async function listMinutes(ctx: ServiceContext, sessionId: string) {
  const s = await sessionOf(ctx, sessionId);
  const event = await visibleEvent(ctx, s.eventId);
  const manager = manages(ctx, event);
  const versions = (await minutesOf(ctx.db, sessionId)).filter(
    (v) => manager || v.approvedAt !== null,
  );
  const names = await personNames(
    ctx.db,
    versions.flatMap((v) => [v.createdBy, v.approvedBy]).filter((x): x is string => !!x),
  );
  return {
    sessionId,
    eventId: s.eventId,
    may: { write: manager },
    items: versions.map((v) => ({
      version: v.version,
      text: v.text,
      createdAt: v.createdAt.toISOString(),
      createdByName: v.createdBy ? (names.get(v.createdBy) ?? null) : null,
      approvedAt: v.approvedAt?.toISOString() ?? null,
      approvedByName: v.approvedBy ? (names.get(v.approvedBy) ?? null) : null,
      locked: v.approvedAt !== null,
    })),
  };
}

async function managedSession(ctx: ServiceContext, sessionId: string) {
  const s = await sessionOf(ctx, sessionId);
  await managedEvent(ctx, s.eventId, 'keep the minutes');
  return s;
}

/** A new version of the minutes (a draft). */
export async function createMinutes(
  ctx: ServiceContext,
  sessionId: string,
  input: { text: LocalizedText },
) {
  await managedSession(ctx, sessionId);
  await ctx.db.transaction(async (tx) => {
    const version = nextMinutesVersion(
      (await minutesOf(tx, sessionId)).map((v) => ({
        version: v.version,
        approvedAt: v.approvedAt?.toISOString() ?? null,
      })),
    );
    await insertMinutes(tx, { sessionId, version, text: input.text, createdBy: ctx.actor!.id });
    await audit(tx, ctx, {
      action: 'event.minutes-create',
      resourceType: 'event_session',
      resourceId: sessionId,
      details: { version },
      after: { text: input.text },
    });
  });
  return listMinutes(ctx, sessionId);
}

async function draftVersion(ctx: ServiceContext, sessionId: string, version: number) {
  const v = (await minutesOf(ctx.db, sessionId)).find((m) => m.version === version);
  if (!v) throw notFound('minutes', `${sessionId}/${version}`);
  const problem = minutesEditProblem({
    version,
    approvedAt: v.approvedAt?.toISOString() ?? null,
  });
  if (problem) throw conflict(problem);
  return v;
}

/** Corrects a draft version; an approved one is locked. */
export async function editMinutes(
  ctx: ServiceContext,
  sessionId: string,
  version: number,
  input: { text: LocalizedText },
) {
  await managedSession(ctx, sessionId);
  const v = await draftVersion(ctx, sessionId, version);
  await ctx.db.transaction(async (tx) => {
    await updateMinutes(tx, sessionId, version, { text: input.text });
    await audit(tx, ctx, {
      action: 'event.minutes-update',
      resourceType: 'event_session',
      resourceId: sessionId,
      details: { version },
      before: { text: v.text },
      after: { text: input.text },
    });
  });
  return listMinutes(ctx, sessionId);
}

/** Approves a version: from now on it is locked. */
export async function approveMinutes(ctx: ServiceContext, sessionId: string, version: number) {
  await managedSession(ctx, sessionId);
  await draftVersion(ctx, sessionId, version);
  await ctx.db.transaction(async (tx) => {
    await updateMinutes(tx, sessionId, version, {
      approvedAt: ctx.clock.now(),
      approvedBy: ctx.actor!.id,
    });
    await audit(tx, ctx, {
      action: 'event.minutes-approve',
      resourceType: 'event_session',
      resourceId: sessionId,
      details: { version },
    });
  });
  return listMinutes(ctx, sessionId);
}
