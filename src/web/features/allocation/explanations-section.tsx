import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { refusalText, useRefusalTexts } from '../../lib/messages.ts';
import { nameIn } from '../../../i18n/format.ts';
import type { AllocationRun, Explanation, Mechanism } from './api.ts';
import { Field } from '../../components/ui/field.tsx';

const PAGE = 100;

type Names = AllocationRun['names'];

/** Everything a reader may search a row by: names, and the explanation as they read it. */
function searchable(e: Explanation, names: Names, language: string, t: TFunction): string {
  const uni = (id: string | null) => (id ? nameIn(names.universities[id] ?? id, language) : '');
  return [
    nameIn(names.students[e.student] ?? e.student, language),
    uni(e.home),
    uni(e.host),
    refusalText(t, e.outcome),
    ...e.because.map((r) => refusalText(t, r)),
    ...e.passedOver.map((r) => refusalText(t, r)),
  ]
    .join(' ')
    .toLowerCase();
}

/**
 * Why each student got this host or stays home: how she was placed, and for every choice above her
 * outcome, why not — each said from its code in the reader's language, with names, not ids.
 */
export function ExplanationsSection({
  mechanism,
  explanations,
  names,
}: {
  mechanism: Mechanism;
  explanations: Explanation[];
  names: Names;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const deferred = useDeferredValue(query.trim().toLowerCase());
  const refusalsReady = useRefusalTexts();
  const found = deferred
    ? explanations.filter((e) => searchable(e, names, language, t).includes(deferred))
    : explanations;
  const shown = found.slice(0, limit);
  const num = (value: number) => formatNumber(value, language);
  const student = (sid: string) => nameIn(names.students[sid] ?? sid, language);
  const university = (uid: string) => nameIn(names.universities[uid] ?? uid, language);
  // The outcomes are refusals' sentences: shown (and searched) once their texts are here.
  if (!refusalsReady) return null;

  return (
    <section aria-labelledby={`${id}-title`} data-testid="allocation-explanations">
      <h3 id={`${id}-title`}>{t('allocation.explain.title')}</h3>
      <p className="help">
        {t('allocation.explain.help', { mechanism: t(`allocation.mechanisms.${mechanism}`) })}
      </p>
      <Field id={`${id}-search`} label={t('allocation.explain.search')}>
        {(control) => (
          <input
            {...control}
            type="search"
            name="explanation-search"
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setLimit(PAGE);
            }}
          />
        )}
      </Field>
      <p role="status" aria-live="polite" className="muted">
        {t('allocation.explain.count', { shown: num(found.length), count: explanations.length })}
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
                  <th scope="row">{student(e.student)}</th>
                  <td data-label={t('allocation.explain.home')}>{university(e.home)}</td>
                  <td data-label={t('allocation.explain.host')}>
                    {e.host ? university(e.host) : <em>{t('allocation.explain.staysHome')}</em>}
                  </td>
                  <td data-label={t('allocation.explain.choice')} className="numeric">
                    {e.choice === null ? '—' : num(e.choice)}
                  </td>
                  <td data-label={t('allocation.explain.how')}>
                    <p className="allocation-outcome" data-code={e.outcome.code}>
                      {refusalText(t, e.outcome)}
                    </p>
                  </td>
                  <td data-label={t('allocation.explain.why')}>
                    {e.passedOver.length > 0 ? (
                      <div
                        className="allocation-passed-over"
                        data-testid="allocation-passed-over-student"
                      >
                        <p className="alert-title">{t('allocation.explain.passedOver')}</p>
                        <RefusalList refusals={e.passedOver} />
                      </div>
                    ) : null}
                    {e.because.length > 0 ? (
                      <div className="allocation-reasons">
                        <RefusalList refusals={e.because} />
                      </div>
                    ) : e.host ? (
                      t('allocation.explain.bestPossible')
                    ) : (
                      t('allocation.explain.nothingBetter')
                    )}
                    {e.cycle ? (
                      <details className="allocation-detail">
                        <summary>
                          {t('allocation.explain.cycleTitle', { n: num(e.cycle.index + 1) })}
                        </summary>
                        <ul>
                          {e.cycle.trades.map((trade) => (
                            <li key={trade.student}>
                              {t('allocation.explain.trade', {
                                student: student(trade.student),
                                from: university(trade.from),
                                to: university(trade.to),
                              })}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
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
