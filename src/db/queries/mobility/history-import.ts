/**
 * A mobility history file's rows on their way into `mobilities`: COPY into the staging table in
 * batches (pg-copy-streams on a PostgreSQL server, `COPY … FROM '/dev/blob'` on PGlite), the
 * checks that need the database as queries over the staged rows, and the one INSERT … SELECT
 * that applies them. References (institutions, agreements) are resolved once, outside, and
 * passed in as a small map: no staged row is ever rewritten.
 */
import { PGlite } from '@electric-sql/pglite';
import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Db } from '../../client.ts';
import { rowsOf } from '../../migrate.ts';
import { DAYS_PER_MONTH } from '../../../domain/mobility/date-plausibility.ts';
import type { HistoryColumn, HistoryRow } from '../../../domain/mobility/history-import.ts';

/** The staging columns, in COPY order, with the file column each holds. */
const STAGED: readonly [string, HistoryColumn][] = [
  ['student_name', 'student_name'],
  ['student_number', 'student_number'],
  ['home_ref', 'home_institution'],
  ['host_ref', 'host_institution'],
  ['start_date', 'start_date'],
  ['end_date', 'end_date'],
  ['level', 'level'],
  ['field', 'field'],
  ['credits', 'credits'],
  ['grade', 'grade'],
  ['agreement_ref', 'agreement'],
  ['status', 'status'],
];
const COPY_SQL = `COPY mobility_import_rows (import_id, line, ${STAGED.map(([c]) => c).join(', ')}) FROM STDIN WITH (FORMAT csv)`;

/** A cell in COPY's CSV: an empty cell is NULL (unquoted), anything else quoted. */
const cell = (value: string) => (value === '' ? '' : `"${value.replace(/"/g, '""')}"`);

/** The rows of a batch as COPY's CSV text. */
export function copyText(importId: string, rows: readonly { line: number; row: HistoryRow }[]) {
  let out = '';
  for (const { line, row } of rows) {
    out += `${importId},${line}`;
    for (const [, column] of STAGED) out += `,${cell(row[column])}`;
    out += '\n';
  }
  return out;
}

type Client = PGlite | pg.Pool;
const clientOf = (db: Db) => (db as unknown as { $client: Client }).$client;

/** Stages one batch of rows with COPY. */
export async function copyStagingBatch(
  db: Db,
  importId: string,
  rows: readonly { line: number; row: HistoryRow }[],
): Promise<void> {
  if (!rows.length) return;
  const text = copyText(importId, rows);
  const client = clientOf(db);
  if (client instanceof PGlite) {
    await client.query(COPY_SQL.replace('FROM STDIN', "FROM '/dev/blob'"), [], {
      blob: new Blob([text]),
    });
    return;
  }
  const connection = await client.connect();
  try {
    await pipeline(Readable.from([text]), connection.query(copyFrom(COPY_SQL)));
  } finally {
    connection.release();
  }
}

/** Removes an import's staged rows (at its end, applied, refused or cancelled). */
export async function clearStaging(db: Db, importId: string): Promise<void> {
  await db.execute(sql`DELETE FROM mobility_import_rows WHERE import_id = ${importId}`);
}

export async function stagedCount(db: Db, importId?: string): Promise<number> {
  const where = importId ? sql`WHERE import_id = ${importId}` : sql``;
  const [row] = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM mobility_import_rows ${where}`),
  );
  return Number(row?.n ?? 0);
}

export type RefColumn = 'home_ref' | 'host_ref' | 'agreement_ref';

/** The distinct non-empty values of a reference column. */
export async function distinctRefs(db: Db, importId: string, column: RefColumn) {
  const rows = rowsOf<{ ref: string }>(
    await db.execute(
      sql`SELECT DISTINCT ${sql.raw(column)} AS ref FROM mobility_import_rows WHERE import_id = ${importId} AND ${sql.raw(column)} IS NOT NULL`,
    ),
  );
  return rows.map((r) => r.ref);
}

/** Which of these ids are agreements. */
export async function existingAgreementIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id::text AS id FROM agreements WHERE id = ANY(${sql.param([...ids])}::uuid[])`,
    ),
  );
  return new Set(rows.map((r) => r.id));
}

/** A reference → id map, as two arrays joined in SQL (`unnest`). */
export type RefMap = ReadonlyMap<string, string>;
const mapTable = (map: RefMap, alias: string) =>
  sql`unnest(${sql.param([...map.keys()])}::text[], ${sql.param([...map.values()])}::text[]) AS ${sql.raw(alias)}(ref, id)`;

export interface FoundRow {
  line: number;
  value: string | null;
  /** The earlier line of a duplicate. */
  first?: number;
}

/** The first `limit` staged rows matching `condition` (by line), and how many match in all. */
async function matching(
  db: Db,
  importId: string,
  value: SQL,
  condition: SQL,
  limit: number,
  from: SQL = sql`mobility_import_rows s`,
): Promise<{ rows: FoundRow[]; total: number }> {
  const rows = rowsOf<FoundRow & { total: number }>(
    await db.execute(sql`
      SELECT s.line, ${value} AS value, count(*) OVER ()::int AS total
      FROM ${from}
      WHERE s.import_id = ${importId} AND ${condition}
      ORDER BY s.line
      LIMIT ${limit}`),
  );
  return {
    rows: rows.map((r) => ({ line: Number(r.line), value: r.value })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** Rows whose `column` holds one of `refs` (unknown institutions, agreements, out of scope). */
export function rowsReferring(
  db: Db,
  importId: string,
  column: RefColumn,
  refs: readonly string[],
  limit: number,
) {
  if (!refs.length) return Promise.resolve({ rows: [], total: 0 });
  const c = sql.raw(`s.${column}`);
  return matching(db, importId, c, sql`${c} = ANY(${sql.param([...refs])}::text[])`, limit);
}

/** Rows whose home and host are one institution (both references resolved). */
export function rowsSameInstitution(db: Db, importId: string, institutions: RefMap, limit: number) {
  if (!institutions.size) return Promise.resolve({ rows: [], total: 0 });
  return matching(
    db,
    importId,
    sql`s.host_ref`,
    sql`h.id = o.id`,
    limit,
    sql`mobility_import_rows s JOIN ${mapTable(institutions, 'h')} ON h.ref = s.home_ref JOIN ${mapTable(institutions, 'o')} ON o.ref = s.host_ref`,
  );
}

/**
 * Rows repeating an earlier row's stay: the same home, student number, host and start date
 * (references as written, case aside). Each names the first line it repeats.
 */
export async function duplicateRows(db: Db, importId: string, limit: number) {
  const rows = rowsOf<{ line: number; first: number; total: number }>(
    await db.execute(sql`
      SELECT line, first, count(*) OVER ()::int AS total FROM (
        SELECT line,
          min(line) OVER (PARTITION BY lower(home_ref), student_number, lower(host_ref), start_date) AS first
        FROM mobility_import_rows
        WHERE import_id = ${importId} AND student_number IS NOT NULL AND start_date IS NOT NULL
      ) d
      WHERE line <> first
      ORDER BY line
      LIMIT ${limit}`),
  );
  return {
    rows: rows.map((r) => ({ line: Number(r.line), value: null, first: Number(r.first) })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/**
 * Applies the staged rows to `mobilities` (inside the caller's transaction): one INSERT …
 * SELECT; a stay whose import key is already there is left as it is. Returns how many were
 * inserted. Rows must have passed every check.
 */
export async function applyStaged(
  tx: Db,
  importId: string,
  refs: { institutions: RefMap; agreements: RefMap },
): Promise<number> {
  const agreements = refs.agreements.size
    ? sql`LEFT JOIN ${mapTable(refs.agreements, 'ag')} ON ag.ref = s.agreement_ref`
    : sql`LEFT JOIN (SELECT NULL::text AS ref, NULL::text AS id) ag ON false`;
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      WITH inserted AS (
        INSERT INTO mobilities (agreement_id, home_id, host_id, student_name, student_number,
          funded, level, isced_field, start_date, end_date, months, status, credits_earned, grade,
          import_key)
        SELECT ag.id::uuid, h.id, o.id, s.student_name, s.student_number,
          false, s.level, s.field, s.start_date::date, s.end_date::date,
          round(((s.end_date::date - s.start_date::date + 1) / ${DAYS_PER_MONTH}::numeric), 1)::float8,
          coalesce(s.status, 'completed'), s.credits::float8, s.grade,
          h.id || '|' || s.student_number || '|' || o.id || '|' || s.start_date
        FROM mobility_import_rows s
        JOIN ${mapTable(refs.institutions, 'h')} ON h.ref = s.home_ref
        JOIN ${mapTable(refs.institutions, 'o')} ON o.ref = s.host_ref
        ${agreements}
        WHERE s.import_id = ${importId}
        ON CONFLICT (import_key) DO NOTHING
        RETURNING 1
      )
      SELECT count(*)::int AS n FROM inserted`),
  );
  return Number(row?.n ?? 0);
}

export interface IdentifiedInstitution {
  id: string;
  name: string;
  names: Record<string, string>;
  erasmusCode: string | null;
  ror: string | null;
  pic: string | null;
}

/** Institutions by SCHAC code (their id), Erasmus code, ROR id or PIC, all in one query. */
export async function institutionsByIdentifiers(
  db: Db,
  ids: { schac: string[]; erasmus: string[]; ror: string[]; pic: string[] },
): Promise<IdentifiedInstitution[]> {
  if (!ids.schac.length && !ids.erasmus.length && !ids.ror.length && !ids.pic.length) return [];
  const any = (values: string[]) => sql`ANY(${sql.param(values)}::text[])`;
  return rowsOf<IdentifiedInstitution>(
    await db.execute(sql`
      SELECT id, name, names, erasmus_code AS "erasmusCode", ror, pic FROM institutions
      WHERE id = ${any(ids.schac)} OR erasmus_code = ${any(ids.erasmus)}
        OR ror = ${any(ids.ror)} OR pic = ${any(ids.pic)}`),
  );
}
