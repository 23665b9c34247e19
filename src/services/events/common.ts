/**
 * What the events use cases share: the access resource of an event (its organising parties), the
 * loading of an event the reader may see, and refusals turned into field errors.
 */
import type { Refusal } from '#src/domain/shared/refusal.ts';
import type { PartyRef } from '#src/domain/events/kinds.ts';
import { findEvent, type EventRow } from '#src/db/queries/events.ts';
import { can, requireAccess, type Target } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { invalidInput, notFound } from '../errors.ts';

const ids = (parties: readonly PartyRef[], type: PartyRef['type']) => [
  ...new Set(parties.filter((p) => p.type === type).map((p) => p.id)),
];

/** An event (or a series) as an access resource: its organisers' institutions and consortia. */
export const eventResource = (e: {
  id?: string;
  organisers: readonly PartyRef[];
  createdBy?: string | null;
}): Target => ({
  type: 'event',
  id: e.id,
  institutionIds: ids(e.organisers, 'institution'),
  consortiumIds: ids(e.organisers, 'consortium'),
  createdBy: e.createdBy ?? null,
});

/** Whether the actor manages the event (its organisers' officers, its creator, admins). */
export const manages = (ctx: ServiceContext, e: EventRow) =>
  can(ctx.actor, 'event:manage', eventResource(e));

/** Whether the actor sees the event: public ones to everyone, others to the signed-in. */
export const sees = (ctx: ServiceContext, e: Pick<EventRow, 'visibility'>) =>
  e.visibility === 'public' || ctx.actor !== null;

/** The event the reader may see, or a 404. */
export async function visibleEvent(ctx: ServiceContext, id: string): Promise<EventRow> {
  const e = await findEvent(ctx.db, id);
  if (!e || !sees(ctx, e)) throw notFound('event', id);
  return e;
}

/** The event the actor manages: 404 when they do not see it, 403 when they see but may not. */
export async function managedEvent(
  ctx: ServiceContext,
  id: string,
  doing = 'manage this event',
): Promise<EventRow> {
  const e = await visibleEvent(ctx, id);
  requireAccess(ctx, 'event:manage', eventResource(e), { doing });
  return e;
}

/** A 400 listing refusals that each name a field, rooted at `root` (`body`). */
export function refusedFields(refusals: readonly Refusal[], root = 'body') {
  return invalidInput(
    refusals.map((r) => ({
      field: r.field ? `${root}.${r.field}` : root,
      code: r.code,
      params: r.params,
      message: r.code,
    })),
  );
}
