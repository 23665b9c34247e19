/**
 * The one access gate of the use cases, and the access resources they describe records with.
 *
 * Every use case that reads scoped data or writes starts with `requireAccess(ctx, action,
 * resource)`. The decision is `can()` (src/domain/access); this module decides only how a refusal
 * is answered (decision 001):
 * - an action that reads a record (`person:read`, `audit:read`) answers 404: a record one may not
 *   read does not exist for them;
 * - any other action answers 403 when the actor can see what they act on, and 404 when they
 *   cannot — the caller says how the record is seen with `visibleBy`.
 *
 * The builders below are the only places that say which institutions, consortia, programs, calls
 * or owner a kind of record is attached to; use cases do not assemble `Resource` objects by hand.
 */
import { can, scopeCovers } from '#src/domain/access/can.ts';
import type { Action, MaybeActor, Resource, Role } from '#src/domain/access/policy.ts';
import type { Db } from '#src/db/client.ts';
import { membershipsOfInForce } from '#src/db/queries/memberships.ts';
import { institutionCreator } from '#src/db/queries/registry/institutions.ts';
import { AppError, notFound } from './errors.ts';
import type { ServiceContext } from './context.ts';

export { can } from '#src/domain/access/can.ts';
export type { Action, Resource } from '#src/domain/access/policy.ts';

/** Actions whose refusal must not reveal that the record exists. */
const READS: ReadonlySet<Action> = new Set<Action>(['person:read', 'audit:read']);

/** A resource with the name and id a 404 reports (`mobility "m-1" does not exist`). */
export interface Target extends Resource {
  id?: string;
}

export interface AccessOptions {
  /** How the actor would see the record: when they cannot, a refused write answers 404. */
  visibleBy?: readonly [Action, Resource];
  /** What the actor tried, for the log (`approve this payment batch`); the action id otherwise. */
  doing?: string;
}

/** The error a refusal of `action` on `resource` answers with, or null when it is allowed. */
export function refusalOf(
  actor: MaybeActor,
  action: Action,
  resource: Target,
  options: AccessOptions = {},
): AppError | null {
  if (can(actor, action, resource)) return null;
  const hidden =
    READS.has(action) ||
    (options.visibleBy !== undefined && !can(actor, options.visibleBy[0], options.visibleBy[1]));
  if (hidden) return notFound(resource.type, resource.id ?? '');
  return new AppError('forbidden', `you may not ${options.doing ?? action}`, { action });
}

/**
 * Throws unless the actor may do `action` on `resource`: 404 for a record they may not see, 403
 * for one they see but may not act on.
 */
export function requireAccess(
  ctx: Pick<ServiceContext, 'actor'>,
  action: Action,
  resource: Target,
  options?: AccessOptions,
): void {
  const refusal = refusalOf(ctx.actor, action, resource, options);
  if (refusal) throw refusal;
}

/**
 * Does the actor hold `role` with a scope covering the resource (or administer the platform)? For
 * the parts a person plays in a workflow (a mobility's funder officer), read from their roles
 * rather than inferred from an action the role happens to allow.
 */
export function holdsRole(actor: MaybeActor, role: Role, resource: Resource): boolean {
  if (!actor) return false;
  if (actor.platformAdmin) return true;
  return actor.roles.some((a) => a.role === role && scopeCovers(a, resource, actor.id));
}

// ---------------------------------------------------------------------------------------------
// Resource builders: one per kind of record.

const ids = (...xs: (string | null | undefined)[]) =>
  [...new Set(xs.filter((x): x is string => !!x))] as string[];

/** A program (its funder officers). */
export const programResource = (
  programId: string | null | undefined,
  type = 'program',
): Target => ({ type, id: programId ?? undefined, programIds: ids(programId) });

/** One or more consortia or associations (their officers and secretariats). */
export const consortiumResource = (
  consortiumIds: readonly (string | null | undefined)[],
  type = 'consortium',
): Target => ({ type, id: consortiumIds[0] ?? undefined, consortiumIds: ids(...consortiumIds) });

/** One or more institutions (their coordinators). */
export const institutionsResource = (
  institutionIds: readonly (string | null | undefined)[],
  type = 'institution',
): Target => ({ type, id: institutionIds[0] ?? undefined, institutionIds: ids(...institutionIds) });

/** What belongs to one person (the student themself). */
export const ownResource = (userId: string | null | undefined, type = 'self'): Target => ({
  type,
  id: userId ?? undefined,
  ownerUserId: userId ?? null,
});

/**
 * An institution with the consortia and associations it is a member of on `onDate`: an ended
 * membership, or one not yet begun, gives their officers nothing.
 */
export async function institutionResource(db: Db, id: string, onDate: string): Promise<Target> {
  const memberships = await membershipsOfInForce(db, [id], onDate);
  return {
    type: 'institution',
    id,
    institutionIds: [id],
    consortiumIds: memberships.map((m) => m.consortiumId),
  };
}

/**
 * An institution's registry record (its names, place, units): the institution on `onDate` and
 * the user who added it to the registry, who may keep it up to date (policy `registry:write`).
 * Not for what decides who belongs to the institution (its student e-mail domains).
 */
export async function institutionRecordResource(
  db: Db,
  id: string,
  onDate: string,
): Promise<Target> {
  return {
    ...(await institutionResource(db, id, onDate)),
    createdBy: await institutionCreator(db, id),
  };
}

/** A student's mobility: home and host, the sending consortium, the program, the student. */
export interface MobilityParties {
  id?: string;
  homeId: string;
  hostId: string;
  studentUserId: string | null;
  consortiumIds?: readonly (string | null | undefined)[];
  programIds?: readonly (string | null | undefined)[];
}

export const mobilityResource = (m: MobilityParties, type = 'mobility'): Target => ({
  type,
  id: m.id,
  institutionIds: ids(m.homeId, m.hostId),
  consortiumIds: ids(...(m.consortiumIds ?? [])),
  programIds: ids(...(m.programIds ?? [])),
  ownerUserId: m.studentUserId,
});

/** A party of an agreement: an institution, or a consortium with its representative university. */
export type AgreementParty =
  | { type: 'institution'; id: string }
  | { type: 'consortium'; id: string; representativeId?: string | null };

export const agreementPartyResource = (p: AgreementParty): Target =>
  p.type === 'institution'
    ? { type: 'agreement', id: p.id, institutionIds: [p.id] }
    : {
        type: 'agreement',
        id: p.id,
        consortiumIds: [p.id],
        institutionIds: ids(p.representativeId),
      };

/** A call: its sending consortia, every university taking part on the date, its program. */
export const callResource = (call: {
  id: string;
  sendingConsortiumIds: readonly string[];
  institutionIds: readonly string[];
  programId: string | null;
}): Target => ({
  type: 'call',
  id: call.id,
  callIds: [call.id],
  consortiumIds: [...call.sendingConsortiumIds],
  institutionIds: [...call.institutionIds],
  programIds: ids(call.programId),
});

/**
 * A project application (R15, 003 §6): the consortia it names (home, and partner for those who
 * read it), the representative university, the program whose funder reviews it.
 */
export const projectApplicationResource = (
  a: {
    id?: string;
    programId: string;
    homeConsortiumId: string | null;
    partnerConsortiumId?: string | null;
    representativeId: string | null;
  },
  type = 'project application',
): Target => ({
  type,
  id: a.id,
  consortiumIds: ids(a.homeConsortiumId, a.partnerConsortiumId),
  institutionIds: ids(a.representativeId),
  programIds: ids(a.programId),
});

/** The parties of an agreement together: who manages agreements for either of them may act. */
export const agreementPartiesResource = (parties: readonly AgreementParty[]): Target => ({
  type: 'agreement',
  institutionIds: ids(
    ...parties.map((p) => (p.type === 'institution' ? p.id : p.representativeId)),
  ),
  consortiumIds: ids(...parties.map((p) => (p.type === 'consortium' ? p.id : null))),
});

/**
 * Who confirms a student's enrolment in a month (R8, 003 §6(2)2)): the coordinators of the host
 * university and the officers of the sending consortium — not the home university.
 */
export const enrolmentResource = (m: {
  id?: string;
  hostId: string;
  sendingConsortiumId: string | null;
}): Target => ({
  type: 'mobility',
  id: m.id,
  institutionIds: ids(m.hostId),
  consortiumIds: ids(m.sendingConsortiumId),
});

/** The budget of a consortium's projects in these programs (R14, 003 §4). */
export const budgetResource = (
  consortiumIds: readonly (string | null | undefined)[],
  programIds: readonly (string | null | undefined)[] = [],
): Target => ({
  type: 'budget',
  id: consortiumIds[0] ?? undefined,
  consortiumIds: ids(...consortiumIds),
  programIds: ids(...programIds),
});

/**
 * A record of the platform itself that no scoped role reaches (an account, an identity provider):
 * only administrators act on it.
 */
export const platformResource = (type: string, id?: string): Target => ({ type, id });

/** An alumni association: its university's coordinators and its officers manage it. */
export const alumniAssociationResource = (
  a: { id: string; institutionId: string },
  officerUserIds: readonly string[],
): Target => ({
  type: 'alumni-association',
  id: a.id,
  institutionIds: [a.institutionId],
  officerUserIds: [...officerUserIds],
});

/** An alumni record: its holder alone manages the profile and its consent. */
export const alumniRecordResource = (r: {
  id: string;
  userId: string | null;
  homeId: string;
  hostId: string;
}): Target => ({
  type: 'alumni-record',
  id: r.id,
  institutionIds: ids(r.homeId, r.hostId),
  ownerUserId: r.userId,
});

/** A publication import batch: only the person who imported it reads and applies it. */
export const publicationBatchResource = (b: {
  id: string;
  institutionId: string;
  importedBy: string | null;
}): Target => ({
  type: 'publication-import',
  id: b.id,
  institutionIds: [b.institutionId],
  ownerUserId: b.importedBy,
});

/**
 * A partnership record (a degree programme, a board, a cotutelle, a laboratory, a visit, a
 * partnership): its institutions' coordinators; `ownerUserId` is the person it is about (a
 * cotutelle's candidate, a visitor, a student on a degree path), who reads its personal parts.
 */
export const partnershipRecordResource = (r: {
  type: string;
  id?: string;
  institutionIds: readonly (string | null | undefined)[];
  createdBy?: string | null;
  ownerUserId?: string | null;
}): Target => ({
  type: r.type,
  id: r.id,
  institutionIds: ids(...r.institutionIds),
  createdBy: r.createdBy ?? null,
  ownerUserId: r.ownerUserId ?? null,
});
