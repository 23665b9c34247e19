import { useState } from 'react';
import { ConfirmButtons } from '../../components/ui/confirm-buttons.tsx';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useResource } from '../../lib/use-resource.ts';
import { askErasure, myErasureRequest, withdrawErasure } from './api.ts';

/**
 * The request to erase one's personal data: what it removes and keeps, asked for after a
 * confirmation, and withdrawn while an administrator has not carried it out.
 */
export function ErasureRequest() {
  const { t } = useTranslation();
  const current = useResource('me/erasure-request', (signal) => myErasureRequest(signal));
  const action = useAction();
  const [confirming, setConfirming] = useState(false);

  const ask = async () => {
    if (await action.run((csrf) => askErasure(csrf))) {
      setConfirming(false);
      current.reload();
    }
  };
  const withdraw = async () => {
    if (await action.run((csrf) => withdrawErasure(csrf))) current.reload();
  };

  return (
    <section className="card" aria-labelledby="account-erasure">
      <h2 id="account-erasure">{t('accountErasure.title')}</h2>
      <p className="muted small">{t('accountErasure.removes')}</p>
      <p className="muted small">{t('accountErasure.keeps')}</p>
      <ResourceView resource={current}>
        {({ request }) =>
          request ? (
            <>
              <p role="status">
                {t('accountErasure.open')} <FormattedDate value={request.requestedAt} />
              </p>
              <button
                type="button"
                className="button button-secondary"
                disabled={action.busy}
                onClick={() => void withdraw()}
              >
                {t('accountErasure.withdraw')}
              </button>
            </>
          ) : confirming ? (
            <div role="alertdialog" aria-labelledby="account-erasure-confirm">
              <p id="account-erasure-confirm">
                <strong>{t('accountErasure.confirmQuestion')}</strong>
              </p>
              <ConfirmButtons
                confirm={t('accountErasure.confirm')}
                cancel={t('accountErasure.cancel')}
                busy={action.busy}
                onConfirm={() => void ask()}
                onCancel={() => {
                  setConfirming(false);
                  action.reset();
                }}
              />
            </div>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setConfirming(true)}
            >
              {t('accountErasure.ask')}
            </button>
          )
        }
      </ResourceView>
      {action.error ? <ErrorAlert error={action.error} /> : null}
    </section>
  );
}
