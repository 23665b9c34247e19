/** Institutions and memberships as tables: importing institutions, exporting both (CSV, XLSX). */
import type { Db } from '#src/db/client.ts';
import {
  existingInstitutionIds,
  insertInstitution,
  institutionRow,
  institutionsToExport,
  saveInstitutionChanges,
} from '#src/db/queries/registry/institutions.ts';
import { membershipsToExport } from '#src/db/queries/registry/proposals.ts';
import { districtsOf } from '#src/db/queries/registry/directory.ts';
import { orgName } from '#src/db/queries/names.ts';
import { validateInstitutionRows, type RowError } from '#src/domain/registry/institution.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { can, institutionRecordResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField, invalidInput } from '../errors.ts';
import type { TaskPool } from '../tasks/pool.ts';
import { nearestOf } from '../money/travel-view.ts';
import { stripUndefined } from './input.ts';
import { readTable, writeCsv, writeXlsx, type TabularFormat } from './tabular.ts';

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
  // Derived by the registry: an import ignores them.
  'district',
  'airport',
  'airportDistanceKm',
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
  options: { dryRun?: boolean; tasks?: TaskPool } = {},
): Promise<ImportReport> {
  requireAccess(ctx, 'registry:create', { type: 'institution' }, { doing: 'import institutions' });
  const rows = await readTable(
    bytes,
    format,
    options.tasks ? { pool: options.tasks, owner: ctx.actor?.id ?? 'anonymous' } : undefined,
  );
  if (rows.length === 0)
    throw invalidField('file', refusal('registry.import_empty'), 'no rows after the header');
  const missing = ['id', 'name', 'type', 'country', 'city'].filter((c) => !(c in (rows[0] ?? {})));
  if (missing.length) {
    const error = invalidField(
      'file',
      refusal('registry.import_missing_columns', { columns: missing }),
      `missing columns ${missing.join(', ')}`,
    );
    Object.assign(error.details, { missing });
    throw error;
  }
  const ids = rows
    .map((r) =>
      String(r.id ?? '')
        .trim()
        .toLowerCase(),
    )
    .filter(Boolean);
  const existing = await existingInstitutionIds(ctx.db, ids);
  const { ok, errors } = validateInstitutionRows(rows, existing);
  for (const [index, row] of ok.entries()) {
    if (
      existing.has(row.id) &&
      !can(
        ctx.actor,
        'registry:write',
        await institutionRecordResource(ctx.db, row.id, todayOf(ctx)),
      )
    ) {
      const stored = await institutionRow(ctx.db, row.id);
      errors.push({
        line: index + 2,
        field: 'id',
        code: 'registry.import_not_editable',
        params: { name: stored ? orgName(stored.name, stored.names) : { en: row.name } },
        message: `you may not edit "${row.id}"`,
      });
    }
  }
  const report = {
    dryRun: options.dryRun ?? false,
    rows: rows.length,
    created: 0,
    updated: 0,
    errors: errors.sort((a, b) => a.line - b.line),
  };
  if (errors.length) {
    // Each bad row as a field issue (`file[4].id`), with the whole report beside them.
    const error = invalidInput(
      report.errors.map((e) => ({
        field: `file[${e.line}].${e.field}`,
        code: e.code,
        params: e.params,
        message: e.message,
      })),
    );
    Object.assign(error.details, report);
    throw error;
  }
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
        const before = await institutionRow(tx, row.id);
        const change = {
          name: row.name,
          names: { ...before?.names, ...stripUndefined(row.names) },
          type: row.type,
          country: row.country,
          city: row.city,
          latitude: row.latitude ?? before?.latitude ?? null,
          longitude: row.longitude ?? before?.longitude ?? null,
          website: row.website ?? before?.website ?? null,
        };
        await saveInstitutionChanges(tx, row.id, change);
        await audit(tx, ctx, {
          action: 'institution.update',
          resourceType: 'institution',
          resourceId: row.id,
          details: { via: 'import' },
          before: before ?? null,
          after: { ...before, ...change },
        });
        report.updated++;
      } else {
        await insertInstitution(tx, values);
        await audit(tx, ctx, {
          action: 'institution.create',
          resourceType: 'institution',
          resourceId: row.id,
          details: { via: 'import' },
          after: values,
        });
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

/**
 * Every institution as a table, with its districts (ids, `;`-separated) and the international
 * airport nearest it (R13, 003 §3(3): IATA code and great-circle distance in km).
 */
export async function exportInstitutions(db: Db, format: TabularFormat): Promise<Buffer> {
  const rows = await institutionsToExport(db);
  const districts = await districtsOf(
    db,
    rows.map((r) => r.id),
  );
  const flat = rows.map((r) => {
    const near = nearestOf(r);
    return {
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
      district: (districts.get(r.id) ?? []).map((d) => d.id).join(';'),
      airport: near?.airport.iata ?? '',
      airportDistanceKm: near ? Math.round(near.distanceKm * 10) / 10 : '',
    };
  });
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
  const rows = await membershipsToExport(db, consortiumId);
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
