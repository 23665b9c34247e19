/**
 * What the partnership use cases share: the access resource of a record, who manages it and who
 * reads its personal parts, the names of institutions and people, and refusals as field errors.
 */
import type { Refusal, LocalizedText } from '#src/domain/shared/refusal.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import type { PersonRef } from '#src/domain/partnership/kinds.ts';
import { PARTNERSHIP_CODES } from '#src/domain/partnership/refusal-codes.ts';
import { institutionNames, personNames } from '#src/db/queries/names.ts';
import { can, partnershipRecordResource, requireAccess, type Target } from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { invalidInput } from '../errors.ts';

export interface Scoped {
  type: string;
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
  ownerUserId?: string | null;
}

export const resourceOf = (r: Scoped): Target => partnershipRecordResource(r);

/** Whether the actor manages the record (its institutions' coordinators, its creator, admins). */
export const manages = (ctx: ServiceContext, r: Scoped) =>
  can(ctx.actor, 'partnership:manage', resourceOf(r));

/** Whether the actor reads the record's personal parts (coordinators in scope, the person). */
export const seesPersonal = (ctx: ServiceContext, r: Scoped) =>
  can(ctx.actor, 'partnership:personal', resourceOf(r));

/** Throws unless the actor may create or change records of these institutions. */
export function requireManage(ctx: ServiceContext, r: Scoped, doing: string) {
  requireAccess(ctx, 'partnership:manage', resourceOf(r), { doing });
}

/** A 400 listing refusals that each name a field under `body`. */
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

/** Institutions the registry does not know, each a refusal naming `field(i)`. */
export async function unknownInstitutions(
  ctx: ServiceContext,
  ids: readonly string[],
  field: (i: number) => string,
): Promise<Refusal[]> {
  const known = await institutionNames(ctx.db, ids);
  return ids.flatMap((id, i) =>
    known.has(id) ? [] : [refusal(PARTNERSHIP_CODES.unknownRecord, { id }, { field: field(i) })],
  );
}

/** Accounts that do not exist, each a refusal naming its field. */
export async function unknownPeople(
  ctx: ServiceContext,
  people: readonly { person: PersonRef; field: string }[],
): Promise<Refusal[]> {
  const ids = people.flatMap((p) => (p.person.userId ? [p.person.userId] : []));
  const known = await personNames(ctx.db, ids);
  return people.flatMap((p) =>
    p.person.userId && !known.has(p.person.userId)
      ? [refusal(PARTNERSHIP_CODES.unknownRecord, { id: p.person.userId }, { field: p.field })]
      : [],
  );
}

/** Names of institutions and people, each looked up once. */
export async function namesFor(
  ctx: ServiceContext,
  institutionIds: readonly string[],
  userIds: readonly (string | null | undefined)[],
) {
  const [inst, people] = await Promise.all([
    institutionNames(ctx.db, institutionIds),
    personNames(
      ctx.db,
      userIds.filter((x): x is string => !!x),
    ),
  ]);
  return {
    institution: (id: string): LocalizedText => inst.get(id) ?? { en: id },
    person: (p: PersonRef): LocalizedText | null =>
      p.userId ? (people.get(p.userId) ?? null) : p.guestName ? { en: p.guestName } : null,
  };
}

export const uniq = (xs: readonly (string | null | undefined)[]) => [
  ...new Set(xs.filter((x): x is string => !!x)),
];
