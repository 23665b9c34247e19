import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts';
import type { Flow, Ledger, LedgerWarning } from '../../api/contract.ts';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber, monthName } from '../../lib/format.ts';

type Unit = 'students' | 'months';
type State = 'planned' | 'realised';
const UNITS: readonly Unit[] = ['students', 'months'];
const STATES: readonly State[] = ['planned', 'realised'];

const EMPTY_FLOW: Flow = { sentStudents: 0, receivedStudents: 0, sentMonths: 0, receivedMonths: 0 };

type Row = { academicYear: number; planned: Flow; realised: Flow };

/** The ledger's years, with `extraYears` (e.g. the agreement's life) filled in as zeros. */
export function ledgerRows(ledger: Ledger, extraYears: readonly number[] = []): Row[] {
  const byYear = new Map<number, Row>(ledger.years.map((row) => [row.academicYear, row]));
  for (const year of extraYears) {
    if (!byYear.has(year)) {
      byYear.set(year, { academicYear: year, planned: EMPTY_FLOW, realised: EMPTY_FLOW });
    }
  }
  return [...byYear.values()].sort((a, b) => a.academicYear - b.academicYear);
}

function sent(flow: Flow, unit: Unit): number {
  return unit === 'students' ? flow.sentStudents : flow.sentMonths;
}

function received(flow: Flow, unit: Unit): number {
  return unit === 'students' ? flow.receivedStudents : flow.receivedMonths;
}

/** Draws a bar as an SVG <rect>; the class carries its colour, so the reading mode restyles it. */
function barShape(className: string) {
  function BalanceBar(props: { x?: number; y?: number; width?: number; height?: number }) {
    const { x = 0, y = 0, width = 0, height = 0 } = props;
    return (
      <rect
        x={x}
        y={y}
        width={Math.max(0, width)}
        height={Math.max(0, height)}
        className={`balance-bar ${className}`}
      />
    );
  }
  return BalanceBar;
}
const SentBar = barShape('balance-bar-sent');
const ReceivedBar = barShape('balance-bar-received');

type Props = {
  ledger: Ledger;
  /** Our side's and their side's names in the reader's language (else the ledger's names). */
  usName?: string;
  themName?: string;
  /** Academic years to list even without exchanges, e.g. every year the agreement is valid. */
  extraYears?: readonly number[];
};

/**
 * R4: students and months sent and received per academic year, planned (nominations) and
 * realised (mobilities), against the tolerance. The chart is for sighted readers and hidden from
 * screen readers; the table below holds the same numbers, and the warnings are in words.
 */
export function BalanceLedger({ ledger, usName, themName, extraYears }: Props) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const [unit, setUnit] = useState<Unit>('students');
  const [state, setState] = useState<State>('planned');
  const us = usName ?? ledger.us.name;
  const them = themName ?? ledger.them.name;
  const rows = ledgerRows(ledger, extraYears);
  const { startMonth } = ledger.calendar;
  const num = (value: number) => formatNumber(value, language);

  const yearLabel = (year: number) =>
    startMonth === 1
      ? String(year)
      : t('ledger.academicYear', { start: year, end: String((year + 1) % 100).padStart(2, '0') });
  const unitLabel = (u: Unit) => (u === 'students' ? t('ledger.students') : t('ledger.months'));
  const stateLabel = (s: State) => (s === 'planned' ? t('ledger.planned') : t('ledger.realised'));
  const warningYears = new Set(ledger.warnings.map((w) => w.academicYear));

  const chartData = rows.map((row) => ({
    label: yearLabel(row.academicYear),
    sent: sent(row[state], unit),
    received: received(row[state], unit),
  }));

  const warningText = (warning: LedgerWarning) => {
    const options = {
      count: Math.abs(warning.difference),
      period:
        warning.academicYear === 'total' ? t('ledger.overall') : yearLabel(warning.academicYear),
      state: warning.state === 'planned' ? t('ledger.plannedWord') : t('ledger.realisedWord'),
      tolerance: num(warning.tolerance),
      us,
      them,
    };
    if (warning.unit === 'students') {
      return warning.ahead === 'sent'
        ? t('ledger.warningSentStudents', options)
        : t('ledger.warningReceivedStudents', options);
    }
    return warning.ahead === 'sent'
      ? t('ledger.warningSentMonths', options)
      : t('ledger.warningReceivedMonths', options);
  };

  const head = (state: State, suffix: string) => `${id}-${state}-${suffix}`;

  return (
    <div className="ledger">
      <p className="muted">
        {t('ledger.seenFrom', { us, them })}{' '}
        {startMonth === 1
          ? t('ledger.calendarYears')
          : t('ledger.yearsStart', { month: monthName(startMonth, language) })}
      </p>
      <p>
        {t('ledger.tolerance', {
          students: num(ledger.tolerance.students),
          months: num(ledger.tolerance.months),
        })}
      </p>

      {rows.length === 0 ? (
        <p className="empty" role="status">
          {t('ledger.empty')}
        </p>
      ) : (
        <>
          <div className="ledger-controls">
            <fieldset className="segmented">
              <legend>{t('ledger.chartUnit')}</legend>
              {UNITS.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-unit`}
                    value={value}
                    checked={unit === value}
                    onChange={() => setUnit(value)}
                  />
                  {unitLabel(value)}
                </label>
              ))}
            </fieldset>
            <fieldset className="segmented">
              <legend>{t('ledger.chartState')}</legend>
              {STATES.map((value) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`${id}-state`}
                    value={value}
                    checked={state === value}
                    onChange={() => setState(value)}
                  />
                  {stateLabel(value)}
                </label>
              ))}
            </fieldset>
          </div>

          {/* The chart repeats the table's numbers: screen readers get the table instead. */}
          <figure className="balance-chart" data-testid="balance-chart" aria-hidden="true">
            <figcaption className="chart-title">
              {t('ledger.chartTitle', { unit: unitLabel(unit), state: stateLabel(state) })}
            </figcaption>
            <ul className="chart-legend">
              <li>
                <span className="legend-swatch balance-swatch-sent" />
                {t('ledger.sentTo', { them })}
              </li>
              <li>
                <span className="legend-swatch balance-swatch-received" />
                {t('ledger.receivedFrom', { them })}
              </li>
            </ul>
            <BarChart
              responsive
              data={chartData}
              style={{ width: '100%', height: '18rem' }}
              margin={{ top: 24, right: 8, bottom: 8, left: 0 }}
              accessibilityLayer={false}
              barGap={4}
            >
              <CartesianGrid vertical={false} />
              {/* Every year gets its tick (recharts drops crowded ticks); many years lean. */}
              <XAxis
                dataKey="label"
                tickLine={false}
                interval={0}
                {...(rows.length > 5
                  ? { angle: -40, textAnchor: 'end', height: 64 }
                  : { height: 30 })}
              />
              <YAxis allowDecimals={unit === 'months'} width={48} />
              <Bar dataKey="sent" shape={SentBar} isAnimationActive={false}>
                <LabelList dataKey="sent" position="top" className="balance-label" />
              </Bar>
              <Bar dataKey="received" shape={ReceivedBar} isAnimationActive={false}>
                <LabelList dataKey="received" position="top" className="balance-label" />
              </Bar>
            </BarChart>
          </figure>

          <TableWrap label={t('ledger.tableCaption', { us, them })}>
            <table className="data-table ledger-table" data-testid="balance-table">
              <caption>{t('ledger.tableCaption', { us, them })}</caption>
              <thead>
                <tr>
                  <th scope="col" rowSpan={2} id={`${id}-year`}>
                    {t('ledger.year')}
                  </th>
                  {STATES.map((s) => (
                    <th key={s} scope="colgroup" colSpan={4} id={head(s, 'group')}>
                      {stateLabel(s)}
                    </th>
                  ))}
                </tr>
                <tr>
                  {STATES.map((s) => (
                    <ColumnHeads
                      key={s}
                      ids={(suffix) => head(s, suffix)}
                      group={head(s, 'group')}
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => {
                  const rowId = `${id}-y${row.academicYear}`;
                  return (
                    <tr key={row.academicYear}>
                      <th scope="row" id={rowId} headers={`${id}-year`}>
                        {yearLabel(row.academicYear)}
                        {warningYears.has(row.academicYear) ? (
                          <span className="badge badge-warning badge-accent">
                            {t('ledger.warningBadge')}
                          </span>
                        ) : null}
                      </th>
                      {STATES.map((s) => (
                        <FlowCells
                          key={s}
                          flow={row[s]}
                          headers={(suffix) => `${head(s, 'group')} ${head(s, suffix)} ${rowId}`}
                          format={num}
                        />
                      ))}
                    </tr>
                  );
                })}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" id={`${id}-total`} headers={`${id}-year`}>
                    {t('ledger.total')}
                    {warningYears.has('total') ? (
                      <span className="badge badge-warning badge-accent">
                        {t('ledger.warningBadge')}
                      </span>
                    ) : null}
                  </th>
                  {STATES.map((s) => (
                    <FlowCells
                      key={s}
                      flow={ledger.total[s]}
                      headers={(suffix) => `${head(s, 'group')} ${head(s, suffix)} ${id}-total`}
                      format={num}
                    />
                  ))}
                </tr>
              </tfoot>
            </table>
          </TableWrap>
        </>
      )}

      <section className="ledger-warnings" aria-labelledby={`${id}-warnings`}>
        <h3 id={`${id}-warnings`}>{t('ledger.warningsTitle')}</h3>
        {ledger.warnings.length === 0 ? (
          <p>{t('ledger.noWarnings')}</p>
        ) : (
          <ul className="warning-list" data-testid="balance-warnings">
            {ledger.warnings.map((warning) => (
              <li
                key={`${warning.academicYear}-${warning.state}-${warning.unit}`}
                className="warning-item"
              >
                {warningText(warning)}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ColumnHeads({ ids, group }: { ids: (suffix: string) => string; group: string }) {
  const { t } = useTranslation();
  const heads: [string, string][] = [
    ['ss', t('ledger.sentStudents')],
    ['rs', t('ledger.receivedStudents')],
    ['sm', t('ledger.sentMonths')],
    ['rm', t('ledger.receivedMonths')],
  ];
  return (
    <>
      {heads.map(([suffix, label]) => (
        <th key={suffix} scope="col" id={ids(suffix)} headers={group} className="numeric">
          {label}
        </th>
      ))}
    </>
  );
}

function FlowCells({
  flow,
  headers,
  format,
}: {
  flow: Flow;
  headers: (suffix: string) => string;
  format: (value: number) => string;
}) {
  const cells: [string, number][] = [
    ['ss', flow.sentStudents],
    ['rs', flow.receivedStudents],
    ['sm', flow.sentMonths],
    ['rm', flow.receivedMonths],
  ];
  return (
    <>
      {cells.map(([suffix, value]) => (
        <td key={suffix} headers={headers(suffix)} className="numeric">
          {format(value)}
        </td>
      ))}
    </>
  );
}
