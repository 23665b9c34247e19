import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { confirmMonth, getScholarship, type Scholarship } from './api.ts';
import { MoneyError, RuleBadge, useNum, useYen } from './components.tsx';
import { TravelPanel } from './travel-panel.tsx';
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
      {s.status === 'loading' ? <Loading /> : null}
      {s.status === 'error' ? <MoneyError error={s.error} onRetry={s.reload} /> : null}
      {s.status === 'success' ? (
        <>
          <ScheduleView s={s.data} onChange={() => setVersion((v) => v + 1)} />
          <TravelPanel mobilityId={id} />
        </>
      ) : null}
    </>
  );
}

function ScheduleView({ s, onChange }: { s: Scholarship; onChange: () => void }) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const session = useSession();
  const [error, setError] = useState<unknown>(null);
  const confirm = async (month: string) => {
    if (session.status !== 'signed-in') return;
    setError(null);
    try {
      await confirmMonth(s.mobilityId, month, session.csrfToken);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section className="money-panel" aria-labelledby="money-schedule-h">
      <h2 id="money-schedule-h">
        {s.studentName} — {s.homeId} → {s.hostId}
      </h2>
      <dl>
        <dt>{t('money.payments.stay')}</dt>
        <dd>
          {s.stay.start} – {s.stay.end}
        </dd>
        <dt>{t('money.scholarship.support')}</dt>
        <dd>{s.supportPeriod ? `${s.supportPeriod.start} – ${s.supportPeriod.end}` : '—'}</dd>
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
          </>
        ) : null}
        <dt>{t('money.scholarship.dispatch')}</dt>
        <dd>{t(`money.dispatch.${s.dispatch}`)}</dd>
      </dl>
      {s.refusal ? (
        <p className="alert alert-info">
          <RuleBadge rule={s.refusal.rule} /> {s.refusal.message}
        </p>
      ) : null}
      {error ? <MoneyError error={error} /> : null}
      {s.schedule ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="money-schedule">
            <caption>
              {t('money.scholarship.total', {
                total: yen(s.schedule.totalJpy),
                months: num(s.schedule.totalMonths, 2),
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
                  <th scope="row">{l.month}</th>
                  <td>{t('money.fy', { year: l.fiscalYear })}</td>
                  <td>
                    {l.daysSupported}/{l.daysInMonth}
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
                    {!l.confirmed && l.status === 'scheduled' && s.may.confirm ? (
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
                  </td>
                  <td>
                    {(l.note ? [l.note] : l.refusals).map((r) => (
                      <span key={r.code} title={r.message}>
                        <RuleBadge rule={r.rule} />{' '}
                      </span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {s.schedule ? <p className="muted">{s.schedule.partialMonthRuleText}</p> : null}
    </section>
  );
}
