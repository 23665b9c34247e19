import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  approveBatch,
  confirmMonth,
  createBatch,
  exportUrl,
  getBatch,
  getPaymentsOverview,
  listBatches,
  markBatchPaid,
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
import './money.css';

/** /payments: the representative officer's desk (R8): confirmations, batches, bank exports. */
export function PaymentsPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('money.payments.title'));
  const consortia =
    session.status === 'signed-in'
      ? session.actor.roles.filter((r) => r.role === 'rep_officer')
      : [];
  const [choice, setChoice] = useState(0);
  const selectId = useId();
  const role = consortia[Math.min(choice, consortia.length - 1)];
  return (
    <>
      <h1>{t('money.payments.title')}</h1>
      <p className="muted">{t('money.payments.intro')}</p>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status !== 'loading' && !role ? (
        <p className="alert alert-info">{t('money.notAllowed')}</p>
      ) : null}
      {consortia.length > 1 ? (
        <p>
          <label htmlFor={selectId}>{t('money.budget.consortium')}</label>{' '}
          <select id={selectId} value={choice} onChange={(e) => setChoice(Number(e.target.value))}>
            {consortia.map((c, i) => (
              <option key={c.scopeId} value={i}>
                {c.scopeName ?? c.scopeId}
              </option>
            ))}
          </select>
        </p>
      ) : null}
      {role && session.status === 'signed-in' ? (
        <Desk consortiumId={role.scopeId} csrfToken={session.csrfToken} />
      ) : null}
    </>
  );
}

type Phase = 'idle' | 'building' | 'approving' | 'paying' | 'done';

function Desk({ consortiumId, csrfToken }: { consortiumId: string; csrfToken: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const batches = useResource(`batches:${consortiumId}:${version}`, (signal) =>
    listBatches(consortiumId, signal),
  );
  const overview = useResource(`overview:${consortiumId}:${version}`, (signal) =>
    getPaymentsOverview(consortiumId, signal),
  );
  const [current, setCurrent] = useState<Batch | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<unknown>(null);
  // One key per intended batch: a double click or a retry after a lost response is harmless.
  const pendingKey = useRef<string | null>(null);
  const refresh = () => setVersion((v) => v + 1);

  const run = async (what: Exclude<Phase, 'idle' | 'done'>, batchId?: string) => {
    setError(null);
    setPhase(what);
    try {
      let b: Batch;
      if (what === 'building') {
        pendingKey.current ??= `web-${crypto.randomUUID()}`;
        b = await createBatch(consortiumId, pendingKey.current, csrfToken);
        pendingKey.current = null;
      } else if (what === 'approving') b = await approveBatch(batchId!, csrfToken);
      else b = await markBatchPaid(batchId!, csrfToken);
      setCurrent(b);
      setPhase('done');
      refresh();
    } catch (e) {
      if (what === 'building') pendingKey.current = null;
      setError(e);
      setPhase('idle');
    }
  };
  const open = async (id: string) => {
    setError(null);
    try {
      setCurrent(await getBatch(id));
    } catch (e) {
      setError(e);
    }
  };
  const step = { idle: 0, building: 1, approving: 2, paying: 3, done: 3 }[phase];
  const busy = phase === 'building' || phase === 'approving' || phase === 'paying';

  return (
    <>
      <section aria-labelledby="money-batch-h" className="money-panel">
        <h2 id="money-batch-h">{t('money.payments.batchTitle')}</h2>
        <div className="money-actions">
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void run('building')}
            data-testid="money-build"
          >
            {t('money.payments.build')}
          </button>
          {current?.may.approve ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run('approving', current.id)}
              data-testid="money-approve"
            >
              {t('money.payments.approve')}
            </button>
          ) : null}
          {current?.may.pay ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void run('paying', current.id)}
              data-testid="money-pay"
            >
              {t('money.payments.markPaid')}
            </button>
          ) : null}
        </div>
        <div className="money-progress" role="status" aria-live="polite">
          <progress max={3} value={step} aria-label={t('money.payments.progress')} />
          <span data-testid="money-phase">{t(`money.payments.phase.${phase}`)}</span>
        </div>
        {error ? <MoneyError error={error} /> : null}
        {current ? <BatchDetail batch={current} /> : null}
      </section>
      <section aria-labelledby="money-batches-h">
        <h2 id="money-batches-h">{t('money.payments.batches')}</h2>
        {batches.status === 'loading' ? <Loading /> : null}
        {batches.status === 'error' ? (
          <MoneyError error={batches.error} onRetry={batches.reload} />
        ) : null}
        {batches.status === 'success' ? (
          <BatchTable items={batches.data.items} onOpen={(id) => void open(id)} />
        ) : null}
      </section>
      <section aria-labelledby="money-mob-h">
        <h2 id="money-mob-h">{t('money.payments.mobilities')}</h2>
        {overview.status === 'loading' ? <Loading /> : null}
        {overview.status === 'error' ? (
          <MoneyError error={overview.error} onRetry={overview.reload} />
        ) : null}
        {overview.status === 'success' ? (
          <MobilityTable
            items={overview.data.mobilities}
            csrfToken={csrfToken}
            onChange={refresh}
          />
        ) : null}
      </section>
    </>
  );
}

function BatchDetail({ batch }: { batch: Batch }) {
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

function BatchTable({ items, onOpen }: { items: BatchSummary[]; onOpen: (id: string) => void }) {
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

function MobilityTable({
  items,
  csrfToken,
  onChange,
}: {
  items: OverviewMobility[];
  csrfToken: string;
  onChange: () => void;
}) {
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
