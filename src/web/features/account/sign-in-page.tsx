import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { Field } from '../../components/ui/field.tsx';
import { SsoSignIn } from '../sso/index.ts';

function safeRedirect(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  useDocumentTitle(t('signIn.title'));

  const redirectTo = safeRedirect(location.state);
  if (session.status === 'signed-in' && !submitting) {
    return <Navigate to={redirectTo} replace />;
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    setSubmitting(true);
    try {
      await session.signIn(email.trim(), password);
      void navigate(redirectTo, { replace: true });
    } catch (caught) {
      setError(caught);
      setSubmitting(false);
    }
  };

  return (
    <div className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="muted">{t('signIn.intro')}</p>
      {error ? <ErrorAlert error={error} /> : null}
      <form className="form card" onSubmit={(event) => void onSubmit(event)} noValidate={false}>
        <Field id="sign-in-email" label={t('signIn.email')}>
          {(control) => (
            <input
              {...control}
              name="email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.target.value)}
            />
          )}
        </Field>
        <Field id="sign-in-password" label={t('signIn.password')}>
          {(control) => (
            <input
              {...control}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </form>
      <SsoSignIn />
      <p>
        <Link to="/password/forgot">{t('passwordPages.forgotLink')}</Link>
      </p>
      <p className="muted small">{t('signIn.demoHint')}</p>
    </div>
  );
}
