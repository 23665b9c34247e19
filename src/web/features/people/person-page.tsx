import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { getPerson, grantRole, revokeRole, setDisabled, type PersonDetail } from './api.ts';
import { GrantField, useGrantChoice } from './grant-select.tsx';
import { usePersonName, useRoleLabel } from './role-label.tsx';
import { studentRecordPath } from '../sign-up/index.ts';

function GrantForm({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const action = useAction();
  const choice = useGrantChoice();
  const { grant } = choice;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!grant) return;
    const ok = await action.run((csrf) =>
      grantRole(
        personId,
        { role: grant.role, scopeType: grant.scopeType, scopeId: grant.scopeId },
        csrf,
      ),
    );
    if (ok) {
      choice.reset();
      onDone();
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="card">
      <h2>{t('people.grant.title')}</h2>
      <GrantField id={id} choice={choice} />
      <FormErrors error={action.error} />
      <button type="submit" className="button" disabled={action.busy || !grant}>
        {t('people.grant.submit')}
      </button>
    </form>
  );
}

function PersonView({ person, reload }: { person: PersonDetail; reload: () => void }) {
  const { t } = useTranslation();
  const label = useRoleLabel();
  const nameOf = usePersonName();
  const action = useAction();
  const revoke = async (roleId: string) => {
    if (await action.run((csrf) => revokeRole(person.id, roleId, csrf))) reload();
  };
  const toggle = async () => {
    if (await action.run((csrf) => setDisabled(person.id, !person.disabled, csrf))) reload();
  };
  return (
    <>
      <h1>{nameOf(person.name)}</h1>
      <p>
        {person.email}
        {person.disabled ? ` · ${t('people.disabled')}` : ''}
        {person.platformAdmin ? ` · ${t('people.administrator')}` : ''}
      </p>
      <h2>{t('people.roles')}</h2>
      {person.roles.length === 0 ? (
        <p className="muted">{t('people.noRoles')}</p>
      ) : (
        <ul className="card-list" data-testid="roles">
          {person.roles.map((r) => (
            <li key={r.id} className="card">
              {label(r.role, r.scopeName)}{' '}
              {r.role === 'student' ? (
                // What the home university records of its student (grade, residence status).
                <Link to={studentRecordPath(person.id)} data-testid="student-record-link">
                  {t('signup.record.link')}
                </Link>
              ) : null}{' '}
              {r.revocable ? (
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={action.busy}
                  onClick={() => void revoke(r.id)}
                >
                  {t('people.revoke')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FormErrors error={action.error} />
      {person.disabled ? null : <GrantForm personId={person.id} onDone={reload} />}
      {person.mayDeactivate ? (
        <p>
          <button
            type="button"
            className="button button-danger"
            disabled={action.busy}
            onClick={() => void toggle()}
          >
            {person.disabled ? t('people.reactivate') : t('people.deactivate')}
          </button>
        </p>
      ) : null}
    </>
  );
}

/** A person: their roles by the names of their scopes, granting, revoking, ending the account. */
export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('people.personTitle'));
  const person = useResource(`person:${id}`, (signal) => getPerson(id, signal));
  return (
    <>
      <p>
        <Link to="/people">{t('people.back')}</Link>
      </p>
      <ResourceView
        resource={person}
        notFound={
          <div className="empty" role="status">
            <p>{t('people.notFound')}</p>
          </div>
        }
      >
        {(data) => <PersonView person={data} reload={person.reload} />}
      </ResourceView>
    </>
  );
}
