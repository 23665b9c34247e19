/**
 * A mobility history file (docs/formats/mobility-history.md): its columns, and the checks a row
 * passes on its own — dates, level, ISCED-F field, credits, status. What needs the database
 * (institutions, agreements, duplicates, the importer's scope) is checked over the staging table.
 *
 * Pure: no clock, no I/O. Every problem is a code with params, never a sentence.
 */
import { isIscedF } from '../agreement/isced.ts';
import { STUDY_LEVELS } from '../eligibility/types.ts';
import type { MessageParams } from '../shared/refusal.ts';

/** The columns, in the order a template lists them. Stable names: files out there use them. */
export const HISTORY_COLUMNS = [
  'student_name',
  'student_number',
  'home_institution',
  'host_institution',
  'start_date',
  'end_date',
  'level',
  'field',
  'credits',
  'grade',
  'agreement',
  'status',
] as const;
export type HistoryColumn = (typeof HISTORY_COLUMNS)[number];

/** Columns a file may leave out altogether. */
export const OPTIONAL_COLUMNS: readonly HistoryColumn[] = ['agreement', 'status'];
/** Columns whose cells may be empty. */
const MAY_BE_EMPTY: ReadonlySet<HistoryColumn> = new Set(['grade', 'agreement', 'status']);

export const HISTORY_STATUSES = ['completed', 'interrupted'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export const HISTORY_ERROR_CODES = [
  'mobility.import_missing_columns',
  'mobility.import_unknown_columns',
  'mobility.import_empty',
  'mobility.import_unreadable',
  'mobility.import_required',
  'mobility.import_date_invalid',
  'mobility.import_end_before_start',
  'mobility.import_level_unknown',
  'mobility.import_field_unknown',
  'mobility.import_credits_invalid',
  'mobility.import_status_unknown',
  'mobility.import_institution_unknown',
  'mobility.import_same_institution',
  'mobility.import_agreement_unknown',
  'mobility.import_duplicate_row',
  'mobility.import_not_in_scope',
] as const;
export type HistoryErrorCode = (typeof HISTORY_ERROR_CODES)[number];

/** One problem of one row: the line (the header is line 1), the column, a code and its params. */
export interface HistoryRowError {
  line: number;
  column: HistoryColumn;
  code: HistoryErrorCode;
  params: MessageParams;
}

/** A row as read: every column as text, trimmed; a column the file leaves out is empty. */
export type HistoryRow = Record<HistoryColumn, string>;

/** How many row errors a report names; the total is counted past it. */
export const REPORTED_ERRORS = 100;

/**
 * What is wrong with a header: required columns missing, columns nobody knows (a misspelt
 * column would otherwise be dropped without a word). Both empty when it is right.
 */
export function checkHeader(header: readonly string[]): {
  missing: HistoryColumn[];
  unknown: string[];
} {
  const given = new Set(header.map((h) => h.trim()));
  const known = new Set<string>(HISTORY_COLUMNS);
  return {
    missing: HISTORY_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.includes(c) && !given.has(c)),
    unknown: [...given].filter((h) => h !== '' && !known.has(h)),
  };
}

/** Is this a real calendar day written YYYY-MM-DD? */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Credits as a number of at most two decimals, ≥ 0; null when it is not one. */
export function parseCredits(value: string): number | null {
  if (!/^\d+(?:\.\d{1,2})?$/.test(value)) return null;
  return Number(value);
}

/** The checks one row passes on its own, in column order. */
export function checkHistoryRow(row: HistoryRow, line: number): HistoryRowError[] {
  const errors: HistoryRowError[] = [];
  const problem = (column: HistoryColumn, code: HistoryErrorCode, params: MessageParams = {}) =>
    errors.push({ line, column, code, params });
  for (const column of HISTORY_COLUMNS) {
    if (!MAY_BE_EMPTY.has(column) && row[column] === '')
      problem(column, 'mobility.import_required');
  }
  const start = row.start_date;
  const end = row.end_date;
  if (start !== '' && !isIsoDate(start))
    problem('start_date', 'mobility.import_date_invalid', { value: start });
  if (end !== '' && !isIsoDate(end))
    problem('end_date', 'mobility.import_date_invalid', { value: end });
  if (isIsoDate(start) && isIsoDate(end) && end < start)
    problem('end_date', 'mobility.import_end_before_start', { start });
  if (row.level !== '' && !(STUDY_LEVELS as readonly string[]).includes(row.level))
    problem('level', 'mobility.import_level_unknown', { value: row.level, levels: STUDY_LEVELS });
  if (row.field !== '' && !isIscedF(row.field))
    problem('field', 'mobility.import_field_unknown', { value: row.field });
  if (row.credits !== '' && parseCredits(row.credits) === null)
    problem('credits', 'mobility.import_credits_invalid', { value: row.credits });
  if (row.status !== '' && !(HISTORY_STATUSES as readonly string[]).includes(row.status))
    problem('status', 'mobility.import_status_unknown', {
      value: row.status,
      statuses: HISTORY_STATUSES,
    });
  return errors;
}

/**
 * The row as the file gives it: every known column trimmed, absent ones empty. `cells` maps a
 * header name to its cell's text.
 */
export function historyRow(cells: (column: string) => string | undefined): HistoryRow {
  const row = {} as HistoryRow;
  for (const column of HISTORY_COLUMNS) row[column] = (cells(column) ?? '').trim();
  return row;
}

/**
 * Keeps the first `REPORTED_ERRORS` errors by line (then column order) and counts them all, as
 * errors arrive from several checks.
 */
export class ErrorTally {
  private kept: HistoryRowError[] = [];
  total = 0;

  add(errors: readonly HistoryRowError[], counted = errors.length): void {
    this.total += counted;
    const last = this.kept[this.kept.length - 1];
    const full = this.kept.length >= REPORTED_ERRORS;
    // Rows arrive in line order: once the list is full, later lines change nothing.
    const useful = full && last ? errors.filter((e) => e.line <= last.line) : errors;
    if (!useful.length) return;
    this.kept = sortErrors([...this.kept, ...useful]).slice(0, REPORTED_ERRORS);
  }

  get first(): HistoryRowError[] {
    return [...this.kept];
  }
}

export function sortErrors(errors: HistoryRowError[]): HistoryRowError[] {
  const order = (c: HistoryColumn) => HISTORY_COLUMNS.indexOf(c);
  return errors.sort((a, b) => a.line - b.line || order(a.column) - order(b.column));
}
