import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { AppError, tooLarge } from '../errors.ts';
import { csvCast } from '#src/interop/formula.ts';
import { checkZip, type ZipLimits } from '#src/interop/zip.ts';
import { LIMITS } from '../limits.ts';
import type { TaskPool } from '../tasks/pool.ts';

export type Row = Record<string, string>;
export type TabularFormat = 'csv' | 'xlsx';

/**
 * Is this XLSX within the workbook limits (entries, bytes unpacked, ratio)? Checked before
 * the workbook is parsed: a 413 naming the limit, or a 400 when it is no archive at all.
 */
export async function checkWorkbook(
  bytes: Buffer,
  limits: ZipLimits = LIMITS.workbook,
): Promise<void> {
  const verdict = await checkZip(bytes, limits);
  if (verdict.ok) return;
  if ('refusal' in verdict) throw tooLarge(verdict.refusal);
  throw new AppError(
    'validation_failed',
    `file: not a readable XLSX workbook (${verdict.unreadable})`,
  );
}

/**
 * Reads a CSV (UTF-8, optional BOM) or the first sheet of an XLSX into rows keyed by header. A
 * workbook is checked against the limits first; parsing is CPU-heavy, so with a task pool it
 * runs on a worker thread, for `owner` (who may run only so many heavy tasks at once).
 */
export async function readTable(
  bytes: Buffer,
  format: TabularFormat,
  tasks?: { pool: TaskPool; owner: string },
): Promise<Row[]> {
  if (format === 'xlsx') await checkWorkbook(bytes);
  if (!tasks) return parseTable(bytes, format);
  return tasks.pool.run(tasks.owner, 'read-table', { bytes, format });
}

/** The rows of a CSV or of a workbook already checked against the limits (runs on a worker). */
export async function parseTable(bytes: Buffer, format: TabularFormat): Promise<Row[]> {
  if (format === 'csv') {
    try {
      return parse(bytes, {
        columns: true,
        bom: true,
        skip_empty_lines: true,
        trim: true,
      }) as Row[];
    } catch (error) {
      throw new AppError(
        'validation_failed',
        `file: not a readable CSV (${(error as Error).message})`,
      );
    }
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // A copy of the bytes as an ArrayBuffer, the type the workbook reader declares.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    throw new AppError('validation_failed', 'file: not a readable XLSX workbook');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation_failed', 'file: the workbook has no sheet');
  const header: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => {
    header[col] = String(cell.text).trim();
  });
  const rows: Row[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const out: Row = {};
    header.forEach((key, col) => {
      if (key) out[key] = String(row.getCell(col).text ?? '').trim();
    });
    rows.push(out);
  }
  return rows;
}

export function writeCsv(columns: string[], rows: Record<string, unknown>[]): Buffer {
  // A BOM lets spreadsheet programs read Japanese and Cyrillic text as UTF-8.
  return Buffer.from('\uFEFF' + stringify(rows, { header: true, columns, cast: csvCast }), 'utf8');
}

export async function writeXlsx(
  sheetName: string,
  columns: string[],
  rows: Record<string, unknown>[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2) }));
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
