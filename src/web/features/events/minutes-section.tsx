import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import {
  LocalizedTextFields,
  emptyLocalized,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { addMinutes, approveMinutes, listMinutes, type MinutesVersion } from './api.ts';
import { LocalText } from './local-text.tsx';

const draftOf = (m: MinutesVersion | undefined): LocalizedDraft => ({
  ...emptyLocalized(),
  ...(m?.text ?? {}),
});

/**
 * A session's minutes, loaded when opened: every version, newest first, the approved one locked;
 * those who keep the minutes write a new version or approve the latest.
 */
export function MinutesSection({ sessionId, mayWrite }: { sessionId: string; mayWrite: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const minutes = useResource(open ? `minutes|${sessionId}` : null, (signal) =>
    listMinutes(sessionId, signal),
  );
  return (
    <details
      className="events-minutes"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('events.minutes.title')}</summary>
      {open ? (
        <ResourceView
          resource={minutes}
          isEmpty={(d) => d.items.length === 0 && !mayWrite}
          empty={<p className="muted">{t('events.minutes.none')}</p>}
        >
          {(data) => (
            <MinutesVersions
              sessionId={sessionId}
              versions={data.items}
              mayWrite={mayWrite}
              reload={minutes.reload}
            />
          )}
        </ResourceView>
      ) : null}
    </details>
  );
}

function MinutesVersions({
  sessionId,
  versions,
  mayWrite,
  reload,
}: {
  sessionId: string;
  versions: MinutesVersion[];
  mayWrite: boolean;
  reload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  const latest = sorted[0];
  const locked = sorted.some((v) => v.locked);
  const [draft, setDraft] = useState<LocalizedDraft>(() => draftOf(latest));
  const save = useAction();
  const approve = useAction();
  const issues = fieldIssues(save.error);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (await save.run((csrf) => addMinutes(sessionId, draft, csrf))) reload();
  }

  return (
    <>
      {sorted.length === 0 ? <p className="muted">{t('events.minutes.none')}</p> : null}
      <ol className="history-list" reversed>
        {sorted.map((v) => (
          <li key={v.version} className="history-entry">
            <p>
              <strong>{t('events.minutes.version', { version: v.version })}</strong>{' '}
              <span className="muted">
                {v.createdByName ? <LocalText text={v.createdByName} /> : null} ·{' '}
                {formatInstant(v.createdAt, language)}
              </span>{' '}
              {v.locked ? (
                <span className="badge badge-status badge-status-signed">
                  {t('events.minutes.approved')}
                </span>
              ) : null}
            </p>
            <p className="pre-wrap">
              <LocalText text={v.text} />
            </p>
          </li>
        ))}
      </ol>
      {mayWrite && locked ? <p className="muted">{t('events.minutes.locked')}</p> : null}
      {mayWrite && !locked ? (
        <>
          {latest ? (
            <p>
              <button
                type="button"
                className="button button-secondary"
                disabled={approve.busy}
                onClick={() =>
                  void approve
                    .run((csrf) => approveMinutes(sessionId, latest.version, csrf))
                    .then((ok) => ok && reload())
                }
              >
                {t('events.minutes.approve', { version: latest.version })}
              </button>
            </p>
          ) : null}
          {approve.error ? <ErrorAlert error={approve.error} /> : null}
          <form className="form" onSubmit={(e) => void onSubmit(e)}>
            <FormErrors error={save.error} />
            <LocalizedTextFields
              id={`minutes-${sessionId}`}
              name="text"
              field="body.text"
              issues={issues}
              legend={t('events.minutes.newVersion')}
              value={draft}
              onChange={setDraft}
              multiline
              rows={4}
              row
            />
            <div className="form-actions">
              <button type="submit" className="button button-primary" disabled={save.busy}>
                {t('events.minutes.save')}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </>
  );
}
