import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { nameIn } from '../../../i18n/format.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { lookupIdentifier, type Lookup } from './api.ts';

/** Looks up a ROR id, SCHAC code, Erasmus code, PIC, ORCID iD or DOI. */
export function LookupBox() {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState('');
  const [found, setFound] = useState<Lookup | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFound(null);
    try {
      setFound(await lookupIdentifier(value.trim()));
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section aria-labelledby="lookup-heading">
      <h2 id="lookup-heading">{t('research.lookup.title')}</h2>
      <form role="search" onSubmit={submit}>
        <div className="field field-search">
          <label htmlFor="identifier-lookup">{t('research.lookup.label')}</label>
          <div className="search-row">
            <input
              id="identifier-lookup"
              type="search"
              value={value}
              autoComplete="off"
              aria-describedby="identifier-lookup-hint"
              onChange={(e) => setValue(e.target.value)}
            />
            <button type="submit" className="button button-primary" disabled={!value.trim()}>
              {t('research.lookup.button')}
            </button>
          </div>
          <p id="identifier-lookup-hint" className="hint">
            {t('research.lookup.hint')}
          </p>
        </div>
      </form>
      {error ? <ErrorAlert error={error} /> : null}
      {found ? (
        <div aria-live="polite">
          <p>
            {t(`research.lookup.kind.${found.kind}`)}: <code>{found.value}</code>
          </p>
          {found.institution ? (
            <p>
              <Link to={`/institutions/${encodeURIComponent(found.institution.id)}`}>
                {nameIn({ en: found.institution.name, ...found.institution.names }, i18n.language)}
              </Link>
            </p>
          ) : null}
          {found.person ? <p>{nameIn(found.person.name, i18n.language)}</p> : null}
          {found.publication ? (
            <p>
              {found.publication.title} ({found.publication.year})
            </p>
          ) : null}
          {found.publications?.length ? (
            <ul>
              {found.publications.map((p) => (
                <li key={p.id}>
                  {p.title} ({p.year})
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
