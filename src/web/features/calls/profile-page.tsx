import { LanguageSelect } from '../../components/ui/language-select.tsx';
import { CEFR_LEVELS } from '../../../domain/eligibility/types.ts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { myProfile, updateProfile, type Profile, type ProfileEdit } from './api.ts';
import { countryName, formatDate, nameIn } from '../../../i18n/format.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { GRADE_SCALES } from '../../lib/grade-scales.ts';
import './calls.css';

type Draft = {
  languages: { language: string; level: string }[];
};

const draftOf = (p: Profile): Draft => ({
  languages: p.languages.map((l) => ({ ...l })),
});

/** The student's own profile: what eligibility reads; the home university is not editable. */
export function ProfilePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('calls.profile.title'));
  const profile = useResource('my-profile', (signal) => myProfile(signal));
  return (
    <>
      <div className="page-header">
        <h1>{t('calls.profile.title')}</h1>
        <Link to="/me/applications" className="button button-secondary">
          {t('calls.mine.title')}
        </Link>
      </div>
      <p className="muted">{t('calls.profile.intro')}</p>
      <ResourceView resource={profile}>
        {(profileData) => <ProfileForm profile={profileData} />}
      </ResourceView>
    </>
  );
}

/**
 * What the university records and the student reads: home, nationality, level (R3), enrolment,
 * residence (R9), grade (R6).
 */
function Recorded({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const scale = GRADE_SCALES.find(([id]) => id === profile.grade?.scale);
  return (
    <section data-testid="profile-recorded">
      <dl className="details">
        <dt>{t('calls.profile.home')}</dt>
        <dd data-testid="profile-home">{nameIn(profile.home, i18n.language)}</dd>
        {profile.nationality ? (
          <>
            <dt>{t('calls.profile.nationality')}</dt>
            <dd data-testid="profile-nationality">
              {countryName(profile.nationality, i18n.language)}
            </dd>
          </>
        ) : null}
        <dt>{t('calls.profile.level')}</dt>
        <dd data-testid="profile-level">{t(`calls.params.${profile.level}`)}</dd>
        <dt>{t('calls.profile.enrolmentStatus')}</dt>
        <dd data-testid="profile-enrolment">
          {profile.enrolmentUntil
            ? t('calls.profile.enrolmentUntilOn', {
                status: t(`calls.params.${profile.enrolmentStatus}`),
                until: formatDate(profile.enrolmentUntil, i18n.language),
              })
            : t(`calls.params.${profile.enrolmentStatus}`)}
        </dd>
        <dt>{t('calls.profile.residenceStatus')}</dt>
        <dd data-testid="profile-residence">
          {profile.residenceStatus
            ? t(`calls.profile.residence.${profile.residenceStatus}`, {
                defaultValue: profile.residenceStatus,
              })
            : t('calls.profile.noResidenceStatus')}
        </dd>
        <dt>{t('calls.profile.grade')}</dt>
        <dd data-testid="profile-grade">
          {profile.grade
            ? t('calls.profile.gradeOn', {
                value: profile.grade.value,
                scale: scale ? t(`calls.profile.scales.${scale[1]}`) : profile.grade.scale,
              })
            : t('calls.profile.noGrade')}
        </dd>
      </dl>
      <p className="muted">{t('calls.profile.recordedByUniversity')}</p>
    </section>
  );
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const id = useId();
  const [current, setCurrent] = useState(profile);
  const [d, setD] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const issues = fieldIssues(error);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setD((prev) => ({ ...prev, ...patch }));
  };
  const errs = (field: string) => messagesFor(issues, `body.${field}`, true);
  const setLanguage = (i: number, patch: Partial<Draft['languages'][number]>) =>
    set({ languages: d.languages.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    await run(async (csrfToken) => {
      // Level, enrolment, grade and residence status are the university's: the form sends them
      // back as recorded.
      const next = await updateProfile(
        {
          level: current.level,
          enrolmentStatus: current.enrolmentStatus,
          enrolmentUntil: current.enrolmentUntil,
          residenceStatus: current.residenceStatus,
          languages: d.languages as ProfileEdit['languages'],
          grade: current.grade,
        },
        csrfToken,
      );
      setCurrent(next);
      setD(draftOf(next));
      setSaved(true);
    });
  }

  return (
    <form className="form card" data-testid="profile-form" onSubmit={(e) => void onSubmit(e)}>
      <FormErrors error={error} />
      {saved ? (
        <p className="alert alert-success" role="status" data-testid="profile-saved">
          {t('calls.profile.saved')}
        </p>
      ) : null}
      <Recorded profile={current} />

      <fieldset data-testid="profile-languages">
        <legend>{t('calls.profile.languages')}</legend>
        {d.languages.map((l, i) => (
          <div className="field-row" key={i} data-language={l.language}>
            <Field
              id={`${id}-lang-${i}`}
              label={t('calls.form.language')}
              messages={errs(`languages[${i}].language`)}
            >
              {(control) => (
                <LanguageSelect
                  {...control}
                  name={`languages[${i}].language`}
                  value={l.language}
                  onChange={(code) => setLanguage(i, { language: code })}
                />
              )}
            </Field>
            <Field
              id={`${id}-cefr-${i}`}
              label={t('calls.profile.cefr')}
              messages={errs(`languages[${i}].level`)}
            >
              {(control) => (
                <select
                  {...control}
                  name={`languages[${i}].level`}
                  value={l.level}
                  onChange={(e) => setLanguage(i, { level: e.target.value })}
                >
                  {CEFR_LEVELS.map((c) => (
                    <option key={c}>{c}</option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="button button-link"
              onClick={() => set({ languages: d.languages.filter((_, j) => j !== i) })}
            >
              {t('calls.form.removeLanguage')}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-language"
          onClick={() => set({ languages: [...d.languages, { language: '', level: 'B1' }] })}
        >
          {t('calls.form.addLanguage')}
        </button>
      </fieldset>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('calls.profile.save')}
        </button>
      </div>
    </form>
  );
}
