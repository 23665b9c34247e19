/**
 * Who acts on a call, as access resources built with src/services/access.ts: the managers of a
 * call are the coordinators and rep officers of its sending side; its scorers are the reviewers
 * scoped to it and the coordinators of any of its universities (R6); its staff (who read the
 * applicants) are either. Universities are those taking part on the date given: today for who
 * acts now.
 */
import { inForceOn } from '#src/domain/registry/membership.ts';
import type { Action, MaybeActor } from '#src/domain/access/policy.ts';
import type { SendingConsortium } from '#src/domain/eligibility/index.ts';
import { hostsOf, type CallRow } from '#src/db/queries/calls/calls.ts';
import {
  callResource as callAccessResource,
  can,
  requireAccess,
  type AccessOptions,
  type Target,
} from '../access.ts';
import type { ServiceContext } from '../context.ts';

type CallParties = Pick<CallRow, 'id' | 'sendingConsortiumIds' | 'programId' | 'hosts'>;

/** The members of the sending consortia in force on `onDate` (today: who acts for the call now). */
export function sendingMembersOn(sending: SendingConsortium[], onDate: string): string[] {
  return sending.flatMap((c) =>
    c.members.filter((m) => inForceOn(m, onDate)).map((m) => m.institutionId),
  );
}

/** Every institution of a call on `onDate`: the members of its sending consortia and its hosts. */
export function callInstitutionIds(
  row: Pick<CallRow, 'hosts'>,
  sending: SendingConsortium[],
  onDate: string,
): string[] {
  return [
    ...new Set([...sendingMembersOn(sending, onDate), ...hostsOf(row).map((h) => h.institutionId)]),
  ];
}

/** The access resource of a call: its sending consortia and every university of it. */
export const callResource = (row: CallParties, sending: SendingConsortium[], onDate: string) =>
  callAccessResource({
    id: row.id,
    sendingConsortiumIds: row.sendingConsortiumIds,
    institutionIds: callInstitutionIds(row, sending, onDate),
    programId: row.programId,
  });

/** The sending side of a call: its consortia and their members, who create and edit it. */
export const callManagersResource = (
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
): Target =>
  callAccessResource({
    id: row.id,
    sendingConsortiumIds: row.sendingConsortiumIds,
    institutionIds: sendingMembersOn(sending, onDate),
    programId: row.programId,
  });

/** The call and every university of it, not its consortia: who scores its applicants (R6). */
export const callScorersResource = (
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
): Target =>
  callAccessResource({
    id: row.id,
    sendingConsortiumIds: [],
    institutionIds: callInstitutionIds(row, sending, onDate),
    programId: row.programId,
  });

/** Coordinators and rep officers of the sending side may create and edit a call. */
export function mayManageCall(
  actor: MaybeActor,
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
) {
  return can(actor, 'call:manage', callManagersResource(row, sending, onDate));
}

/**
 * May score applicants of the call (R6): a reviewer scoped to the call, or a coordinator of one
 * of the call's sending or host institutions.
 */
export function mayScore(
  actor: MaybeActor,
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
) {
  const resource = callScorersResource(row, sending, onDate);
  return can(actor, 'score:write', resource) || can(actor, 'call:manage', resource);
}

/** May see the applicants, their documents and the rank list of the call (staff only). */
export function mayReadApplicants(
  actor: MaybeActor,
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
) {
  return mayManageCall(actor, row, sending, onDate) || mayScore(actor, row, sending, onDate);
}

/** A reviewer acts by `score:write`; a coordinator or rep officer by `call:manage`. */
const staffAction = (actor: MaybeActor, resource: Target): Action =>
  can(actor, 'score:write', resource) ? 'score:write' : 'call:manage';

/** Throws unless the actor may score the call's applicants (R6). */
export function requireScorer(
  ctx: Pick<ServiceContext, 'actor'>,
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
  options?: AccessOptions,
): void {
  const resource = callScorersResource(row, sending, onDate);
  requireAccess(ctx, staffAction(ctx.actor, resource), resource, options);
}

/**
 * Throws unless the actor is staff of the call (a manager or a scorer): the whole call resource
 * holds what either is scoped to. `also` adds institutions whose coordinators read too (an
 * applicant's home). With `hidden`, a refusal is the 404 of that record (it does not exist for
 * them); else a 403 saying what they tried (`doing`).
 */
export function requireCallStaff(
  ctx: Pick<ServiceContext, 'actor'>,
  row: CallParties,
  sending: SendingConsortium[],
  onDate: string,
  how: { doing?: string; also?: readonly string[]; hidden?: { type: string; id: string } },
): void {
  const call = callResource(row, sending, onDate);
  const resource: Target = {
    ...call,
    ...how.hidden,
    institutionIds: [...new Set([...(call.institutionIds ?? []), ...(how.also ?? [])])],
  };
  const action = staffAction(ctx.actor, resource);
  requireAccess(ctx, action, resource, {
    doing: how.doing,
    visibleBy: how.hidden ? [action, resource] : undefined,
  });
}
