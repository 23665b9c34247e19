import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { deleteIdentityProvider, listIdentityProviders } from './api.ts';
import { ProviderForm } from './provider-form.tsx';

/** The identity providers institutions sign in with: platform administrators only. */
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('sso.admin.title'));
  const signedIn = session.status === 'signed-in';
  const providers = useResource(signedIn ? 'identity-providers' : null, listIdentityProviders);
  const remove = useAction();

  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous') {
    return <Navigate to="/sign-in" replace state={{ from: '/admin/identity-providers' }} />;
  }
  return (
    <>
      <h1>{t('sso.admin.title')}</h1>
      <p className="muted">{t('sso.admin.intro')}</p>
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <ResourceView
        resource={providers}
        isEmpty={(list) => list.length === 0}
        empty={<p>{t('sso.admin.empty')}</p>}
      >
        {(list) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('sso.admin.name')}</th>
                <th scope="col">{t('sso.admin.institution')}</th>
                <th scope="col">{t('sso.admin.kind')}</th>
                <th scope="col">{t('sso.admin.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sso.admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.id}>
                  <td>{p.displayName}</td>
                  <td>{p.institutionName}</td>
                  <td>{t(`sso.kind.${p.kind}`)}</td>
                  <td>{p.enabled ? t('sso.admin.enabled') : t('sso.admin.disabled')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={remove.busy}
                      onClick={() =>
                        void remove
                          .run((csrf) => deleteIdentityProvider(p.id, csrf))
                          .then((ok) => ok && providers.reload())
                      }
                    >
                      {t('sso.admin.remove', { name: p.displayName })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ResourceView>
      <ProviderForm onAdded={providers.reload} />
    </>
  );
}
