import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { todayIso } from '../../lib/format.ts';
import { nameIn } from '../../../i18n/format.ts';
import type { Refusal } from '../../../domain/shared/refusal.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getMobility, makeTransition, type AllowedAction, type MobilityDetail } from './api.ts';
import { StateBadge, Stepper, formatMoment } from './components.tsx';
import { LearningAgreementSection } from './learning-agreement.tsx';
import { RecognitionSection } from './recognition.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { Field } from '../../components/ui/field.tsx';
import { OverrideBox, overridableOf, type Overridable } from './override.tsx';
import { EwpDownloads, type EwpFileLink } from '../ewp/index.ts';
import './mobility.css';

export function MobilityPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const resource = useResource(`${id}|${attempt}`, (signal) => getMobility(id, signal));
  useDocumentTitle(
    resource.data ? nameIn(resource.data.student, i18n.language) : t('mobility.title'),
  );

  return (
    <ResourceView
      resource={resource}
      notFound={<NotFoundPage message={t('mobility.notFound')} />}
      errorHeading={<h1>{t('mobility.title')}</h1>}
    >
      {(mobility) => <MobilityView mobility={mobility} onChange={() => setAttempt((n) => n + 1)} />}
    </ResourceView>
  );
}

/** The mobility's EWP files: itself, and its learning agreement and transcript when it has them. */
function ewpFilesOf(mobility: MobilityDetail): EwpFileLink[] {
  const base = `/mobilities/${encodeURIComponent(mobility.id)}`;
  return [
    { labelKey: 'ewp.download.mobility', path: `${base}/ewp.xml`, fileName: 'omobility.xml' },
    ...(mobility.hasLearningAgreement
      ? [
          {
            labelKey: 'ewp.download.learningAgreement',
            path: `${base}/learning-agreement/ewp.xml`,
            fileName: 'learning-agreement.xml',
          },
        ]
      : []),
    ...(mobility.transcriptIssuedOn
      ? [
          {
            labelKey: 'ewp.download.transcript',
            path: `${base}/transcript/ewp.xml`,
            fileName: 'transcript.xml',
          },
        ]
      : []),
  ];
}

function MobilityView({ mobility, onChange }: { mobility: MobilityDetail; onChange: () => void }) {
  const { t, i18n } = useTranslation();
  const localName = useLocalName();
  const reached =
    [...mobility.history].reverse().find((h) => mobility.steps.includes(h.from as never))?.from ??
    null;
  return (
    <article className="mobility-page" data-testid="mobility-page" data-state={mobility.status}>
      <nav className="breadcrumbs" aria-label={t('mobility.breadcrumbs')}>
        <Link to="/mobilities">{t('mobility.listTitle')}</Link>
      </nav>
      <header className="detail-header">
        <h1>
          {nameIn(mobility.student, i18n.language)} {mobility.invented ? <InventedBadge /> : null}
        </h1>
        <p className="detail-subtitle">
          <LocalizedName entity={mobility.home} /> → <LocalizedName entity={mobility.host} /> ·{' '}
          {t(`studyLevel.${mobility.level}`)} · <FormattedDate value={mobility.startDate} /> ·{' '}
          {t('mobility.monthsCount', { count: mobility.months })}
        </p>
        <p>
          <StateBadge state={mobility.status} />
        </p>
        <ul className="inline-list mobility-links">
          {[mobility.home, mobility.host].map((i) => (
            <li key={i.id}>
              <Link to={`/institutions/${encodeURIComponent(i.id)}/courses`}>
                {t('mobility.catalogueOf', { institution: localName(i) })}
              </Link>
            </li>
          ))}
        </ul>
      </header>

      <section aria-labelledby="mobility-progress">
        <h2 id="mobility-progress">{t('mobility.progress')}</h2>
        <Stepper steps={mobility.steps} state={mobility.status} reached={reached} />
        {mobility.closingReason ? (
          <div className="alert alert-info" role="status">
            <p className="alert-title">{t(`mobility.state.${mobility.status}`)}</p>
            <p>
              {t('mobility.reason')}: {mobility.closingReason}
            </p>
          </div>
        ) : null}
        <dl className="facts">
          {(
            [
              ['departedOn', mobility.departedOn],
              ['arrivedOn', mobility.arrivedOn],
              ['completedOn', mobility.completedOn],
              ['endedOn', mobility.endedOn],
            ] as const
          )
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div className="facts-row" key={k}>
                <dt>{t(`mobility.dates.${k}`)}</dt>
                <dd>
                  <FormattedDate value={v!} />
                </dd>
              </div>
            ))}
        </dl>
        <Actions mobility={mobility} onChange={onChange} />
      </section>

      <LearningAgreementSection mobility={mobility} onChange={onChange} />
      <RecognitionSection key={mobility.version} mobility={mobility} onChange={onChange} />

      <section aria-labelledby="mobility-ewp">
        <h2 id="mobility-ewp">{t('ewp.section')}</h2>
        <EwpDownloads files={ewpFilesOf(mobility)} />
      </section>

      <section aria-labelledby="mobility-history">
        <h2 id="mobility-history">{t('mobility.history')}</h2>
        {mobility.history.length === 0 ? (
          <p className="muted">{t('mobility.noHistory')}</p>
        ) : (
          <ol className="history-list" data-testid="mobility-history">
            {mobility.history.map((h) => (
              <li key={h.id} className="history-entry" data-action={h.action}>
                <strong>{t(`mobility.action.${h.action}`)}</strong>
                <p className="small muted">
                  {h.actor
                    ? t('mobility.historyBy', {
                        who: h.actor,
                        at: formatMoment(h.at, i18n.language),
                      })
                    : t('mobility.historyAt', { at: formatMoment(h.at, i18n.language) })}
                </p>
                <dl className="facts history-changes">
                  <div className="facts-row">
                    <dt>{t('mobility.status')}</dt>
                    <dd>
                      {t(`mobility.state.${h.from}`)} → {t(`mobility.state.${h.to}`)}
                    </dd>
                  </div>
                  {h.date ? (
                    <div className="facts-row">
                      <dt>{t(`mobility.dates.${h.recorded ?? 'endedOn'}`)}</dt>
                      <dd>
                        <FormattedDate value={h.date} />
                      </dd>
                    </div>
                  ) : null}
                  {h.reason ? (
                    <div className="facts-row">
                      <dt>{t('mobility.reason')}</dt>
                      <dd className="pre-wrap">{h.reason}</dd>
                    </div>
                  ) : null}
                  {h.override ? (
                    <div className="facts-row" data-testid="date-override">
                      <dt>{t('mobility.dateWarnings.recorded')}</dt>
                      <dd>
                        <p className="pre-wrap">{h.override.reason}</p>
                        <RefusalList refusals={h.override.warnings} />
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function Actions({ mobility, onChange }: { mobility: MobilityDetail; onChange: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<AllowedAction | null>(null);
  const offered = mobility.allowedActions.filter((a) => mobility.may[a.action]);
  const blocked = Object.entries(mobility.whyNot) as [string, Refusal[]][];
  if (offered.length === 0 && blocked.length === 0) return null;
  return (
    <div className="mobility-actions">
      <h3>{t('mobility.actions')}</h3>
      {blocked.map(([action, refusals]) => (
        <div key={action} className="alert alert-info" data-blocked={action}>
          <p className="alert-title">
            {t('mobility.notYet', { action: t(`mobility.action.${action}`) })}
          </p>
          <RefusalList refusals={refusals} />
        </div>
      ))}
      <div className="field-buttons">
        {offered.map((a) => (
          <button
            key={a.action}
            type="button"
            className={
              a.action === 'withdraw' || a.action === 'interrupt' || a.action === 'refuse'
                ? 'button button-secondary'
                : 'button button-primary'
            }
            data-action={a.action}
            aria-expanded={open?.action === a.action}
            onClick={() => setOpen(open?.action === a.action ? null : a)}
          >
            {t(`mobility.action.${a.action}`)}
          </button>
        ))}
      </div>
      {open ? (
        <TransitionForm
          key={open.action}
          mobility={mobility}
          action={open}
          onDone={() => {
            setOpen(null);
            onChange();
          }}
        />
      ) : null}
    </div>
  );
}

function TransitionForm({
  mobility,
  action,
  onDone,
}: {
  mobility: MobilityDetail;
  action: AllowedAction;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  // R12 and the plan: warnings about the dates, kept while the coordinator answers them.
  const [warned, setWarned] = useState<Overridable | null>(null);
  const { busy, error, run } = useAction();
  const send = async (override?: string) => {
    await run(async (csrfToken) => {
      try {
        await makeTransition(
          mobility.id,
          {
            action: action.action,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(action.records ? { date } : {}),
            ...(override ? { override: { reason: override } } : {}),
            expectedVersion: mobility.version,
          },
          csrfToken,
        );
      } catch (caught) {
        setWarned(overridableOf(caught));
        throw caught;
      }
      setWarned(null);
      onDone();
    });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await send();
  };
  return (
    <form className="form inline-form" onSubmit={submit} data-testid="transition-form">
      <p className="help">{t(`mobility.actionHelp.${action.action}`)}</p>
      {action.records ? (
        <Field id={`${id}-date`} label={t(`mobility.dates.${action.records}`)}>
          {(control) => (
            <DateInput
              {...control}
              name="date"
              required={action.dateRequired}
              value={date}
              onChange={(value) => {
                setDate(value);
                setWarned(null);
              }}
            />
          )}
        </Field>
      ) : null}
      <Field
        id={`${id}-reason`}
        label={`${t('mobility.reason')}${action.reasonRequired ? ` (${t('mobility.required')})` : ''}`}
      >
        {(control) => (
          <textarea
            {...control}
            name="reason"
            rows={2}
            required={action.reasonRequired}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      {warned ? (
        <OverrideBox
          refused={warned}
          title={t('mobility.dateWarnings.title')}
          help={t('mobility.dateWarnings.help')}
          notAllowed={t('mobility.dateWarnings.coordinatorOnly')}
          reasonLabel={t('mobility.dateWarnings.reason')}
          confirm={t('mobility.dateWarnings.recordAnyway')}
          busy={busy}
          onConfirm={(why) => void send(why)}
          testId="date-warnings"
        />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('mobility.confirmAction', { action: t(`mobility.action.${action.action}`) })}
        </button>
      </div>
    </form>
  );
}
