import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { MECHANISMS, type AllocationRun, type Mechanism, type MechanismResult } from './api.ts';
import { bestOf, formatPercent, proofNote, type Better } from './format.ts';
import { PassedOverSection } from './passed-over-list.tsx';

interface Metric {
  key: string;
  label: string;
  /** The number compared across mechanisms; null when it does not apply (e.g. nobody placed). */
  value: (r: MechanismResult) => number | null;
  show: (r: MechanismResult, value: number | null) => string;
  better: Better;
}

/**
 * The three mechanisms side by side: placed, months, first choices, ranks, funding, balance, the
 * applicants each passes over for lower-scored ones — and, below, who they are and why.
 */
export function CompareTable({ run }: { run: AllocationRun }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const num = (value: number, digits?: number) => formatNumber(value, language, digits);
  const mechanisms = MECHANISMS.filter((m): m is Mechanism => !!run.results[m]);
  const rules = run.instance.rules;
  const unit = t(`allocation.units.${rules.balanceUnit}`);

  /** "optimum proven", or the bounds of an optimum not proven in time; nothing for the others. */
  const proofText = (r: MechanismResult): string => {
    const note = proofNote(r.result.stats, language);
    return note ? t(note.key, note.values) : '';
  };

  const metrics: Metric[] = [
    {
      key: 'placed',
      label: t('allocation.compare.placed'),
      value: (r) => r.summary.placed,
      show: (r) =>
        t('allocation.compare.placedOf', {
          placed: num(r.summary.placed),
          students: num(run.instance.students),
        }),
      better: 'higher',
    },
    {
      key: 'months',
      label: t('allocation.compare.months'),
      value: (r) => r.summary.placedMonths,
      show: (r) => num(r.summary.placedMonths),
      better: 'higher',
    },
    {
      key: 'first-choices',
      label: t('allocation.compare.firstChoices'),
      value: (r) => (r.summary.placed ? r.summary.firstChoices / r.summary.placed : null),
      show: (r, v) =>
        v === null
          ? '—'
          : t('allocation.compare.share', {
              share: formatPercent(v, language),
              n: num(r.summary.firstChoices),
            }),
      better: 'higher',
    },
    {
      key: 'average-rank',
      label: t('allocation.compare.averageRank'),
      value: (r) => (r.summary.placed ? r.summary.rankSum / r.summary.placed : null),
      show: (_r, v) => (v === null ? '—' : num(v, 2)),
      better: 'lower',
    },
    {
      key: 'funded-months',
      label: t('allocation.compare.fundedMonths'),
      value: (r) => r.summary.fundedMonths,
      show: (r) =>
        rules.fundedMonthsCap === null
          ? t('allocation.compare.noCap', { value: num(r.summary.fundedMonths) })
          : t('allocation.compare.ofCap', {
              value: num(r.summary.fundedMonths),
              cap: num(rules.fundedMonthsCap),
            }),
      better: null,
    },
    {
      key: 'worst-imbalance',
      label: t('allocation.compare.worstImbalance', { unit }),
      value: (r) => r.summary.worstImbalance,
      show: (r) =>
        t('allocation.compare.ofTolerance', {
          value: num(r.summary.worstImbalance),
          tolerance: num(rules.tolerance),
        }),
      better: 'lower',
    },
    {
      key: 'passed-over',
      label: t('allocation.compare.passedOver'),
      value: (r) => r.passedOverStudents,
      show: (r) => num(r.passedOverStudents),
      better: 'lower',
    },
    {
      key: 'seconds',
      label: t('allocation.compare.seconds'),
      value: (r) => r.result.stats.seconds,
      show: (r) =>
        [
          t('allocation.compare.secondsValue', { seconds: num(r.result.stats.seconds, 3) }),
          r.result.stats.solver
            ? t(`allocation.solvers.${r.result.stats.solver.replace(/[^a-z0-9]+/gi, '_')}`, {
                defaultValue: r.result.stats.solver,
              })
            : '',
          proofText(r),
        ]
          .filter(Boolean)
          .join(' · '),
      better: null,
    },
  ];

  return (
    <section className="card" aria-labelledby="allocation-compare">
      <h2 id="allocation-compare">{t('allocation.compare.title')}</h2>
      <p className="help" id="allocation-compare-help">
        {t('allocation.compare.help')}
      </p>
      <div className="table-wrap">
        <table
          className="data-table allocation-compare"
          data-testid="allocation-compare"
          aria-describedby="allocation-compare-help"
        >
          <caption className="visually-hidden">{t('allocation.compare.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('allocation.compare.measure')}</th>
              {mechanisms.map((m) => (
                <th key={m} scope="col" className="numeric" data-mechanism={m}>
                  {t(`allocation.mechanisms.${m}`)}
                  {run.publishedMechanism === m ? (
                    <span className="badge badge-status badge-status-signed">
                      {t('allocation.compare.publishedBadge')}
                    </span>
                  ) : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((metric) => {
              const values = mechanisms.map((m) => metric.value(run.results[m]!));
              const best = bestOf(values, metric.better);
              return (
                <tr key={metric.key} data-metric={metric.key}>
                  <th scope="row">{metric.label}</th>
                  {mechanisms.map((m, i) => (
                    <td
                      key={m}
                      className={`numeric${best[i] ? ' allocation-best' : ''}`}
                      data-mechanism={m}
                      data-best={best[i] ? 'true' : undefined}
                    >
                      {metric.show(run.results[m]!, values[i] ?? null)}
                      {best[i] ? (
                        <span className="badge allocation-best-badge">
                          {t('allocation.compare.best')}
                        </span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <PassedOverSection run={run} />
    </section>
  );
}
