import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { listAssociations } from './api.ts';
import { useText } from './components.tsx';

/** Every alumni association, with its university and how many alumni it has. */
export function AssociationsPage() {
  const { t } = useTranslation();
  const text = useText();
  const session = useSession();
  useDocumentTitle(t('alumni.title'));
  const list = useResource('associations', (signal) => listAssociations(signal));
  return (
    <>
      <h1>{t('alumni.title')}</h1>
      <p className="muted">{t('alumni.intro')}</p>
      {session.status === 'signed-in' ? (
        <p>
          <Link to="/me/alumni">{t('alumni.myProfile')}</Link> ·{' '}
          <Link to="/me/mentors">{t('alumni.mentors.title')}</Link>
        </p>
      ) : null}
      {list.status === 'success' && list.data.may.create ? (
        <p>
          <Link className="button button-secondary" to="/alumni/new" data-testid="new-association">
            {t('alumni.new.link')}
          </Link>
        </p>
      ) : null}
      <ResourceView
        resource={list}
        isEmpty={(d) => d.items.length === 0}
        empty={<p className="empty">{t('alumni.none')}</p>}
      >
        {(data) => (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">{t('alumni.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('alumni.association')}</th>
                  <th scope="col">{t('alumni.university')}</th>
                  <th scope="col" className="numeric">
                    {t('alumni.alumniCount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/alumni/${encodeURIComponent(a.id)}`}>{text(a.names)}</Link>{' '}
                      {a.invented ? <InventedBadge /> : null}
                    </th>
                    <td data-label={t('alumni.university')}>{text(a.institution.name)}</td>
                    <td data-label={t('alumni.alumniCount')} className="numeric">
                      {a.alumni}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </ResourceView>
    </>
  );
}
