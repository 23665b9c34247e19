import { useState } from 'react';
import { ConfirmButtons } from '../../components/ui/confirm-buttons.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useResource } from '../../lib/use-resource.ts';
import { carryOutErasure, openErasureRequests } from './api.ts';
import { usePersonName } from './role-label.tsx';

/**
 * The open requests to erase personal data, for administrators (nobody else may carry one out):
 * who asked, when, and the erasure itself after a confirmation.
 */
export function ErasureRequests() {
  const session = useSession();
  if (session.status !== 'signed-in' || !session.actor.platformAdmin) return null;
  return <OpenRequests />;
}

function OpenRequests() {
  const { t } = useTranslation();
  const nameOf = usePersonName();
  const list = useResource('erasure-requests', (signal) => openErasureRequests(signal));
  const action = useAction();
  const [confirming, setConfirming] = useState<string | null>(null);

  const carryOut = async (id: string) => {
    if (await action.run((csrf) => carryOutErasure(id, csrf))) {
      setConfirming(null);
      list.reload();
    }
  };

  return (
    <section className="card" aria-labelledby="people-erasure">
      <h2 id="people-erasure">{t('erasureRequests.title')}</h2>
      <p className="muted small">{t('erasureRequests.hint')}</p>
      <ResourceView
        resource={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('erasureRequests.empty')}</p>}
      >
        {(data) => (
          <table className="table" data-testid="erasure-requests">
            <thead>
              <tr>
                <th scope="col">{t('people.name')}</th>
                <th scope="col">{t('people.email')}</th>
                <th scope="col">{t('erasureRequests.requestedAt')}</th>
                <th scope="col">{t('erasureRequests.action')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/people/${r.personId}`}>{nameOf(r.name)}</Link>
                  </td>
                  <td>{r.email}</td>
                  <td>
                    <FormattedDate value={r.requestedAt} />
                  </td>
                  <td>
                    {confirming === r.id ? (
                      <span role="group" aria-label={t('erasureRequests.confirmQuestion')}>
                        <span>{t('erasureRequests.confirmQuestion')}</span>{' '}
                        <ConfirmButtons
                          confirm={t('erasureRequests.confirm')}
                          cancel={t('erasureRequests.cancel')}
                          busy={action.busy}
                          onConfirm={() => void carryOut(r.id)}
                          onCancel={() => {
                            setConfirming(null);
                            action.reset();
                          }}
                        />
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button button-secondary"
                        onClick={() => setConfirming(r.id)}
                      >
                        {t('erasureRequests.carryOut')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ResourceView>
      {action.error ? <ErrorAlert error={action.error} /> : null}
    </section>
  );
}
