/** "Forgot my password" and the page a one-time link opens to choose a new password. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Field } from '../../components/ui/field.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { checkPasswordLink, requestPasswordReset, setPasswordFromLink } from './api.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | { error: unknown }>('idle');
  useDocumentTitle(t('passwordPages.forgotTitle'));
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setState('busy');
    try {
      await requestPasswordReset(email.trim());
      setState('sent');
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <div className="narrow">
      <h1>{t('passwordPages.forgotTitle')}</h1>
      {state === 'sent' ? (
        <p role="status">{t('passwordPages.sent')}</p>
      ) : (
        <>
          <p className="muted">{t('passwordPages.forgotIntro')}</p>
          {typeof state === 'object' ? <ErrorAlert error={state.error} /> : null}
          <form className="form card" onSubmit={(event) => void onSubmit(event)}>
            <Field id="forgot-email" label={t('signIn.email')}>
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
            <button type="submit" className="button button-primary" disabled={state === 'busy'}>
              {t('passwordPages.send')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('passwordPages.backToSignIn')}</Link>
      </p>
    </div>
  );
}

export function PasswordLinkPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const session = useSession();
  const [link, setLink] = useState<{ email: string } | { error: unknown } | null>(null);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'done' | { error: unknown }>('idle');
  useDocumentTitle(t('passwordPages.setTitle'));
  useEffect(() => {
    let live = true;
    checkPasswordLink(token).then(
      (found) => live && setLink(found),
      (error: unknown) => live && setLink({ error }),
    );
    return () => {
      live = false;
    };
  }, [token]);

  if (!link) return <Loading />;
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setState('busy');
    try {
      await setPasswordFromLink(token, password, session.csrfToken);
      setState('done');
    } catch (error) {
      setState({ error });
    }
  };
  const mismatch = repeat !== '' && repeat !== password;
  return (
    <div className="narrow">
      <h1>{t('passwordPages.setTitle')}</h1>
      {'error' in link ? (
        <>
          <ErrorAlert error={link.error} />
          <p>
            <Link to="/password/forgot">{t('passwordPages.askAgain')}</Link>
          </p>
        </>
      ) : state === 'done' ? (
        <>
          <p role="status">{t('passwordPages.done')}</p>
          <p>
            <Link to="/sign-in">{t('passwordPages.backToSignIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="muted">{t('passwordPages.rules')}</p>
          {typeof state === 'object' ? <ErrorAlert error={state.error} /> : null}
          <form className="form card" onSubmit={(event) => void onSubmit(event)}>
            <input type="hidden" name="username" autoComplete="username" value={link.email} />
            <Field id="new-password" label={t('passwordPages.newPassword')}>
              {(control) => (
                <input
                  {...control}
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  required
                  minLength={12}
                  maxLength={128}
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              )}
            </Field>
            <Field
              id="repeat-password"
              label={t('passwordPages.repeat')}
              messages={mismatch ? [t('passwordPages.mismatch')] : []}
            >
              {(control) => (
                <input
                  {...control}
                  name="repeat"
                  type="password"
                  autoComplete="new-password"
                  required
                  value={repeat}
                  onChange={(event) => setRepeat(event.target.value)}
                />
              )}
            </Field>
            <button
              type="submit"
              className="button button-primary"
              disabled={state === 'busy' || mismatch || repeat === ''}
            >
              {t('passwordPages.save')}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
