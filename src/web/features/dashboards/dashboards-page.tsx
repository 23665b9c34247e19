import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { myDashboards } from './api.ts';

/** The dashboards the reader may open: their programs, consortia and associations, institutions. */
export function DashboardsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('dashboards.title'));
  const resource = useResource('dashboards', (signal) => myDashboards(signal));
  return (
    <>
      <h1>{t('dashboards.title')}</h1>
      <p className="muted">{t('dashboards.intro')}</p>
      <ResourceView
        resource={resource}
        isEmpty={(d) => d.items.length === 0}
        empty={<p className="empty">{t('dashboards.none')}</p>}
      >
        {(d) => (
          <ul className="dash-list">
            {d.items.map((item) => (
              <li key={`${item.kind}:${item.id}`}>
                <Link to={`/dashboards/${item.kind}/${encodeURIComponent(item.id)}`}>
                  {t(`dashboards.kinds.${item.kind}.title`, {
                    name: nameIn(item.name, i18n.language),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </>
  );
}
