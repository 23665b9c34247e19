import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LANGUAGES, type Language } from '../../../domain/shared/refusal.ts';
import { formatInstant, languageName } from '../../../i18n/format.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { fieldIssues } from '../../api/client.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { invite, pendingInvitations, revokeInvitation } from './api.ts';
import { GrantField, useGrantChoice } from './grant-select.tsx';
import { usePersonName, useRoleLabel } from './role-label.tsx';

function InviteForm({ onDone }: { onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const action = useAction();
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Language>('ja');
  const choice = useGrantChoice();
  const { grant } = choice;
  const [sent, setSent] = useState<{ email: string; emailed: boolean } | null>(null);
  const messages = (field: string) =>
    fieldIssues(action.error)
      .filter((i) => i.field === `body.${field}`)
      .map((i) => i.message);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!grant) return;
    let emailed = false;
    const ok = await action.run(async (csrf) => {
      const created = await invite(
        { email, language, role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
        csrf,
      );
      emailed = created.emailed;
    });
    if (ok) {
      setSent({ email, emailed });
      setEmail('');
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('people.invite.title')}</h2>
      <Field id={`${id}-email`} label={t('people.email')} messages={messages('email')}>
        {(control) => (
          <input
            {...control}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        )}
      </Field>
      <Field id={`${id}-language`} label={t('people.invite.language')}>
        {(control) => (
          <select
            {...control}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l} lang={l}>
                {languageName(l, i18n.language)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <GrantField id={id} choice={choice} />
      <FormErrors error={action.error} />
      {sent ? (
        <p role="status" className={sent.emailed ? 'alert' : 'alert alert-error'}>
          {sent.emailed
            ? t('people.invite.sent', { email: sent.email })
            : t('people.invite.notEmailed', { email: sent.email })}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={action.busy || !grant}>
        {t('people.invite.submit')}
      </button>
    </form>
  );
}

/** Pending invitations within one's scope, each revocable, and the form to invite someone. */
export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('people.invitations.title'));
  const list = useResource('invitations', (signal) => pendingInvitations(signal));
  const action = useAction();
  const label = useRoleLabel();
  const nameOf = usePersonName();
  const revoke = async (id: string) => {
    if (await action.run((csrf) => revokeInvitation(id, csrf))) list.reload();
  };
  return (
    <>
      <p>
        <Link to="/people">{t('people.back')}</Link>
      </p>
      <h1>{t('people.invitations.title')}</h1>
      <InviteForm onDone={list.reload} />
      <h2>{t('people.invitations.pending')}</h2>
      <FormErrors error={action.error} />
      <ResourceView
        resource={list}
        isEmpty={(data) => data.items.length === 0}
        empty={<p className="muted">{t('people.invitations.empty')}</p>}
      >
        {(data) => (
          <ul className="card-list" data-testid="invitations">
            {data.items.map((i) => (
              <li key={i.id} className="card">
                <p>
                  <strong>{i.email}</strong> · {label(i.role, i.scopeName)}
                </p>
                <p className="muted">
                  {t('people.invitations.by', { name: nameOf(i.invitedBy) })} ·{' '}
                  {t('people.invitations.expires', {
                    date: formatInstant(i.expiresAt, i18n.language),
                  })}
                </p>
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={action.busy}
                  onClick={() => void revoke(i.id)}
                >
                  {t('people.invitations.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </>
  );
}
