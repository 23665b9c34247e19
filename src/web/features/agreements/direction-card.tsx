import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Direction } from '../../api/contract.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { languageName } from '../../../i18n/format.ts';
import { useLabels } from '../../lib/labels.ts';

export function DirectionCard({
  direction,
  from,
  to,
}: {
  direction: Direction;
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { levelLabel } = useLabels();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-direction={direction.from}>
      <h3 id={id}>{t('agreementForm.direction', { from, to })}</h3>
      <dl className="facts">
        <dt>{t('agreementForm.levels')}</dt>
        <dd>{direction.levels.map(levelLabel).join(', ') || '—'}</dd>
        <dt>{t('agreement.fields')}</dt>
        <dd>
          {direction.fields.length === 0 ? (
            '—'
          ) : (
            <ul className="inline-list">
              {direction.fields.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('agreementForm.languages')}</dt>
        <dd>
          {direction.languages.length === 0
            ? '—'
            : direction.languages
                .map((l) =>
                  t('agreement.languageLevel', {
                    language: languageName(l.language, language),
                    cefr: l.cefr,
                  }),
                )
                .join(', ')}
        </dd>
      </dl>
      {direction.quotas.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption>{t('agreementForm.quotas')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementForm.academicYear')}</th>
                <th scope="col" className="numeric">
                  {t('ledger.students')}
                </th>
                <th scope="col" className="numeric">
                  {t('ledger.months')}
                </th>
              </tr>
            </thead>
            <tbody>
              {direction.quotas.map((quota) => (
                <tr key={quota.academicYear}>
                  <th scope="row">{quota.academicYear}</th>
                  <td className="numeric" data-label={t('ledger.students')}>
                    {formatNumber(quota.students, language)}
                  </td>
                  <td className="numeric" data-label={t('ledger.months')}>
                    {formatNumber(quota.months, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('agreement.noQuotas')}</p>
      )}
    </section>
  );
}
