import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { fieldIssues } from '../../api/client.ts';
import { DateInput } from '../../components/ui/date-input.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import {
  emptyLocalized,
  LocalizedTextFields,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { FiguresSection } from './figures-section.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  fileUrl,
  getReport,
  saveNarrative,
  setCutOff,
  transition,
  type Report,
  type SectionKey,
} from './api.ts';

const SECTIONS: SectionKey[] = [
  'self_evaluation',
  'quality_assurance',
  'issues_and_measures',
  'plan',
];

/** A section's text as the form edits it: one field per language. */
function draftOf(text: Report['narrative'][SectionKey]): LocalizedDraft {
  const draft = emptyLocalized();
  if (typeof text === 'string') return { ...draft, ja: text };
  if (text)
    for (const [k, v] of Object.entries(text))
      if (k in draft && v) draft[k as keyof LocalizedDraft] = v;
  return draft;
}

/**
 * A project's implementation report of one fiscal year (R20): the figures from the records at
 * the funder's cut-off, with charts and the tables under them, the narrative sections with their
 * completeness, and the steps each reader may take — the funder sets the cut-off, receives and
 * reopens; the representative university writes and submits. The version read is in the address.
 */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { projectId = '', fiscalYear: fyParam = '' } = useParams();
  const fiscalYear = Number(fyParam);
  const [params, setParams] = useSearchParams();
  const version = Number(params.get('version')) || null;
  const resource = useResource(`report:${projectId}:${fiscalYear}:${version ?? ''}`, (signal) =>
    getReport(projectId, fiscalYear, version, signal),
  );
  const [report, setReport] = useState<Report | null>(null);
  const loaded = resource.status === 'success' ? resource.data : null;
  useEffect(() => {
    if (loaded) setReport(loaded);
  }, [loaded]);
  useDocumentTitle(t('reports.title'));
  const num = (n: number) => formatNumber(n, language);

  return (
    <>
      <p>
        <Link to={`/reports?fy=${fiscalYear}`}>{t('reports.backToStatus')}</Link>
      </p>
      <ResourceView resource={resource}>
        {() =>
          report ? (
            <ReportBody
              report={report}
              onChange={setReport}
              version={version}
              setVersion={(v) => setParams(v ? { version: String(v) } : {})}
              num={num}
              name={(id) => nameIn(report.names.institutions[id], i18n.language) || id}
            />
          ) : null
        }
      </ResourceView>
    </>
  );
}

function ReportBody({
  report: r,
  onChange,
  version,
  setVersion,
  num,
  name,
}: {
  report: Report;
  onChange: (r: Report) => void;
  version: number | null;
  setVersion: (v: number | null) => void;
  num: (n: number) => string;
  name: (id: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const f = r.figures;
  const action = useAction();
  const [cutOff, setCutOffDraft] = useState(r.cutOff ?? '');
  const [reason, setReason] = useState('');
  const [drafts, setDrafts] = useState(
    () =>
      Object.fromEntries(SECTIONS.map((s) => [s, draftOf(r.narrative[s])])) as Record<
        SectionKey,
        LocalizedDraft
      >,
  );
  const editable = r.can.write && !version;
  const run = (work: (csrf: string) => Promise<Report>) =>
    action.run(async (csrf) => onChange(await work(csrf)));

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    const narrative = Object.fromEntries(
      SECTIONS.map((s) => [
        s,
        Object.fromEntries(Object.entries(drafts[s]).filter(([, v]) => v.trim() !== '')),
      ]),
    );
    void run((csrf) => saveNarrative(r.projectId, r.fiscalYear, narrative, csrf));
  };

  return (
    <>
      <h1>
        {nameIn(r.projectName, i18n.language)}
        <br />
        <small>
          {t('reports.title')} — {t('reports.fiscalYearValue', { year: r.fiscalYear })}
        </small>
      </h1>
      <dl className="facts">
        <dt>{t('reports.status')}</dt>
        <dd>
          <span className={`badge badge-${r.status.status}`}>
            {t(`reports.states.${r.status.status}`)}
          </span>
          {r.status.submittedLateBy > 0
            ? ` ${t('reports.lateBy', { n: r.status.submittedLateBy })}`
            : ''}
        </dd>
        <dt>{t('reports.deadline')}</dt>
        <dd>
          <FormattedDate value={r.deadline} />
        </dd>
        <dt>{t('reports.period')}</dt>
        <dd>
          <FormattedDate value={f.period.start} /> – <FormattedDate value={f.period.end} />
        </dd>
        <dt>{t('reports.cutOff')}</dt>
        <dd>{r.cutOff ? <FormattedDate value={r.cutOff} /> : t('reports.cutOffNotSet')}</dd>
        <dt>{t('reports.version')}</dt>
        <dd>{r.version}</dd>
      </dl>
      {!r.figuresFrozen ? <p className="muted">{t('reports.liveNote')}</p> : null}
      {r.versions.length > 0 ? (
        <nav aria-label={t('reports.versions')}>
          <p>
            {t('reports.versions')}:{' '}
            {r.versions.map((v) => (
              <button
                key={v.version}
                type="button"
                className="button button-link"
                aria-current={version === v.version ? 'true' : undefined}
                onClick={() => setVersion(v.version)}
              >
                {t('reports.versionOn', { version: v.version, date: v.submittedOn })}
              </button>
            ))}
            {version ? (
              <button type="button" className="button button-link" onClick={() => setVersion(null)}>
                {t('reports.currentVersion')}
              </button>
            ) : null}
          </p>
        </nav>
      ) : null}
      <p className="actions">
        <a
          className="button"
          href={fileUrl(r.projectId, r.fiscalYear, 'pdf', 'ja', version)}
          download
        >
          {t('reports.pdfJa')}
        </a>{' '}
        <a
          className="button"
          href={fileUrl(r.projectId, r.fiscalYear, 'pdf', 'en', version)}
          download
        >
          {t('reports.pdfEn')}
        </a>{' '}
        <a
          className="button"
          href={fileUrl(r.projectId, r.fiscalYear, 'xlsx', i18n.language, version)}
          download
        >
          {t('reports.xlsx')}
        </a>
      </p>
      {action.error ? <ErrorAlert error={action.error} /> : null}

      <FiguresSection report={r} num={num} name={name} />

      <section aria-labelledby="narrative-heading">
        <h2 id="narrative-heading">{t('reports.narrative')}</h2>
        <label htmlFor="narrative-progress">
          {t('reports.completeness', {
            written: r.completeness.written,
            total: r.completeness.total,
          })}
        </label>{' '}
        <progress
          id="narrative-progress"
          max={r.completeness.total}
          value={r.completeness.written}
        />
        {editable ? (
          <form onSubmit={onSave}>
            {SECTIONS.map((s) => (
              <LocalizedTextFields
                key={s}
                id={`narrative-${s}`}
                name={s}
                field={`narrative.${s}`}
                legend={t(`reports.sections.${s}`)}
                issues={fieldIssues(action.error)}
                multiline
                rows={4}
                languages={['ja', 'en']}
                value={drafts[s]}
                onChange={(v) =>
                  setDrafts((d) => ({ ...d, [s]: { ...d[s], ...v } as LocalizedDraft }))
                }
              />
            ))}
            <button type="submit" className="button" disabled={action.busy}>
              {t('reports.saveNarrative')}
            </button>
          </form>
        ) : (
          SECTIONS.map((s) => (
            <div key={s}>
              <h3>{t(`reports.sections.${s}`)}</h3>
              <p className="prewrap">
                {nameIn(r.narrative[s] ?? '', i18n.language) || (
                  <span className="muted">{t('reports.notWritten')}</span>
                )}
              </p>
            </div>
          ))
        )}
      </section>

      {!version ? (
        <section aria-labelledby="steps-heading">
          <h2 id="steps-heading">{t('reports.steps')}</h2>
          {r.can.receive && r.state === 'draft' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run((csrf) => setCutOff(r.projectId, r.fiscalYear, cutOff, csrf));
              }}
            >
              <div className="field">
                <label htmlFor="report-cut-off">{t('reports.setCutOff')}</label>
                <DateInput id="report-cut-off" value={cutOff} onChange={setCutOffDraft} />
              </div>
              <button type="submit" className="button" disabled={action.busy || !cutOff}>
                {t('reports.saveCutOff')}
              </button>
            </form>
          ) : null}
          {r.can.submit ? (
            <p>
              <button
                type="button"
                className="button button-primary"
                disabled={action.busy}
                onClick={() =>
                  void run((csrf) => transition(r.projectId, r.fiscalYear, 'submit', csrf))
                }
              >
                {t('reports.submit')}
              </button>{' '}
              <span className="muted">{t('reports.submitHint')}</span>
            </p>
          ) : null}
          {r.can.receive && r.state === 'submitted' ? (
            <p>
              <button
                type="button"
                className="button button-primary"
                disabled={action.busy}
                onClick={() =>
                  void run((csrf) => transition(r.projectId, r.fiscalYear, 'receive', csrf))
                }
              >
                {t('reports.receive')}
              </button>
            </p>
          ) : null}
          {r.can.receive && r.state !== 'draft' ? (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void run((csrf) =>
                  transition(r.projectId, r.fiscalYear, 'reopen', csrf, { reason }),
                );
              }}
            >
              <div className="field">
                <label htmlFor="reopen-reason">{t('reports.reopenReason')}</label>
                <textarea
                  id="reopen-reason"
                  rows={3}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </div>
              <button type="submit" className="button" disabled={action.busy}>
                {t('reports.reopen')}
              </button>
            </form>
          ) : null}
          {r.decisions.length > 0 ? (
            <ul>
              {r.decisions.map((d) => (
                <li key={d.id}>
                  {t('reports.decisionLine', { version: d.version })}{' '}
                  <FormattedDate value={d.decidedOn} />: {d.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
