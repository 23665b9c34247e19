import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fieldIssues } from '../../api/client.ts';
import { ErrorAlert } from './error-alert.tsx';

/** The server's words about one field, shown next to it; pair with aria-describedby. */
export function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' · ')}
    </p>
  );
}

/** Props for an input that may have errors: aria-invalid and the id of its message. */
export function invalidProps(id: string, messages: readonly string[]) {
  return messages.length > 0
    ? { 'aria-invalid': true as const, 'aria-describedby': id }
    : { 'aria-invalid': undefined, 'aria-describedby': undefined };
}

/** A failed submit: the alert, and for a 400 the list of every field and its problem. */
export function FormErrors({ error }: { error: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  // Long forms: bring the summary into view, and focus it so keyboard users start from there.
  useEffect(() => {
    if (error && ref.current) ref.current.focus();
  }, [error]);
  if (!error) return null;
  const issues = fieldIssues(error);
  return (
    <div ref={ref} tabIndex={-1} className="form-errors">
      {error instanceof ApiError && issues.length > 0 ? (
        <IssueSummary issues={issues} />
      ) : (
        <ErrorAlert error={error} focus={false} />
      )}
    </div>
  );
}

function IssueSummary({ issues }: { issues: { field: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{t('form.invalidTitle')}</p>
      <ul className="issue-list">
        {issues.map((issue) => (
          <li key={`${issue.field}:${issue.message}`}>
            <code>{issue.field}</code>: {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
