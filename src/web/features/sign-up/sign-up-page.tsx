import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { LANGUAGES, type Language } from '../../../domain/shared/refusal.ts';
import { fieldIssues } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage, LANGUAGE_LABELS } from '../../i18n/i18n.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { MIN_PASSWORD_LENGTH, signUp } from './api.ts';

/**
 * "Create a student account" (public): an address of a domain the student's university lists, a
 * name, the language of the e-mail and of the account, a password. The answer is the same whether
 * or not the address has an account; the e-mail's link finishes the sign-up.
 */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const session = useSession();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [language, setLanguage] = useState<Language>(currentLanguage(i18n.language));
  const [password, setPassword] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  useDocumentTitle(t('signup.title'));
  const issues = fieldIssues(action.error);
  const messages = (field: string) => messagesFor(issues, `body.${field}`);

  if (session.status === 'signed-in') return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const address = email.trim();
    const ok = await action.run(() =>
      signUp({ email: address, displayName: displayName.trim(), language, password }),
    );
    if (ok) {
      setSentTo(address);
      setPassword('');
    }
  };

  return (
    <>
      <h1>{t('signup.title')}</h1>
      <p className="muted">{t('signup.intro')}</p>
      {sentTo ? (
        <p className="alert alert-success" role="status" data-testid="sign-up-sent">
          {t('signup.sent', { email: sentTo })}
        </p>
      ) : (
        <form className="form card" data-testid="sign-up-form" onSubmit={(e) => void submit(e)}>
          <Field id={`${id}-email`} label={t('signup.email')} messages={messages('email')}>
            {(control) => (
              <input
                {...control}
                type="email"
                name="email"
                required
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-name`} label={t('signup.name')} messages={messages('displayName')}>
            {(control) => (
              <input
                {...control}
                name="displayName"
                required
                autoComplete="name"
                value={displayName}
                onChange={(e) => setDisplayName(e.target.value)}
              />
            )}
          </Field>
          <Field id={`${id}-language`} label={t('signup.language')} messages={messages('language')}>
            {(control) => (
              <select
                {...control}
                name="language"
                value={language}
                onChange={(e) => setLanguage(e.target.value as Language)}
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {LANGUAGE_LABELS[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            id={`${id}-password`}
            label={t('signup.password', { min: MIN_PASSWORD_LENGTH })}
            messages={messages('password')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                name="password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <FormErrors error={action.error} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={action.busy}>
              {t('signup.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        {t('signup.haveAccount')} <Link to="/sign-in">{t('signup.signIn')}</Link>
      </p>
    </>
  );
}
