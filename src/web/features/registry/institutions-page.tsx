import { useEffect, useId, useState, type FormEvent } from 'react';
import { SearchField } from '../../components/ui/search-field.tsx';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listGroupings, listInstitutionCountries, listInstitutions } from './api.ts';
import { INSTITUTION_TYPES } from '../../api/contract.ts';
import { CountryName, useCountryName } from '../../components/ui/country-name.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { ShowMore, useShowMore } from '../../components/ui/show-more.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useLabels } from '../../lib/labels.ts';
import { locale } from '../../lib/format.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { Field } from '../../components/ui/field.tsx';

const PAGE_SIZE = 20;
const FILTER_KEYS = ['q', 'country', 'type', 'district'] as const;

export function InstitutionsPage() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const [params, setParams] = useSearchParams();
  const localNameOf = useLocalName();
  const countryNameOf = useCountryName();
  const formId = useId();
  const { typeLabel } = useLabels();
  useDocumentTitle(t('institutions.title'));

  const q = params.get('q') ?? '';
  const country = params.get('country') ?? '';
  const type = params.get('type') ?? '';
  const district = params.get('district') ?? '';

  // The search box edits a draft; the URL follows after a short pause or on submit.
  const [draft, setDraft] = useState(q);
  const [draftSource, setDraftSource] = useState(q);
  if (draftSource !== q) {
    setDraftSource(q);
    if (draft.trim() !== q) setDraft(q);
  }

  const updateParams = (patch: Partial<Record<(typeof FILTER_KEYS)[number], string>>) => {
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      for (const [key, value] of Object.entries(patch)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  };

  useEffect(() => {
    if (draft.trim() === q) return;
    const timer = window.setTimeout(() => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          if (draft.trim()) next.set('q', draft.trim());
          else next.delete('q');
          return next;
        },
        { replace: true },
      );
    }, 350);
    return () => window.clearTimeout(timer);
  }, [draft, q, setParams]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    updateParams({ q: draft.trim() });
  };

  const query = {
    q: q || undefined,
    country: country || undefined,
    type: type || undefined,
    district: district || undefined,
    limit: PAGE_SIZE,
  };
  const list = useResource(JSON.stringify(query), (signal) => listInstitutions(query, signal));
  // Pages after the first, added by "Show more".
  const pages = useShowMore(list.status === 'success' ? list.data : null, (cursor) =>
    listInstitutions({ ...query, cursor }),
  );
  const groupings = useResource('groupings', (signal) => listGroupings(signal));
  const countries = useResource('countries', (signal) => listInstitutionCountries(signal));

  const collator = new Intl.Collator(locale(language));
  const countryOptions = [...(countries.data ?? [])];
  if (country && !countryOptions.includes(country)) countryOptions.push(country);
  countryOptions.sort((a, b) => collator.compare(countryNameOf(a), countryNameOf(b)));
  const districtOptions = [...(groupings.data?.items ?? [])].sort((a, b) =>
    collator.compare(localNameOf(a), localNameOf(b)),
  );
  const hasFilters = FILTER_KEYS.some((key) => params.get(key));

  return (
    <>
      <h1>{t('institutions.title')}</h1>
      <p className="muted">{t('institutions.intro')}</p>

      <form
        className="filters card"
        role="search"
        aria-label={t('institutions.searchLabel')}
        onSubmit={onSubmit}
      >
        <SearchField
          id={`${formId}-q`}
          label={t('institutions.search')}
          button={t('actions.search')}
          value={draft}
          onChange={setDraft}
          placeholder={t('institutions.searchPlaceholder')}
        />
        <Field id={`${formId}-country`} label={t('institutions.country')}>
          {(control) => (
            <select
              {...control}
              name="country"
              value={country}
              onChange={(event) => updateParams({ country: event.target.value })}
            >
              <option value="">{t('institutions.allCountries')}</option>
              {countryOptions.map((code) => (
                <option key={code} value={code}>
                  {countryNameOf(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${formId}-type`} label={t('institutions.type')}>
          {(control) => (
            <select
              {...control}
              name="type"
              value={type}
              onChange={(event) => updateParams({ type: event.target.value })}
            >
              <option value="">{t('institutions.allTypes')}</option>
              {INSTITUTION_TYPES.map((value) => (
                <option key={value} value={value}>
                  {typeLabel(value)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${formId}-district`} label={t('institutions.district')}>
          {(control) => (
            <select
              {...control}
              name="district"
              value={district}
              onChange={(event) => updateParams({ district: event.target.value })}
            >
              <option value="">{t('institutions.allDistricts')}</option>
              {districtOptions.map((grouping) => (
                <option key={grouping.id} value={grouping.id}>
                  {localNameOf(grouping)}
                </option>
              ))}
              {district && !districtOptions.some((g) => g.id === district) ? (
                <option value={district}>{district}</option>
              ) : null}
            </select>
          )}
        </Field>
        {hasFilters ? (
          <div className="field field-actions">
            <button
              type="button"
              className="button button-link"
              onClick={() => {
                setDraft('');
                setParams(new URLSearchParams());
              }}
            >
              {t('actions.clearFilters')}
            </button>
          </div>
        ) : null}
      </form>

      <section aria-labelledby={`${formId}-results`} aria-busy={list.status === 'loading'}>
        <h2 id={`${formId}-results`} className="visually-hidden">
          {t('institutions.results')}
        </h2>
        <ResourceView resource={list}>
          {(listData) =>
            listData.items.length === 0 ? (
              <div className="empty" role="status">
                <p>{hasFilters ? t('institutions.emptyFiltered') : t('institutions.empty')}</p>
              </div>
            ) : (
              <>
                <p className="result-count" role="status">
                  {t('institutions.count', {
                    count: listData.total,
                    from: 1,
                    to: pages.items.length,
                  })}
                </p>
                <div className="table-wrap">
                  <table className="data-table">
                    <caption className="visually-hidden">{t('institutions.results')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('institutions.name')}</th>
                        <th scope="col">{t('institutions.type')}</th>
                        <th scope="col">{t('institutions.city')}</th>
                        <th scope="col">{t('institutions.country')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {pages.items.map((institution) => (
                        <tr key={institution.id}>
                          <th scope="row">
                            <Link to={`/institutions/${encodeURIComponent(institution.id)}`}>
                              <LocalizedName entity={institution} />
                            </Link>
                            <span className="row-id">{institution.id}</span>
                          </th>
                          <td data-label={t('institutions.type')}>{typeLabel(institution.type)}</td>
                          <td data-label={t('institutions.city')}>{institution.city}</td>
                          <td data-label={t('institutions.country')}>
                            <CountryName code={institution.country} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <ShowMore list={pages} />
              </>
            )
          }
        </ResourceView>
      </section>
    </>
  );
}
