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

/** Import a mobility history file (docs/formats/mobility-history.md): upload, progress, result. */
export function MobilityImportPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('mobility.import.title'));
  const inputId = useId();
  const { busy, error, run } = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const [job, setJob] = useState<ImportJob | null>(null);

  useEffect(() => {
    if (!job || job.state !== 'running') return;
    const timer = setTimeout(async () => {
      setJob(await apiRequest<ImportJob>(`/mobility-imports/${job.id}`));
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setJob(null);
    await run(async (csrfToken) => setJob(await upload(file, csrfToken, setSent)));
  };
  const step = job ? (job.state === 'running' ? PHASES.indexOf(job.phase) + 1 : 3) : sent;
  return (
    <>
      <div className="page-header">
        <h1>{t('mobility.import.title')}</h1>
      </div>
      <p className="muted">{t('mobility.import.intro')}</p>
      <form onSubmit={submit}>
        <label htmlFor={inputId}>{t('mobility.import.file')}</label>{' '}
        <input
          id={inputId}
          type="file"
          accept=".csv,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />{' '}
        <button type="submit" disabled={!file || busy}>
          {t('mobility.import.send')}
        </button>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {busy || job ? (
        <p>
          <label>
            {job ? t(`mobility.import.phase.${job.phase}`) : t('mobility.import.uploading')}{' '}
            <progress max={3} value={job ? step : sent}>
              {job ? step : sent}
            </progress>
          </label>{' '}
          {job ? t('mobility.import.rows', { count: job.rows }) : null}
        </p>
      ) : null}
      {job && job.state === 'applied' && job.result ? (
        <p role="status" data-testid="import-result">
          {t('mobility.import.applied', {
            inserted: job.result.inserted,
            present: job.result.alreadyPresent,
          })}
        </p>
      ) : null}
      {job && job.state === 'refused' ? <ImportErrors job={job} /> : null}
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
