/**
 * The tables of the dashboards: one model that the web draws as a chart and a table, and that
 * downloads as CSV or XLSX. A cell is a number, a text, a name in several languages, or a count
 * that links to the records behind it (the stays of a year, a partner, a direction…).
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';

/** What selects the stays behind a figure (added to the dashboard's own filters). */
export interface RecordQuery {
  year?: number;
  direction?: 'sent' | 'received';
  partner?: string;
  level?: string;
  field?: string;
  agreement?: string;
  homeCountry?: string;
  hostCountry?: string;
  /** Only stays that took place (departed or later); otherwise every stay not refused or withdrawn. */
  tookPlace?: boolean;
}

export type Cell =
  null | string | number | { names: LocalizedText } | { n: number; records: RecordQuery };

export interface Table {
  /** Stable id: the table's caption and its columns' headers are translated by the web app. */
  id: string;
  /** Column keys (snake_case): the headers of the downloads, translated on the page. */
  columns: string[];
  rows: Cell[][];
  /** Rows left out of a long table on the page (a download holds them); absent when none. */
  omitted?: number;
}

/** The text of a name in `language`, else English, else any. */
export function nameIn(names: LocalizedText, language: string): string {
  return (
    names[language as keyof LocalizedText] ??
    names.en ??
    Object.values(names).find((v) => typeof v === 'string') ??
    ''
  );
}

/** The plain value of a cell for a download. */
export function plainCell(cell: Cell, language: string): string | number | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('names' in cell) return nameIn(cell.names, language);
  return cell.n;
}

export function tableCsv(table: Table, language: string): string {
  return stringify(
    [table.columns, ...table.rows.map((r) => r.map((c) => plainCell(c, language)))],
    {
      record_delimiter: 'windows',
      bom: true,
    },
  );
}

export async function tableXlsx(table: Table, language: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kakehashi';
  const sheet = workbook.addWorksheet(table.id.slice(0, 31));
  sheet.addRow(table.columns);
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => plainCell(c, language)));
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
