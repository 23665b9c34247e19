import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { confirmMonth, getScholarship, type Scholarship } from './api.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { MoneyError, useDate, useMonth, useName, useNum, useYen } from './components.tsx';
import { TravelPanel } from './travel-panel.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './money.css';

/** /money/mobilities/:id — the scholarship schedule (R10–R12, R8 per month) and the trip (R13). */
export function ScholarshipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  useDocumentTitle(t('money.scholarship.title'));
  const [version, setVersion] = useState(0);
  const s = useResource(`scholarship:${id}:${version}`, (signal) => getScholarship(id, signal));
  return (
    <>
      <h1>{t('money.scholarship.title')}</h1>
      <ResourceView
        resource={s}
        renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
      >
        {(sData) => (
          <>
            <ScheduleView s={sData} onChange={() => setVersion((v) => v + 1)} />
            <TravelPanel mobilityId={id} />
          </>
        )}
      </ResourceView>
    </>
  );
}

function ScheduleView({ s, onChange }: { s: Scholarship; onChange: () => void }) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const date = useDate();
  const monthName = useMonth();
  const name = useName();
  const { run, error } = useAction();
  const confirm = async (month: string) => {
    if (await run((csrf) => confirmMonth(s.mobilityId, month, csrf))) onChange();
  };
  return (
    <section className="money-panel" aria-labelledby="money-schedule-h">
      <h2 id="money-schedule-h">{name(s.student)}</h2>
      <dl>
        <dt>{t('money.scholarship.home')}</dt>
        <dd>{name(s.home)}</dd>
        <dt>{t('money.scholarship.host')}</dt>
        <dd>{name(s.host)}</dd>
        {s.programName ? (
          <>
            <dt>{t('money.budget.program')}</dt>
            <dd>{name(s.programName)}</dd>
          </>
        ) : null}
        {s.representativeName ? (
          <>
            <dt>{t('money.scholarship.representative')}</dt>
            <dd>{name(s.representativeName)}</dd>
          </>
        ) : null}
        <dt>{t('money.payments.stay')}</dt>
        <dd>
          {date(s.stay.start)} – {date(s.stay.end)}
        </dd>
        <dt>{t('money.scholarship.support')}</dt>
        <dd>
          {s.supportPeriod ? `${date(s.supportPeriod.start)} – ${date(s.supportPeriod.end)}` : '—'}
        </dd>
        {s.rules ? (
          <>
            <dt>{t('money.scholarship.stipend')}</dt>
            <dd>{yen(s.rules.monthlyStipendJpy)}</dd>
            <dt>{t('money.scholarship.partialMonth')}</dt>
            <dd>
              {t(`money.partialMonth.${s.rules.partialMonth.kind}`, {
                days: s.rules.partialMonth.daysPerMonth ?? '',
              })}
            </dd>
            <dt>{t('money.scholarship.cap')}</dt>
            <dd>
              {t('money.budget.capValue', {
                count: s.rules.capPerFiscalYear,
                n: num(s.rules.capPerFiscalYear),
              })}
            </dd>
          </>
        ) : null}
        <dt>{t('money.scholarship.dispatch')}</dt>
        <dd>{t(`money.dispatch.${s.dispatch}`)}</dd>
      </dl>
      {s.refusal ? (
        <div className="alert alert-info">
          <RefusalList refusals={[s.refusal]} />
        </div>
      ) : null}
      {error ? <MoneyError error={error} /> : null}
      {s.schedule ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="money-schedule">
            <caption>
              {t('money.scholarship.total', {
                total: yen(s.schedule.totalJpy),
                months: num(s.schedule.totalMonths),
                count: s.schedule.totalMonths,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('money.scholarship.month')}</th>
                <th scope="col">{t('money.budget.fiscalYear')}</th>
                <th scope="col">{t('money.scholarship.days')}</th>
                <th scope="col">{t('money.payments.amount')}</th>
                <th scope="col">{t('money.payments.status')}</th>
                <th scope="col">{t('money.scholarship.why')}</th>
              </tr>
            </thead>
            <tbody>
              {s.schedule.lines.map((l) => (
                <tr key={l.month}>
                  <th scope="row">{monthName(l.month)}</th>
                  <td>{t('money.fy', { year: l.fiscalYear })}</td>
                  <td>
                    {t('money.scholarship.daysOf', {
                      days: num(l.daysSupported),
                      count: l.daysInMonth,
                      total: num(l.daysInMonth),
                    })}
                  </td>
                  <td>{yen(l.amountJpy)}</td>
                  <td>
                    {l.status === 'excluded'
                      ? t('money.line.excluded')
                      : l.payment?.batchStatus === 'paid'
                        ? t('money.line.paid')
                        : l.payment
                          ? t('money.line.inBatch')
                          : l.confirmed
                            ? t('money.line.confirmed')
                            : t('money.line.unconfirmed')}
                    {l.mayConfirm ? (
                      <>
                        {' '}
                        <button
                          type="button"
                          className="button button-secondary"
                          onClick={() => void confirm(l.month)}
                        >
                          {t('money.scholarship.confirm')}
                        </button>
                      </>
                    ) : null}
                    {l.confirmRefusal ? <RefusalList refusals={[l.confirmRefusal]} /> : null}
                  </td>
                  <td>
                    <RefusalList refusals={l.note ? [l.note] : l.refusals} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {s.schedule ? (
        <p className="muted">
          {t(`money.partialMonth.${s.schedule.partialMonthRule}`, {
            days: s.schedule.partialMonthDaysPerMonth ?? '',
          })}
        </p>
      ) : null}
    </section>
  );
}
