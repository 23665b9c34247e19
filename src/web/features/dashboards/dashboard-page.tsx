import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import {
  getDashboard,
  isDashboardKind,
  type DashboardFilter,
  type DashboardKind,
  type DashboardView,
} from './api.ts';
import { FlowMap } from './flow-map.tsx';
import { DASHBOARD_PANELS } from './panels.ts';
import { TableSection, yearLabel } from './table-section.tsx';
import './dashboards.css';

/** The filters of the URL's search params (fiscal years as `2015,2016`, a partner, a level, a field). */
export function filterOf(params: URLSearchParams): DashboardFilter {
  const out: DashboardFilter = {};
  for (const key of ['years', 'partner', 'level', 'field'] as const) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

/** A dashboard (a program's, a consortium's or an institution's): filters, charts, tables, map. */
export function DashboardPage() {
  const { kind, id = '' } = useParams();
  if (!isDashboardKind(kind)) return <NotFoundPage />;
  return <Dashboard kind={kind} id={id} />;
}

function Dashboard({ kind, id }: { kind: DashboardKind; id: string }) {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const resource = useResource(`dashboard:${kind}:${id}:${params.toString()}`, (signal) =>
    getDashboard(kind, id, filter, signal),
  );
  const name = resource.status === 'success' ? nameIn(resource.data.name, i18n.language) : '';
  const title = t(`dashboards.kinds.${kind}.title`, { name });
  useDocumentTitle(resource.status === 'success' ? title : t('dashboards.title'));

  const setFilter = (key: keyof DashboardFilter, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  return (
    <>
      <p>
        <Link to="/dashboards">{t('dashboards.back')}</Link>
      </p>
      <ResourceView resource={resource} errorHeading={<h1>{t('dashboards.title')}</h1>}>
        {(d) => (
          <>
            <h1>{title}</h1>
            <p className="muted">{t(`dashboards.kinds.${kind}.intro`)}</p>
            <Filters data={d} filter={filter} onChange={setFilter} />
            {DASHBOARD_PANELS[kind].map((Panel, i) => (
              <Panel key={i} id={id} filter={filter} />
            ))}
            {d.tables.map((table) => (
              <TableSection
                key={table.id}
                kind={kind}
                id={id}
                table={table}
                filter={filter}
                startMonth={d.startMonth}
                figure={
                  table.id === 'city_flows' && d.map.flows.length ? (
                    <FlowMap map={d.map} />
                  ) : undefined
                }
              />
            ))}
          </>
        )}
      </ResourceView>
    </>
  );
}

function Filters({
  data,
  filter,
  onChange,
}: {
  data: DashboardView;
  filter: DashboardFilter;
  onChange: (key: keyof DashboardFilter, value: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const years = data.options.years;
  const chosen = filter.years ? filter.years.split(',').map(Number) : [];
  const from = chosen.length ? Math.min(...chosen) : undefined;
  const to = chosen.length ? Math.max(...chosen) : undefined;
  const setRange = (a: number | undefined, b: number | undefined) => {
    if (a === undefined && b === undefined) return onChange('years', '');
    const lo = a ?? years[0] ?? b!;
    const hi = b ?? years.at(-1) ?? a!;
    const list = [];
    for (let y = Math.min(lo, hi); y <= Math.max(lo, hi); y++) list.push(y);
    onChange('years', list.join(','));
  };
  const label = (y: number) => yearLabel(y, data.startMonth, t);
  return (
    <form
      className="filters dash-filters"
      onSubmit={(e) => e.preventDefault()}
      aria-label={t('dashboards.filters')}
    >
      <div className="field">
        <label htmlFor="dash-from">{t('dashboards.fromYear')}</label>
        <select
          id="dash-from"
          value={from ?? ''}
          onChange={(e) => setRange(e.target.value ? Number(e.target.value) : undefined, to)}
        >
          <option value="">{t('dashboards.any')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {label(y)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-to">{t('dashboards.toYear')}</label>
        <select
          id="dash-to"
          value={to ?? ''}
          onChange={(e) => setRange(from, e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{t('dashboards.any')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {label(y)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-partner">{t('dashboards.partner')}</label>
        <select
          id="dash-partner"
          value={filter.partner ?? ''}
          onChange={(e) => onChange('partner', e.target.value)}
        >
          <option value="">{t('dashboards.any')}</option>
          {data.options.partners.map((p) => (
            <option key={p.id} value={p.id}>
              {nameIn(p.name, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-level">{t('dashboards.level')}</label>
        <select
          id="dash-level"
          value={filter.level ?? ''}
          onChange={(e) => onChange('level', e.target.value)}
        >
          <option value="">{t('dashboards.any')}</option>
          {data.options.levels.map((l) => (
            <option key={l} value={l}>
              {t(`studyLevel.${l}`, { defaultValue: l })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="dash-field">{t('dashboards.field')}</label>
        <select
          id="dash-field"
          value={filter.field ?? ''}
          onChange={(e) => onChange('field', e.target.value)}
        >
          <option value="">{t('dashboards.any')}</option>
          {data.options.fields.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
