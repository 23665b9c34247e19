import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listAllInstitutions } from '../registry/index.ts';
import { createIdentityProvider, type ProviderBody } from './api.ts';

type Kind = ProviderBody['kind'];

/** Adds an identity provider: OpenID Connect (issuer, client) or SAML 2.0 (IdP, certificate). */
export function ProviderForm({ onAdded }: { onAdded: () => void }) {
  const { t } = useTranslation();
  const action = useAction();
  const institutions = useResource('sso-institutions', (signal) => listAllInstitutions({}, signal));
  const [kind, setKind] = useState<Kind>('saml');
  const [fields, setFields] = useState<Record<string, string>>({});
  const value = (name: string) => fields[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) =>
    setFields((previous) => ({ ...previous, [name]: event.target.value }));
  const text = (name: string, type: 'text' | 'url' | 'password' = 'text') => (
    <Field id={`sso-${name}`} label={t(`sso.form.${name}`)}>
      {(control) => (
        <input {...control} type={type} required value={value(name)} onChange={set(name)} />
      )}
    </Field>
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body: ProviderBody =
      kind === 'oidc'
        ? {
            kind,
            institutionId: value('institutionId'),
            displayName: value('displayName'),
            oidcIssuer: value('oidcIssuer'),
            oidcClientId: value('oidcClientId'),
            oidcClientSecret: value('oidcClientSecret') || null,
          }
        : {
            kind,
            institutionId: value('institutionId'),
            displayName: value('displayName'),
            samlEntityId: value('samlEntityId'),
            samlSsoUrl: value('samlSsoUrl'),
            samlCertificate: value('samlCertificate'),
          };
    if (await action.run((csrf) => createIdentityProvider(body, csrf))) {
      setFields({});
      onAdded();
    }
  };

  return (
    <form className="form card" onSubmit={(event) => void onSubmit(event)}>
      <h2>{t('sso.form.title')}</h2>
      <FormErrors error={action.error} />
      <Field id="sso-institutionId" label={t('sso.form.institutionId')}>
        {(control) => (
          <select
            {...control}
            required
            value={value('institutionId')}
            onChange={set('institutionId')}
          >
            <option value="">{t('sso.form.choose')}</option>
            {(institutions.status === 'success' ? institutions.data : []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="sso-kind" label={t('sso.form.kind')}>
        {(control) => (
          <select
            {...control}
            value={kind}
            onChange={(event) => setKind(event.target.value === 'oidc' ? 'oidc' : 'saml')}
          >
            <option value="saml">{t('sso.kind.saml')}</option>
            <option value="oidc">{t('sso.kind.oidc')}</option>
          </select>
        )}
      </Field>
      {text('displayName')}
      {kind === 'oidc' ? (
        <>
          {text('oidcIssuer', 'url')}
          {text('oidcClientId')}
          {text('oidcClientSecret', 'password')}
        </>
      ) : (
        <>
          {text('samlEntityId')}
          {text('samlSsoUrl', 'url')}
          <Field id="sso-samlCertificate" label={t('sso.form.samlCertificate')}>
            {(control) => (
              <textarea
                {...control}
                required
                rows={6}
                value={value('samlCertificate')}
                onChange={set('samlCertificate')}
              />
            )}
          </Field>
        </>
      )}
      <button type="submit" className="button button-primary" disabled={action.busy}>
        {t('sso.form.submit')}
      </button>
    </form>
  );
}
