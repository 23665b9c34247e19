import { LanguageSelect } from '../../components/ui/language-select.tsx';
import { DateInput } from '../../components/ui/date-input.tsx';
import {
  CEFR_LEVELS,
  ENROLMENT_STATUSES,
  KNOWN_RESIDENCE_STATUSES,
  STUDY_LEVELS,
} from '../../../domain/eligibility/types.ts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { FieldError, FormErrors, invalidProps } from '../../components/ui/field-error.tsx';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { myProfile, updateProfile, type Profile, type ProfileEdit } from './api.ts';
import { countryName, nameIn } from '../../../i18n/format.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import './calls.css';

// The choices are the domain's own lists, so the form offers exactly what the server accepts.
const LEVELS = STUDY_LEVELS;
const ENROLMENT = ENROLMENT_STATUSES;
const RESIDENCE = KNOWN_RESIDENCE_STATUSES;
const CEFR = CEFR_LEVELS;
/** The grade scales the common screening converts (R6). */
const SCALES = [
  ['jp-gpa-4', 'jpGpa4'],
  ['gpa-4.3', 'gpa43'],
  ['ru-5', 'ru5'],
  ['fr-20', 'fr20'],
] as const;

type Draft = {
  level: string;
  enrolmentStatus: string;
  enrolmentUntil: string;
  residenceStatus: string;
  languages: { language: string; level: string }[];
  gradeScale: string;
  gradeValue: string;
};

const draftOf = (p: Profile): Draft => ({
  level: p.level,
  enrolmentStatus: p.enrolmentStatus,
  enrolmentUntil: p.enrolmentUntil ?? '',
  residenceStatus: p.residenceStatus ?? '',
  languages: p.languages.map((l) => ({ ...l })),
  gradeScale: p.grade?.scale ?? '',
  gradeValue: p.grade ? String(p.grade.value) : '',
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

function Messages({ id, issues, field }: { id: string; issues: FieldIssue[]; field: string }) {
  return <FieldError id={id} messages={messagesFor(issues, field, true)} />;
}

function ProfileForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(profile));
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const issues = fieldIssues(error);
  const set = (patch: Partial<Draft>) => {
    setSaved(false);
    setD((prev) => ({ ...prev, ...patch }));
  };
  const errs = (field: string) => messagesFor(issues, field, true);
  const setLanguage = (i: number, patch: Partial<Draft['languages'][number]>) =>
    set({ languages: d.languages.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    await run(async (csrfToken) => {
      const next = await updateProfile(
        {
          level: d.level as ProfileEdit['level'],
          enrolmentStatus: d.enrolmentStatus as ProfileEdit['enrolmentStatus'],
          enrolmentUntil: d.enrolmentUntil === '' ? null : d.enrolmentUntil,
          residenceStatus: d.residenceStatus === '' ? null : d.residenceStatus,
          languages: d.languages as ProfileEdit['languages'],
          grade: d.gradeScale === '' ? null : { scale: d.gradeScale, value: Number(d.gradeValue) },
        },
        csrfToken,
      );
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
      </dl>
      <p className="muted">{t('calls.profile.homeLocked')}</p>

      <div className="field-row">
        <div className="field">
          <label htmlFor="profile-level">{t('calls.profile.level')}</label>
          <select
            id="profile-level"
            name="level"
            value={d.level}
            onChange={(e) => set({ level: e.target.value })}
            {...invalidProps('profile-level-error', errs('body.level'))}
          >
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`calls.params.${l}`)}
              </option>
            ))}
          </select>
          <Messages id="profile-level-error" issues={issues} field="body.level" />
        </div>
        <div className="field">
          <label htmlFor="profile-enrolment">{t('calls.profile.enrolmentStatus')}</label>
          <select
            id="profile-enrolment"
            name="enrolmentStatus"
            value={d.enrolmentStatus}
            onChange={(e) => set({ enrolmentStatus: e.target.value })}
            {...invalidProps('profile-enrolment-error', errs('body.enrolmentStatus'))}
          >
            {ENROLMENT.map((s) => (
              <option key={s} value={s}>
                {t(`calls.params.${s}`)}
              </option>
            ))}
          </select>
          <Messages id="profile-enrolment-error" issues={issues} field="body.enrolmentStatus" />
        </div>
        <div className="field">
          <label htmlFor="profile-until">{t('calls.profile.enrolmentUntil')}</label>
          <DateInput
            id="profile-until"
            name="enrolmentUntil"
            value={d.enrolmentUntil}
            onChange={(value) => set({ enrolmentUntil: value })}
            {...invalidProps('profile-until-error', errs('body.enrolmentUntil'))}
          />
          <Messages id="profile-until-error" issues={issues} field="body.enrolmentUntil" />
        </div>
      </div>

      <div className="field">
        <label htmlFor="profile-residence">{t('calls.profile.residenceStatus')}</label>
        <select
          id="profile-residence"
          name="residenceStatus"
          value={d.residenceStatus}
          onChange={(e) => set({ residenceStatus: e.target.value })}
          disabled
          {...invalidProps('profile-residence-error', errs('body.residenceStatus'))}
        >
          <option value="">{t('calls.profile.noResidenceStatus')}</option>
          {RESIDENCE.map((s) => (
            <option key={s} value={s}>
              {t(`calls.profile.residence.${s}`)}
            </option>
          ))}
        </select>
        <p className="muted">{t('calls.profile.residenceHint')}</p>
        <Messages id="profile-residence-error" issues={issues} field="body.residenceStatus" />
      </div>

      <fieldset data-testid="profile-languages">
        <legend>{t('calls.profile.languages')}</legend>
        {d.languages.map((l, i) => (
          <div className="field-row" key={i} data-language={l.language}>
            <div className="field">
              <label htmlFor={`profile-lang-${i}`}>{t('calls.form.language')}</label>
              <LanguageSelect
                id={`profile-lang-${i}`}
                name={`languages[${i}].language`}
                value={l.language}
                onChange={(code) => setLanguage(i, { language: code })}
                {...invalidProps(`profile-lang-${i}-error`, errs(`body.languages[${i}].language`))}
              />
              <Messages
                id={`profile-lang-${i}-error`}
                issues={issues}
                field={`body.languages[${i}].language`}
              />
            </div>
            <div className="field">
              <label htmlFor={`profile-cefr-${i}`}>{t('calls.profile.cefr')}</label>
              <select
                id={`profile-cefr-${i}`}
                name={`languages[${i}].level`}
                value={l.level}
                onChange={(e) => setLanguage(i, { level: e.target.value })}
                {...invalidProps(`profile-cefr-${i}-error`, errs(`body.languages[${i}].level`))}
              >
                {CEFR.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
              <Messages
                id={`profile-cefr-${i}-error`}
                issues={issues}
                field={`body.languages[${i}].level`}
              />
            </div>
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

      <div className="field-row">
        <div className="field">
          <label htmlFor="profile-scale">{t('calls.profile.gradeScale')}</label>
          <select
            id="profile-scale"
            name="gradeScale"
            value={d.gradeScale}
            onChange={(e) => set({ gradeScale: e.target.value })}
            {...invalidProps('profile-scale-error', errs('body.grade.scale'))}
          >
            <option value="">{t('calls.profile.noGrade')}</option>
            {SCALES.map(([s, key]) => (
              <option key={s} value={s}>
                {t(`calls.profile.scales.${key}`)}
              </option>
            ))}
          </select>
          <Messages id="profile-scale-error" issues={issues} field="body.grade.scale" />
        </div>
        <div className="field">
          <label htmlFor="profile-grade">{t('calls.profile.grade')}</label>
          <input
            id="profile-grade"
            name="gradeValue"
            type="number"
            step="any"
            disabled={d.gradeScale === ''}
            value={d.gradeValue}
            onChange={(e) => set({ gradeValue: e.target.value })}
            {...invalidProps('profile-grade-error', errs('body.grade.value'))}
          />
          <Messages id="profile-grade-error" issues={issues} field="body.grade.value" />
        </div>
      </div>

      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('calls.profile.save')}
        </button>
      </div>
    </form>
  );
}
