import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import type { Mechanism, StudentExplanation } from './api.ts';

const PAGE = 100;

function matches(explanation: StudentExplanation, query: string): boolean {
  if (!query) return true;
  return [explanation.student, explanation.home, explanation.host ?? '', explanation.text].some(
    (field) => field.toLowerCase().includes(query),
  );
}

/**
 * Why each student got this host or stays home: how she was placed, and for every choice above her
 * outcome, why not. The server's English sentence is kept as a detail.
 */
export function ExplanationsSection({
  mechanism,
  explanations,
}: {
  mechanism: Mechanism;
  explanations: StudentExplanation[];
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const found = explanations.filter((e) => matches(e, deferred));
  const shown = found.slice(0, limit);
  const num = (value: number) => formatNumber(value, language);

  return (
    <section aria-labelledby={`${id}-title`} data-testid="allocation-explanations">
      <h3 id={`${id}-title`}>{t('allocation.explain.title')}</h3>
      <p className="help">
        {t('allocation.explain.help', { mechanism: t(`allocation.mechanisms.${mechanism}`) })}
      </p>
      <div className="field">
        <label htmlFor={`${id}-search`}>{t('allocation.explain.search')}</label>
        <input
          id={`${id}-search`}
          type="search"
          name="explanation-search"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setLimit(PAGE);
          }}
        />
      </div>
      <p role="status" aria-live="polite" className="muted">
        {t('allocation.explain.count', {
          shown: num(found.length),
          total: num(explanations.length),
        })}
      </p>
      {found.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table allocation-explanations">
            <caption className="visually-hidden">{t('allocation.explain.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('allocation.explain.student')}</th>
                <th scope="col">{t('allocation.explain.home')}</th>
                <th scope="col">{t('allocation.explain.host')}</th>
                <th scope="col" className="numeric">
                  {t('allocation.explain.choice')}
                </th>
                <th scope="col">{t('allocation.explain.how')}</th>
                <th scope="col">{t('allocation.explain.why')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.student} data-student={e.student}>
                  <th scope="row">{e.student}</th>
                  <td data-label={t('allocation.explain.home')}>{e.home}</td>
                  <td data-label={t('allocation.explain.host')}>
                    {e.host ?? <em>{t('allocation.explain.staysHome')}</em>}
                  </td>
                  <td data-label={t('allocation.explain.choice')} className="numeric">
                    {e.choice === null ? '—' : num(e.choice)}
                  </td>
                  <td data-label={t('allocation.explain.how')}>
                    {t(`allocation.how.${e.how}`)}
                    {e.cycle
                      ? ` ${t('allocation.explain.cycleNumber', { n: num(e.cycle.index + 1) })}`
                      : ''}
                  </td>
                  <td data-label={t('allocation.explain.why')}>
                    {e.better.length > 0 ? (
                      <ul className="allocation-reasons">
                        {e.better.map((b) => (
                          <li key={b.choice} data-reason={b.reason}>
                            {t('allocation.explain.betterChoice', {
                              choice: num(b.choice),
                              host: b.host,
                              reason: t(`allocation.reasons.${b.reason}`),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : e.host ? (
                      t('allocation.explain.bestPossible')
                    ) : (
                      t('allocation.explain.nothingBetter')
                    )}
                    <details className="allocation-detail">
                      <summary>{t('allocation.explain.details')}</summary>
                      {e.cycle ? (
                        <>
                          <p>{t('allocation.explain.cycleTitle', { n: num(e.cycle.index + 1) })}</p>
                          <ul>
                            {e.cycle.trades.map((trade) => (
                              <li key={trade.student}>
                                {t('allocation.explain.trade', {
                                  student: trade.student,
                                  from: trade.from,
                                  to: trade.to,
                                })}
                              </li>
                            ))}
                          </ul>
                        </>
                      ) : null}
                      <p lang="en" className="allocation-server-text">
                        {e.text}
                      </p>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t('allocation.explain.none')}</p>
      )}
      {found.length > shown.length ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => setLimit((n) => n + PAGE)}
        >
          {t('allocation.explain.more', { n: num(Math.min(PAGE, found.length - shown.length)) })}
        </button>
      ) : null}
    </section>
  );
}
