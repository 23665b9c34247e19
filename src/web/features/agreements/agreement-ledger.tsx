import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAgreementBalance } from './api.ts';
import type { AgreementDetail, PartyKey } from '../../api/contract.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { BalanceLedger } from './balance-ledger.tsx';
import { PARTY_KEYS } from './agreement-draft.ts';
import { academicYearsBetween } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';

export function AgreementLedger({
  agreement,
  partyName,
}: {
  agreement: AgreementDetail;
  partyName: (key: PartyKey) => string;
}) {
  const { t } = useTranslation();
  const id = useId();
  // Seen from the party the reader acts for, when it is only B; else from A.
  const [side, setSide] = useState<PartyKey>(
    agreement.canManage.length === 1 && agreement.canManage[0] === 'B' ? 'B' : 'A',
  );
  const signatureCount = agreement.history.reduce((n, v) => n + v.signatures.length, 0);
  const ledger = useResource(
    `${agreement.id}|${side}|${agreement.currentVersion}|${signatureCount}`,
    (signal) => getAgreementBalance(agreement.id, side, signal),
  );
  const other: PartyKey = side === 'A' ? 'B' : 'A';
  const startMonth = ledger.data?.calendar.startMonth ?? 1;
  const extraYears = [
    ...academicYearsBetween(agreement.content.validFrom, agreement.content.validTo, startMonth),
    ...agreement.content.directions.flatMap((d) => d.quotas.map((q) => q.academicYear)),
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="agreement-ledger">
      <h2 id={`${id}-title`}>{t('ledger.title')}</h2>
      <fieldset className="segmented">
        <legend>{t('ledger.seenFromLabel')}</legend>
        {PARTY_KEYS.map((key) => (
          <label key={key}>
            <input
              type="radio"
              name={`${id}-side`}
              value={key}
              checked={side === key}
              onChange={() => setSide(key)}
            />
            {partyName(key)}
          </label>
        ))}
      </fieldset>
      <ResourceView resource={ledger}>
        {(data) => (
          <BalanceLedger
            ledger={data}
            usName={partyName(side)}
            themName={partyName(other)}
            extraYears={extraYears}
          />
        )}
      </ResourceView>
    </section>
  );
}
