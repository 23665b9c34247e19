import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../app/session.tsx';
import { InventedBadge } from '../components/invented-badge.tsx';
import { Loading } from '../components/loading.tsx';
import { useLabels } from '../lib/labels.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';

function scopeHref(scopeType: string, scopeId: string): string | null {
  if (scopeType === 'institution') return `/institutions/${encodeURIComponent(scopeId)}`;
  if (scopeType === 'consortium' || scopeType === 'association') {
    return `/consortia/${encodeURIComponent(scopeId)}`;
  }
  return null;
}

export function AccountPage() {
  const { t } = useTranslation();
  const session = useSession();
  const { roleLabel, scopeLabel } = useLabels();
  useDocumentTitle(t('account.title'));

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: '/me' }} />;
  }
  const { actor } = session;
  return (
    <div className="narrow">
      <h1>{t('account.title')}</h1>
      <section className="card" aria-labelledby="account-profile">
        <h2 id="account-profile">
          {actor.displayName} {actor.invented ? <InventedBadge /> : null}
        </h2>
        <dl className="facts">
          <dt>{t('account.email')}</dt>
          <dd>{actor.email}</dd>
          {actor.platformAdmin ? (
            <>
              <dt>{t('account.administration')}</dt>
              <dd>{t('account.platformAdmin')}</dd>
            </>
          ) : null}
        </dl>
        {actor.invented ? <p className="muted small">{t('account.inventedHint')}</p> : null}
      </section>
      <section className="card" aria-labelledby="account-roles">
        <h2 id="account-roles">{t('account.roles')}</h2>
        {actor.roles.length === 0 ? (
          <p className="muted">{t('account.noRoles')}</p>
        ) : (
          <ul className="role-list">
            {actor.roles.map((assignment) => {
              const href = scopeHref(assignment.scopeType, assignment.scopeId);
              const scopeName = assignment.scopeName ?? assignment.scopeId;
              return (
                <li key={`${assignment.role}:${assignment.scopeType}:${assignment.scopeId}`}>
                  <strong>{roleLabel(assignment.role)}</strong>
                  <span className="muted">
                    {' '}
                    {t('account.scope', { scope: scopeLabel(assignment.scopeType) })}{' '}
                  </span>
                  {assignment.scopeType === 'self' ? null : href ? (
                    <Link to={href}>{scopeName}</Link>
                  ) : (
                    <span>{scopeName}</span>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
