import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  formatDate,
  formatInstant,
  formatList,
  formatNumber,
  nameIn,
} from '../../../i18n/format.ts';
import { REDACTED } from '../../../domain/shared/audit.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { auditTrail, type AuditEntry, type AuditedResourceType } from './api.ts';
import { isKnownAction } from './actions.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value of a change: dates and numbers formatted, objects compact, secrets named as hidden. */
function Value({ value }: { value: unknown }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (value === null || value === undefined)
    return <span className="muted">{t('audit.none')}</span>;
  if (value === REDACTED) return <em>{t('audit.redacted')}</em>;
  if (typeof value === 'boolean') return <>{t(value ? 'audit.yes' : 'audit.no')}</>;
  if (typeof value === 'number') return <>{formatNumber(value, language)}</>;
  if (typeof value === 'string') {
    if (DATE.test(value) || INSTANT.test(value))
      return <time dateTime={value}>{formatDate(value, language)}</time>;
    return <>{value}</>;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number'))
    return <>{formatList(value, language)}</>;
  return (
    <code data-verbatim className="audit-value">
      {JSON.stringify(value)}
    </code>
  );
}

function actionLabel(t: TFunction, action: string): string {
  return isKnownAction(action) ? t(`audit.actions.${action}`) : t('audit.unknownAction');
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const fields = Object.entries(entry.changes);
  return (
    <li className="card" data-action={entry.action}>
      <h3>
        {actionLabel(t, entry.action)}
        {isKnownAction(entry.action) ? null : (
          <>
            {' '}
            <code data-verbatim>{entry.action}</code>
          </>
        )}
      </h3>
      <p className="muted">
        <time dateTime={entry.at}>{formatInstant(entry.at, i18n.language)}</time>
        {' · '}
        {entry.actor ? nameIn(entry.actor.name, i18n.language) : t('audit.system')}
        {entry.requestId ? (
          <>
            {' · '}
            {t('audit.request')} <code data-verbatim>{entry.requestId}</code>
          </>
        ) : null}
      </p>
      {fields.length === 0 ? (
        <p className="muted">{t('audit.noChanges')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('audit.field')}</th>
              <th scope="col">{t('audit.before')}</th>
              <th scope="col">{t('audit.after')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map(([field, change]) => (
              <tr key={field}>
                <th scope="row">
                  <code data-verbatim>{field}</code>
                </th>
                <td>
                  <Value value={change.before} />
                </td>
                <td>
                  <Value value={change.after} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

/** The history of one record (GET /api/v1/audit), newest first; mount it on the record's page. */
export function AuditTrail({
  resourceType,
  resourceId,
}: {
  resourceType: AuditedResourceType;
  resourceId: string;
}) {
  const { t } = useTranslation();
  const trail = useResource(`audit:${resourceType}:${resourceId}`, (signal) =>
    auditTrail(resourceType, resourceId, signal),
  );
  return (
    <section aria-labelledby={`audit-${resourceType}-${resourceId}`} data-testid="audit-trail">
      <h2 id={`audit-${resourceType}-${resourceId}`}>{t('audit.title')}</h2>
      {trail.status === 'loading' ? <Loading /> : null}
      {trail.status === 'error' ? <ErrorAlert error={trail.error} onRetry={trail.reload} /> : null}
      {trail.status === 'success' ? (
        trail.data.items.length === 0 ? (
          <div className="empty" role="status">
            <p>{t('audit.empty')}</p>
          </div>
        ) : (
          <ul className="card-list">
            {trail.data.items.map((e) => (
              <Entry key={e.id} entry={e} />
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
