import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { nameIn } from '../../../i18n/format.ts';
import type { AllocationRules, Mechanism, Summary } from './api.ts';

/** Draws a bar as an SVG <rect>; the class carries its colour, so the reading mode restyles it. */
function barShape(className: string) {
  function AllocationBar(props: { x?: number; y?: number; width?: number; height?: number }) {
    const { x = 0, y = 0, width = 0, height = 0 } = props;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(0, width)}
        height={Math.max(0, height)}
        className={`allocation-bar ${className}`}
      />
    );
  }
  return AllocationBar;
}
const SentBar = barShape('allocation-bar-sent');
const ReceivedBar = barShape('allocation-bar-received');

/**
 * R4 (003 §5(4)): what each balance unit (university, consortium, side or agreement) sends and
 * receives under one mechanism. The chart is hidden from screen readers; the table holds the
 * same numbers.
 */
export function BalanceSection({
  mechanism,
  summary,
  rules,
}: {
  mechanism: Mechanism;
  summary: Summary;
  rules: AllocationRules;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const num = (value: number) => formatNumber(value, language);
  const unit = t(`allocation.units.${rules.balanceUnit}`);
  const scope = t(`allocation.scopes.${rules.balanceScope}`);
  const mechanismName = t(`allocation.mechanisms.${mechanism}`);
  const rows = summary.balance.map((row) => ({ ...row, label: nameIn(row.name, language) }));

  return (
    <section aria-labelledby={`${id}-title`} className="allocation-balance">
      <h3 id={`${id}-title`}>{t('allocation.balance.title')}</h3>
      {rows.length === 0 ? (
        <p className="empty" role="status">
          {rules.balanceScope === 'none'
            ? t('allocation.balance.noRule')
            : t('allocation.balance.empty')}
        </p>
      ) : (
        <>
          {/* The chart repeats the table's numbers: screen readers get the table instead. */}
          <figure className="allocation-chart" data-testid="allocation-chart" aria-hidden="true">
            <figcaption className="chart-title">
              {t('allocation.balance.chartTitle', { mechanism: mechanismName, unit })}
            </figcaption>
            <ul className="chart-legend">
              <li>
                <span className="legend-swatch allocation-swatch-sent" />
                {t('allocation.balance.sent')}
              </li>
              <li>
                <span className="legend-swatch allocation-swatch-received" />
                {t('allocation.balance.received')}
              </li>
            </ul>
            <BarChart
              responsive
              data={rows}
              style={{ width: '100%', height: '18rem' }}
              margin={{ top: 24, right: 8, bottom: 8, left: 0 }}
              accessibilityLayer={false}
              barGap={4}
            >
              <CartesianGrid vertical={false} />
              <XAxis dataKey="label" tickLine={false} interval={0} />
              <YAxis allowDecimals={false} width={48} />
              <Bar dataKey="sent" shape={SentBar} isAnimationActive={false}>
                <LabelList dataKey="sent" position="top" className="allocation-label" />
              </Bar>
              <Bar dataKey="received" shape={ReceivedBar} isAnimationActive={false}>
                <LabelList dataKey="received" position="top" className="allocation-label" />
              </Bar>
            </BarChart>
          </figure>
          <div className="table-wrap">
            <table className="data-table compact-table" data-testid="allocation-balance-table">
              <caption>
                {t('allocation.balance.caption', {
                  mechanism: mechanismName,
                  scope,
                  unit,
                  tolerance: t(`allocation.balance.tolerance.${rules.balanceUnit}`, {
                    count: rules.tolerance,
                  }),
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('allocation.balance.unit', { scope })}</th>
                  <th scope="col" className="numeric">
                    {t('allocation.balance.sent')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('allocation.balance.received')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('allocation.balance.net')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.unit} data-unit={row.unit}>
                    <th scope="row">{row.label}</th>
                    <td className="numeric">{num(row.sent)}</td>
                    <td className="numeric">{num(row.received)}</td>
                    <td className="numeric">
                      {num(row.net)}
                      {Math.abs(row.net) > rules.tolerance ? (
                        <span className="badge badge-warning badge-accent">
                          {t('allocation.balance.outside')}
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
