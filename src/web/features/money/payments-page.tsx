import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  approveBatch,
  createBatch,
  getBatch,
  getPaymentsOverview,
  listBatches,
  markBatchPaid,
  type Batch,
} from './api.ts';
import { MoneyError } from './components.tsx';
import './money.css';
import { BatchDetail, BatchTable, MobilityTable } from './payment-tables.tsx';
import { useCsrfToken } from '../../components/ui/use-action.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { ShowMore, useShowMore } from '../../components/ui/show-more.tsx';

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
      {role && session.status === 'signed-in' ? <Desk consortiumId={role.scopeId} /> : null}
    </>
  );
}

type Phase = 'idle' | 'building' | 'approving' | 'paying' | 'done';

function Desk({ consortiumId }: { consortiumId: string }) {
  const csrfToken = useCsrfToken();
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const batches = useResource(`batches:${consortiumId}:${version}`, (signal) =>
    listBatches(consortiumId, signal),
  );
  const batchPages = useShowMore(batches.status === 'success' ? batches.data : null, (cursor) =>
    listBatches(consortiumId, undefined, cursor),
  );
  const overview = useResource(`overview:${consortiumId}:${version}`, (signal) =>
    getPaymentsOverview(consortiumId, signal),
  );
  // The desk's rows as a keyset list (its pages carry `mobilities`), and the pages "Show more" adds.
  const firstDesk = useMemo(
    () =>
      overview.status === 'success'
        ? { items: overview.data.mobilities, nextCursor: overview.data.nextCursor }
        : null,
    [overview.status, overview.data],
  );
  const deskPages = useShowMore(firstDesk, (cursor) =>
    getPaymentsOverview(consortiumId, undefined, cursor).then((page) => ({
      items: page.mobilities,
      nextCursor: page.nextCursor,
    })),
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
        <ResourceView
          resource={batches}
          renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
        >
          {() => <BatchTable items={batchPages.items} onOpen={(id) => void open(id)} />}
        </ResourceView>
        {batches.status === 'success' ? <ShowMore list={batchPages} /> : null}
      </section>
      <section aria-labelledby="money-mob-h">
        <h2 id="money-mob-h">{t('money.payments.mobilities')}</h2>
        <ResourceView
          resource={overview}
          renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
        >
          {() => <MobilityTable items={deskPages.items} onChange={refresh} />}
        </ResourceView>
        {overview.status === 'success' ? <ShowMore list={deskPages} /> : null}
      </section>
    </>
  );
}
