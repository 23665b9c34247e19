/**
 * Invitations to an event: its organisers address a consortium the event belongs to (its member
 * universities' coordinators), the students of a call they manage, or a cohort of an alumni
 * association they manage. Each person is told once per event, in their own language; the
 * organiser learns how many were reached, never who (the lists stay with those who keep them).
 */
import {
  inCohort,
  splitInvitees,
  type InvitationAudience,
} from '#src/domain/events/invitations.ts';
import { EVENT_CODES } from '#src/domain/events/refusal-codes.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { associationById, associationsList, officersOf } from '#src/db/queries/alumni.ts';
import { callsByDeadline, findCall, loadSendingConsortia } from '#src/db/queries/calls/calls.ts';
import {
  alumniWithAccounts,
  callStudents,
  consortiumCoordinators,
  insertInvitation,
  invitationsOf,
  inviteesOf,
  registrationsOf,
  type EventRow,
} from '#src/db/queries/events.ts';
import {
  callTitles,
  consortiumNames,
  institutionNames,
  personNames,
  programNames,
} from '#src/db/queries/names.ts';
import { todayOf } from '../clock.ts';
import { alumniAssociationResource, can } from '../access.ts';
import { audit } from '../audit.ts';
import { callManagersResource } from '../calls/access.ts';
import type { ServiceContext } from '../context.ts';
import { notify } from '../notify/notify.ts';
import type { Mailer } from '../notify/mailer.ts';
import { managedEvent, refusedFields } from './common.ts';

/** The consortia an event belongs to: linked, organising or hosting. */
const consortiaOf = (e: EventRow) => [
  ...new Set([
    ...e.consortiumIds,
    ...[...e.organisers, ...e.hosts].filter((p) => p.type === 'consortium').map((p) => p.id),
  ]),
];

/** Whether the actor manages the call (its sending side), on today's memberships. */
async function managesCall(ctx: ServiceContext, callId: string): Promise<boolean> {
  const call = await findCall(ctx.db, callId);
  if (!call) return false;
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  return can(ctx.actor, 'call:manage', callManagersResource(call, sending, todayOf(ctx)));
}

async function managesAssociation(ctx: ServiceContext, associationId: string): Promise<boolean> {
  const association = await associationById(ctx.db, associationId);
  if (!association) return false;
  const officers = await officersOf(ctx.db, associationId);
  return can(
    ctx.actor,
    'alumni:manage',
    alumniAssociationResource(
      association,
      officers.map((o) => o.userId),
    ),
  );
}

/**
 * The people of an audience, after checking the actor may address it. A group the actor may not
 * address is refused on its field as unknown to them (they learn nothing of it).
 */
async function audienceOf(
  ctx: ServiceContext,
  e: EventRow,
  audience: InvitationAudience,
): Promise<string[]> {
  switch (audience.kind) {
    case 'consortium_coordinators':
      if (!consortiaOf(e).includes(audience.consortiumId))
        throw refusedFields([
          refusal(EVENT_CODES.consortiumNotOfEvent, {}, { field: 'audience.consortiumId' }),
        ]);
      return consortiumCoordinators(ctx.db, audience.consortiumId, todayOf(ctx));
    case 'call_students':
      if (!(await managesCall(ctx, audience.callId)))
        throw refusedFields([
          refusal(EVENT_CODES.unknownRecord, { id: audience.callId }, { field: 'audience.callId' }),
        ]);
      return callStudents(ctx.db, audience.callId, audience.scope);
    case 'alumni_cohort': {
      if (!(await managesAssociation(ctx, audience.associationId)))
        throw refusedFields([
          refusal(
            EVENT_CODES.unknownRecord,
            { id: audience.associationId },
            { field: 'audience.associationId' },
          ),
        ]);
      const alumni = await alumniWithAccounts(ctx.db, audience.associationId);
      return alumni.filter((a) => inCohort(a, audience.cohort)).map((a) => a.userId!);
    }
  }
}

/** The organisers invite a group: each person not yet registered nor invited is told. */
export async function inviteToEvent(
  ctx: ServiceContext,
  mailer: Mailer | null,
  eventId: string,
  audience: InvitationAudience,
) {
  const e = await managedEvent(ctx, eventId, 'invite people to this event');
  const people = await audienceOf(ctx, e, audience);
  const { split, send } = await ctx.db.transaction(async (tx) => {
    const split = splitInvitees(people, {
      sender: ctx.actor?.id ?? null,
      registrations: await registrationsOf(tx, eventId),
      invited: await inviteesOf(tx, eventId),
    });
    const invitationId = await insertInvitation(
      tx,
      {
        eventId,
        audience,
        invitedCount: split.invite.length,
        sentBy: ctx.actor?.id ?? null,
        sentAt: ctx.clock.now(),
      },
      split.invite,
    );
    await audit(tx, ctx, {
      action: 'event.invite',
      resourceType: 'event',
      resourceId: eventId,
      details: {
        invitationId,
        audience,
        invited: split.invite.length,
        registered: split.registered,
        alreadyInvited: split.alreadyInvited,
      },
    });
    const send = await notify(tx, split.invite, {
      type: 'event.invited',
      params: { event: e.title, startsOn: e.startsOn },
      data: { eventId },
    });
    return { split, send };
  });
  await send(mailer);
  return {
    invited: split.invite.length,
    registered: split.registered,
    alreadyInvited: split.alreadyInvited,
  };
}

/** The name of each group an invitation can address, in every language it has. */
async function audienceNames(ctx: ServiceContext, audiences: readonly InvitationAudience[]) {
  const of = <K extends InvitationAudience['kind']>(kind: K) =>
    audiences.filter((a): a is Extract<InvitationAudience, { kind: K }> => a.kind === kind);
  const associations = await Promise.all(
    [...new Set(of('alumni_cohort').map((a) => a.associationId))].map((id) =>
      associationById(ctx.db, id),
    ),
  );
  const [cons, calls] = await Promise.all([
    consortiumNames(
      ctx.db,
      of('consortium_coordinators').map((a) => a.consortiumId),
    ),
    callTitles(
      ctx.db,
      of('call_students').map((a) => a.callId),
    ),
  ]);
  const assoc = new Map(associations.flatMap((a) => (a ? [[a.id, a.names] as const] : [])));
  return (a: InvitationAudience): LocalizedText =>
    (a.kind === 'consortium_coordinators'
      ? cons.get(a.consortiumId)
      : a.kind === 'call_students'
        ? calls.get(a.callId)
        : assoc.get(a.associationId)) ?? {};
}

/** The invitations sent for an event: to whom (the group's name), by whom, how many reached. */
export async function listInvitations(ctx: ServiceContext, eventId: string) {
  await managedEvent(ctx, eventId, 'see the invitations of this event');
  const rows = await invitationsOf(ctx.db, eventId);
  const [name, senders] = await Promise.all([
    audienceNames(
      ctx,
      rows.map((r) => r.audience),
    ),
    personNames(
      ctx.db,
      rows.flatMap((r) => (r.sentBy ? [r.sentBy] : [])),
    ),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      audience: r.audience,
      audienceName: name(r.audience),
      invited: r.invitedCount,
      sentBy: r.sentBy ? (senders.get(r.sentBy) ?? null) : null,
      sentAt: r.sentAt.toISOString(),
    })),
  };
}

/**
 * The groups the actor may invite to this event: the consortia it belongs to, the calls they
 * manage, the alumni associations they manage with the cohorts found in them.
 */
export async function invitationAudiences(ctx: ServiceContext, eventId: string) {
  const e = await managedEvent(ctx, eventId, 'invite people to this event');
  const consortiumIds = consortiaOf(e);
  const calls = [];
  // Latest deadline first: the call running now before those of past years.
  for (const row of [...(await callsByDeadline(ctx.db))].reverse())
    if (await managesCall(ctx, row.id)) calls.push({ id: row.id, title: row.title });
  const associations = [];
  for (const a of await associationsList(ctx.db)) {
    if (!(await managesAssociation(ctx, a.id))) continue;
    const alumni = await alumniWithAccounts(ctx.db, a.id);
    const distinct = <T>(values: T[]) => [...new Set(values)];
    associations.push({
      id: a.id,
      name: a.names,
      alumni: alumni.length,
      programIds: distinct(alumni.flatMap((x) => (x.programId ? [x.programId] : []))),
      hostIds: distinct(alumni.map((x) => x.hostId)),
      years: distinct(alumni.map((x) => x.year)).sort((x, y) => x - y),
    });
  }
  const [cons, insts, progs] = await Promise.all([
    consortiumNames(ctx.db, consortiumIds),
    institutionNames(
      ctx.db,
      associations.flatMap((a) => a.hostIds),
    ),
    programNames(
      ctx.db,
      associations.flatMap((a) => a.programIds),
    ),
  ]);
  return {
    consortia: consortiumIds.map((id) => ({ id, name: cons.get(id) ?? {} })),
    calls,
    associations: associations.map((a) => ({
      id: a.id,
      name: a.name,
      alumni: a.alumni,
      programs: a.programIds.map((id) => ({ id, name: progs.get(id) ?? {} })),
      hosts: a.hostIds.map((id) => ({ id, name: insts.get(id) ?? {} })),
      years: a.years,
    })),
  };
}
