import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { LANGUAGES, type Language } from '../../api/contract.ts';
import { setMyLanguage, signOutEverywhere } from './api.ts';
import { DataExport, NamesForm, PasswordChange, SessionList } from './account-security.tsx';
import { ErasureRequest } from './erasure-request.tsx';
import { OrcidSection } from '../research/index.ts';
import { LANGUAGE_LABELS } from '../../i18n/i18n.ts';
import { Loading } from '../../components/ui/loading.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';

function scopeHref(scopeType: string, scopeId: string): string | null {
  if (scopeType === 'institution') return `/institutions/${encodeURIComponent(scopeId)}`;
  if (scopeType === 'consortium' || scopeType === 'association') {
    return `/consortia/${encodeURIComponent(scopeId)}`;
  }
  return null;
}

/** The language the person's notifications and e-mails are written in. */
/** Ends every session of the person, on every device, this one too. */
function SignOutEverywhere() {
  const { t } = useTranslation();
  const session = useSession();
  const [state, setState] = useState<'idle' | 'busy' | { error: unknown }>('idle');
  const run = async () => {
    setState('busy');
    try {
      await signOutEverywhere(session.csrfToken);
      await session.signOut();
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <section className="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('account.sessions')}</h2>
      <p className="muted small">{t('account.sessionsHint')}</p>
      <button
        type="button"
        className="button button-secondary"
        disabled={state === 'busy'}
        onClick={() => void run()}
      >
        {t('account.signOutEverywhere')}
      </button>
      {typeof state === 'object' ? <ErrorAlert error={state.error} /> : null}
    </section>
  );
}

function MailLanguage({ language }: { language: Language }) {
  const { t } = useTranslation();
  const session = useSession();
  const [value, setValue] = useState<Language>(language);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | { error: unknown }>('idle');
  const save = async (next: Language) => {
    setValue(next);
    setState('saving');
    try {
      await setMyLanguage(next, session.csrfToken);
      setState('saved');
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <section className="card" aria-labelledby="account-language">
      <h2 id="account-language">{t('account.mailLanguage')}</h2>
      <p className="muted small">{t('account.mailLanguageHint')}</p>
      <label htmlFor="account-language-select">{t('account.mailLanguageLabel')}</label>{' '}
      <select
        id="account-language-select"
        value={value}
        disabled={state === 'saving'}
        onChange={(e) => void save(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_LABELS[l]}
          </option>
        ))}
      </select>{' '}
      <span role="status">{state === 'saved' ? t('account.saved') : null}</span>
      {typeof state === 'object' ? <ErrorAlert error={state.error} /> : null}
    </section>
  );
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
      <MailLanguage language={actor.language} />
      <NamesForm />
      <OrcidSection />
      <PasswordChange />
      <SessionList />
      <SignOutEverywhere />
      <DataExport />
      <ErasureRequest />
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
