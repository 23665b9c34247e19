/**
 * Importing a mobility history file (docs/formats/mobility-history.md): past stays an office
 * brings from its spreadsheets. The file is read as a stream (CSV through csv-parse, the first
 * sheet of an XLSX through ExcelJS's streaming reader once the archive passed the workbook
 * limits), checked row by row as it goes, staged with COPY in batches, checked again over the
 * staging table for what needs the database, and applied all or nothing in one transaction.
 * Any row in error: nothing is written, and the first errors are named with the total count.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import {
  applyStaged,
  clearStaging,
  copyStagingBatch,
  distinctRefs,
  duplicateRows,
  existingAgreementIds,
  institutionsByIdentifiers,
  rowsReferring,
  rowsSameInstitution,
  type FoundRow,
  type IdentifiedInstitution,
} from '#src/db/queries/mobility/history-import.ts';
import {
  ErrorTally,
  HISTORY_COLUMNS,
  REPORTED_ERRORS,
  checkHeader,
  checkHistoryRow,
  historyRow,
  type HistoryColumn,
  type HistoryErrorCode,
  type HistoryRow,
  type HistoryRowError,
} from '#src/domain/mobility/history-import.ts';
import { classifyIdentifier } from '#src/domain/registry/identifiers.ts';
import { refusal, type MessageParams } from '#src/domain/shared/refusal.ts';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import { can, institutionsResource } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalidField, tooLarge } from '../errors.ts';
import { LIMITS } from '../limits.ts';
import { checkWorkbook } from '../registry/tabular.ts';

export type HistoryFormat = 'csv' | 'xlsx';
export type ImportPhase = 'reading' | 'validating' | 'applying';

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows read so far (all of them once reading is done). */
  rows: number;
  /** Row errors found so far. */
  errorCount: number;
}

export interface ImportOutcome {
  importId: string;
  /** `applied`: every row was right (inserted or already there); `refused`: nothing written. */
  state: 'applied' | 'refused';
  rows: number;
  inserted: number;
  alreadyPresent: number;
  /** The first REPORTED_ERRORS row errors, by line. */
  errors: HistoryRowError[];
  errorCount: number;
}

export interface ImportOptions {
  importId?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Rows per COPY batch. */
  batchSize?: number;
  /** The most bytes an XLSX may have (it is held whole for the archive check). */
  maxWorkbookBytes?: number;
}

/** The import was cancelled (the client left, or asked): nothing is left behind. */
export class ImportCancelled extends Error {
  constructor() {
    super('the import was cancelled');
    this.name = 'ImportCancelled';
  }
}

const BATCH = 5000;

/** The institutions the actor may import the history of (as home): their coordinated ones. */
function mayImportFor(ctx: ServiceContext, institutionId: string): boolean {
  return can(ctx.actor, 'mobility:manage', institutionsResource([institutionId]));
}

/** Refuses, before anything is read, someone who manages the mobilities of no institution. */
export function requireImporter(ctx: ServiceContext): void {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  if (actor.platformAdmin) return;
  const coordinated = actor.roles
    .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
    .some((r) => mayImportFor(ctx, r.scopeId));
  if (!coordinated)
    throw new AppError('forbidden', 'you may not import mobilities', {
      action: 'mobility:manage',
    });
}

/**
 * Imports a mobility history file read from `input`. Refuses a wrong header (400 naming the
 * columns) or a file beyond the limits (413) by throwing; row errors come back in the outcome,
 * with nothing written. Staged rows are removed however it ends, cancelled included.
 */
export async function importMobilityHistory(
  ctx: ServiceContext,
  input: Readable,
  format: HistoryFormat,
  options: ImportOptions = {},
): Promise<ImportOutcome> {
  requireImporter(ctx);
  const importId = options.importId ?? randomUUID();
  const tally = new ErrorTally();
  let rows = 0;
  let phase: ImportPhase = 'reading';
  const report = () => options.onProgress?.({ phase, rows, errorCount: tally.total });
  const stopIfCancelled = () => {
    if (options.signal?.aborted) throw new ImportCancelled();
  };
  let copying: Promise<void> = Promise.resolve();
  try {
    let batch: { line: number; row: HistoryRow }[] = [];
    const source =
      format === 'csv'
        ? csvRows(input)
        : xlsxRows(input, options.maxWorkbookBytes ?? LIMITS.mobilityHistoryBodyBytes);
    for await (const item of source) {
      tally.add(checkHistoryRow(item.row, item.line));
      batch.push(item);
      rows++;
      if (batch.length >= (options.batchSize ?? BATCH)) {
        stopIfCancelled();
        // One batch is copied while the next is read: at most two batches in memory.
        await copying;
        copying = copyStagingBatch(ctx.db, importId, batch);
        batch = [];
        report();
      }
    }
    await copying;
    stopIfCancelled();
    await copyStagingBatch(ctx.db, importId, batch);
    if (rows === 0)
      throw invalidField('file', refusal('mobility.import_empty'), 'no rows after the header');
    phase = 'validating';
    report();
    const refs = await validateStaged(ctx, importId, tally);
    stopIfCancelled();
    const outcome = {
      importId,
      rows,
      errors: tally.first,
      errorCount: tally.total,
    };
    if (tally.total > 0) return { ...outcome, state: 'refused', inserted: 0, alreadyPresent: 0 };
    phase = 'applying';
    report();
    const inserted = await ctx.db.transaction(async (tx) => {
      const n = await applyStaged(tx, importId, refs);
      stopIfCancelled();
      await audit(tx, ctx, {
        action: 'mobility.import_history',
        resourceType: 'mobility_import',
        resourceId: importId,
        details: { format, rows, inserted: n, alreadyPresent: rows - n },
      });
      return n;
    });
    return { ...outcome, state: 'applied', inserted, alreadyPresent: rows - inserted };
  } finally {
    // A batch still being copied lands before the staged rows are removed.
    await copying.catch(() => undefined);
    await clearStaging(ctx.db, importId);
  }
}

/**
 * The checks that need the database, over the staged rows: institutions and agreements the
 * registry does not know, homes outside the actor's scope, a stay from an institution to
 * itself, a stay given twice. Returns the references resolved, for applying.
 */
async function validateStaged(ctx: ServiceContext, importId: string, tally: ErrorTally) {
  const db = ctx.db;
  const homeRefs = await distinctRefs(db, importId, 'home_ref');
  const hostRefs = await distinctRefs(db, importId, 'host_ref');
  const known = await resolveInstitutions(ctx, [...new Set([...homeRefs, ...hostRefs])]);
  const institutions = new Map([...known].map(([ref, i]) => [ref, i.id]));
  const add = (
    found: { rows: FoundRow[]; total: number },
    column: HistoryColumn,
    code: HistoryErrorCode,
    params: (row: FoundRow) => MessageParams,
  ) =>
    tally.add(
      found.rows.map((r) => ({ line: r.line, column, code, params: params(r) })),
      found.total,
    );
  const unknown = (refs: string[]) => refs.filter((r) => !known.has(r));
  add(
    await rowsReferring(db, importId, 'home_ref', unknown(homeRefs), REPORTED_ERRORS),
    'home_institution',
    'mobility.import_institution_unknown',
    (r) => ({ value: r.value }),
  );
  add(
    await rowsReferring(db, importId, 'host_ref', unknown(hostRefs), REPORTED_ERRORS),
    'host_institution',
    'mobility.import_institution_unknown',
    (r) => ({ value: r.value }),
  );
  const outOfScope = homeRefs.filter((r) => {
    const i = known.get(r);
    return i !== undefined && !mayImportFor(ctx, i.id);
  });
  add(
    await rowsReferring(db, importId, 'home_ref', outOfScope, REPORTED_ERRORS),
    'home_institution',
    'mobility.import_not_in_scope',
    (r) => {
      const i = known.get(r.value ?? '');
      return { institution: { en: i?.name ?? r.value ?? '', ...i?.names } };
    },
  );
  add(
    await rowsSameInstitution(db, importId, institutions, REPORTED_ERRORS),
    'host_institution',
    'mobility.import_same_institution',
    (r) => ({ value: r.value }),
  );
  const agreementRefs = await distinctRefs(db, importId, 'agreement_ref');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const wellFormed = agreementRefs.filter((r) => uuid.test(r.toLowerCase()));
  const existing = await existingAgreementIds(
    db,
    wellFormed.map((r) => r.toLowerCase()),
  );
  const agreements = new Map(
    agreementRefs
      .filter((r) => existing.has(r.toLowerCase()))
      .map((r) => [r, r.toLowerCase()] as const),
  );
  add(
    await rowsReferring(
      db,
      importId,
      'agreement_ref',
      agreementRefs.filter((r) => !agreements.has(r)),
      REPORTED_ERRORS,
    ),
    'agreement',
    'mobility.import_agreement_unknown',
    (r) => ({ value: r.value }),
  );
  add(
    await duplicateRows(db, importId, REPORTED_ERRORS),
    'student_number',
    'mobility.import_duplicate_row',
    (r) => ({ line: r.first ?? null }),
  );
  return { institutions, agreements };
}

/**
 * What each reference names in the registry: a SCHAC code (the institution's id), an Erasmus
 * code, a ROR id or a PIC, read the way the registry reads identifiers.
 */
async function resolveInstitutions(
  ctx: ServiceContext,
  refs: readonly string[],
): Promise<Map<string, IdentifiedInstitution>> {
  const kinds = new Map(refs.map((ref) => [ref, classifyIdentifier(ref)]));
  const values = (kind: string) =>
    [...kinds.values()].filter((k) => k?.kind === kind).map((k) => k!.value);
  const found = await institutionsByIdentifiers(ctx.db, {
    schac: values('schac'),
    erasmus: values('erasmus'),
    ror: values('ror'),
    pic: values('pic'),
  });
  const out = new Map<string, IdentifiedInstitution>();
  for (const [ref, kind] of kinds) {
    if (!kind) continue;
    const match = found.find((i) =>
      kind.kind === 'schac'
        ? i.id === kind.value
        : kind.kind === 'erasmus'
          ? i.erasmusCode === kind.value
          : kind.kind === 'ror'
            ? i.ror === kind.value
            : kind.kind === 'pic'
              ? i.pic === kind.value
              : false,
    );
    if (match) out.set(ref, match);
  }
  return out;
}

/** Refuses a header with required columns missing or columns nobody knows. */
function requireHeader(header: readonly string[]): void {
  const { missing, unknown } = checkHeader(header);
  if (missing.length) {
    const error = invalidField(
      'file',
      refusal('mobility.import_missing_columns', { columns: missing }),
      `missing columns ${missing.join(', ')}`,
    );
    Object.assign(error.details, { missing });
    throw error;
  }
  if (unknown.length) {
    const error = invalidField(
      'file',
      refusal('mobility.import_unknown_columns', { columns: unknown, known: HISTORY_COLUMNS }),
      `unknown columns ${unknown.join(', ')}`,
    );
    Object.assign(error.details, { unknown });
    throw error;
  }
}

const unreadable = (what: string, reason: string) =>
  invalidField(
    'file',
    refusal('mobility.import_unreadable', { format: what }),
    `file: not a readable ${what} (${reason})`,
  );

/** The rows of a CSV stream (UTF-8, optional BOM), with the line each ends on. */
async function* csvRows(input: Readable): AsyncGenerator<{ line: number; row: HistoryRow }> {
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }),
  );
  input.on('error', (error) => parser.destroy(error));
  let header: string[] | null = null;
  let index = new Map<string, number>();
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      if (!header) {
        header = record.map((h) => h.trim());
        requireHeader(header);
        index = new Map(header.map((h, i) => [h, i]));
        continue;
      }
      yield { line: info.lines, row: historyRow((c) => record[index.get(c) ?? -1]) };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTooLarge(error)) throw tooLargeFile();
    throw unreadable('CSV', (error as Error).message);
  }
  if (!header) throw invalidField('file', refusal('mobility.import_empty'), 'the file is empty');
}

const isTooLarge = (error: unknown) =>
  (error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' ||
  (error as { code?: string }).code === 'FST_FILES_LIMIT';

const tooLargeFile = () =>
  tooLarge(refusal(LIMIT_CODES.bodyTooLarge, { limitBytes: LIMITS.mobilityHistoryBodyBytes }));

/** A cell of a streamed sheet as text: dates as YYYY-MM-DD, formulas by their result. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((t) => t.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result);
    return '';
  }
  return String(value);
}

/**
 * The rows of an XLSX's first sheet. The archive is held whole (up to `maxBytes`) to pass the
 * workbook limits first; its sheet is then read as a stream, row by row.
 */
async function* xlsxRows(
  input: Readable,
  maxBytes: number,
): AsyncGenerator<{ line: number; row: HistoryRow }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of input) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLargeFile();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (isTooLarge(error)) throw tooLargeFile();
    throw error;
  }
  const bytes = Buffer.concat(chunks);
  await checkWorkbook(bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let header: string[] | null = null;
  let index = new Map<string, number>();
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = [...((row.values as unknown[]) ?? [])];
        if (values.every((v) => cellText(v).trim() === '')) continue;
        if (!header) {
          header = values.map((v) => cellText(v).trim());
          requireHeader(header.filter((h) => h !== ''));
          index = new Map(header.map((h, i) => [h, i]));
          continue;
        }
        yield { line: row.number, row: historyRow((c) => cellText(values[index.get(c) ?? -1])) };
      }
      break;
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw unreadable('XLSX', (error as Error).message);
  }
  if (!header) throw invalidField('file', refusal('mobility.import_empty'), 'the sheet is empty');
}
