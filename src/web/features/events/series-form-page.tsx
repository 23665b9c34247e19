import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router';
import { fieldIssues } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FieldError, FormErrors } from '../../components/ui/field-error.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import {
  LocalizedTextFields,
  emptyLocalized,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { createSeries, type Localized, type PartyRef } from './api.ts';
import { CountrySelect, PartiesSelect } from './form-controls.tsx';
import { loadParties, type Parties } from './parties.ts';
import { useText } from './local-text.tsx';
import './events.css';

const filled = (text: LocalizedDraft): Localized =>
  Object.fromEntries(
    Object.entries(text)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  ) as Localized;

const partyOf = (key: string): PartyRef => {
  const at = key.indexOf(':');
  return { type: key.slice(0, at) as PartyRef['type'], id: key.slice(at + 1) };
};

/** `/events/series/new`: organisers start a series, with its rotation rule and host candidates. */
export function SeriesFormPage() {
  const { t } = useTranslation();
  const session = useSession();
  const title = t('events.seriesForm.title');
  useDocumentTitle(title);
  const parties = useResource(session.status === 'signed-in' ? 'series-form' : null, (signal) =>
    loadParties(signal),
  );
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'anonymous')
    return <Navigate to="/sign-in" replace state={{ from: '/events/series/new' }} />;
  return (
    <>
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/events">{t('events.list.title')}</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <h1>{title}</h1>
      <p className="muted">{t('events.seriesForm.intro')}</p>
      <ResourceView resource={parties}>{(data) => <SeriesForm parties={data} />}</ResourceView>
    </>
  );
}

type Candidate = { id: string; country: string };

function SeriesForm({ parties }: { parties: Parties }) {
  const { t } = useTranslation();
  const text = useText();
  const navigate = useNavigate();
  const action = useAction();
  const [seriesTitle, setTitle] = useState<LocalizedDraft>(emptyLocalized());
  const [description, setDescription] = useState<LocalizedDraft>(emptyLocalized());
  const [organisers, setOrganisers] = useState<string[]>([]);
  const [rotate, setRotate] = useState(true);
  const [countries, setCountries] = useState<string[]>(['']);
  const [minMonths, setMinMonths] = useState('12');
  const [maxMonths, setMaxMonths] = useState('24');
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const issues = fieldIssues(action.error);
  const countryOf = new Map(parties.institutions.map((i) => [i.id, i.country]));
  const institutions = [...parties.institutions].sort((a, b) =>
    text(a.name).localeCompare(text(b.name)),
  );

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    let id = '';
    const ok = await action.run(async (csrf) => {
      const saved = await createSeries(
        {
          title: filled(seriesTitle),
          description: filled(description),
          organisers: organisers.map(partyOf),
          rotation: rotate
            ? {
                countries: countries.filter((c) => c !== ''),
                minMonths: Number(minMonths),
                maxMonths: Number(maxMonths),
              }
            : null,
          candidates: candidates.filter((c) => c.id !== ''),
        },
        csrf,
      );
      id = saved.id;
    });
    if (ok) void navigate(`/event-series/${encodeURIComponent(id)}`);
  };

  const months = (key: 'minMonths' | 'maxMonths', value: string, setter: (v: string) => void) => (
    <Field
      id={`series-${key}`}
      label={t(`events.seriesForm.${key}`)}
      messages={messagesFor(issues, `body.rotation.${key}`)}
    >
      {(p) => (
        <input
          {...p}
          name={key}
          type="number"
          min={1}
          max={120}
          required
          value={value}
          onChange={(e) => setter(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form card" data-testid="series-form" onSubmit={(e) => void onSubmit(e)}>
      <FormErrors error={action.error} />
      <LocalizedTextFields
        id="series-title"
        name="title"
        field="body.title"
        issues={issues}
        legend={t('events.form.title')}
        value={seriesTitle}
        onChange={setTitle}
        row
      />
      <LocalizedTextFields
        id="series-description"
        name="description"
        field="body.description"
        issues={issues}
        legend={t('events.form.description')}
        value={description}
        onChange={setDescription}
        multiline
        row
      />
      <PartiesSelect
        id="series-organisers"
        name="organisers"
        label={t('events.organisers')}
        parties={parties.parties}
        value={organisers}
        onChange={setOrganisers}
        messages={messagesFor(issues, 'body.organisers', true)}
        required
      />
      <fieldset data-testid="series-rotation">
        <legend>{t('events.seriesPage.rotation')}</legend>
        <label className="check">
          <input
            type="checkbox"
            name="rotate"
            checked={rotate}
            onChange={(e) => setRotate(e.target.checked)}
          />{' '}
          {t('events.seriesForm.rotate')}
        </label>
        {rotate ? (
          <>
            <p className="muted">{t('events.seriesForm.countriesHelp')}</p>
            {countries.map((c, i) => (
              <div key={i} className="field-row">
                <CountrySelect
                  id={`series-country-${i}`}
                  name={`rotation.countries.${i}`}
                  label={t('events.seriesForm.countryN', { number: i + 1 })}
                  value={c}
                  onChange={(code) => setCountries(countries.map((o, j) => (j === i ? code : o)))}
                  messages={messagesFor(issues, `body.rotation.countries[${i}]`)}
                  emptyLabel={t('events.seriesForm.chooseCountry')}
                />
                {countries.length > 1 ? (
                  <button
                    type="button"
                    className="button button-secondary"
                    onClick={() => setCountries(countries.filter((_, j) => j !== i))}
                  >
                    {t('events.seriesForm.removeCountry', { number: i + 1 })}
                  </button>
                ) : null}
              </div>
            ))}
            <FieldError
              id="series-countries-error"
              messages={messagesFor(issues, 'body.rotation.countries')}
            />
            <button
              type="button"
              className="button button-secondary"
              data-testid="add-country"
              onClick={() => setCountries([...countries, ''])}
            >
              {t('events.seriesForm.addCountry')}
            </button>
            <div className="field-row">
              {months('minMonths', minMonths, setMinMonths)}
              {months('maxMonths', maxMonths, setMaxMonths)}
            </div>
            <FieldError
              id="series-rotation-error"
              messages={messagesFor(issues, 'body.rotation')}
            />
          </>
        ) : null}
      </fieldset>
      <fieldset data-testid="series-candidates">
        <legend>{t('events.seriesForm.candidates')}</legend>
        <p className="muted">{t('events.seriesForm.candidatesHelp')}</p>
        {candidates.map((c, i) => (
          <div key={i} className="field-row">
            <Field
              id={`series-candidate-${i}`}
              label={t('events.seriesForm.candidateN', { number: i + 1 })}
              messages={messagesFor(issues, `body.candidates[${i}].id`)}
            >
              {(p) => (
                <select
                  {...p}
                  name={`candidates.${i}.id`}
                  value={c.id}
                  onChange={(e) => {
                    const id = e.target.value;
                    setCandidates(
                      candidates.map((o, j) =>
                        j === i ? { id, country: countryOf.get(id) ?? o.country } : o,
                      ),
                    );
                  }}
                >
                  <option value="">{t('events.seriesForm.chooseInstitution')}</option>
                  {institutions.map((o) => (
                    <option key={o.id} value={o.id}>
                      {text(o.name)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <CountrySelect
              id={`series-candidate-${i}-country`}
              name={`candidates.${i}.country`}
              label={t('events.seriesForm.candidateCountry', { number: i + 1 })}
              value={c.country}
              onChange={(country) =>
                setCandidates(candidates.map((o, j) => (j === i ? { ...o, country } : o)))
              }
              messages={messagesFor(issues, `body.candidates[${i}].country`)}
              emptyLabel={t('events.seriesForm.chooseCountry')}
            />
            <button
              type="button"
              className="button button-secondary"
              onClick={() => setCandidates(candidates.filter((_, j) => j !== i))}
            >
              {t('events.seriesForm.removeCandidate', { number: i + 1 })}
            </button>
          </div>
        ))}
        <FieldError
          id="series-candidates-error"
          messages={messagesFor(issues, 'body.candidates')}
        />
        <button
          type="button"
          className="button button-secondary"
          data-testid="add-candidate"
          onClick={() => setCandidates([...candidates, { id: '', country: '' }])}
        >
          {t('events.seriesForm.addCandidate')}
        </button>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.busy}
          data-testid="save-series"
        >
          {t('events.seriesForm.save')}
        </button>
      </div>
    </form>
  );
}
