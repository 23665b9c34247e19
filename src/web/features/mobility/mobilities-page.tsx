import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { ShowMore, useShowMore } from '../../components/ui/show-more.tsx';
import { ListSearch } from '../../components/ui/list-search.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { formatNumber, nameIn } from '../../../i18n/format.ts';
import { listMobilities, type MobilityList } from './api.ts';
import { StateBadge } from './components.tsx';
import { NominateSection } from './nominate-form.tsx';
import './mobility.css';

type MobilityItem = MobilityList['items'][number];

export function MobilitiesPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('mobility.listTitle'));
  const [q, setQ] = useState('');
  const list = useResource(session.actor ? `mobilities|${session.actor.id}|${q}` : null, (signal) =>
    listMobilities(signal, { q }),
  );
  // Pages after the first, added by "Show more".
  const pages = useShowMore<MobilityItem>(list.status === 'success' ? list.data : null, (cursor) =>
    listMobilities(undefined, { q, cursor }),
  );
  const items = pages.items;
  const isStudent = session.actor?.roles.some((r) => r.role === 'student') ?? false;
  const isCoordinator =
    session.actor?.roles.some((r) => r.role === 'coordinator' && r.scopeType === 'institution') ??
    false;

  return (
    <>
      <div className="page-header">
        <h1>{t('mobility.listTitle')}</h1>
      </div>
      <p className="muted">{t('mobility.listIntro')}</p>
      <ul className="inline-list mobility-links">
        {isStudent ? (
          <li>
            <Link to="/recognised-credits">{t('mobility.myCredits')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/alliances/cic/jukebox">{t('mobility.jukeboxLink')}</Link>
        </li>
        {isCoordinator || session.actor?.platformAdmin ? (
          <li>
            <Link to="/mobilities/import">{t('mobility.import.link')}</Link>
          </li>
        ) : null}
      </ul>
      {session.status !== 'signed-in' ? <p>{t('mobility.signInFirst')}</p> : null}
      {isCoordinator ? <NominateSection /> : null}
      {session.actor ? (
        <ListSearch
          id="mobility-search"
          label={t('mobility.searchLabel')}
          button={t('mobility.searchButton')}
          onSearch={setQ}
        />
      ) : null}
      <section aria-label={t('mobility.listTitle')} aria-busy={list.status === 'loading'}>
        {list.status === 'loading' && session.actor ? <Loading /> : null}
        {list.status === 'error' ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'success' && items.length === 0 ? (
          <div className="empty" role="status">
            <p>{q ? t('mobility.noMatch', { q }) : t('mobility.empty')}</p>
          </div>
        ) : null}
        {list.status === 'success' && items.length > 0 ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="mobility-list">
              <caption className="visually-hidden">{t('mobility.listTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mobility.student')}</th>
                  <th scope="col">{t('mobility.route')}</th>
                  <th scope="col">{t('mobility.level')}</th>
                  <th scope="col">{t('mobility.start')}</th>
                  <th scope="col">{t('mobility.months')}</th>
                  <th scope="col">{t('mobility.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id} data-mobility={m.id}>
                    <th scope="row">
                      <Link to={`/mobilities/${m.id}`}>{nameIn(m.student, i18n.language)}</Link>
                      {m.invented ? <InventedBadge /> : null}
                    </th>
                    <td data-label={t('mobility.route')}>
                      <LocalizedName entity={m.home} /> → <LocalizedName entity={m.host} />
                    </td>
                    <td data-label={t('mobility.level')}>{t(`studyLevel.${m.level}`)}</td>
                    <td data-label={t('mobility.start')}>
                      <FormattedDate value={m.startDate} />
                    </td>
                    <td data-label={t('mobility.months')}>
                      {formatNumber(m.months, i18n.language)}
                    </td>
                    <td data-label={t('mobility.status')}>
                      <StateBadge state={m.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {list.status === 'success' ? <ShowMore list={pages} /> : null}
      </section>
    </>
  );
}
