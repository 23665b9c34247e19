import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, isAbortError } from '../../api/client.ts';
import {
  importInstitutions,
  tabularFormat,
  type UploadProgress,
  institutionsExportHref,
} from './api.ts';
import type { ImportResult, ImportRowError } from '../../api/contract.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { issueText } from '../../lib/messages.ts';
import { useCsrfToken } from '../../components/ui/use-action.ts';

const COLUMNS =
  'id,name,names.en,names.ja,names.ru,names.fr,type,country,city,latitude,longitude,website';

/** The row errors of a refused import (400 with details.errors), if that is what this is. */
function rowErrors(error: unknown): ImportRowError[] | null {
  if (!(error instanceof ApiError) || typeof error.details !== 'object' || !error.details) {
    return null;
  }
  const errors = (error.details as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as ImportRowError[]) : null;
}

type Outcome =
  | { kind: 'result'; result: ImportResult; fileName: string }
  | { kind: 'error'; error: unknown; fileName: string };

export function ImportPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('import.title'));

  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status === 'anonymous' ? (
        <p className="alert alert-info">
          {t('import.signInFirst')}{' '}
          <Link to="/sign-in" state={{ from: '/import' }}>
            {t('header.signIn')}
          </Link>
        </p>
      ) : null}
      {session.status === 'signed-in' ? (
        session.may.createInstitution ? (
          <ImportForm />
        ) : (
          <p className="alert alert-info">{t('import.notAllowed')}</p>
        )
      ) : null}
      <ExportLinks />
    </>
  );
}

function ImportForm() {
  const csrfToken = useCsrfToken();
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [checkedFile, setCheckedFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const controller = useRef<AbortController | null>(null);
  const busy = progress !== null;
  const format = file ? tabularFormat(file) : null;

  const run = async (dryRun: boolean) => {
    if (!file || !format) return;
    controller.current = new AbortController();
    setOutcome(null);
    setProgress({ phase: 'uploading', loaded: 0, total: file.size });
    try {
      const result = await importInstitutions(file, {
        dryRun,
        csrfToken,
        onProgress: setProgress,
        signal: controller.current.signal,
      });
      setOutcome({ kind: 'result', result, fileName: file.name });
      setCheckedFile(dryRun ? file : null);
    } catch (caught) {
      if (!isAbortError(caught)) setOutcome({ kind: 'error', error: caught, fileName: file.name });
      setCheckedFile(null);
    } finally {
      setProgress(null);
      controller.current = null;
    }
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(true);
  };

  const percent =
    progress?.phase === 'uploading' && progress.total
      ? Math.round((progress.loaded / progress.total) * 100)
      : null;

  return (
    <>
      <form className="form card" data-testid="import-form" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('import.file')}</label>
          <p id={`${id}-help`} className="help">
            {t('import.fileHelp')} <code className="value">{COLUMNS}</code>
          </p>
          <input
            id={`${id}-file`}
            name="file"
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-help`}
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setCheckedFile(null);
              setOutcome(null);
            }}
          />
          {file && !format ? (
            <p className="field-error" role="alert">
              {t('import.wrongType')}
            </p>
          ) : null}
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button-secondary"
            disabled={!file || !format || busy}
            data-testid="import-check"
          >
            {t('import.check')}
          </button>
          <button
            type="button"
            className="button button-primary"
            disabled={!file || busy || checkedFile !== file}
            aria-describedby={`${id}-import-help`}
            data-testid="import-run"
            onClick={() => void run(false)}
          >
            {t('import.run')}
          </button>
          {busy ? (
            <button
              type="button"
              className="button button-link"
              onClick={() => controller.current?.abort()}
            >
              {t('actions.cancel')}
            </button>
          ) : null}
        </div>
        <p id={`${id}-import-help`} className="help">
          {t('import.runHelp')}
        </p>
        {progress ? (
          <div className="field" aria-live="polite">
            <label htmlFor={`${id}-progress`}>
              {progress.phase === 'uploading'
                ? percent === null
                  ? t('import.uploading')
                  : t('import.uploadingPercent', { percent })
                : t('import.processing')}
            </label>
            {progress.phase === 'uploading' && progress.total ? (
              <progress
                id={`${id}-progress`}
                data-testid="import-progress"
                max={progress.total}
                value={progress.loaded}
              />
            ) : (
              <progress id={`${id}-progress`} data-testid="import-progress" />
            )}
          </div>
        ) : null}
      </form>

      <div role="status" aria-live="polite">
        {outcome?.kind === 'result' ? (
          <ImportSummary result={outcome.result} fileName={outcome.fileName} />
        ) : null}
      </div>
      {outcome?.kind === 'error' ? (
        rowErrors(outcome.error) ? (
          <RowErrorTable
            errors={rowErrors(outcome.error) ?? []}
            fileName={outcome.fileName}
            language={language}
          />
        ) : (
          <ErrorAlert error={outcome.error} />
        )
      ) : null}
    </>
  );
}

function ImportSummary({ result, fileName }: { result: ImportResult; fileName: string }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const num = (value: number) => formatNumber(value, language);
  return (
    <section className="card" aria-labelledby="import-result" data-testid="import-result">
      <h2 id="import-result">
        {result.dryRun ? t('import.checkedTitle') : t('import.importedTitle')}
      </h2>
      <p>
        {result.dryRun
          ? t('import.checkedBody', { file: fileName })
          : t('import.importedBody', { file: fileName })}
      </p>
      <table className="data-table compact-table">
        <caption className="visually-hidden">{t('import.resultCaption')}</caption>
        <tbody>
          <tr>
            <th scope="row">{t('import.rows')}</th>
            <td className="numeric">{num(result.rows)}</td>
          </tr>
          <tr>
            <th scope="row">{result.dryRun ? t('import.wouldCreate') : t('import.created')}</th>
            <td className="numeric">{num(result.created)}</td>
          </tr>
          <tr>
            <th scope="row">{result.dryRun ? t('import.wouldUpdate') : t('import.updated')}</th>
            <td className="numeric">{num(result.updated)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function RowErrorTable({
  errors,
  fileName,
  language,
}: {
  errors: ImportRowError[];
  fileName: string;
  language: ReturnType<typeof currentLanguage>;
}) {
  const { t } = useTranslation();
  return (
    <section
      className="alert alert-error"
      role="alert"
      aria-labelledby="import-errors"
      data-testid="import-errors"
    >
      <h2 id="import-errors" className="alert-title">
        {t('import.errorsTitle', { count: errors.length, file: fileName })}
      </h2>
      <p>{t('import.nothingWritten')}</p>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">{t('import.errorsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="numeric">
                {t('import.line')}
              </th>
              <th scope="col">{t('import.field')}</th>
              <th scope="col">{t('import.message')}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={`${error.line}-${error.field}-${index}`}>
                <th scope="row" className="numeric">
                  {formatNumber(error.line, language)}
                </th>
                <td data-label={t('import.field')}>
                  <code>{error.field}</code>
                </td>
                <td data-label={t('import.message')}>{issueText(t, error)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ExportLinks() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('import.exportTitle')}</h2>
      <p className="muted">{t('import.exportIntro')}</p>
      <ul className="inline-list">
        <li>
          <a href={institutionsExportHref('csv')} download>
            {t('export.csv')}
          </a>
        </li>
        <li>
          <a href={institutionsExportHref('xlsx')} download>
            {t('export.xlsx')}
          </a>
        </li>
      </ul>
    </section>
  );
}
