import { useId, useState, type FormEvent } from 'react';
import { useAction } from '../../components/ui/use-action.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import type { TranscriptEntry } from '../../../domain/recognition/recognition.ts';
import {
  decideJukebox,
  enrolInJukebox,
  enterJukeboxResult,
  getJukebox,
  listJukeboxEnrolments,
  type JukeboxEnrolmentView,
} from './api.ts';
import { languageName } from '../../../i18n/format.ts';
import { ConversionText, CreditsText, LText } from './components.tsx';
import { DecisionForm, DecisionText } from './recognition.tsx';
import { Field } from '../../components/ui/field.tsx';
import './mobility.css';

/**
 * The alliance's Course Jukebox (source document 004) — shared online courses, enrolments,
 * recognition.
 */
export function JukeboxPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const session = useSession();
  const localName = useLocalName();
  const [attempt, setAttempt] = useState(0);
  const box = useResource(`${id}|${attempt}`, (signal) => getJukebox(id, signal));
  const enrolments = useResource(
    session.actor ? `jukebox-enrolments|${attempt}|${session.actor.id}` : null,
    (signal) => listJukeboxEnrolments(signal),
  );
  const { run, error } = useAction();
  useDocumentTitle(
    box.data ? t('mobility.jukebox.titleOf', { alliance: localName(box.data.alliance) }) : null,
  );
  const reload = () => setAttempt((n) => n + 1);

  if (box.status === 'loading') return <Loading />;
  if (box.status === 'error') return <ErrorAlert error={box.error} onRetry={box.reload} />;
  const { alliance, entries } = box.data;

  const enrol = async (courseId: string) => {
    if (await run((csrf) => enrolInJukebox(alliance.id, courseId, csrf))) reload();
  };

  return (
    <>
      <div className="page-header">
        <h1>{t('mobility.jukebox.titleOf', { alliance: localName(alliance) })}</h1>
      </div>
      <p className="muted">{t('mobility.jukebox.intro')}</p>
      <p>
        {t('mobility.jukebox.members')}:{' '}
        {alliance.members.map((m, i) => (
          <span key={m.institutionId}>
            {i > 0 ? ', ' : ''}
            <Link to={`/institutions/${encodeURIComponent(m.institutionId)}/courses`}>
              <LocalizedName entity={m} />
            </Link>
          </span>
        ))}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="table-wrap">
        <table className="data-table" data-testid="jukebox-list">
          <caption className="visually-hidden">{t('mobility.jukebox.catalogue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mobility.catalogue.courseTitle')}</th>
              <th scope="col">{t('mobility.jukebox.offeredBy')}</th>
              <th scope="col">{t('mobility.catalogue.credits')}</th>
              <th scope="col">{t('mobility.jukebox.inOtherSystems')}</th>
              <th scope="col">{t('mobility.catalogue.language')}</th>
              <th scope="col">{t('mobility.jukebox.enrolled')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.course.id} data-course={e.course.code}>
                <th scope="row">
                  <code>{e.course.code}</code> <LText text={e.course.title} />
                  <span className="muted small"> · {e.course.term}</span>
                </th>
                <td data-label={t('mobility.jukebox.offeredBy')}>
                  <LocalizedName entity={e.institution} />
                </td>
                <td data-label={t('mobility.catalogue.credits')}>
                  <CreditsText credits={e.course.credits} />
                </td>
                <td data-label={t('mobility.jukebox.inOtherSystems')}>
                  {e.conversions
                    .filter((c) => c.rule.to !== e.course.credits.system)
                    .map((c) => (
                      <ConversionText key={c.rule.to} conversion={c} />
                    ))}
                </td>
                <td data-label={t('mobility.catalogue.language')}>
                  {e.course.language ? languageName(e.course.language, i18n.language) : '—'}
                </td>
                <td data-label={t('mobility.jukebox.enrolled')}>
                  {e.enrolled}{' '}
                  {e.mine ? (
                    <span className="badge badge-accent">
                      {t('mobility.jukebox.youAreEnrolled')}
                    </span>
                  ) : e.may.enrol ? (
                    <button
                      type="button"
                      className="button button-secondary"
                      onClick={() => void enrol(e.course.id)}
                    >
                      {t('mobility.jukebox.enrol')}
                    </button>
                  ) : e.whyNot.length > 0 ? (
                    <div className="small" data-testid="why-not-enrol">
                      <span className="muted">{t('mobility.jukebox.cannotEnrol')}</span>
                      <RefusalList refusals={e.whyNot} />
                    </div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {session.actor ? (
        <section aria-labelledby="jukebox-enrolments">
          <h2 id="jukebox-enrolments">{t('mobility.jukebox.enrolments')}</h2>
          {enrolments.status === 'loading' ? <Loading /> : null}
          {enrolments.status === 'error' ? <ErrorAlert error={enrolments.error} /> : null}
          {enrolments.status === 'success' && enrolments.data.items.length === 0 ? (
            <p className="muted">{t('mobility.jukebox.noEnrolments')}</p>
          ) : null}
          {enrolments.data?.items.map((e) => (
            <EnrolmentCard key={e.id} enrolment={e} onDone={reload} />
          ))}
        </section>
      ) : null}
    </>
  );
}

function EnrolmentCard({
  enrolment,
  onDone,
}: {
  enrolment: JukeboxEnrolmentView;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <article className="card recognition-card" data-enrolment={enrolment.id}>
      <h3>
        <code>{enrolment.course.code}</code> <LText text={enrolment.course.title} />
      </h3>
      <p>
        {enrolment.student ? nameIn(enrolment.student.name, i18n.language) : null}{' '}
        {enrolment.student?.invented ? <InventedBadge /> : null} ·{' '}
        {t(`mobility.jukebox.status.${enrolment.status}`)} · {t('mobility.rec.planned')}:{' '}
        <CreditsText credits={enrolment.component.home.credits} />
      </p>
      {enrolment.transcript ? (
        <p>
          {t('mobility.rec.result')}: {t(`mobility.rec.status.${enrolment.transcript.status}`)}
          {enrolment.transcript.grade ? ` · ${enrolment.transcript.grade}` : ''}
        </p>
      ) : null}
      {enrolment.may.enterResult ? <ResultForm enrolment={enrolment} onDone={onDone} /> : null}
      {enrolment.decision ? <DecisionText decision={enrolment.decision} /> : null}
      {enrolment.may.decide ? (
        <DecisionForm
          componentId={enrolment.component.id}
          planned={enrolment.component.home.credits.value}
          suggestion={enrolment.suggestion}
          submit={async (d, csrf) => {
            await decideJukebox(enrolment.id, d, csrf);
            onDone();
          }}
        />
      ) : null}
    </article>
  );
}

function ResultForm({
  enrolment,
  onDone,
}: {
  enrolment: JukeboxEnrolmentView;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<TranscriptEntry['status']>(
    enrolment.transcript?.status ?? 'passed',
  );
  const [grade, setGrade] = useState(enrolment.transcript?.grade ?? '');
  const { run, error } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const entered = await run((csrf) =>
      enterJukeboxResult(enrolment.id, { status, grade: grade.trim() || null }, csrf),
    );
    if (entered) onDone();
  };
  return (
    <form className="form inline-form" onSubmit={submit}>
      <div className="field-row">
        <Field id={`${id}-status`} label={t('mobility.rec.result')}>
          {(control) => (
            <select
              {...control}
              value={status}
              onChange={(e) => setStatus(e.target.value as TranscriptEntry['status'])}
            >
              {(['passed', 'failed', 'in-progress', 'not-taken'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`mobility.rec.status.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <label htmlFor={`${id}-grade`}>{t('mobility.rec.grade')}</label>
          <input id={`${id}-grade`} value={grade} onChange={(e) => setGrade(e.target.value)} />
        </div>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          {t('mobility.jukebox.saveResult')}
        </button>
      </div>
    </form>
  );
}
