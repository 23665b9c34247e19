/** One table of a dashboard as a file: CSV (UTF-8 with BOM, for spreadsheets) or XLSX. */
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { DASHBOARDS, type DashboardFilter, type DashboardKind } from './dashboards.ts';
import { tableCsv, tableXlsx } from './tables.ts';

export async function exportTable(
  ctx: ServiceContext,
  kind: DashboardKind,
  id: string,
  request: { filter: DashboardFilter; table: string; format: 'csv' | 'xlsx'; language: string },
) {
  const dashboard = await DASHBOARDS[kind](ctx, id, request.filter, { full: true });
  const table = dashboard.tables.find((t) => t.id === request.table);
  if (!table) throw notFound('dashboard table', request.table);
  const years = request.filter.years.length
    ? `-${request.filter.years[0]}-${request.filter.years.at(-1)}`
    : '';
  const filename = `${kind}-${id}-${table.id}${years}.${request.format}`;
  if (request.format === 'csv') {
    return {
      filename,
      contentType: 'text/csv; charset=utf-8',
      body: tableCsv(table, request.language),
    };
  }
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await tableXlsx(table, request.language),
  };
}
