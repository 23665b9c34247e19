import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import { consortia, consortiumMembers, institutions, orgUnits } from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import {
  InstitutionInputSchema,
  InstitutionPatchSchema,
  OrgUnitInputSchema,
  validateInstitutionRows,
  type RowError,
} from '#src/domain/registry/institution.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, fieldIssues, forbidden, invalidInput, notFound } from '../errors.ts';
import { readTable, writeCsv, writeXlsx, type TabularFormat } from './tabular.ts';
import { getInstitution } from './queries.ts';

function parseOr400<T>(
  schema: {
    safeParse(
      v: unknown,
    ):
      | { success: true; data: T }
      | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  input: unknown,
  root = 'body',
): T {
  const r = schema.safeParse(input);
  if (!r.success) {
    throw invalidInput(fieldIssues(r.error, root));
  }
  return r.data;
}

async function institutionResource(db: Db, id: string) {
  const memberships = await db
    .select({ consortiumId: consortiumMembers.consortiumId })
    .from(consortiumMembers)
    .where(and(eq(consortiumMembers.institutionId, id), isNull(consortiumMembers.leftOn)));
  return {
    type: 'institution',
    institutionIds: [id],
    consortiumIds: memberships.map((m) => m.consortiumId),
  };
}

export async function createInstitution(ctx: ServiceContext, input: unknown) {
  if (!can(ctx.actor, 'registry:create', { type: 'institution' }))
    throw forbidden('add institutions');
  const data = parseOr400(InstitutionInputSchema, input);
  const [existing] = await ctx.db
    .select({ id: institutions.id })
    .from(institutions)
    .where(eq(institutions.id, data.id));
  if (existing)
    throw new AppError('conflict', `body.id: "${data.id}" already exists`, { field: 'body.id' });
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(institutions)
      .values({ ...data, names: data.names, website: data.website ?? null });
    await audit(tx, ctx, {
      action: 'institution.create',
      resourceType: 'institution',
      resourceId: data.id,
    });
  });
  return getInstitution(ctx.db, data.id);
}

export async function updateInstitution(ctx: ServiceContext, id: string, input: unknown) {
  const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, id));
  if (!row) throw notFound('institution', id);
  if (!can(ctx.actor, 'registry:write', await institutionResource(ctx.db, id))) {
    throw forbidden(`edit ${row.name}`);
  }
  const parsed = parseOr400(InstitutionPatchSchema, input);
  // Only the fields the request names change (schema defaults must not overwrite the rest).
  const given = typeof input === 'object' && input !== null ? Object.keys(input) : [];
  const patch = Object.fromEntries(
    Object.entries(parsed).filter(([k]) => given.includes(k)),
  ) as Partial<typeof parsed>;
  if (patch.names) patch.names = { ...row.names, ...stripUndefined(patch.names) };
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(institutions)
      .set({ ...patch, website: patch.website ?? row.website })
      .where(eq(institutions.id, id));
    await audit(tx, ctx, {
      action: 'institution.update',
      resourceType: 'institution',
      resourceId: id,
      details: { changed: Object.keys(patch) },
    });
  });
  return getInstitution(ctx.db, id);
}

export async function addOrgUnit(ctx: ServiceContext, institutionId: string, input: unknown) {
  const [row] = await ctx.db.select().from(institutions).where(eq(institutions.id, institutionId));
  if (!row) throw notFound('institution', institutionId);
  if (!can(ctx.actor, 'registry:write', await institutionResource(ctx.db, institutionId))) {
    throw forbidden(`edit ${row.name}`);
  }
  const data = parseOr400(OrgUnitInputSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [unit] = await tx
      .insert(orgUnits)
      .values({ institutionId, ...data, parentId: data.parentId ?? null })
      .returning();
    await audit(tx, ctx, {
      action: 'org-unit.create',
      resourceType: 'institution',
      resourceId: institutionId,
      details: { unit: unit?.id },
    });
    return unit!;
  });
}

export async function listOrgUnits(db: Db, institutionId: string) {
  return db
    .select()
    .from(orgUnits)
    .where(eq(orgUnits.institutionId, institutionId))
    .orderBy(orgUnits.kind, orgUnits.name);
}

/** Consortium membership over time: join on a date; leave on a date. */
export async function addMember(
  ctx: ServiceContext,
  consortiumId: string,
  input: { institutionId: string; joinedOn: string },
) {
  const [c] = await ctx.db.select().from(consortia).where(eq(consortia.id, consortiumId));
  if (!c) throw notFound('consortium', consortiumId);
  if (!can(ctx.actor, 'consortium:write', { type: 'consortium', consortiumIds: [consortiumId] })) {
    throw forbidden(`change the members of ${c.name}`);
  }
  const [i] = await ctx.db
    .select()
    .from(institutions)
    .where(eq(institutions.id, input.institutionId));
  if (!i) throw notFound('institution', input.institutionId);
  const [current] = await ctx.db
    .select()
    .from(consortiumMembers)
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.institutionId, input.institutionId),
        isNull(consortiumMembers.leftOn),
      ),
    );
  if (current)
    throw new AppError('conflict', `${i.name} is already a member since ${current.joinedOn}`);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(consortiumMembers)
      .values({ consortiumId, institutionId: input.institutionId, joinedOn: input.joinedOn });
    await audit(tx, ctx, {
      action: 'consortium.member-join',
      resourceType: 'consortium',
      resourceId: consortiumId,
      details: input,
    });
  });
}

export async function endMembership(
  ctx: ServiceContext,
  consortiumId: string,
  institutionId: string,
  leftOn: string,
) {
  if (!can(ctx.actor, 'consortium:write', { type: 'consortium', consortiumIds: [consortiumId] })) {
    throw forbidden('change the members of this consortium');
  }
  const [current] = await ctx.db
    .select()
    .from(consortiumMembers)
    .where(
      and(
        eq(consortiumMembers.consortiumId, consortiumId),
        eq(consortiumMembers.institutionId, institutionId),
        isNull(consortiumMembers.leftOn),
      ),
    );
  if (!current) throw notFound('membership', `${consortiumId}/${institutionId}`);
  if (leftOn < current.joinedOn)
    throw new AppError(
      'validation_failed',
      `body.leftOn: before the joining date ${current.joinedOn}`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(consortiumMembers)
      .set({ leftOn })
      .where(
        and(
          eq(consortiumMembers.consortiumId, consortiumId),
          eq(consortiumMembers.institutionId, institutionId),
          eq(consortiumMembers.joinedOn, current.joinedOn),
        ),
      );
    await audit(tx, ctx, {
      action: 'consortium.member-leave',
      resourceType: 'consortium',
      resourceId: consortiumId,
      details: { institutionId, leftOn },
    });
  });
}

export const INSTITUTION_COLUMNS = [
  'id',
  'name',
  'names.en',
  'names.ja',
  'names.ru',
  'names.fr',
  'type',
  'country',
  'city',
  'latitude',
  'longitude',
  'website',
];

export interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  errors: RowError[];
}

/**
 * Imports institutions from CSV or XLSX: every row is checked first; when any row is invalid,
 * nothing is written and each bad row is reported with its line and field. Otherwise all rows
 * are created or updated in one transaction. Updating needs edit rights on that institution.
 */
export async function importInstitutions(
  ctx: ServiceContext,
  bytes: Buffer,
  format: TabularFormat,
  options: { dryRun?: boolean } = {},
): Promise<ImportReport> {
  if (!can(ctx.actor, 'registry:create', { type: 'institution' }))
    throw forbidden('import institutions');
  const rows = await readTable(bytes, format);
  if (rows.length === 0) throw new AppError('validation_failed', 'file: no rows after the header');
  const missing = ['id', 'name', 'type', 'country', 'city'].filter((c) => !(c in (rows[0] ?? {})));
  if (missing.length)
    throw new AppError('validation_failed', `file: missing columns ${missing.join(', ')}`, {
      missing,
    });
  const ids = rows
    .map((r) =>
      String(r.id ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  const existing = ids.length
    ? new Set(
        (
          await ctx.db
            .select({ id: institutions.id })
            .from(institutions)
            .where(inArray(institutions.id, ids))
        ).map((r) => r.id),
      )
    : new Set<string>();
  const { ok, errors } = validateInstitutionRows(rows, existing);
  for (const [index, row] of ok.entries()) {
    if (
      existing.has(row.id) &&
      !can(ctx.actor, 'registry:write', await institutionResource(ctx.db, row.id))
    ) {
      errors.push({ line: index + 2, field: 'id', message: `you may not edit "${row.id}"` });
    }
  }
  const report = {
    dryRun: options.dryRun ?? false,
    rows: rows.length,
    created: 0,
    updated: 0,
    errors: errors.sort((a, b) => a.line - b.line),
  };
  if (errors.length)
    throw new AppError(
      'validation_failed',
      `${errors.length} problem(s) in the file; nothing was imported`,
      { ...report },
    );
  if (options.dryRun)
    return {
      ...report,
      created: ok.filter((r) => !existing.has(r.id)).length,
      updated: ok.filter((r) => existing.has(r.id)).length,
    };
  await ctx.db.transaction(async (tx) => {
    for (const row of ok) {
      const values = { ...row, website: row.website ?? null };
      if (existing.has(row.id)) {
        // Cells left empty keep what is stored; given cells replace it.
        const [before] = await tx.select().from(institutions).where(eq(institutions.id, row.id));
        await tx
          .update(institutions)
          .set({
            name: row.name,
            names: { ...before?.names, ...stripUndefined(row.names) },
            type: row.type,
            country: row.country,
            city: row.city,
            latitude: row.latitude ?? before?.latitude ?? null,
            longitude: row.longitude ?? before?.longitude ?? null,
            website: row.website ?? before?.website ?? null,
          })
          .where(eq(institutions.id, row.id));
        report.updated++;
      } else {
        await tx.insert(institutions).values(values);
        report.created++;
      }
    }
    await audit(tx, ctx, {
      action: 'institution.import',
      resourceType: 'institution',
      resourceId: '*',
      details: { rows: rows.length, created: report.created, updated: report.updated, format },
    });
  });
  return report;
}

export async function exportInstitutions(db: Db, format: TabularFormat): Promise<Buffer> {
  const rows = await db
    .select()
    .from(institutions)
    .where(eq(institutions.invented, false))
    .orderBy(institutions.id);
  const flat = rows.map((r) => ({
    id: r.id,
    name: r.name,
    'names.en': r.names.en ?? '',
    'names.ja': r.names.ja ?? '',
    'names.ru': r.names.ru ?? '',
    'names.fr': r.names.fr ?? '',
    type: r.type,
    country: r.country,
    city: r.city,
    latitude: r.latitude ?? '',
    longitude: r.longitude ?? '',
    website: r.website ?? '',
  }));
  return format === 'csv'
    ? writeCsv(INSTITUTION_COLUMNS, flat)
    : writeXlsx('institutions', INSTITUTION_COLUMNS, flat);
}

export const MEMBER_COLUMNS = ['consortium', 'institution', 'joinedOn', 'leftOn'];

export async function exportMembers(
  db: Db,
  consortiumId: string,
  format: TabularFormat,
): Promise<Buffer> {
  const rows = await db
    .select()
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId))
    .orderBy(consortiumMembers.institutionId);
  const flat = rows.map((r) => ({
    consortium: r.consortiumId,
    institution: r.institutionId,
    joinedOn: r.joinedOn,
    leftOn: r.leftOn ?? '',
  }));
  return format === 'csv'
    ? writeCsv(MEMBER_COLUMNS, flat)
    : writeXlsx('members', MEMBER_COLUMNS, flat);
}

function stripUndefined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
