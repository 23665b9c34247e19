import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import {
  LocalizedTextFields,
  emptyLocalized,
  type LocalizedDraft,
} from '../../components/ui/localized-text-fields.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import { openLiaisonOffice, type EventDetail, type Localized } from './api.ts';
import { CountrySelect } from './form-controls.tsx';
import { useText } from './local-text.tsx';
import { loadParties, type Parties } from './parties.ts';

const filled = (text: LocalizedDraft): Localized =>
  Object.fromEntries(
    Object.entries(text)
      .map(([k, v]) => [k, v.trim()])
      .filter(([, v]) => v !== ''),
  ) as Localized;
const orNull = (v: string) => (v.trim() === '' ? null : v.trim());

/**
 * For the organisers of a signing ceremony with no liaison office yet: the office it opens
 * enters the registry (opened on the ceremony's last day) and the ceremony links to it.
 */
export function LiaisonOfficeSection({
  event,
  onDone,
}: {
  event: EventDetail;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const parties = useResource(`liaison-parties|${event.id}`, (signal) => loadParties(signal));
  return (
    <section className="card" aria-labelledby="liaison-office-form">
      <h2 id="liaison-office-form">{t('events.liaisonForm.title')}</h2>
      <p className="muted">{t('events.liaisonForm.intro')}</p>
      <ResourceView resource={parties}>
        {(data) => <LiaisonOfficeForm event={event} parties={data} onDone={onDone} />}
      </ResourceView>
    </section>
  );
}

function LiaisonOfficeForm({
  event,
  parties,
  onDone,
}: {
  event: EventDetail;
  parties: Parties;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const action = useAction();
  const firstOrganiser = event.organisers.find((o) => o.type === 'institution')?.id ?? '';
  const [institutionId, setInstitutionId] = useState(firstOrganiser);
  const [consortiumId, setConsortiumId] = useState('');
  const [name, setName] = useState('');
  const [names, setNames] = useState<LocalizedDraft>(emptyLocalized());
  const [city, setCity] = useState('');
  const [country, setCountry] = useState('');
  const [department, setDepartment] = useState('');
  const [person, setPerson] = useState('');
  const [contact, setContact] = useState('');
  const issues = fieldIssues(action.error);
  const byName = <T extends { name: Localized }>(list: T[]) =>
    [...list].sort((a, b) => text(a.name).localeCompare(text(b.name)));
  const institutions = byName(parties.institutions);
  const consortia = byName(parties.parties.filter((p) => p.type === 'consortium'));

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const ok = await action.run((csrf) =>
      openLiaisonOffice(
        event.id,
        {
          institutionId,
          consortiumId: consortiumId || null,
          name: name.trim(),
          names: filled(names),
          city: city.trim(),
          country,
          department: orNull(department),
          person: orNull(person),
          contact: orNull(contact),
        },
        csrf,
      ),
    );
    if (ok) onDone();
  };

  const text1 = (
    key: 'name' | 'city' | 'department' | 'person' | 'contact',
    value: string,
    setter: (v: string) => void,
    required = false,
  ) => (
    <Field
      id={`liaison-${key}`}
      label={t(`events.liaisonForm.${key}`)}
      messages={messagesFor(issues, `body.${key}`)}
    >
      {(p) => (
        <input
          {...p}
          name={key}
          type="text"
          required={required}
          value={value}
          onChange={(e) => setter(e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <form className="form" data-testid="liaison-office-form" onSubmit={(e) => void onSubmit(e)}>
      <FormErrors error={action.error} />
      <div className="field-row">
        <Field
          id="liaison-institution"
          label={t('events.liaisonForm.institution')}
          messages={messagesFor(issues, 'body.institutionId')}
        >
          {(p) => (
            <select
              {...p}
              name="institutionId"
              required
              value={institutionId}
              onChange={(e) => setInstitutionId(e.target.value)}
            >
              <option value="">{t('events.liaisonForm.chooseInstitution')}</option>
              {institutions.map((o) => (
                <option key={o.id} value={o.id}>
                  {text(o.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="liaison-consortium"
          label={t('events.liaisonForm.consortium')}
          messages={messagesFor(issues, 'body.consortiumId')}
        >
          {(p) => (
            <select
              {...p}
              name="consortiumId"
              value={consortiumId}
              onChange={(e) => setConsortiumId(e.target.value)}
            >
              <option value="">{t('events.liaisonForm.noConsortium')}</option>
              {consortia.map((o) => (
                <option key={o.id} value={o.id}>
                  {text(o.name)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {text1('name', name, setName, true)}
      <LocalizedTextFields
        id="liaison-names"
        name="names"
        field="body.names"
        issues={issues}
        legend={t('events.liaisonForm.names')}
        value={names}
        onChange={setNames}
        row
      />
      <div className="field-row">
        {text1('city', city, setCity, true)}
        <CountrySelect
          id="liaison-country"
          name="country"
          label={t('events.liaisonForm.country')}
          value={country}
          onChange={setCountry}
          messages={messagesFor(issues, 'body.country')}
          required
          emptyLabel={t('events.seriesForm.chooseCountry')}
        />
      </div>
      <div className="field-row">
        {text1('department', department, setDepartment)}
        {text1('person', person, setPerson)}
        {text1('contact', contact, setContact)}
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={action.busy}
          data-testid="open-liaison-office"
        >
          {t('events.liaisonForm.save')}
        </button>
      </div>
    </form>
  );
}
