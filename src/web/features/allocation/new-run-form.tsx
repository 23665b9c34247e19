/** The form that starts an allocation run from a file, a pasted instance or a call. */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, fieldIssues, isAbortError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { getCallAllocationInstance, runAllocationJob } from './api.ts';
import { useCsrfToken } from '../../components/ui/use-action.ts';
import { CallPicker } from '../calls/index.ts';
import './allocation.css';

/** A field of the request as the instance file names it: `students[1].prefs[0]`. */
export const fieldInInstance = (field: string) => field.replace(/^body\.instance\.?/, '') || field;

export type Source = 'file' | 'paste' | 'call';
export const SOURCES: readonly Source[] = ['file', 'paste', 'call'];

/** Parses an instance client-side: JSON, and an object. The server checks every field. */
export function parseInstance(
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

export function NewRunForm() {
  const csrfToken = useCsrfToken();
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
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const controller = useRef<AbortController | null>(null);

  const loadCall = async () => {
    const trimmed = callId.trim();
    if (!trimmed) {
      setCallError(null);
      setInputError(t('calls.picker.required'));
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
    setProgress(null);
    try {
      // The server runs the mechanisms in the background; the page follows their progress.
      const runId = await runAllocationJob(
        input,
        csrfToken,
        setProgress,
        controller.current.signal,
      );
      void navigate(`/allocation/${encodeURIComponent(runId)}`);
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
            <label htmlFor={`${id}-call`}>{t('calls.picker.label')}</label>
            <p id={`${id}-call-help`} className="help">
              {t('allocation.new.callHelp')}
            </p>
            <div className="search-row">
              <CallPicker
                id={`${id}-call`}
                value={callId}
                describedBy={`${id}-call-help${inputError ? ` ${id}-input-error` : ''}`}
                invalid={!!(inputError || callError)}
                disabled={running || callLoading}
                onChange={(value) => {
                  setCallId(value);
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
              {progress ? (
                <>
                  <progress
                    id={`${id}-progress`}
                    data-testid="allocation-progress"
                    value={progress.done}
                    max={progress.total}
                  />
                  <p className="help">
                    {t('allocation.new.progress', {
                      done: progress.done,
                      total: progress.total,
                    })}
                  </p>
                </>
              ) : (
                <progress id={`${id}-progress`} data-testid="allocation-progress" />
              )}
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

export function CallError({ error, callId }: { error: unknown; callId: string }) {
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
