import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getCatalogue, type Catalogue } from './api.ts';
import { CourseForm } from './course-form.tsx';
import { languageName } from '../../../i18n/format.ts';
import { CreditsText, LText } from './components.tsx';
import './mobility.css';

/** An institution's course catalogue, credits in its own system. */
export function CataloguePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localName = useLocalName();
  const [attempt, setAttempt] = useState(0);
  const data = useResource(`${id}|${attempt}`, (signal) => getCatalogue(id, signal));
  useDocumentTitle(
    data.data
      ? t('mobility.catalogue.titleOf', { institution: localName(data.data.institution) })
      : t('mobility.catalogue.title'),
  );
  return (
    <ResourceView resource={data}>
      {(c) => <CatalogueView c={c} onChange={() => setAttempt((n) => n + 1)} />}
    </ResourceView>
  );
}

function CatalogueView({ c, onChange }: { c: Catalogue; onChange: () => void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <>
      <nav className="breadcrumbs" aria-label={t('mobility.breadcrumbs')}>
        <Link to={`/institutions/${encodeURIComponent(c.institution.id)}`}>
          <LocalizedName entity={c.institution} />
        </Link>
      </nav>
      <div className="page-header">
        <h1>{t('mobility.catalogue.titleOf', { institution: localName(c.institution) })}</h1>
      </div>
      <p className="muted">
        {t('mobility.catalogue.intro', { system: t(`mobility.creditSystem.${c.creditSystem}`) })}
      </p>
      <CourseTable catalogue={c} />
      {c.may.manage ? <CourseForm catalogue={c} onDone={onChange} /> : null}
    </>
  );
}

function CourseTable({ catalogue }: { catalogue: Catalogue }) {
  const { t, i18n } = useTranslation();
  if (catalogue.items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>{t('mobility.catalogue.empty')}</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="course-list">
        <caption className="visually-hidden">{t('mobility.catalogue.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mobility.catalogue.code')}</th>
            <th scope="col">{t('mobility.catalogue.courseTitle')}</th>
            <th scope="col">{t('mobility.level')}</th>
            <th scope="col">{t('mobility.catalogue.credits')}</th>
            <th scope="col">{t('mobility.catalogue.term')}</th>
            <th scope="col">{t('mobility.catalogue.language')}</th>
            <th scope="col">{t('mobility.catalogue.mode')}</th>
          </tr>
        </thead>
        <tbody>
          {catalogue.items.map((course) => (
            <tr key={course.id}>
              <th scope="row">
                <code>{course.code}</code>
              </th>
              <td data-label={t('mobility.catalogue.courseTitle')}>
                <LText text={course.title} />
              </td>
              <td data-label={t('mobility.level')}>{t(`studyLevel.${course.level}`)}</td>
              <td data-label={t('mobility.catalogue.credits')}>
                <CreditsText credits={course.credits} />
              </td>
              <td data-label={t('mobility.catalogue.term')}>{course.term ?? '—'}</td>
              <td data-label={t('mobility.catalogue.language')}>
                {course.language ? languageName(course.language, i18n.language) : '—'}
              </td>
              <td data-label={t('mobility.catalogue.mode')}>
                {course.online ? t('mobility.catalogue.online') : t('mobility.catalogue.onSite')}
                {course.jukeboxAllianceId ? (
                  <>
                    {' '}
                    <Link
                      className="badge badge-accent"
                      to={`/alliances/${encodeURIComponent(course.jukeboxAllianceId)}/jukebox`}
                    >
                      {t('mobility.catalogue.inJukebox')}
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
