import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { refusalText } from '../../lib/messages.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listSsoProviders, ssoStartHref } from './api.ts';

/**
 * The sign-in page's "Sign in with <provider>" links, and the refusal a provider's answer came
 * back with (`?sso=<code>`), in the reader's language.
 */
export function SsoSignIn() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const providers = useResource('sso-providers', listSsoProviders);
  const code = params.get('sso');
  const refused = code && code.startsWith('sso.') ? refusalText(t, { code, params: {} }) : null;
  const list = providers.status === 'success' ? providers.data : [];
  if (!refused && list.length === 0) return null;
  return (
    <section className="card" aria-labelledby="sso-heading">
      <h2 id="sso-heading">{t('sso.signIn.heading')}</h2>
      {refused ? (
        <div className="alert alert-error" role="alert">
          <p>{refused}</p>
        </div>
      ) : null}
      <ul className="inline-list">
        {list.map((p) => (
          <li key={p.id}>
            <a className="button button-secondary" href={ssoStartHref(p.id)}>
              {t('sso.signIn.with', { provider: p.displayName, institution: p.institutionName })}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
