import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { Actor } from '../../api/types.ts';
import {
  getConsortiumBudget,
  getProgramBudget,
  type ProgramBudget,
  type YearFigures,
} from './api.ts';
import { AdvisoriesSection } from './advisories-section.tsx';
import { MoneyError, useName, useNum, useYen } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './money.css';

type Source = { kind: 'program' | 'consortium'; id: string; label: string };

function sourcesOf(actor: Actor): Source[] {
  return actor.roles.flatMap((r): Source[] =>
    r.role === 'funder_officer'
      ? [{ kind: 'program', id: r.scopeId, label: r.scopeName ?? r.scopeId }]
      : r.role === 'rep_officer'
        ? [{ kind: 'consortium', id: r.scopeId, label: r.scopeName ?? r.scopeId }]
        : [],
  );
}

/** /budget: stipends and travel per fiscal year and project against the cap (R14), for the funder and the representative university. */
export function BudgetPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('money.budget.title'));
  const sources = session.status === 'signed-in' ? sourcesOf(session.actor) : [];
  const [choice, setChoice] = useState(0);
  const source = sources[Math.min(choice, sources.length - 1)];
  const selectId = useId();
  return (
    <>
      <h1>{t('money.budget.title')}</h1>
      <p className="muted">{t('money.budget.intro')}</p>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status !== 'loading' && !source ? (
        <p className="alert alert-info">{t('money.notAllowed')}</p>
      ) : null}
      {sources.length > 1 ? (
        <p>
          <label htmlFor={selectId}>{t('money.budget.source')}</label>{' '}
          <select id={selectId} value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {sources.map((s, i) => (
              <option key={`${s.kind}:${s.id}`} value={i}>
                {s.kind === 'program' ? t('money.budget.program') : t('money.budget.consortium')}:{' '}
                {s.label}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {source ? <BudgetOf source={source} /> : null}
    </>
  );
}

function BudgetOf({ source }: { source: Source }) {
  const key = `${source.kind}:${source.id}`;
  const budgets = useResource(key, async (signal) =>
    source.kind === 'program'
      ? [await getProgramBudget(source.id, signal)]
      : (await getConsortiumBudget(source.id, signal)).programs,
  );
  return (
    <ResourceView
      resource={budgets}
      renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
    >
      {(budgetsData) => (
        <>
          {budgetsData.map((b) => (
            <ProgramSection key={b.programId} budget={b} />
          ))}
          {source.kind === 'program' ? <AdvisoriesSection programId={source.id} /> : null}
        </>
      )}
    </ResourceView>
  );
}

function ProgramSection({ budget }: { budget: ProgramBudget }) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const name = useName();
  const id = useId();
  const [fy, setFy] = useState<number | 'all'>('all');
  const years = fy === 'all' ? budget.totals : budget.totals.filter((y) => y.fiscalYear === fy);
  return (
    <section aria-labelledby={`${id}-h`} className="money-panel" data-testid="money-budget">
      <h2 id={`${id}-h`}>{name(budget.programName)}</h2>
      <p>
        {t('money.budget.rules', {
          stipend: yen(budget.monthlyStipendJpy),
          cap: num(budget.capPerFiscalYear),
          count: budget.capPerFiscalYear,
        })}{' '}
        {budget.partialMonth
          ? t(`money.partialMonth.${budget.partialMonth.kind}`, {
              days: budget.partialMonth.daysPerMonth ?? '',
            })
          : null}
      </p>
      <p>
        <label htmlFor={`${id}-fy`}>{t('money.budget.fiscalYear')}</label>{' '}
        <select
          id={`${id}-fy`}
          value={fy}
          onChange={(e) => setFy(e.target.value === 'all' ? 'all' : Number(e.target.value))}
        >
          <option value="all">{t('money.budget.allYears')}</option>
          {budget.fiscalYears.map((y) => (
            <option key={y} value={y}>
              {t('money.fy', { year: y })}
            </option>
          ))}
        </select>
      </p>
      {years.length === 0 ? (
        <p className="empty" role="status">
          {t('money.budget.empty')}
        </p>
      ) : (
        <>
          <BudgetChart years={years} cap={budget.totals[0]?.cap ?? budget.capPerFiscalYear} />
          <h3>{t('money.budget.byYear')}</h3>
          <YearTable years={years} />
          {budget.projects.map((p) => (
            <details key={p.consortiumId}>
              <summary>
                {t('money.budget.project', {
                  name: p.consortium,
                  count: p.mobilities,
                  n: num(p.mobilities),
                })}
                {p.representative
                  ? ` — ${t('money.budget.representative', { name: p.representative })}`
                  : null}
              </summary>
              <YearTable
                years={fy === 'all' ? p.years : p.years.filter((y) => y.fiscalYear === fy)}
              />
            </details>
          ))}
        </>
      )}
      <p className="muted">{t('money.budget.note')}</p>
    </section>
  );
}

function BudgetChart({ years, cap }: { years: YearFigures[]; cap: number }) {
  const { t } = useTranslation();
  const data = years.map((y) => ({
    name: t('money.fy', { year: y.fiscalYear }),
    committed: y.committedMonths,
    confirmed: y.confirmedMonths,
    paid: y.paidMonths,
  }));
  // R14: the cap is always drawn, and the axis reaches it (the bars are often far below it).
  const showCap = cap > 0;
  const top = Math.max(cap, ...data.map((d) => d.committed));
  return (
    <figure className="money-chart" data-testid="money-chart" aria-hidden="true">
      <figcaption className="chart-title">{t('money.budget.chartTitle')}</figcaption>
      <ul className="chart-legend">
        {(['committed', 'confirmed', 'paid'] as const).map((k) => (
          <li key={k}>
            <span className={`legend-swatch money-swatch-${k}`} />
            {t(`money.budget.${k}`)}
          </li>
        ))}
        {showCap ? (
          <li>
            <span className="legend-swatch money-swatch-cap" />
            {t('money.budget.cap')}
          </li>
        ) : null}
      </ul>
      {/* Hidden from screen readers (the table gives the figures), so nothing in it is focusable. */}
      <BarChart
        responsive
        data={data}
        style={{ width: '100%', height: '18rem' }}
        margin={{ top: 16, right: 8, bottom: 8, left: 0 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="name" interval={0} />
        <YAxis allowDecimals={false} domain={[0, top]} />
        <Bar dataKey="committed" className="money-bar-committed" isAnimationActive={false} />
        <Bar dataKey="confirmed" className="money-bar-confirmed" isAnimationActive={false} />
        <Bar dataKey="paid" className="money-bar-paid" isAnimationActive={false} />
        {showCap ? (
          <ReferenceLine y={cap} className="money-cap-line" ifOverflow="extendDomain" />
        ) : null}
      </BarChart>
    </figure>
  );
}

function YearTable({ years }: { years: YearFigures[] }) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  return (
    <TableWrap label={t('money.budget.tableCaption')}>
      <table className="data-table" data-testid="money-budget-table">
        <caption className="visually-hidden">{t('money.budget.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.budget.fiscalYear')}</th>
            <th scope="col">{t('money.budget.cap')}</th>
            <th scope="col">{t('money.budget.committed')}</th>
            <th scope="col">{t('money.budget.confirmed')}</th>
            <th scope="col">{t('money.budget.inBatch')}</th>
            <th scope="col">{t('money.budget.paid')}</th>
            <th scope="col">{t('money.budget.remaining')}</th>
            <th scope="col">{t('money.budget.stipendCommitted')}</th>
            <th scope="col">{t('money.budget.stipendPaid')}</th>
            <th scope="col">{t('money.budget.travelCommitted')}</th>
            <th scope="col">{t('money.budget.travelPaid')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.fiscalYear}>
              <th scope="row">{t('money.fy', { year: y.fiscalYear })}</th>
              <td>{num(y.cap)}</td>
              <td>{num(y.committedMonths)}</td>
              <td>{num(y.confirmedMonths)}</td>
              <td>{num(y.inBatchMonths)}</td>
              <td data-testid="money-paid-months">{num(y.paidMonths)}</td>
              <td>
                {num(y.remainingMonths)}
                {y.overBy > 0
                  ? ` (${t('money.budget.overBy', { n: num(y.overBy), count: y.overBy })})`
                  : ''}
              </td>
              <td>{yen(y.stipend.committedJpy)}</td>
              <td data-testid="money-paid-jpy">{yen(y.stipend.paidJpy)}</td>
              <td>{yen(y.travel.committedJpy)}</td>
              <td>{yen(y.travel.paidJpy)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
