import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatInstant } from '../../../i18n/format.ts';
import { ApiError, fieldIssues } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { SESSION_HINT_STORAGE_KEY, writeStorage } from '../../lib/preferences.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { acceptInvitation, readInvitation, type InvitationPublic } from './api.ts';
import { usePersonName, useRoleLabel } from './role-label.tsx';

/** Why a link does not work: expired, used, revoked or unknown, in the reader's language. */
function Refused({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  const refusals = error instanceof ApiError ? (error.details?.refusals ?? []) : [];
  if (refusals.length === 0) return <FormErrors error={error} />;
  return (
    <div className="alert alert-error" role="alert" data-testid="invitation-refused">
      <p className="alert-title">{t('people.accept.refused')}</p>
      <RefusalList refusals={refusals} />
      <button type="button" className="button button-secondary" onClick={retry}>
        {t('actions.retry')}
      </button>
    </div>
  );
}

function AcceptForm({ token, invitation }: { token: string; invitation: InvitationPublic }) {
  const { t } = useTranslation();
  const id = useId();
  const session = useSession();
  const action = useAction();
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const messages = (field: string) =>
    fieldIssues(action.error)
      .filter((i) => i.field === `body.${field}`)
      .map((i) => i.message);
  const signedIn = session.status === 'signed-in';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run((csrf) =>
      acceptInvitation(
        signedIn ? { token } : { token, displayName, password },
        signedIn ? csrf : null,
      ).then((accepted) => {
        if (accepted.created) {
          // The new account is signed in by the answer's cookie: start the app afresh with it.
          writeStorage(SESSION_HINT_STORAGE_KEY, '1');
          window.location.assign('/');
        }
      }),
    );
    if (ok) setDone(true);
  };

  if (done) {
    return (
      <p role="status" className="alert">
        {t('people.accept.done')} <Link to="/">{t('people.accept.home')}</Link>
      </p>
    );
  }
  if (invitation.accountExists && !signedIn) {
    return (
      <p className="alert">
        {t('people.accept.signInFirst', { email: invitation.email })}{' '}
        <Link to="/sign-in">{t('people.accept.signIn')}</Link>
      </p>
    );
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="card">
      {signedIn ? (
        <p>{t('people.accept.asSignedIn', { email: session.actor.email })}</p>
      ) : (
        <>
          <Field
            id={`${id}-name`}
            label={t('people.accept.name')}
            messages={messages('displayName')}
          >
            {(control) => (
              <input
                {...control}
                required
                autoComplete="name"
                value={displayName}
                onChange={(event) => setDisplayName(event.target.value)}
              />
            )}
          </Field>
          <Field
            id={`${id}-password`}
            label={t('people.accept.password', { min: invitation.minPasswordLength })}
            messages={messages('password')}
          >
            {(control) => (
              <input
                {...control}
                type="password"
                required
                minLength={invitation.minPasswordLength}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
        </>
      )}
      <FormErrors error={action.error} />
      <button type="submit" className="button" disabled={action.busy}>
        {t('people.accept.submit')}
      </button>
    </form>
  );
}

/** The page of an invitation link (public): what it offers, or why it no longer works. */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('people.accept.title'));
  const invitation = useResource(`invitation:${token}`, (signal) => readInvitation(token, signal));
  const label = useRoleLabel();
  const nameOf = usePersonName();
  return (
    <>
      <h1>{t('people.accept.title')}</h1>
      <ResourceView
        resource={invitation}
        renderError={(error, retry) => <Refused error={error} retry={retry} />}
      >
        {(data) => (
          <>
            <p data-testid="invitation-offer">
              {t('people.accept.offer', {
                inviter: nameOf(data.invitedBy),
                role: label(data.role, data.scopeName),
              })}
            </p>
            <p className="muted">
              {t('people.accept.expires', { date: formatInstant(data.expiresAt, i18n.language) })}
            </p>
            <AcceptForm token={token} invitation={data} />
          </>
        )}
      </ResourceView>
    </>
  );
}
