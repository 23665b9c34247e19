/**
 * Alumni associations: the public page (officers, general conferences with their minutes, how many
 * alumni), and what its university's coordinators and its officers do: enter the alumni of
 * completed mobilities (once each), name and remove officers, record general conferences.
 */
import { randomUUID } from 'node:crypto';
import {
  alumniCounts,
  associationById,
  associationOf,
  associationsList,
  deleteOfficer,
  enterAlumni,
  eventForMeeting,
  insertAssociation,
  insertMeeting,
  insertOfficer,
  isAlumnusOf,
  meetingsOf,
  officersOf,
  type AssociationRow,
} from '#src/db/queries/alumni.ts';
import { institutionNames, personNames, programNames } from '#src/db/queries/names.ts';
import { ALUMNI_CODES } from '#src/domain/alumni/index.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import type {
  AssociationDetail,
  AssociationInput,
  AssociationSummary,
  MeetingInput,
  OfficerInput,
} from './types.ts';
import { alumniAssociationResource, can, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, invalidField, notFound } from '../errors.ts';

async function load(ctx: ServiceContext, id: string) {
  const association = await associationById(ctx.db, id);
  if (!association) throw notFound('alumni-association', id);
  const officers = await officersOf(ctx.db, id);
  const resource = alumniAssociationResource(
    association,
    officers.map((o) => o.userId),
  );
  return { association, officers, resource };
}

const counted = async (ctx: ServiceContext, id: string) => {
  const rows = await alumniCounts(ctx.db, id);
  const n = (d: string) => rows.find((r) => r.direction === d)?.n ?? 0;
  return { outgoing: n('outgoing'), incoming: n('incoming') };
};

async function summaries(
  ctx: ServiceContext,
  rows: AssociationRow[],
): Promise<AssociationSummary[]> {
  const insts = await institutionNames(
    ctx.db,
    rows.map((r) => r.institutionId),
  );
  const progs = await programNames(
    ctx.db,
    rows.flatMap((r) => (r.programId ? [r.programId] : [])),
  );
  return Promise.all(
    rows.map(async (r) => {
      const c = await counted(ctx, r.id);
      return {
        id: r.id,
        names: r.names,
        institution: {
          id: r.institutionId,
          name: insts.get(r.institutionId) ?? { en: r.institutionId },
        },
        program: r.programId
          ? { id: r.programId, name: progs.get(r.programId) ?? { en: r.programId } }
          : null,
        foundedOn: r.foundedOn,
        alumni: c.outgoing + c.incoming,
        invented: r.invented,
      };
    }),
  );
}

/** Every association, with its university and how many alumni it has. */
export async function listAssociations(
  ctx: ServiceContext,
): Promise<{ items: AssociationSummary[]; may: { create: boolean } }> {
  const actor = ctx.actor;
  return {
    items: await summaries(ctx, await associationsList(ctx.db)),
    // A university's coordinators found its associations (for that university alone).
    may: {
      create:
        actor !== null &&
        (actor.platformAdmin || actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

/**
 * Founds an association of a university's alumni (or of one program at it): the university's
 * coordinators and administrators. A university has one association per program, and one
 * without a program.
 */
export async function createAssociation(
  ctx: ServiceContext,
  body: AssociationInput,
): Promise<AssociationDetail> {
  const programId = body.programId ?? null;
  // The registry is public: an unknown university is told as such, before who may act on it.
  const [universities, programs] = await Promise.all([
    institutionNames(ctx.db, [body.institutionId]),
    programNames(ctx.db, programId ? [programId] : []),
  ]);
  if (!universities.has(body.institutionId))
    throw invalidField(
      'body.institutionId',
      refusal(ALUMNI_CODES.unknownUniversity, { id: body.institutionId }),
      'no such university in the registry',
    );
  requireAccess(
    ctx,
    'alumni:manage',
    alumniAssociationResource({ id: '', institutionId: body.institutionId }, []),
    { doing: 'found an alumni association of this university' },
  );
  if (programId && !programs.has(programId))
    throw invalidField(
      'body.programId',
      refusal(ALUMNI_CODES.unknownProgram, { id: programId }),
      'no such program',
    );
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    if (await associationOf(tx, body.institutionId, programId))
      throw invalidField(
        programId ? 'body.programId' : 'body.institutionId',
        refusal(ALUMNI_CODES.associationExists, {}),
        'the university already has an association for this program',
      );
    const values = {
      id,
      institutionId: body.institutionId,
      programId,
      names: body.names,
      description: body.description ?? {},
      foundedOn: body.foundedOn ?? null,
    };
    await insertAssociation(tx, values);
    await audit(tx, ctx, {
      action: 'alumni.association-create',
      resourceType: 'alumni-association',
      resourceId: id,
      after: values,
    });
  });
  return getAssociation(ctx, id);
}

/** One association's page. */
export async function getAssociation(ctx: ServiceContext, id: string): Promise<AssociationDetail> {
  const { association, officers, resource } = await load(ctx, id);
  requireAccess(ctx, 'alumni:read', resource);
  const [summary] = await summaries(ctx, [association]);
  const names = await personNames(
    ctx.db,
    officers.map((o) => o.userId),
  );
  const meetings = await meetingsOf(ctx.db, id);
  return {
    ...summary!,
    description: association.description,
    counts: await counted(ctx, id),
    officers: officers.map((o) => ({
      userId: o.userId,
      name: names.get(o.userId) ?? {},
      title: o.title,
      since: o.since,
    })),
    meetings: meetings.map((m) => ({
      id: m.id,
      kind: m.kind,
      number: m.number,
      heldOn: m.heldOn,
      title: m.title,
      minutes: m.minutes,
      eventId: m.eventId,
      invented: m.invented,
    })),
    may: { manage: can(ctx.actor, 'alumni:manage', resource) },
  };
}

/**
 * Enters the alumni of the association's completed mobilities not entered yet: running it again
 * adds nothing (no re-entry of a mobility).
 */
export async function deriveAssociationAlumni(
  ctx: ServiceContext,
  id: string,
): Promise<{ added: number; alumni: number }> {
  const { association, resource } = await load(ctx, id);
  requireAccess(ctx, 'alumni:manage', resource, { doing: 'enter the alumni of this association' });
  return ctx.db.transaction(async (tx) => {
    const added = await enterAlumni(tx, association);
    await audit(tx, ctx, {
      action: 'alumni.derive',
      resourceType: 'alumni-association',
      resourceId: id,
      details: { added },
    });
    const c = await counted({ ...ctx, db: tx }, id);
    return { added, alumni: c.outgoing + c.incoming };
  });
}

/** Names an alumnus with an account an officer of the association. */
export async function addOfficer(
  ctx: ServiceContext,
  id: string,
  body: OfficerInput,
): Promise<AssociationDetail> {
  const { officers, resource } = await load(ctx, id);
  requireAccess(ctx, 'alumni:manage', resource, { doing: 'name an officer of this association' });
  if (officers.some((o) => o.userId === body.userId))
    throw conflict(refusal(ALUMNI_CODES.officerAlready, {}), 'already an officer');
  if (!(await isAlumnusOf(ctx.db, id, body.userId)))
    throw invalidField(
      'body.userId',
      refusal(ALUMNI_CODES.officerNotAlumnus, {}),
      'an officer is an alumnus of the association',
    );
  await ctx.db.transaction(async (tx) => {
    await insertOfficer(tx, { associationId: id, ...body });
    await audit(tx, ctx, {
      action: 'alumni.officer-add',
      resourceType: 'alumni-association',
      resourceId: id,
      after: { officer: body.userId, title: body.title, since: body.since },
    });
  });
  return getAssociation(ctx, id);
}

/** Ends an officer's office. */
export async function removeOfficer(
  ctx: ServiceContext,
  id: string,
  userId: string,
): Promise<AssociationDetail> {
  const { resource } = await load(ctx, id);
  requireAccess(ctx, 'alumni:manage', resource, { doing: 'remove an officer of this association' });
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteOfficer(tx, id, userId))) throw notFound('alumni-officer', userId);
    await audit(tx, ctx, {
      action: 'alumni.officer-remove',
      resourceType: 'alumni-association',
      resourceId: id,
      before: { officer: userId },
    });
  });
  return getAssociation(ctx, id);
}

/** Records a general conference with its minutes (and the calendar's event, when there is one). */
export async function addMeeting(
  ctx: ServiceContext,
  id: string,
  body: MeetingInput,
): Promise<AssociationDetail> {
  const { resource } = await load(ctx, id);
  requireAccess(ctx, 'alumni:manage', resource, { doing: 'record a general conference' });
  if (body.eventId) {
    // The calendar's event must exist and be a general conference (decision 009: no constraint).
    const event = await eventForMeeting(ctx.db, body.eventId);
    if (!event)
      throw invalidField(
        'body.eventId',
        refusal(ALUMNI_CODES.unknownEvent, { id: body.eventId }),
        'no such event',
      );
    if (event.kind !== 'general_conference')
      throw invalidField(
        'body.eventId',
        refusal(ALUMNI_CODES.eventNotConference, { kind: event.kind }),
        'the event is not a general conference',
      );
  }
  await ctx.db.transaction(async (tx) => {
    const row = await insertMeeting(tx, {
      associationId: id,
      kind: 'general_conference',
      number: body.number,
      heldOn: body.heldOn,
      title: body.title,
      minutes: body.minutes,
      eventId: body.eventId,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'alumni.meeting-add',
      resourceType: 'alumni-association',
      resourceId: id,
      after: { meeting: row.id, heldOn: body.heldOn, title: body.title, eventId: body.eventId },
    });
  });
  return getAssociation(ctx, id);
}
