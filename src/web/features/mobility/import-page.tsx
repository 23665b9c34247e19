import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { API_BASE, ApiError, apiRequest, readyApiError } from '../../api/client.ts';
import { refusalText, useRefusalTexts } from '../../lib/messages.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import type { ImportJob } from '../../../server/routes/mobility-imports.schema.ts';
import './mobility.css';

const PHASES = ['reading', 'validating', 'applying'] as const;

/** Sends the file with its upload progress; resolves with the job the server answers. */
function upload(file: File, csrfToken: string, onProgress: (share: number) => void) {
  return new Promise<ImportJob>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/mobility-imports`);
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status === 202) resolve(body as ImportJob);
      // In the reader's words, from the code and details (a proxy's page gives the status's code).
      else void readyApiError(xhr.status, xhr.statusText, body).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

/** The server's failure of a job, as the error every page shows (its code and details). */
const jobFailure = (job: ImportJob) =>
  job.error
    ? new ApiError(0, job.error.code, job.error.message, job.error.details)
    : new ApiError(0, 'internal', 'the import failed');

/** Import a mobility history file (docs/formats/mobility-history.md): upload, progress, result. */
export function MobilityImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mobility.import.title'));
  const id = useId();
  const { busy, error, run } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [job, setJob] = useState<ImportJob | null>(null);
  const [pollError, setPollError] = useState<unknown>(null);
  const running = job?.state === 'running';

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(() => {
      apiRequest<ImportJob>(`/mobility-imports/${job.id}`).then(setJob, setPollError);
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setJob(null);
    setPollError(null);
    setSent(0);
    await run(async (csrfToken) => setJob(await upload(file, csrfToken, setSent)));
  };
  const cancel = (current: ImportJob) =>
    run(async (csrfToken) => {
      await apiRequest(`/mobility-imports/${current.id}`, { method: 'DELETE', csrfToken });
      setJob(await apiRequest<ImportJob>(`/mobility-imports/${current.id}`));
    });
  return (
    <>
      <div className="page-header">
        <h1>{t('mobility.import.title')}</h1>
      </div>
      <p className="muted" id={`${id}-help`}>
        {t('mobility.import.intro')}
      </p>
      <form className="card" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('mobility.import.file')}</label>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-help`}
            disabled={busy || running}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setJob(null);
            }}
          />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={!file || busy || running}
          >
            {t('mobility.import.send')}
          </button>
          {job && running ? (
            <button
              type="button"
              className="button button-link"
              data-testid="import-cancel"
              onClick={() => void cancel(job)}
            >
              {t('actions.cancel')}
            </button>
          ) : null}
        </div>
        {(busy && !job) || running ? (
          <div className="field" aria-live="polite">
            <label htmlFor={`${id}-progress`}>
              {job ? t(`mobility.import.phase.${job.phase}`) : t('mobility.import.uploading')}
              {job ? ` — ${t('mobility.import.rows', { count: job.rows })}` : null}
            </label>
            <progress
              id={`${id}-progress`}
              max={job ? PHASES.length : 1}
              value={job ? PHASES.indexOf(job.phase) : sent}
            />
          </div>
        ) : null}
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {pollError ? <ErrorAlert error={pollError} /> : null}
      {job?.state === 'failed' ? <ErrorAlert error={jobFailure(job)} /> : null}
      {job?.state === 'cancelled' ? (
        <p role="status" data-testid="import-cancelled">
          {t('mobility.import.cancelled')}
        </p>
      ) : null}
      {job?.state === 'applied' && job.result ? (
        <p role="status" data-testid="import-result">
          {t('mobility.import.applied', {
            inserted: job.result.inserted,
            present: job.result.alreadyPresent,
          })}
        </p>
      ) : null}
      {job?.state === 'refused' ? <ImportErrors job={job} /> : null}
    </>
  );
}

/** The first row errors of a refused file, shown once their texts are here. */
function ImportErrors({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (!useRefusalTexts()) return null;
  return (
    <div role="alert">
      <p>{t('mobility.import.refused', { count: job.errorCount })}</p>
      <div className="table-wrap">
        <table className="data-table" data-testid="import-errors">
          <caption>{t('mobility.import.errors')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mobility.import.line')}</th>
              <th scope="col">{t('mobility.import.column')}</th>
              <th scope="col">{t('mobility.import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {job.errors.map((e) => (
              <tr key={`${e.line}|${e.column}|${e.code}`}>
                <td>{e.line}</td>
                <td>
                  <code>{e.column}</code>
                </td>
                <td>{refusalText(t, e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
