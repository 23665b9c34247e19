import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { addStudentDomain, removeStudentDomain, studentDomains } from './api.ts';

/**
 * The e-mail domains of a university's students, on its page: an address of one of them may
 * create a student account of the university. Whoever may edit the university adds and removes
 * them.
 */
export function StudentDomainsSection({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [revision, setRevision] = useState(0);
  const domains = useResource(`${institutionId}|student-domains|${revision}`, (signal) =>
    studentDomains(institutionId, signal),
  );
  const [domain, setDomain] = useState('');
  const action = useAction();
  const messages = messagesFor(fieldIssues(action.error), 'body.domain');

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run((csrf) => addStudentDomain(institutionId, domain.trim(), csrf));
    if (ok) {
      setDomain('');
      setRevision((n) => n + 1);
    }
  };
  const remove = async (name: string) => {
    if (await action.run((csrf) => removeStudentDomain(institutionId, name, csrf))) {
      setRevision((n) => n + 1);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="student-domains">
      <h2 id={`${id}-title`}>{t('signup.domains.title')}</h2>
      <p className="muted">{t('signup.domains.intro')}</p>
      <ResourceView resource={domains}>
        {(data) => (
          <>
            {data.items.length === 0 ? (
              <p>{t('signup.domains.none')}</p>
            ) : (
              <ul>
                {data.items.map((d) => (
                  <li key={d.domain}>
                    <code>{d.domain}</code>{' '}
                    {data.mayEdit ? (
                      <button
                        type="button"
                        className="button button-link"
                        disabled={action.busy}
                        onClick={() => void remove(d.domain)}
                      >
                        {t('signup.domains.remove', { domain: d.domain })}
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            {data.mayEdit ? (
              <form className="form" onSubmit={(e) => void add(e)}>
                <Field id={`${id}-domain`} label={t('signup.domains.domain')} messages={messages}>
                  {(control) => (
                    <input
                      {...control}
                      name="domain"
                      required
                      placeholder="s.example.ac.jp"
                      value={domain}
                      onChange={(e) => setDomain(e.target.value)}
                    />
                  )}
                </Field>
                <FormErrors error={action.error} />
                <button type="submit" className="button" disabled={action.busy}>
                  {t('signup.domains.add')}
                </button>
              </form>
            ) : null}
          </>
        )}
      </ResourceView>
    </section>
  );
}
