import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from 'recharts';
import { nameIn } from '../../../i18n/format.ts';
import { useCountryName } from '../../components/ui/country-name.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import {
  exportUrl,
  recordsSearch,
  type CellView,
  type DashboardFilter,
  type DashboardKind,
  type TableView,
} from './api.ts';
import { CHARTS, CODE_COLUMNS, COUNTRY_COLUMNS, type ChartSpec } from './charts.ts';

/** Draws a bar as an SVG <rect>; the class carries its colour, so the reading mode restyles it. */
function seriesBar(index: number) {
  function SeriesBar(props: { x?: number; y?: number; width?: number; height?: number }) {
    const { x = 0, y = 0, width = 0, height = 0 } = props;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(0, width)}
        height={Math.max(0, height)}
        className={`dash-bar dash-series-${index % 4}`}
      />
    );
  }
  return SeriesBar;
}
const BARS = [0, 1, 2, 3].map(seriesBar);

/** A year by its first calendar year: `2015` for calendar years, else `2015/16` (`2015年度`). */
export function yearLabel(year: number, startMonth: number, t: TFunction): string {
  return startMonth === 1
    ? String(year)
    : t('dashboards.fiscalYear', { start: year, end: String((year + 1) % 100).padStart(2, '0') });
}

/** The plain value of a cell, for the chart. */
const valueOf = (cell: CellView | undefined): number => {
  if (typeof cell === 'number') return cell;
  if (cell && typeof cell === 'object' && 'n' in cell) return cell.n;
  return 0;
};

type Props = {
  kind: DashboardKind;
  id: string;
  table: TableView;
  filter: DashboardFilter;
  /** The month the dashboard's years start in (years are named by their first calendar year). */
  startMonth: number;
  /** Drawn instead of the bar chart (the map of flows). */
  figure?: ReactNode;
};

/**
 * One table of a dashboard: its heading, its chart (hidden from screen readers: the table below
 * holds the same numbers), the table with a caption, and its downloads. Counts link to the
 * records behind them.
 */
export function TableSection({ kind, id, table, filter, startMonth, figure }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const headingId = useId();
  const country = useCountryName();
  const title = t(`dashboards.tables.${table.id}.title`);
  const spec = CHARTS[table.id];
  const column = (key: string) => t(`dashboards.columns.${key}`);

  const text = (key: string, cell: CellView | undefined): string => {
    if (cell === null || cell === undefined) return '—';
    if (key === 'fiscal_year' && typeof cell === 'number') return yearLabel(cell, startMonth, t);
    if (key === 'recognition_rate' && typeof cell === 'number')
      return t('dashboards.percent', {
        value: formatNumber(Math.round(cell * 1000) / 10, language),
      });
    if (typeof cell === 'number') return formatNumber(cell, language);
    if (typeof cell === 'string') {
      if (COUNTRY_COLUMNS.has(key)) return country(cell);
      const prefix = CODE_COLUMNS[key];
      return prefix ? t(`${prefix}.${cell}`, { defaultValue: cell }) : cell;
    }
    if ('names' in cell) return nameIn(cell.names, language);
    return formatNumber(cell.n, language);
  };

  const cellContent = (key: string, cell: CellView | undefined): ReactNode => {
    if (cell && typeof cell === 'object' && 'n' in cell && cell.n > 0) {
      return (
        <Link
          to={`/dashboards/${kind}/${encodeURIComponent(id)}/records?${recordsSearch(filter, cell.records)}`}
        >
          {text(key, cell)}
        </Link>
      );
    }
    return text(key, cell);
  };

  const numeric = (index: number) =>
    table.rows.some(
      (r) =>
        typeof r[index] === 'number' ||
        (r[index] !== null && typeof r[index] === 'object' && 'n' in (r[index] as object)),
    );

  return (
    <section className="dash-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="muted">{t(`dashboards.tables.${table.id}.about`)}</p>
      {table.rows.length === 0 ? (
        <p className="empty">
          {t(`dashboards.tables.${table.id}.none`, { defaultValue: t('dashboards.noData') })}
        </p>
      ) : (
        <>
          {figure ??
            (spec && spec !== 'map' ? (
              <Chart spec={spec} table={table} text={text} column={column} />
            ) : null)}
          <TableWrap label={title}>
            <table className="data-table dash-table">
              <caption>{title}</caption>
              <thead>
                <tr>
                  {table.columns.map((c, i) => (
                    <th key={c} scope="col" className={numeric(i) ? 'numeric' : undefined}>
                      {column(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row, r) => (
                  <tr key={r}>
                    {table.columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c} scope="row">
                          {cellContent(c, row[i])}
                        </th>
                      ) : (
                        <td
                          key={c}
                          data-label={column(c)}
                          className={numeric(i) ? 'numeric' : undefined}
                        >
                          {cellContent(c, row[i])}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {table.omitted ? (
            <p className="muted">{t('dashboards.omitted', { count: table.omitted })}</p>
          ) : null}
        </>
      )}
      <p className="dash-downloads">
        {(['csv', 'xlsx'] as const).map((format) => (
          <a
            key={format}
            className="button button-secondary"
            href={exportUrl(kind, id, table.id, format, filter, language)}
            download
          >
            {t(`dashboards.download.${format}`, { table: title })}
          </a>
        ))}
      </p>
    </section>
  );
}

function Chart({
  spec,
  table,
  text,
  column,
}: {
  spec: ChartSpec;
  table: TableView;
  text: (key: string, cell: CellView | undefined) => string;
  column: (key: string) => string;
}) {
  const index = (key: string) => table.columns.indexOf(key);
  // Label columns that are the same on every row (one project, say) say nothing under the bars.
  const varying = spec.label.filter(
    (k, i) =>
      i === spec.label.length - 1 || new Set(table.rows.map((r) => text(k, r[index(k)]))).size > 1,
  );
  const label = (row: readonly CellView[]) =>
    varying.map((k) => text(k, row[index(k)])).join(' · ');
  let data: Record<string, string | number>[];
  let series: { key: string; name: string }[];
  if (spec.pivot) {
    const { column: by, value } = spec.pivot;
    const keys = [...new Set(table.rows.map((r) => String(r[index(by)])))].sort();
    const rows = new Map<string, Record<string, string | number>>();
    for (const r of table.rows) {
      const l = label(r);
      const entry = rows.get(l) ?? { label: l };
      entry[String(r[index(by)])] = valueOf(r[index(value)]);
      rows.set(l, entry);
    }
    data = [...rows.values()];
    series = keys.map((k) => ({ key: k, name: text(by, k) }));
  } else {
    data = table.rows.map((r) => ({
      label: label(r),
      ...Object.fromEntries(spec.series.map((s) => [s, valueOf(r[index(s)])])),
    }));
    series = spec.series.map((s) => ({ key: s, name: column(s) }));
  }
  const width = Math.max(360, Math.min(1100, data.length * (series.length * 22 + 24) + 80));
  return (
    <div className="dash-chart" aria-hidden="true">
      <ul className="dash-legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <span className={`legend-swatch dash-swatch-${i % 4}`} /> {s.name}
          </li>
        ))}
      </ul>
      <BarChart
        accessibilityLayer={false}
        width={width}
        height={260}
        data={data}
        margin={{ top: 8, right: 8, bottom: 48, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          interval={0}
          angle={data.length > 8 ? -35 : 0}
          textAnchor={data.length > 8 ? 'end' : 'middle'}
          height={data.length > 8 ? 70 : 30}
          tick={{ fontSize: 12 }}
        />
        <YAxis allowDecimals={false} width={48} />
        {series.map((s, i) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            shape={BARS[i % 4]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
