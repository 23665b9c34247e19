import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client.ts';
import { getConsortium } from '../api/consortia.ts';
import type { ConsortiumDetail, ConsortiumMember } from '../api/types.ts';
import { useCountryName } from '../components/country-name.tsx';
import { ErrorAlert } from '../components/error-alert.tsx';
import { FormattedDate } from '../components/formatted-date.tsx';
import { Loading } from '../components/loading.tsx';
import { LocalizedName, useLocalName } from '../components/localized-name.tsx';
import { useSideLabel } from '../components/side-label.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { locale } from '../lib/format.ts';
import { useLabels } from '../lib/labels.ts';
import { useDocumentTitle } from '../lib/use-document-title.ts';
import { useResource } from '../lib/use-resource.ts';
import { NotFoundPage } from './not-found-page.tsx';

export function ConsortiumPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const resource = useResource(id, (signal) => getConsortium(id, signal));
  useDocumentTitle(resource.data ? localNameOf(resource.data) : t('consortium.title'));

  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'error') {
    if (resource.error instanceof ApiError && resource.error.status === 404) {
      return <NotFoundPage message={t('consortium.notFound', { id })} />;
    }
    return (
      <>
        <h1>{t('consortium.title')}</h1>
        <ErrorAlert error={resource.error} onRetry={resource.reload} />
      </>
    );
  }
  return <ConsortiumView consortium={resource.data} />;
}

type Group = { key: string; label: string; members: ConsortiumMember[] };

function ConsortiumView({ consortium }: { consortium: ConsortiumDetail }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { kindLabel, typeLabel } = useLabels();
  const countryNameOf = useCountryName();
  const localNameOf = useLocalName();
  const sideLabel = useSideLabel();
  const collator = new Intl.Collator(locale(language));

  // Members grouped by country (the two sides of a Japan–Russia association are its countries).
  const groups = new Map<string, Group>();
  for (const member of consortium.members) {
    const key = member.institution.country;
    const group = groups.get(key) ?? { key, label: countryNameOf(key), members: [] };
    group.members.push(member);
    groups.set(key, group);
  }
  const sortedGroups = [...groups.values()]
    .map((group) => ({
      ...group,
      members: [...group.members].sort(
        (a, b) =>
          Number(Boolean(a.leftOn)) - Number(Boolean(b.leftOn)) ||
          collator.compare(localNameOf(a.institution), localNameOf(b.institution)),
      ),
    }))
    .sort((a, b) => b.members.length - a.members.length || collator.compare(a.label, b.label));
  const side = sideLabel(consortium.side);

  return (
    <article className="detail">
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/consortia">{t('nav.consortia')}</Link>
          </li>
          <li aria-current="page">
            <LocalizedName entity={consortium} />
          </li>
        </ol>
      </nav>
      <header className="detail-header">
        <h1>
          <LocalizedName entity={consortium} />
        </h1>
        <p className="detail-subtitle">
          <span className="badge">{kindLabel(consortium.kind)}</span>{' '}
          {t('consortia.memberCount', { count: consortium.memberCount })}
        </p>
      </header>

      <section className="card" aria-labelledby="consortium-facts">
        <h2 id="consortium-facts">{t('consortium.facts')}</h2>
        <dl className="facts">
          <dt>{t('consortium.kind')}</dt>
          <dd>{kindLabel(consortium.kind)}</dd>
          {side ? (
            <>
              <dt>{t('consortium.side')}</dt>
              <dd>{side}</dd>
            </>
          ) : null}
          <dt>{t('consortium.representative')}</dt>
          <dd>
            {consortium.representative ? (
              <Link to={`/institutions/${encodeURIComponent(consortium.representative.id)}`}>
                <LocalizedName entity={consortium.representative} />
              </Link>
            ) : (
              <span className="muted">{t('consortium.noRepresentative')}</span>
            )}
          </dd>
          <dt>{t('consortium.memberCountLabel')}</dt>
          <dd>{t('consortia.memberCount', { count: consortium.memberCount })}</dd>
        </dl>
      </section>

      <section aria-labelledby="consortium-members">
        <h2 id="consortium-members">{t('consortium.members')}</h2>
        {sortedGroups.length === 0 ? (
          <p className="muted">{t('consortium.noMembers')}</p>
        ) : (
          sortedGroups.map((group) => (
            <section
              key={group.key}
              className="card member-group"
              aria-labelledby={`group-${group.key}`}
            >
              <h3 id={`group-${group.key}`}>
                {group.label}{' '}
                <span className="muted">
                  ({t('consortia.memberCount', { count: group.members.length })})
                </span>
              </h3>
              <div className="table-wrap">
                <table className="data-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('institutions.name')}</th>
                      <th scope="col">{t('institutions.type')}</th>
                      <th scope="col">{t('institutions.city')}</th>
                      <th scope="col">{t('membership.joined')}</th>
                      <th scope="col">{t('membership.left')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.members.map((member) => (
                      <tr
                        key={`${member.institution.id}-${member.joinedOn ?? ''}`}
                        className={member.leftOn ? 'row-former' : undefined}
                      >
                        <th scope="row">
                          <Link to={`/institutions/${encodeURIComponent(member.institution.id)}`}>
                            <LocalizedName entity={member.institution} />
                          </Link>
                          {consortium.representative?.id === member.institution.id ? (
                            <span className="badge badge-accent">
                              {t('consortium.representativeBadge')}
                            </span>
                          ) : null}
                        </th>
                        <td data-label={t('institutions.type')}>
                          {typeLabel(member.institution.type)}
                        </td>
                        <td data-label={t('institutions.city')}>{member.institution.city}</td>
                        <td data-label={t('membership.joined')}>
                          {member.joinedOn ? <FormattedDate value={member.joinedOn} /> : '—'}
                        </td>
                        <td data-label={t('membership.left')}>
                          {member.leftOn ? (
                            <FormattedDate value={member.leftOn} />
                          ) : (
                            <span className="muted">{t('membership.current')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          ))
        )}
      </section>
    </article>
  );
}
