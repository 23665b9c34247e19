import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { getMyOrcid, saveMyOrcid } from './api.ts';

/** The signed-in person's ORCID iD on their account page. */
export function OrcidSection() {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  useEffect(() => {
    const controller = new AbortController();
    getMyOrcid(controller.signal)
      .then((r) => setValue(r.orcid ?? ''))
      .catch(() => undefined);
    return () => controller.abort();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void run(async (csrf) => {
      const r = await saveMyOrcid(value.trim() || null, csrf);
      setValue(r.orcid ?? '');
      setSaved(true);
    });
  };
  return (
    <section aria-labelledby="orcid-heading">
      <h2 id="orcid-heading">{t('research.identifiers.orcid')}</h2>
      <form className="form" onSubmit={submit}>
        <FormErrors error={error} />
        <Field
          id="account-orcid"
          label={t('research.identifiers.orcid')}
          messages={messagesFor(fieldIssues(error), 'body.orcid')}
        >
          {(control) => (
            <input
              {...control}
              name="orcid"
              value={value}
              placeholder="0000-0002-1825-0097"
              autoComplete="off"
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('research.identifiers.save')}
        </button>
        {saved ? <p role="status">{t('research.identifiers.saved')}</p> : null}
      </form>
    </section>
  );
}
