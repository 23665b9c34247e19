import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  ENROLMENT_STATUSES,
  KNOWN_RESIDENCE_STATUSES,
  STUDY_LEVELS,
} from '../../../domain/eligibility/types.ts';
import { DateInput } from '../../components/ui/date-input.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { GRADE_SCALES } from '../../lib/grade-scales.ts';
import { saveStudentRecord, studentRecord, type StudentRecordView } from './api.ts';

/**
 * What the home university records of its student: the level of study R3 reads, the enrolment,
 * the grade R6 weighs and the residence status R9 reads. Its coordinators reach it from the
 * person's page.
 */
export function StudentRecordPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  useDocumentTitle(t('signup.record.title'));
  const record = useResource(`student-record:${userId}`, (signal) => studentRecord(userId, signal));
  return (
    <>
      <h1>{t('signup.record.title')}</h1>
      <ResourceView resource={record}>
        {(data) => <RecordForm key={data.userId} initial={data} />}
      </ResourceView>
    </>
  );
}

function RecordForm({ initial }: { initial: StudentRecordView }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = useAction();
  const [scale, setScale] = useState(initial.grade?.scale ?? '');
  const [value, setValue] = useState(initial.grade ? String(initial.grade.value) : '');
  const [residence, setResidence] = useState(initial.residenceStatus ?? '');
  const [level, setLevel] = useState(initial.level);
  const [enrolment, setEnrolment] = useState(initial.enrolmentStatus);
  const [until, setUntil] = useState(initial.enrolmentUntil ?? '');
  const [saved, setSaved] = useState(false);
  const issues = fieldIssues(action.error);
  const messages = (field: string) => messagesFor(issues, `body.${field}`, true);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const ok = await action.run((csrf) =>
      saveStudentRecord(
        initial.userId,
        {
          level,
          enrolmentStatus: enrolment,
          enrolmentUntil: until === '' ? null : until,
          grade: scale === '' ? null : { scale, value: Number(value) },
          residenceStatus: residence === '' ? null : residence,
        },
        csrf,
      ),
    );
    setSaved(ok);
  };

  return (
    <form className="form card" data-testid="student-record-form" onSubmit={(e) => void submit(e)}>
      <p>
        {t('signup.record.intro', {
          student: nameIn(initial.student, i18n.language),
          home: nameIn(initial.home, i18n.language),
        })}
      </p>
      {saved ? (
        <p className="alert alert-success" role="status" data-testid="student-record-saved">
          {t('signup.record.saved')}
        </p>
      ) : null}
      <div className="field-row">
        <Field id={`${id}-level`} label={t('calls.profile.level')} messages={messages('level')}>
          {(control) => (
            <select
              {...control}
              name="level"
              value={level}
              onChange={(e) => setLevel(e.target.value as StudentRecordView['level'])}
            >
              {STUDY_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {t(`calls.params.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-enrolment`}
          label={t('calls.profile.enrolmentStatus')}
          messages={messages('enrolmentStatus')}
        >
          {(control) => (
            <select
              {...control}
              name="enrolmentStatus"
              value={enrolment}
              onChange={(e) => setEnrolment(e.target.value as StudentRecordView['enrolmentStatus'])}
            >
              {ENROLMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`calls.params.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-until`}
          label={t('calls.profile.enrolmentUntil')}
          messages={messages('enrolmentUntil')}
        >
          {(control) => (
            <DateInput {...control} name="enrolmentUntil" value={until} onChange={setUntil} />
          )}
        </Field>
      </div>
      <Field
        id={`${id}-residence`}
        label={t('calls.profile.residenceStatus')}
        messages={messages('residenceStatus')}
      >
        {(control) => (
          <select
            {...control}
            name="residenceStatus"
            value={residence}
            onChange={(e) => setResidence(e.target.value)}
          >
            <option value="">{t('calls.profile.noResidenceStatus')}</option>
            {KNOWN_RESIDENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`calls.profile.residence.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field
          id={`${id}-scale`}
          label={t('calls.profile.gradeScale')}
          messages={messages('grade.scale')}
        >
          {(control) => (
            <select
              {...control}
              name="gradeScale"
              value={scale}
              onChange={(e) => setScale(e.target.value)}
            >
              <option value="">{t('calls.profile.noGrade')}</option>
              {GRADE_SCALES.map(([s, key]) => (
                <option key={s} value={s}>
                  {t(`calls.profile.scales.${key}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-grade`}
          label={t('calls.profile.grade')}
          messages={messages('grade.value')}
        >
          {(control) => (
            <input
              {...control}
              name="gradeValue"
              type="number"
              step="any"
              required={scale !== ''}
              disabled={scale === ''}
              value={value}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
      </div>
      <FormErrors error={action.error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('signup.record.save')}
        </button>
      </div>
    </form>
  );
}
