/** The person's password, sessions, names in each script and the export of their data. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionSummaryView } from '../../../server/routes/me.schema.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import {
  MY_DATA_URL,
  changeMyPassword,
  endMySession,
  myNames,
  mySessions,
  setMyNames,
} from './api.ts';

export function PasswordChange() {
  const { t } = useTranslation();
  const action = useAction();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [ended, setEnded] = useState<number | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setEnded(null);
    await action.run(async (csrf) => {
      const done = await changeMyPassword({ currentPassword: current, newPassword: next }, csrf);
      setEnded(done.sessionsEnded);
      setCurrent('');
      setNext('');
    });
  };
  return (
    <section className="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('accountSecurity.password')}</h2>
      <p className="muted small">{t('passwordPages.rules')}</p>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <Field id="current-password" label={t('accountSecurity.currentPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          )}
        </Field>
        <Field id="account-new-password" label={t('passwordPages.newPassword')}>
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              required
              minLength={12}
              maxLength={128}
              value={next}
              onChange={(e) => setNext(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('accountSecurity.changePassword')}
        </button>{' '}
        <span role="status">
          {ended === null ? null : t('accountSecurity.passwordChanged', { count: ended })}
        </span>
      </form>
    </section>
  );
}

export function SessionList() {
  const { t } = useTranslation();
  const session = useSession();
  const action = useAction();
  const [items, setItems] = useState<SessionSummaryView[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const load = () =>
    mySessions().then(
      (list) => setItems(list.items),
      (error: unknown) => setLoadError(error),
    );
  useEffect(() => {
    void load();
  }, []);
  const end = async (s: SessionSummaryView) => {
    const ok = await action.run((csrf) => endMySession(s.id, csrf));
    if (ok && s.current) await session.signOut();
    else if (ok) await load();
  };
  return (
    <section className="card" aria-labelledby="account-session-list">
      <h2 id="account-session-list">{t('accountSecurity.openSessions')}</h2>
      {loadError ? <ErrorAlert error={loadError} /> : null}
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <ul className="session-list">
        {(items ?? []).map((s) => (
          <li key={s.id}>
            <strong>{s.userAgent ?? t('accountSecurity.unknownBrowser')}</strong>
            {s.current ? ` (${t('accountSecurity.thisSession')})` : null}
            <br />
            <span className="muted small">
              {t('accountSecurity.since')} <FormattedDate value={s.createdAt} />
              {s.lastSeenAt ? (
                <>
                  {' · '}
                  {t('accountSecurity.lastSeen')} <FormattedDate value={s.lastSeenAt} />
                </>
              ) : null}
            </span>{' '}
            <button
              type="button"
              className="button button-secondary"
              disabled={action.busy}
              onClick={() => void end(s)}
            >
              {t('accountSecurity.endSession')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const SCRIPTS = ['latin', 'kanji', 'kana', 'cyrillic'] as const;

export function NamesForm() {
  const { t } = useTranslation();
  const action = useAction();
  const [displayName, setDisplayName] = useState('');
  const [names, setNames] = useState<Partial<Record<(typeof SCRIPTS)[number], string>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    myNames().then(
      (n) => {
        setDisplayName(n.displayName);
        setNames(n.names);
      },
      () => undefined,
    );
  }, []);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSaved(false);
    const filled = Object.fromEntries(
      Object.entries(names).filter(([, v]) => v && v.trim() !== ''),
    );
    setSaved(await action.run((csrf) => setMyNames({ displayName, names: filled }, csrf)));
  };
  return (
    <section className="card" aria-labelledby="account-names">
      <h2 id="account-names">{t('accountSecurity.names')}</h2>
      <p className="muted small">{t('accountSecurity.namesHint')}</p>
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <form className="form" onSubmit={(event) => void onSubmit(event)}>
        <Field id="names-display" label={t('accountSecurity.displayName')}>
          {(control) => (
            <input
              {...control}
              required
              value={displayName}
              onChange={(e) => setDisplayName(e.target.value)}
            />
          )}
        </Field>
        {SCRIPTS.map((script) => (
          <Field key={script} id={`names-${script}`} label={t(`accountSecurity.script.${script}`)}>
            {(control) => (
              <input
                {...control}
                value={names[script] ?? ''}
                onChange={(e) => setNames({ ...names, [script]: e.target.value })}
              />
            )}
          </Field>
        ))}
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('accountSecurity.saveNames')}
        </button>{' '}
        <span role="status">{saved ? t('account.saved') : null}</span>
      </form>
    </section>
  );
}

export function DataExport() {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="account-data">
      <h2 id="account-data">{t('accountSecurity.data')}</h2>
      <p className="muted small">{t('accountSecurity.dataHint')}</p>
      <a className="button button-secondary" href={MY_DATA_URL} download>
        {t('accountSecurity.downloadData')}
      </a>
    </section>
  );
}
