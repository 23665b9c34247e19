/** The agreement's versions, their signatures and what each one changed. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementChange, AgreementVersion, PartyKey } from '../../api/contract.ts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { languageName } from '../../../i18n/format.ts';
import { useLabels } from '../../lib/labels.ts';

/** A changed field of the history, in words: which field, of which direction or year. */
export function useChangeText() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { levelLabel } = useLabels();
  const clauseLabel = (key: string) =>
    ['tuitionWaiver', 'commonScreening', 'commonRecognition', 'other'].includes(key)
      ? t(`clauses.${key}`)
      : key;
  const label = (path: string, partyName: (key: PartyKey) => string): string => {
    const parts = path.split('.');
    const [head, second, third, fourth, fifth] = parts;
    if (head === 'title' || head === 'validFrom' || head === 'validTo') {
      return t(`agreementForm.${head}`);
    }
    if (head === 'clauses' && second) return clauseLabel(second);
    if (head === 'balanceTolerance' && second) {
      return `${t('agreementForm.tolerance')} · ${second === 'students' ? t('ledger.students') : t('ledger.months')}`;
    }
    if (head === 'directions' && (second === 'A' || second === 'B')) {
      const direction = t('agreementForm.direction', {
        from: partyName(second),
        to: partyName(second === 'A' ? 'B' : 'A'),
      });
      if (third === 'levels') return `${direction} · ${t('agreementForm.levels')}`;
      if (third === 'fields') return `${direction} · ${t('agreement.fields')}`;
      if (third === 'languages' && fourth) {
        return `${direction} · ${t('agreementForm.languages')} · ${languageName(fourth, language)}`;
      }
      if (third === 'quotas' && fourth) {
        const unit = fifth === 'months' ? t('ledger.months') : t('ledger.students');
        return `${direction} · ${t('agreementForm.quotas')} · ${fourth} · ${unit}`;
      }
      return direction;
    }
    return t('agreement.changeOther');
  };
  const value = (path: string, v: AgreementChange['before']): string => {
    if (v === undefined) return '—';
    if (typeof v === 'boolean') return v ? t('agreement.agreed') : t('agreement.notAgreed');
    if (typeof v === 'number') return formatNumber(v, language);
    if (Array.isArray(v)) {
      if (v.length === 0) return '—';
      const items = path.endsWith('.levels') ? v.map(levelLabel) : v;
      return new Intl.ListFormat(language, { type: 'unit' }).format(items);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, language);
    return v;
  };
  return { label, value };
}

export function HistoryEntry({
  version,
  partyName,
}: {
  version: AgreementVersion;
  partyName: (key: PartyKey) => string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const change = useChangeText();
  return (
    <li className="card history-entry" data-version={version.version}>
      <h3 id={id}>
        {t('agreement.versionNumber', { version: version.version })}{' '}
        <span className="badge">
          {version.kind === 'amendment' ? t('agreement.kindAmendment') : t('agreement.kindDraft')}
        </span>
      </h3>
      <p className="muted">
        {t('agreement.createdOn')} <FormattedDate value={version.createdAt} />
        {version.createdByName ? (
          <>
            {' · '}
            {t('agreement.createdBy')}{' '}
            <span data-testid="created-by">{nameIn(version.createdByName, i18n.language)}</span>
          </>
        ) : null}
      </p>
      {version.changeNote ? <p className="pre-wrap">{version.changeNote}</p> : null}
      {version.changes.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table compact-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('agreement.changePath')}</th>
                <th scope="col">{t('agreement.changeBefore')}</th>
                <th scope="col">{t('agreement.changeAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {version.changes.map((c) => (
                <tr key={c.path} data-path={c.path}>
                  <th scope="row">{change.label(c.path, partyName)}</th>
                  <td data-label={t('agreement.changeBefore')}>{change.value(c.path, c.before)}</td>
                  <td data-label={t('agreement.changeAfter')}>{change.value(c.path, c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : version.version > 1 ? (
        <p className="muted">{t('agreement.noChanges')}</p>
      ) : null}
      <p>
        {version.signatures.length === 0
          ? t('agreement.noSignatures')
          : version.signatures.map((signature, index) => (
              <span key={signature.party}>
                {index > 0 ? '; ' : ''}
                {t('agreement.signatureLine', {
                  party: partyName(signature.party),
                  signatory: signature.signatory,
                })}{' '}
                <FormattedDate value={signature.signedOn} />
              </span>
            ))}
      </p>
    </li>
  );
}
