import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useSession } from './session.tsx';
import { InventedBadge } from '../components/ui/invented-badge.tsx';
import { useErrorMessage } from '../components/ui/error-alert.tsx';

export function UserMenu() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (session.status === 'loading') {
    return <span className="user-menu user-menu-loading">{t('status.loading')}</span>;
  }
  if (session.status === 'anonymous') {
    return (
      <div className="user-menu">
        <Link to="/sign-in" className="button button-primary">
          {t('header.signIn')}
        </Link>
      </div>
    );
  }

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signOut();
      void navigate('/');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="user-menu">
      <Link to="/me" className="user-name" title={t('header.account')}>
        {session.actor.displayName}
      </Link>
      {session.actor.invented ? <InventedBadge /> : null}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => void onSignOut()}
        disabled={busy}
      >
        {t('header.signOut')}
      </button>
      {error ? (
        <span className="user-menu-error" role="alert">
          {errorMessage(error)}
        </span>
      ) : null}
    </div>
  );
}
