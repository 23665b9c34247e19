/** The dashboards' API: a dashboard (tables and map), the records behind a figure, downloads. */
import type {
  DashboardView,
  MyDashboardsView,
  RecordLinkView,
  RecordsView,
} from '../../../server/routes/dashboards.schema.ts';
import { API_BASE, apiRequest, buildPath } from '../../api/client.ts';

export type {
  CellView,
  DashboardView,
  RecordLinkView,
  RecordsView,
  TableView,
} from '../../../server/routes/dashboards.schema.ts';

export const DASHBOARD_KINDS = ['program', 'consortium', 'institution'] as const;
export type DashboardKind = (typeof DASHBOARD_KINDS)[number];
export const isDashboardKind = (s: string | undefined): s is DashboardKind =>
  (DASHBOARD_KINDS as readonly string[]).includes(s ?? '');

/** Where each dashboard lives in the API: under the record it is the dashboard of. */
const PREFIX: Record<DashboardKind, string> = {
  program: '/programs',
  consortium: '/consortia',
  institution: '/institutions',
};

/** The filters kept in the page's URL. */
export interface DashboardFilter {
  years?: string;
  partner?: string;
  level?: string;
  field?: string;
}

const base = (kind: DashboardKind, id: string) =>
  `${PREFIX[kind]}/${encodeURIComponent(id)}/dashboard`;

export const myDashboards = (signal?: AbortSignal) =>
  apiRequest<MyDashboardsView>('/dashboards', { signal });

export const getDashboard = (
  kind: DashboardKind,
  id: string,
  filter: DashboardFilter,
  signal?: AbortSignal,
) => apiRequest<DashboardView>(base(kind, id), { signal, query: { ...filter } });

export const getRecords = (
  kind: DashboardKind,
  id: string,
  query: Record<string, string>,
  signal?: AbortSignal,
) => apiRequest<RecordsView>(`${base(kind, id)}/records`, { signal, query });

/** The URL of a table's download (the server builds CSV and XLSX files). */
export const exportUrl = (
  kind: DashboardKind,
  id: string,
  table: string,
  format: 'csv' | 'xlsx',
  filter: DashboardFilter,
  lang: string,
) => buildPath(`${base(kind, id)}/export`, { ...filter, table, format, lang });

/** The search params of the records page behind a figure: the dashboard's filters and the figure's. */
export function recordsSearch(filter: DashboardFilter, link: RecordLinkView): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...link })) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  return params.toString();
}

export { API_BASE };
