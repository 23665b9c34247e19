import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../components/ui/use-action.ts';
import { countryName, countryOptions } from '../../i18n/countries.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { todayIso } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  liftAdvisory,
  listAdvisories,
  overrideAdvisory,
  recordAdvisory,
  type Advisory,
} from './api.ts';
import { MoneyError, useDate, useName } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';

type Act = (f: (csrf: string) => Promise<unknown>) => Promise<void>;

/**
 * One advisory: its window, the stays it holds (to the funder officer, with a release per stay
 * and its reason) and the lift, on a date the officer chooses (its first day allowed).
 */
function AdvisoryItem({ a, act }: { a: Advisory; act: Act }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const date = useDate();
  const name = useName();
  const id = useId();
  const [liftOn, setLiftOn] = useState(todayIso());
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <li data-testid="advisory">
      <strong>{countryName(a.country, language)}</strong> —{' '}
      {t(`money.advisories.level.${a.level}`, { from: date(a.from) })}
      {a.until ? ` ${t('money.advisories.untilShort', { until: date(a.until) })}` : ''}
      {a.liftedOn ? ` — ${t('money.advisories.lifted', { on: date(a.liftedOn) })}` : ''}
      {a.empty ? ` — ${t('money.advisories.empty')}` : ''}
      {a.inEffect ? ` — ${t('money.advisories.inEffect')}` : ''} ({a.reason})
      {a.createdByName ? (
        <span className="muted">
          {' '}
          — {t('money.advisories.recordedBy', { name: name(a.createdByName) })}
        </span>
      ) : null}
      {a.may.lift ? (
        <span className="money-actions">
          <label htmlFor={`${id}-lift`}>{t('money.advisories.liftOn')}</label>
          <DateInput id={`${id}-lift`} value={liftOn} onChange={setLiftOn} required />
          <button
            type="button"
            className="button button-secondary"
            disabled={!liftOn}
            onClick={() => void act((csrf) => liftAdvisory(a.id, liftOn, csrf))}
          >
            {t('money.advisories.lift')}
          </button>
        </span>
      ) : null}
      {a.stays.length > 0 ? (
        <>
          <p>{t('money.advisories.stays')}</p>
          <ul>
            {a.stays.map((s) => (
              <li key={s.mobilityId}>
                {name(s.student)} ({name(s.host)}) {date(s.start)} – {date(s.end)}
                {!s.overridden && a.may.override ? (
                  <span className="money-actions">
                    <label htmlFor={`${id}-${s.mobilityId}`}>
                      {t('money.advisories.overrideReason')}
                    </label>
                    <input
                      id={`${id}-${s.mobilityId}`}
                      minLength={3}
                      value={reasons[s.mobilityId] ?? ''}
                      onChange={(e) =>
                        setReasons((r) => ({ ...r, [s.mobilityId]: e.target.value }))
                      }
                    />
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={(reasons[s.mobilityId] ?? '').trim().length < 3}
                      onClick={() =>
                        void act((csrf) =>
                          overrideAdvisory(
                            a.id,
                            { mobilityId: s.mobilityId, reason: reasons[s.mobilityId] ?? '' },
                            csrf,
                          ),
                        )
                      }
                    >
                      {t('money.advisories.override')}
                    </button>
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {a.overrides.length > 0 ? (
        <>
          <p>{t('money.advisories.overrides')}</p>
          <ul>
            {a.overrides.map((o) => (
              <li key={o.mobilityId}>
                {name(o.student)} ({name(o.host)}) —{' '}
                {t('money.advisories.overridden', { reason: o.reason })}
                {o.decidedByName ? (
                  <span className="muted">
                    {' '}
                    — {t('money.advisories.recordedBy', { name: name(o.decidedByName) })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </li>
  );
}

/**
 * R19 (003 §10(1)): the funder officer postpones or suspends dispatch to a country from a date,
 * until a date or until lifted; the stays there overlapping it are held (their months and trip
 * in it are not paid) and their students, coordinators and paying officers are told.
 */
export function AdvisoriesSection({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const [version, setVersion] = useState(0);
  const { run, error } = useAction();
  const list = useResource(`advisories:${programId}:${version}`, (signal) =>
    listAdvisories(programId, signal),
  );
  const act = async (f: (csrf: string) => Promise<unknown>) => {
    if (await run(f)) setVersion((v) => v + 1);
  };
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void act((csrf) =>
      recordAdvisory(
        {
          programId,
          country: String(f.get('country') ?? '')
            .trim()
            .toUpperCase(),
          level: String(f.get('level') ?? 'postpone'),
          from: String(f.get('from') ?? ''),
          until: String(f.get('until') ?? '') || undefined,
          reason: String(f.get('reason') ?? ''),
        },
        csrf,
      ),
    );
  };
  return (
    <section aria-labelledby={`${id}-h`} className="money-panel">
      <h3 id={`${id}-h`}>{t('money.advisories.title')}</h3>
      <ResourceView
        resource={list}
        renderError={(error, retry) => <MoneyError error={error} onRetry={retry} />}
      >
        {(listData) =>
          listData.items.length === 0 ? (
            <p className="empty" role="status">
              {t('money.advisories.none')}
            </p>
          ) : (
            <ul>
              {listData.items.map((a) => (
                <AdvisoryItem key={a.id} a={a} act={act} />
              ))}
            </ul>
          )
        }
      </ResourceView>
      {error ? <MoneyError error={error} /> : null}
      {list.status === 'success' && list.data.may.record ? (
        <form onSubmit={onSubmit} className="money-actions">
          <label htmlFor={`${id}-country`}>{t('money.advisories.country')}</label>
          <select id={`${id}-country`} name="country" required defaultValue="">
            <option value="" disabled>
              {t('money.advisories.chooseCountry')}
            </option>
            {countryOptions(language).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-level`}>{t('money.advisories.levelLabel')}</label>
          <select id={`${id}-level`} name="level" defaultValue="postpone">
            <option value="postpone">{t('money.advisories.postpone')}</option>
            <option value="suspend">{t('money.advisories.suspend')}</option>
          </select>
          <label htmlFor={`${id}-from`}>{t('money.advisories.from')}</label>
          <DateInput id={`${id}-from`} name="from" required defaultValue={todayIso()} />
          <label htmlFor={`${id}-until`}>{t('money.advisories.until')}</label>
          <DateInput id={`${id}-until`} name="until" />
          <label htmlFor={`${id}-reason`}>{t('money.travel.reason')}</label>
          <input id={`${id}-reason`} name="reason" required minLength={3} />
          <button type="submit" className="button">
            {t('money.advisories.record')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
