import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError, fieldIssues, isAbortError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { nameIn } from '../../../i18n/format.ts';
import { formatDateTime } from './format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  createAllocationRun,
  getCallAllocationInstance,
  listAllocationRuns,
  type RunListItem,
} from './api.ts';
import './allocation.css';

/** /allocation: the runs this actor may see, and a form to start a new one. */
export function AllocationRunsPage() {
  const { t } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('allocation.title'));

  return (
    <>
      <h1>{t('allocation.title')}</h1>
      <p className="muted">{t('allocation.intro')}</p>
      {session.status === 'loading' ? <Loading /> : null}
      {session.status === 'anonymous' ? (
        <p className="alert alert-info">
          {t('allocation.signInFirst')}{' '}
          <Link to="/sign-in" state={{ from: '/allocation' }}>
            {t('header.signIn')}
          </Link>
        </p>
      ) : null}
      {session.status === 'signed-in' ? <RunsAndForm csrfToken={session.csrfToken} /> : null}
    </>
  );
}

/** The runs the actor may see; the form to start one when the server says they may. */
function RunsAndForm({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const list = useResource('allocation-runs', (signal) => listAllocationRuns(signal));
  if (list.status === 'loading') return <Loading />;
  if (list.status === 'error') return <ErrorAlert error={list.error} onRetry={list.reload} />;
  if (!list.data.may.run && list.data.items.length === 0) {
    return <p className="alert alert-info">{t('allocation.notAllowed')}</p>;
  }
  return (
    <>
      {list.data.may.run ? <NewRunForm csrfToken={csrfToken} /> : null}
      <section aria-labelledby="allocation-runs">
        <h2 id="allocation-runs">{t('allocation.list.title')}</h2>
        <RunTable items={list.data.items} />
      </section>
    </>
  );
}

function RunTable({ items }: { items: RunListItem[] }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  if (items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>{t('allocation.list.empty')}</p>
      </div>
    );
  }
  const sorted = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="allocation-runs">
        <caption className="visually-hidden">{t('allocation.list.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('allocation.list.run')}</th>
            <th scope="col">{t('allocation.list.call')}</th>
            <th scope="col">{t('allocation.list.status')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((run) => (
            <tr key={run.id}>
              <th scope="row">
                <Link to={`/allocation/${encodeURIComponent(run.id)}`}>
                  {t('allocation.list.runOf', {
                    date: formatDateTime(run.createdAt, language),
                  })}
                </Link>
              </th>
              <td data-label={t('allocation.list.call')}>
                {run.call ? nameIn(run.call, language) : t('allocation.list.uploaded')}
              </td>
              <td data-label={t('allocation.list.status')}>
                {run.publishedMechanism ? (
                  <span className="badge badge-status badge-status-signed">
                    {t('allocation.list.published', {
                      mechanism: t(`allocation.mechanisms.${run.publishedMechanism}`),
                    })}
                  </span>
                ) : (
                  <span className="badge badge-status badge-status-draft">
                    {t('allocation.list.notPublished')}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A field of the request as the instance file names it: `students[1].prefs[0]`. */
const fieldInInstance = (field: string) => field.replace(/^body\.instance\.?/, '') || field;

type Source = 'file' | 'paste' | 'call';
const SOURCES: readonly Source[] = ['file', 'paste', 'call'];

/** Parses an instance client-side: JSON, and an object. The server checks every field. */
function parseInstance(
  text: string,
): { ok: true; instance: unknown } | { ok: false; message: string | null } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: null };
  }
  return { ok: true, instance: value };
}

function NewRunForm({ csrfToken }: { csrfToken: string }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [callId, setCallId] = useState('');
  const [fromCall, setFromCall] = useState<{ callId: string; instance: unknown } | null>(null);
  const [callLoading, setCallLoading] = useState(false);
  const [callError, setCallError] = useState<unknown>(null);
  const [inputError, setInputError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const loadCall = async () => {
    const trimmed = callId.trim();
    if (!trimmed) {
      setCallError(null);
      setInputError(t('allocation.new.callIdRequired'));
      return;
    }
    setCallLoading(true);
    setCallError(null);
    setInputError(null);
    setFromCall(null);
    try {
      setFromCall({ callId: trimmed, instance: await getCallAllocationInstance(trimmed) });
    } catch (error) {
      setCallError(error);
    } finally {
      setCallLoading(false);
    }
  };

  const instanceToRun = (): { instance: unknown; callId: string | null } | null => {
    if (source === 'call') {
      if (!fromCall) {
        setInputError(t('allocation.new.loadCallFirst'));
        return null;
      }
      return { instance: fromCall.instance, callId: fromCall.callId };
    }
    const text = source === 'file' ? file?.text : pasted;
    if (!text?.trim()) {
      setInputError(
        source === 'file' ? t('allocation.new.fileRequired') : t('allocation.new.pasteRequired'),
      );
      return null;
    }
    const parsed = parseInstance(text);
    if (!parsed.ok) {
      setInputError(
        parsed.message === null
          ? t('allocation.new.notObject')
          : t('allocation.new.notJson', { message: parsed.message }),
      );
      return null;
    }
    return { instance: parsed.instance, callId: null };
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setInputError(null);
    setRunError(null);
    const input = instanceToRun();
    if (!input) return;
    controller.current = new AbortController();
    setRunning(true);
    try {
      const run = await createAllocationRun(input, csrfToken, controller.current.signal);
      void navigate(`/allocation/${encodeURIComponent(run.id)}`);
    } catch (error) {
      if (!isAbortError(error)) setRunError(error);
    } finally {
      setRunning(false);
      controller.current = null;
    }
  };

  const sourceLabel = (value: Source) => t(`allocation.new.sources.${value}`);
  const issues = fieldIssues(runError);

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('allocation.new.title')}</h2>
      <p className="help">{t('allocation.new.help')}</p>
      <form
        className="form"
        data-testid="allocation-new"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
      >
        <fieldset className="segmented" disabled={running}>
          <legend>{t('allocation.new.source')}</legend>
          {SOURCES.map((value) => (
            <label key={value}>
              <input
                type="radio"
                name="source"
                value={value}
                checked={source === value}
                onChange={() => {
                  setSource(value);
                  setInputError(null);
                }}
              />
              {sourceLabel(value)}
            </label>
          ))}
        </fieldset>

        {source === 'file' ? (
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('allocation.new.file')}</label>
            <p id={`${id}-file-help`} className="help">
              {t('allocation.new.fileHelp')}
            </p>
            <input
              id={`${id}-file`}
              name="file"
              type="file"
              accept=".json,application/json"
              aria-describedby={`${id}-file-help${inputError ? ` ${id}-input-error` : ''}`}
              aria-invalid={inputError ? true : undefined}
              disabled={running}
              onChange={(event) => {
                const chosen = event.target.files?.[0];
                setInputError(null);
                setRunError(null);
                if (!chosen) {
                  setFile(null);
                  return;
                }
                void chosen.text().then(
                  (text) => setFile({ name: chosen.name, text }),
                  () => setInputError(t('allocation.new.unreadable')),
                );
              }}
            />
          </div>
        ) : null}

        {source === 'paste' ? (
          <div className="field">
            <label htmlFor={`${id}-paste`}>{t('allocation.new.paste')}</label>
            <p id={`${id}-paste-help`} className="help">
              {t('allocation.new.fileHelp')}
            </p>
            <textarea
              id={`${id}-paste`}
              name="instance"
              className="allocation-json"
              rows={10}
              spellCheck={false}
              value={pasted}
              aria-describedby={`${id}-paste-help${inputError ? ` ${id}-input-error` : ''}`}
              aria-invalid={inputError ? true : undefined}
              disabled={running}
              onChange={(event) => {
                setPasted(event.target.value);
                setInputError(null);
              }}
            />
          </div>
        ) : null}

        {source === 'call' ? (
          <div className="field">
            <label htmlFor={`${id}-call`}>{t('allocation.new.callId')}</label>
            <p id={`${id}-call-help`} className="help">
              {t('allocation.new.callHelp')}
            </p>
            <div className="search-row">
              <input
                id={`${id}-call`}
                name="callId"
                type="text"
                value={callId}
                aria-describedby={`${id}-call-help${inputError ? ` ${id}-input-error` : ''}`}
                aria-invalid={inputError || callError ? true : undefined}
                disabled={running || callLoading}
                onChange={(event) => {
                  setCallId(event.target.value);
                  setFromCall(null);
                  setCallError(null);
                }}
              />
              <button
                type="button"
                className="button button-secondary"
                data-testid="allocation-load-call"
                disabled={running || callLoading}
                onClick={() => void loadCall()}
              >
                {t('allocation.new.loadCall')}
              </button>
            </div>
            <div role="status" aria-live="polite">
              {callLoading ? <Loading label={t('allocation.new.loadingCall')} /> : null}
              {fromCall ? (
                <p className="alert alert-success" data-testid="allocation-call-loaded">
                  {t('allocation.new.callLoaded', { call: fromCall.callId })}
                </p>
              ) : null}
            </div>
            {callError ? <CallError error={callError} callId={callId.trim()} /> : null}
          </div>
        ) : null}

        {inputError ? (
          <p id={`${id}-input-error`} className="field-error" role="alert">
            {inputError}
          </p>
        ) : null}

        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="allocation-run"
            disabled={running}
          >
            {t('allocation.new.run')}
          </button>
          {running ? (
            <button
              type="button"
              className="button button-link"
              onClick={() => controller.current?.abort()}
            >
              {t('actions.cancel')}
            </button>
          ) : null}
        </div>
        <div aria-live="polite">
          {running ? (
            <div className="field">
              <label htmlFor={`${id}-progress`}>{t('allocation.new.running')}</label>
              <progress id={`${id}-progress`} data-testid="allocation-progress" />
            </div>
          ) : null}
        </div>
      </form>
      {runError ? (
        <div data-testid="allocation-run-error">
          {issues.length > 0 ? (
            <div className="alert alert-error" role="alert">
              <p className="alert-title">{t('allocation.new.refused')}</p>
              <ul className="allocation-issues">
                {issues.map((issue) => (
                  <li key={issue.field}>
                    <code className="allocation-field">{fieldInInstance(issue.field)}</code>:{' '}
                    {issue.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <ErrorAlert error={runError} />
          )}
        </div>
      ) : null}
    </section>
  );
}

function CallError({ error, callId }: { error: unknown; callId: string }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="alert alert-error" role="alert" data-testid="allocation-call-error">
        <p className="alert-title">{t('allocation.new.callNotFoundTitle')}</p>
        <p>{t('allocation.new.callNotFound', { call: callId })}</p>
        {error.message ? <p className="muted">{error.message}</p> : null}
      </div>
    );
  }
  return (
    <div data-testid="allocation-call-error">
      <ErrorAlert error={error} />
    </div>
  );
}
