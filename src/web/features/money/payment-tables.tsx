/** A payment batch in detail, the list of batches and the mobilities to pay. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  confirmMonth,
  exportUrl,
  type Batch,
  type BatchSummary,
  type OverviewMobility,
} from './api.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import {
  MoneyError,
  RefusedItems,
  useDate,
  useMonth,
  useName,
  useNum,
  useYen,
} from './components.tsx';
import { useCsrfToken } from '../../components/ui/use-action.ts';
import './money.css';

export function BatchDetail({ batch }: { batch: Batch }) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const name = useName();
  const month = useMonth();
  const date = useDate();
  return (
    <div data-testid="money-batch">
      <p>
        {t('money.payments.batchSummary', {
          status: t(`money.status.${batch.status}`),
          count: batch.count,
          n: num(batch.count),
          total: yen(batch.totalJpy),
        })}
      </p>
      <p className="muted">
        {batch.createdByName
          ? t('money.payments.builtBy', { name: batch.createdByName, on: date(batch.createdAt) })
          : null}{' '}
        {batch.approvedByName
          ? t('money.payments.approvedBy', { name: batch.approvedByName })
          : null}
      </p>
      {batch.held.length > 0 ? (
        <div className="alert alert-info">
          <p>{t('money.payments.held')}</p>
          <RefusedItems items={batch.held} />
        </div>
      ) : null}
      {batch.may.export ? (
        <p className="money-actions">
          {t('money.payments.export')}:{' '}
          <a href={exportUrl(batch.id, 'zengin')} download data-testid="money-export-zengin">
            {t('money.payments.zengin')}
          </a>
          <a href={exportUrl(batch.id, 'csv')} download>
            CSV
          </a>
          <a href={exportUrl(batch.id, 'xlsx')} download>
            XLSX
          </a>
        </p>
      ) : null}
      {batch.refused && batch.refused.length > 0 ? (
        <details>
          <summary>
            {t('money.payments.refusedCount', {
              count: batch.refused.length,
              n: num(batch.refused.length),
            })}
          </summary>
          <RefusedItems items={batch.refused.slice(0, 30)} />
        </details>
      ) : null}
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('money.payments.items')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('money.payments.student')}</th>
              <th scope="col">{t('money.payments.kind')}</th>
              <th scope="col">{t('money.payments.period')}</th>
              <th scope="col">{t('money.payments.amount')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <Link to={`/money/mobilities/${i.mobilityId}`}>{name(i.student)}</Link>{' '}
                  <span className="muted">→ {name(i.host)}</span>
                </td>
                <td>{t(`money.kind.${i.kind}`)}</td>
                <td>{i.kind === 'travel' ? t('money.kind.trip') : month(i.period)}</td>
                <td>{yen(i.amountJpy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function BatchTable({
  items,
  onOpen,
}: {
  items: BatchSummary[];
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const date = useDate();
  if (items.length === 0)
    return (
      <p className="empty" role="status">
        {t('money.payments.noBatches')}
      </p>
    );
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="money-batches">
        <caption className="visually-hidden">{t('money.payments.batches')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('money.payments.created')}</th>
            <th scope="col">{t('money.payments.status')}</th>
            <th scope="col">{t('money.payments.items')}</th>
            <th scope="col">{t('money.payments.amount')}</th>
            <th scope="col">{t('money.payments.paidOn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('money.payments.open')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <td>{date(b.createdAt)}</td>
              <td>{t(`money.status.${b.status}`)}</td>
              <td>{num(b.count)}</td>
              <td>{yen(b.totalJpy)}</td>
              <td>{date(b.paidOn)}</td>
              <td>
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => onOpen(b.id)}
                >
                  {t('money.payments.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MobilityTable({
  items,
  onChange,
}: {
  items: OverviewMobility[];
  onChange: () => void;
}) {
  const csrfToken = useCsrfToken();
  const { t } = useTranslation();
  const yen = useYen();
  const name = useName();
  const date = useDate();
  const monthName = useMonth();
  const [error, setError] = useState<unknown>(null);
  const confirm = async (m: OverviewMobility, month: string) => {
    setError(null);
    try {
      await confirmMonth(m.mobilityId, month, csrfToken);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      {error ? <MoneyError error={error} /> : null}
      <p className="muted">{t('money.payments.legend')}</p>
      <div className="table-wrap">
        <table className="data-table" data-testid="money-mobilities">
          <caption className="visually-hidden">{t('money.payments.mobilities')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('money.payments.student')}</th>
              <th scope="col">{t('money.payments.stay')}</th>
              <th scope="col">{t('money.payments.months')}</th>
              <th scope="col">{t('money.payments.amount')}</th>
              <th scope="col">{t('money.payments.confirmNext')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => {
              const next = m.lines.find((l) => l.status === 'scheduled' && !l.confirmed);
              return (
                <tr key={m.mobilityId}>
                  <th scope="row">
                    <Link to={`/money/mobilities/${m.mobilityId}`}>{name(m.student)}</Link>{' '}
                    <span className="muted">
                      → {name(m.host)}
                      {m.dispatch !== 'open' ? ` (${t(`money.dispatch.${m.dispatch}`)})` : ''}
                      {m.hasBankAccount ? '' : ` — ${t('money.payments.noBank')}`}
                    </span>
                  </th>
                  <td>
                    {date(m.stay.start)} – {date(m.stay.end)}
                  </td>
                  <td>
                    {m.refusal ? (
                      <RefusalList refusals={[m.refusal]} />
                    ) : (
                      <ul className="money-months" aria-label={t('money.payments.months')}>
                        {m.lines.map((l) => (
                          <li
                            key={l.month}
                            className={`money-month ${
                              l.status === 'excluded'
                                ? 'money-month-excluded'
                                : l.payment?.batchStatus === 'paid'
                                  ? 'money-month-paid'
                                  : l.payment
                                    ? 'money-month-batch'
                                    : l.confirmed
                                      ? 'money-month-confirmed'
                                      : ''
                            }`}
                          >
                            {monthName(l.month)}{' '}
                            <span className="visually-hidden">
                              {l.status === 'excluded'
                                ? t('money.line.excluded')
                                : l.payment?.batchStatus === 'paid'
                                  ? t('money.line.paid')
                                  : l.payment
                                    ? t('money.line.inBatch')
                                    : l.confirmed
                                      ? t('money.line.confirmed')
                                      : t('money.line.unconfirmed')}
                            </span>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{yen(m.totalJpy)}</td>
                  <td>
                    {next ? (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => void confirm(m, next.month)}
                      >
                        {t('money.payments.confirm', { month: monthName(next.month) })}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
