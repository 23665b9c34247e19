/** Institutions: adding one, editing it, its organisational units, and what a reader may do. */
import type { Db } from '#src/db/client.ts';
import {
  insertInstitution,
  insertOrgUnit,
  institutionRow,
  orgUnitsOf,
  saveInstitutionChanges,
} from '#src/db/queries/registry/institutions.ts';
import { orgName } from '#src/db/queries/names.ts';
import { institutionsHoldingIdentifiers } from '#src/db/queries/research.ts';
import {
  InstitutionInputSchema,
  InstitutionPatchSchema,
  OrgUnitInputSchema,
  type ORG_UNIT_KINDS,
} from '#src/domain/registry/institution.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { can, institutionRecordResource, institutionsResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound } from '../errors.ts';
import { parseOr400, stripUndefined } from './input.ts';
import { openProposals, sidesFor } from './memberships.ts';
import { getInstitution } from './queries.ts';

/** What the reader may do on an institution's page (policy `registry:write`). */
export async function mayOnInstitution(ctx: ServiceContext, id: string) {
  const edit = can(
    ctx.actor,
    'registry:write',
    await institutionRecordResource(ctx.db, id, todayOf(ctx)),
  );
  return { edit, addUnit: edit, join: sidesFor(ctx, null, id).institution };
}

/** May the actor add institutions, by hand or by import (policy `registry:create`)? */
export const mayCreateInstitutions = (actor: ServiceContext['actor']) =>
  can(actor, 'registry:create', { type: 'institution' });

/** One institution with what the reader may do on it. */
export async function institutionDetail(ctx: ServiceContext, id: string) {
  requireAccess(ctx, 'registry:read', institutionsResource([id]));
  const detail = await getInstitution(ctx.db, id);
  return {
    ...detail,
    may: await mayOnInstitution(ctx, id),
    proposals: await openProposals(ctx, { institutionId: id }),
  };
}

/** Refuses identifiers another institution already holds, naming the field (409). */
async function identifiersFree(
  ctx: ServiceContext,
  ids: { ror?: string | null; erasmusCode?: string | null; pic?: string | null },
  exceptId: string | null,
) {
  const holders = await institutionsHoldingIdentifiers(ctx.db, ids, exceptId);
  for (const field of ['ror', 'erasmusCode', 'pic'] as const) {
    const holder = holders.find((h) => ids[field] && h[field] === ids[field]);
    if (holder)
      throw conflict(
        refusal(
          'registry.identifier_taken',
          { value: ids[field]!, name: orgName(holder.name, holder.names) },
          { field: `body.${field}` },
        ),
        `body.${field}: "${ids[field]}" is held by ${holder.id}`,
      );
  }
}

export async function createInstitution(ctx: ServiceContext, input: unknown) {
  requireAccess(ctx, 'registry:create', { type: 'institution' }, { doing: 'add institutions' });
  const data = parseOr400(InstitutionInputSchema, input);
  const existing = await institutionRow(ctx.db, data.id);
  if (existing)
    throw conflict(
      refusal(
        'registry.id_taken',
        { name: orgName(existing.name, existing.names) },
        { field: 'body.id' },
      ),
      `body.id: "${data.id}" already exists`,
    );
  await identifiersFree(ctx, data, null);
  await ctx.db.transaction(async (tx) => {
    await insertInstitution(tx, { ...data, names: data.names, website: data.website ?? null });
    await audit(tx, ctx, {
      action: 'institution.create',
      resourceType: 'institution',
      resourceId: data.id,
      after: { ...data, website: data.website ?? null },
    });
  });
  return institutionDetail(ctx, data.id);
}

/** The institution's row, once the actor may edit it (404 when unknown, else 403). */
async function editable(ctx: ServiceContext, id: string) {
  const row = await institutionRow(ctx.db, id);
  if (!row) throw notFound('institution', id);
  requireAccess(ctx, 'registry:write', await institutionRecordResource(ctx.db, id, todayOf(ctx)), {
    doing: `edit ${row.name}`,
  });
  return row;
}

export async function updateInstitution(ctx: ServiceContext, id: string, input: unknown) {
  const row = await editable(ctx, id);
  const parsed = parseOr400(InstitutionPatchSchema, input);
  // Only the fields the request names change (schema defaults must not overwrite the rest).
  const given = typeof input === 'object' && input !== null ? Object.keys(input) : [];
  const patch = Object.fromEntries(
    Object.entries(parsed).filter(([k]) => given.includes(k)),
  ) as Partial<typeof parsed>;
  if (patch.names) patch.names = { ...row.names, ...stripUndefined(patch.names) };
  const changes = { ...patch, website: patch.website ?? row.website };
  await identifiersFree(ctx, changes, id);
  await ctx.db.transaction(async (tx) => {
    await saveInstitutionChanges(tx, id, changes);
    await audit(tx, ctx, {
      action: 'institution.update',
      resourceType: 'institution',
      resourceId: id,
      before: row,
      after: { ...row, ...changes },
    });
  });
  return institutionDetail(ctx, id);
}

export async function addOrgUnit(ctx: ServiceContext, institutionId: string, input: unknown) {
  await editable(ctx, institutionId);
  const data = parseOr400(OrgUnitInputSchema, input);
  return ctx.db.transaction(async (tx) => {
    const unit = await insertOrgUnit(tx, {
      institutionId,
      ...data,
      parentId: data.parentId ?? null,
    });
    await audit(tx, ctx, {
      action: 'org-unit.create',
      resourceType: 'institution',
      resourceId: institutionId,
      details: { unit: unit.id },
    });
    return { ...unit, kind: unit.kind as OrgUnitKind };
  });
}

type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export async function listOrgUnits(db: Db, institutionId: string) {
  const rows = await orgUnitsOf(db, institutionId);
  return rows.map((r) => ({ ...r, kind: r.kind as OrgUnitKind }));
}
