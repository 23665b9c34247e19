import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { STUDY_LEVELS, type StudyLevel } from '../../api/types.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { createCourse, getCatalogue, type Catalogue } from './api.ts';
import { languageName } from '../../../i18n/format.ts';
import { CreditsText, LText } from './components.tsx';
import { Field } from '../../components/ui/field.tsx';
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
  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorAlert error={data.error} onRetry={data.reload} />;
  const c = data.data;
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
      {c.may.manage ? <CourseForm catalogue={c} onDone={() => setAttempt((n) => n + 1)} /> : null}
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

function CourseForm({ catalogue, onDone }: { catalogue: Catalogue; onDone: () => void }) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const id = useId();
  const empty = { code: '', en: '', ja: '', ru: '', fr: '', credits: '2', term: '', language: '' };
  const [form, setForm] = useState(empty);
  const [level, setLevel] = useState<StudyLevel>('bachelor');
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof empty) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [k]: e.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const title = Object.fromEntries(
      (['en', 'ja', 'ru', 'fr'] as const)
        .filter((l) => form[l].trim())
        .map((l) => [l, form[l].trim()]),
    );
    try {
      await createCourse(
        catalogue.institution.id,
        {
          code: form.code.trim(),
          title,
          level,
          credits: Number(form.credits),
          ...(form.term.trim() ? { term: form.term.trim() } : {}),
          ...(form.language.trim() ? { language: form.language.trim() } : {}),
          online,
        },
        csrfToken,
      );
      setForm(empty);
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="form" onSubmit={submit} data-testid="course-form">
      <h2>{t('mobility.catalogue.add')}</h2>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-code`}>{t('mobility.catalogue.code')}</label>
          <input id={`${id}-code`} name="code" required value={form.code} onChange={set('code')} />
        </div>
        <Field id={`${id}-level`} label={t('mobility.level')}>
          {(control) => (
            <select
              {...control}
              name="level"
              value={level}
              onChange={(e) => setLevel(e.target.value as StudyLevel)}
            >
              {STUDY_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`studyLevel.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label htmlFor={`${id}-credits`}>
            {t('mobility.catalogue.credits')} (
            {t(`mobility.creditSystem.${catalogue.creditSystem}`)})
          </label>
          <input
            id={`${id}-credits`}
            name="credits"
            type="number"
            min="0.5"
            step="0.5"
            required
            value={form.credits}
            onChange={set('credits')}
          />
        </div>
      </div>
      <div className="field-row">
        {(['ja', 'en', 'ru', 'fr'] as const).map((l) => (
          <div className="field" key={l}>
            <label htmlFor={`${id}-title-${l}`}>
              {t('mobility.catalogue.titleIn', { language: l.toUpperCase() })}
            </label>
            <input
              id={`${id}-title-${l}`}
              name={`title.${l}`}
              lang={l}
              value={form[l]}
              onChange={set(l)}
            />
          </div>
        ))}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-term`}>{t('mobility.catalogue.term')}</label>
          <input id={`${id}-term`} name="term" value={form.term} onChange={set('term')} />
        </div>
        <Field id={`${id}-language`} label={t('mobility.catalogue.language')}>
          {(control) => (
            <input
              {...control}
              name="language"
              placeholder="ja"
              value={form.language}
              onChange={set('language')}
            />
          )}
        </Field>
        <label className="check">
          <input type="checkbox" checked={online} onChange={(e) => setOnline(e.target.checked)} />{' '}
          {t('mobility.catalogue.online')}
        </label>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('mobility.catalogue.save')}
        </button>
      </div>
    </form>
  );
}
