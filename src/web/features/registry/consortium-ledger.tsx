import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getConsortiumBalance, listAllConsortia } from './api.ts';
import type { ConsortiumDetail } from '../../api/contract.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { BalanceLedger } from '../agreements/index.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { useResource } from '../../lib/use-resource.ts';

/** R4 between this consortium and another one (?with=), from this consortium's side. */
export function PairLedger({ consortium }: { consortium: ConsortiumDetail }) {
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const withId = params.get('with') ?? '';
  const others = useResource('consortia', (signal) => listAllConsortia(signal));
  const ledger = useResource(withId ? `${consortium.id}|${withId}` : null, (signal) =>
    getConsortiumBalance(consortium.id, withId, signal),
  );
  const options = (others.data ?? []).filter((c) => c.id !== consortium.id);
  const other = options.find((c) => c.id === withId);

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="consortium-ledger">
      <h2 id={`${id}-title`}>{t('ledger.pairTitle')}</h2>
      <p className="muted">{t('ledger.pairIntro')}</p>
      {others.status === 'error' ? (
        <ErrorAlert error={others.error} onRetry={others.reload} />
      ) : null}
      <div className="field narrow">
        <label htmlFor={`${id}-with`}>{t('ledger.otherConsortium')}</label>
        <select
          id={`${id}-with`}
          name="with"
          value={withId}
          onChange={(event) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (event.target.value) next.set('with', event.target.value);
                else next.delete('with');
                return next;
              },
              { replace: true },
            )
          }
        >
          <option value="">{t('agreementForm.choose')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {localNameOf(option)}
            </option>
          ))}
        </select>
      </div>
      {withId ? (
        <ResourceView resource={ledger}>
          {(data) => (
            <BalanceLedger
              ledger={data}
              usName={localNameOf(consortium)}
              themName={other ? localNameOf(other) : undefined}
            />
          )}
        </ResourceView>
      ) : null}
    </section>
  );
}
