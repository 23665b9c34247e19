import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../components/ui/use-action.ts';
import { useResource } from '../../lib/use-resource.ts';
import { approveFare, getTravel, quoteFare, setAirports, type Travel } from './api.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { countryName } from '../../../i18n/format.ts';
import { MoneyError, useName, useNum, useYen } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './money.css';

/**
 * The trip of a mobility (R13): nearest international airports of the home and host
 * institutions (a coordinator may override one, with a reason), the great-circle distance, the
 * program's fare band and ceiling, the Erasmus+ band for European partners, and the fare.
 * Exported for the mobility page.
 */
export function TravelPanel({ mobilityId }: { mobilityId: string }) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(0);
  const travel = useResource(`travel:${mobilityId}:${version}`, (signal) =>
    getTravel(mobilityId, signal),
  );
  return (
    <section aria-labelledby="money-travel-h" className="money-panel" data-testid="money-travel">
      <h2 id="money-travel-h">{t('money.travel.title')}</h2>
      <ResourceView
        resource={travel}
        renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
      >
        {(travelData) => (
          <TravelView travel={travelData} onChange={() => setVersion((v) => v + 1)} />
        )}
      </ResourceView>
    </section>
  );
}

function TravelView({ travel, onChange }: { travel: Travel; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const yen = useYen();
  const num = useNum();
  const name = useName();
  const id = useId();
  const { run, error } = useAction();
  const act = async (f: (csrf: string) => Promise<unknown>) => {
    if (await run(f)) onChange();
  };
  const airport = (a: Travel['homeAirport']) =>
    a
      ? `${a.name} (${a.iata ?? '—'}) — ${a.municipality}, ${countryName(a.country, i18n.language)}`
      : '—';
  const km = (value: number) => t('money.travel.km', { n: num(value) });
  const band = (b: { minKm: number; maxKm: number | null }) =>
    b.maxKm === null
      ? t('money.travel.bandFrom', { min: num(b.minKm) })
      : t('money.travel.bandRange', { min: num(b.minKm), max: num(b.maxKm) });
  const onAirports = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      homeAirport: String(f.get('home') ?? '').trim() || undefined,
      hostAirport: String(f.get('host') ?? '').trim() || undefined,
      reason: String(f.get('reason') ?? '').trim() || undefined,
    };
    void act((csrf) => setAirports(travel.mobilityId, body, csrf));
  };
  const onFare = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void act((csrf) =>
      quoteFare(
        travel.mobilityId,
        {
          amountJpy: Number(f.get('amount')),
          receiptRef: String(f.get('receipt') ?? '').trim() || null,
        },
        csrf,
      ),
    );
  };
  return (
    <>
      <dl>
        <dt>{t('money.travel.route')}</dt>
        <dd>
          {name(travel.student)}: {name(travel.home)} → {name(travel.host)}
        </dd>
        <dt>{t('money.travel.home')}</dt>
        <dd data-testid="money-home-airport">{airport(travel.homeAirport)}</dd>
        <dt>{t('money.travel.host')}</dt>
        <dd data-testid="money-host-airport">{airport(travel.hostAirport)}</dd>
        {travel.overridden ? (
          <>
            <dt>{t('money.travel.overrideReason')}</dt>
            <dd>{travel.overrideReason}</dd>
          </>
        ) : null}
        <dt>{t('money.travel.distance')}</dt>
        <dd>{travel.distanceKm === null ? '—' : km(travel.distanceKm)}</dd>
        <dt>{t('money.travel.band')}</dt>
        <dd>
          {travel.fareBand
            ? t('money.travel.bandValue', {
                band: band(travel.fareBand),
                ceiling: yen(travel.fareBand.ceilingJpy),
              })
            : '—'}
        </dd>
        {travel.erasmusBand ? (
          <>
            <dt>{t('money.travel.erasmus')}</dt>
            <dd>{band(travel.erasmusBand)}</dd>
          </>
        ) : null}
        <dt>{t('money.travel.fare')}</dt>
        <dd>
          {yen(travel.fareJpy)} — {t(`money.travel.status.${travel.status}`)}
          {travel.receiptRef ? ` (${travel.receiptRef})` : ''}
          {travel.fareCheck && !travel.fareCheck.ok ? (
            <RefusalList refusals={[travel.fareCheck.refusal]} />
          ) : null}
        </dd>
      </dl>
      {error ? <MoneyError error={error} /> : null}
      {travel.editRefusal ? <RefusalList refusals={[travel.editRefusal]} /> : null}
      {travel.may.edit ? (
        <>
          <form onSubmit={onAirports} className="money-actions">
            <label htmlFor={`${id}-home`}>{t('money.travel.home')}</label>
            <input id={`${id}-home`} name="home" size={4} placeholder={travel.nearest.home ?? ''} />
            <label htmlFor={`${id}-host`}>{t('money.travel.host')}</label>
            <input id={`${id}-host`} name="host" size={4} placeholder={travel.nearest.host ?? ''} />
            <label htmlFor={`${id}-reason`}>{t('money.travel.reason')}</label>
            <input id={`${id}-reason`} name="reason" />
            <button type="submit" className="button button-secondary">
              {t('money.travel.override')}
            </button>
          </form>
        </>
      ) : null}
      {travel.may.quote ? (
        <>
          <form onSubmit={onFare} className="money-actions">
            <label htmlFor={`${id}-amount`}>{t('money.travel.fareJpy')}</label>
            <input id={`${id}-amount`} name="amount" type="number" min={1} step={1} required />
            <label htmlFor={`${id}-receipt`}>{t('money.travel.receipt')}</label>
            <input id={`${id}-receipt`} name="receipt" />
            <button type="submit" className="button button-secondary">
              {t('money.travel.saveFare')}
            </button>
          </form>
        </>
      ) : null}
      {travel.may.approve ? (
        <button
          type="button"
          className="button"
          onClick={() =>
            void act((csrf) =>
              approveFare(travel.mobilityId, t('money.travel.approvedReason'), csrf),
            )
          }
        >
          {t('money.travel.approve')}
        </button>
      ) : null}
      <p className="muted">
        {t('money.travel.source')} <a href={travel.source.url}>{travel.source.name}</a> —{' '}
        {travel.source.licence}
      </p>
    </>
  );
}
