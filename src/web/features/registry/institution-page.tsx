import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { listAgreements } from '../agreements/index.ts';
import { fieldIssues } from '../../api/client.ts';
import { addUnit, getInstitution, listUnits, updateInstitution } from './api.ts';
import {
  INSTITUTION_TYPES,
  LANGUAGES,
  ORG_UNIT_KINDS,
  type InstitutionDetail,
  type InstitutionPatch,
  type InstitutionType,
  type Names,
  type OrgUnitKind,
} from '../../api/contract.ts';
import { Field } from '../../components/ui/field.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { PlaceholderBadge } from '../../components/ui/placeholder-badge.tsx';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { AgreementTable } from '../agreements/index.ts';
import { CountryName, useCountryName } from '../../components/ui/country-name.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { LANGUAGE_LABELS, currentLanguage } from '../../i18n/i18n.ts';
import { formatNumber } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';

export function InstitutionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const resource = useResource(id, (signal) => getInstitution(id, signal));
  useDocumentTitle(resource.data ? localNameOf(resource.data) : t('institution.title'));

  return (
    <ResourceView
      resource={resource}
      notFound={<NotFoundPage message={t('institution.notFound', { id })} />}
      errorHeading={<h1>{t('institution.title')}</h1>}
    >
      {(institution) => <InstitutionView key={institution.id} initial={institution} />}
    </ResourceView>
  );
}

function InstitutionView({ initial }: { initial: InstitutionDetail }) {
  const { t } = useTranslation();
  const [institution, setInstitution] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const mayEdit = institution.may.edit;
  const { typeLabel, kindLabel } = useLabels();
  const countryNameOf = useCountryName();
  const otherNames = LANGUAGES.flatMap((lang) => {
    const value =
      lang === 'en' ? (institution.names.en ?? institution.name) : institution.names[lang];
    return value ? [{ lang, value }] : [];
  });
  const hasCoordinates =
    typeof institution.latitude === 'number' && typeof institution.longitude === 'number';
  const consortia = institution.consortia ?? [];

  return (
    <article className="detail">
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/institutions">{t('nav.institutions')}</Link>
          </li>
          <li aria-current="page">
            <LocalizedName entity={institution} />
          </li>
        </ol>
      </nav>
      <header className="detail-header">
        <h1>
          <LocalizedName entity={institution} />
        </h1>
        <p className="detail-subtitle">
          <span className="badge">{typeLabel(institution.type)}</span>{' '}
          {institution.invented ? <PlaceholderBadge /> : null}
          {t('institution.location', {
            city: institution.city,
            country: countryNameOf(institution.country),
          })}
        </p>
      </header>

      <div className="detail-grid">
        <section className="card" aria-labelledby="institution-facts">
          <h2 id="institution-facts">{t('institution.facts')}</h2>
          <dl className="facts">
            <dt>{t('institution.schac')}</dt>
            <dd>
              <code>{institution.id}</code>
            </dd>
            <dt>{t('institution.type')}</dt>
            <dd>{typeLabel(institution.type)}</dd>
            <dt>{t('institution.city')}</dt>
            <dd>{institution.city}</dd>
            <dt>{t('institution.country')}</dt>
            <dd>
              <CountryName code={institution.country} />
            </dd>
            <dt>{t('institution.coordinates')}</dt>
            <dd>
              {hasCoordinates ? (
                <Coordinates
                  latitude={institution.latitude as number}
                  longitude={institution.longitude as number}
                />
              ) : (
                t('institution.noCoordinates')
              )}
            </dd>
            <dt>{t('institution.website')}</dt>
            <dd>
              {institution.website ? (
                <a href={institution.website} rel="noopener noreferrer">
                  {institution.website}
                </a>
              ) : (
                t('institution.noWebsite')
              )}
            </dd>
            <dt>{t('institution.districts')}</dt>
            <dd>
              {institution.districts.length === 0 ? (
                t('institution.noDistricts')
              ) : (
                <ul className="inline-list">
                  {institution.districts.map((district) => (
                    <li key={district.id}>
                      <Link to={`/institutions?district=${encodeURIComponent(district.id)}`}>
                        <LocalizedName entity={district} />
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        </section>

        <section className="card" aria-labelledby="institution-names">
          <h2 id="institution-names">{t('institution.names')}</h2>
          <dl className="facts">
            {otherNames.map(({ lang, value }) => (
              <div key={lang} className="facts-row">
                <dt>{LANGUAGE_LABELS[lang]}</dt>
                <dd lang={lang}>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section className="card" aria-labelledby="institution-consortia">
        <h2 id="institution-consortia">{t('institution.consortia')}</h2>
        {consortia.length === 0 ? (
          <p className="muted">{t('institution.noConsortia')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('consortia.name')}</th>
                  <th scope="col">{t('consortia.kind')}</th>
                  <th scope="col">{t('membership.joined')}</th>
                  <th scope="col">{t('membership.left')}</th>
                </tr>
              </thead>
              <tbody>
                {consortia.map((membership) => (
                  <tr key={membership.id}>
                    <th scope="row">
                      <Link to={`/consortia/${encodeURIComponent(membership.id)}`}>
                        <LocalizedName entity={membership} />
                      </Link>
                    </th>
                    <td data-label={t('consortia.kind')}>{kindLabel(membership.kind)}</td>
                    <td data-label={t('membership.joined')}>
                      {membership.joinedOn ? <FormattedDate value={membership.joinedOn} /> : '—'}
                    </td>
                    <td data-label={t('membership.left')}>
                      {membership.leftOn ? (
                        <FormattedDate value={membership.leftOn} />
                      ) : (
                        <span className="muted">{t('membership.current')}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div role="status">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      {mayEdit ? (
        <section className="card" aria-labelledby="institution-edit">
          <h2 id="institution-edit">{t('institutionEdit.title')}</h2>
          {editing ? (
            <InstitutionEditForm
              institution={institution}
              onCancel={() => setEditing(false)}
              onSaved={(next) => {
                setInstitution(next);
                setEditing(false);
                setNotice(t('institutionEdit.saved'));
              }}
            />
          ) : (
            <>
              <p className="muted">{t('institutionEdit.intro')}</p>
              <button
                type="button"
                className="button button-secondary"
                data-testid="edit-institution"
                onClick={() => {
                  setNotice(null);
                  setEditing(true);
                }}
              >
                {t('institutionEdit.open')}
              </button>
            </>
          )}
        </section>
      ) : null}

      <UnitsSection institutionId={institution.id} mayEdit={mayEdit} />

      <section className="card" aria-labelledby="institution-agreements">
        <h2 id="institution-agreements">{t('institution.agreements')}</h2>
        <InstitutionAgreements institutionId={institution.id} />
      </section>
    </article>
  );
}

function InstitutionAgreements({ institutionId }: { institutionId: string }) {
  const agreements = useResource(`agreements|${institutionId}`, (signal) =>
    listAgreements({ party: institutionId }, signal),
  );
  if (agreements.status === 'loading') return <Loading />;
  if (agreements.status === 'error') {
    return <ErrorAlert error={agreements.error} onRetry={agreements.reload} />;
  }
  return <AgreementTable items={agreements.data.items} />;
}

type EditDraft = {
  name: string;
  names: Record<'en' | 'ja' | 'ru' | 'fr', string>;
  type: InstitutionType;
  country: string;
  city: string;
  latitude: string;
  longitude: string;
  website: string;
};

/** A coordinate from its input: null when empty; text that is no number goes as typed, so
 * that the server's 400 names the field. */
function coordinate(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
}

/** PATCH /institutions/{id}: the server decides; a 400 shows next to its field. */
function InstitutionEditForm({
  institution,
  onCancel,
  onSaved,
}: {
  institution: InstitutionDetail;
  onCancel: () => void;
  onSaved: (next: InstitutionDetail) => void;
}) {
  const { t } = useTranslation();
  const { typeLabel } = useLabels();
  const id = useId();
  const [draft, setDraft] = useState<EditDraft>(() => ({
    name: institution.name,
    names: {
      en: institution.names.en ?? '',
      ja: institution.names.ja ?? '',
      ru: institution.names.ru ?? '',
      fr: institution.names.fr ?? '',
    },
    type: institution.type,
    country: institution.country,
    city: institution.city,
    latitude: institution.latitude === null ? '' : String(institution.latitude),
    longitude: institution.longitude === null ? '' : String(institution.longitude),
    website: institution.website ?? '',
  }));
  const { busy, error, run } = useAction();
  const issues = fieldIssues(error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const names: Names = Object.fromEntries(
      Object.entries(draft.names).map(([lang, value]) => [lang, value.trim()]),
    );
    const patch: InstitutionPatch = {
      name: draft.name.trim(),
      names,
      type: draft.type,
      country: draft.country.trim().toUpperCase(),
      city: draft.city.trim(),
      latitude: coordinate(draft.latitude),
      longitude: coordinate(draft.longitude),
      ...(draft.website.trim() ? { website: draft.website.trim() } : {}),
    };
    void run(async (csrfToken) =>
      onSaved(await updateInstitution(institution.id, patch, csrfToken)),
    );
  };

  const input = (
    field: 'name' | 'country' | 'city' | 'latitude' | 'longitude' | 'website',
    label: string,
    extra: { type?: string; inputMode?: 'decimal'; maxLength?: number; required?: boolean } = {},
  ) => (
    <TextField
      id={`${id}-${field}`}
      name={field}
      label={label}
      value={draft[field]}
      onChange={(value) => setDraft({ ...draft, [field]: value })}
      messages={messagesFor(issues, `body.${field}`)}
      {...extra}
    />
  );

  return (
    <form className="form" data-testid="institution-edit-form" onSubmit={onSubmit}>
      <FormErrors error={error} />
      {input('name', t('institutionEdit.name'), { required: true })}
      <fieldset className="fieldset">
        <legend>{t('institution.names')}</legend>
        <div className="field-row">
          {LANGUAGES.map((lang) => (
            <TextField
              key={lang}
              id={`${id}-names-${lang}`}
              name={`names.${lang}`}
              label={LANGUAGE_LABELS[lang]}
              lang={lang}
              value={draft.names[lang]}
              onChange={(value) => setDraft({ ...draft, names: { ...draft.names, [lang]: value } })}
              messages={messagesFor(issues, `body.names.${lang}`)}
            />
          ))}
        </div>
      </fieldset>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('institution.type')}</label>
          <select
            id={`${id}-type`}
            name="type"
            value={draft.type}
            onChange={(event) =>
              setDraft({ ...draft, type: event.target.value as InstitutionType })
            }
          >
            {INSTITUTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </select>
        </div>
        {input('country', t('institutionEdit.country'), { maxLength: 2, required: true })}
        {input('city', t('institution.city'), { required: true })}
      </div>
      <div className="field-row">
        {input('latitude', t('institutionEdit.latitude'), { inputMode: 'decimal' })}
        {input('longitude', t('institutionEdit.longitude'), { inputMode: 'decimal' })}
      </div>
      {input('website', t('institution.website'), { type: 'url' })}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('institutionEdit.save')}
        </button>
        <button type="button" className="button button-link" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}

function TextField({
  id,
  name,
  label,
  value,
  onChange,
  messages,
  lang,
  type = 'text',
  inputMode,
  maxLength,
  required,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  messages: string[];
  lang?: string;
  type?: string;
  inputMode?: 'decimal';
  maxLength?: number;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} messages={messages}>
      {(control) => (
        <input
          {...control}
          name={name}
          type={type}
          lang={lang}
          inputMode={inputMode}
          maxLength={maxLength}
          required={required}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

/** Faculties, graduate schools and courses; those who may edit the institution add them. */
function UnitsSection({ institutionId, mayEdit }: { institutionId: string; mayEdit: boolean }) {
  const { t } = useTranslation();
  const { unitKindLabel } = useLabels();
  const id = useId();
  const [revision, setRevision] = useState(0);
  const units = useResource(`${institutionId}|units|${revision}`, (signal) =>
    listUnits(institutionId, signal),
  );
  const [kind, setKind] = useState<OrgUnitKind>('faculty');
  const [name, setName] = useState('');
  const [localNames, setLocalNames] = useState<Record<'ja' | 'ru' | 'fr', string>>({
    ja: '',
    ru: '',
    fr: '',
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const issues: FieldIssue[] = fieldIssues(error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNotice(null);
    void run(async (csrfToken) => {
      const unit = await addUnit(
        institutionId,
        { kind, name: name.trim(), names: { en: name.trim(), ...localNames } },
        csrfToken,
      );
      setNotice(t('units.added', { name: unit.name }));
      setName('');
      setLocalNames({ ja: '', ru: '', fr: '' });
      setRevision((n) => n + 1);
    });
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="org-units">
      <h2 id={`${id}-title`}>{t('units.title')}</h2>
      {units.status === 'loading' ? <Loading /> : null}
      {units.status === 'error' ? <ErrorAlert error={units.error} onRetry={units.reload} /> : null}
      {units.status === 'success' ? (
        units.data.items.length === 0 ? (
          <p className="muted">{t('units.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('units.name')}</th>
                  <th scope="col">{t('units.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {units.data.items.map((unit) => (
                  <tr key={unit.id}>
                    <th scope="row">
                      <LocalizedName entity={unit} />
                    </th>
                    <td data-label={t('units.kind')}>{unitKindLabel(unit.kind)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      ) : null}
      {mayEdit ? (
        <form className="form add-unit-form" aria-labelledby={`${id}-add`} onSubmit={onSubmit}>
          <h3 id={`${id}-add`}>{t('units.add')}</h3>
          <div role="status">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
          <FormErrors error={error} />
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{t('units.kind')}</label>
              <select
                id={`${id}-kind`}
                name="kind"
                value={kind}
                onChange={(event) => setKind(event.target.value as OrgUnitKind)}
              >
                {ORG_UNIT_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {unitKindLabel(value)}
                  </option>
                ))}
              </select>
            </div>
            <TextField
              id={`${id}-name`}
              name="name"
              label={t('units.nameEn')}
              required
              value={name}
              onChange={setName}
              messages={messagesFor(issues, 'body.name')}
            />
          </div>
          <div className="field-row">
            {(['ja', 'ru', 'fr'] as const).map((lang) => (
              <TextField
                key={lang}
                id={`${id}-names-${lang}`}
                name={`names.${lang}`}
                label={LANGUAGE_LABELS[lang]}
                lang={lang}
                value={localNames[lang]}
                onChange={(value) => setLocalNames({ ...localNames, [lang]: value })}
                messages={messagesFor(issues, `body.names.${lang}`)}
              />
            ))}
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('units.add')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}

function Coordinates({ latitude, longitude }: { latitude: number; longitude: number }) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const lat = formatNumber(Math.abs(latitude), language, 4);
  const lon = formatNumber(Math.abs(longitude), language, 4);
  const latText =
    latitude >= 0 ? t('coordinates.north', { value: lat }) : t('coordinates.south', { value: lat });
  const lonText =
    longitude >= 0 ? t('coordinates.east', { value: lon }) : t('coordinates.west', { value: lon });
  const mapUrl = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=12/${latitude}/${longitude}`;
  return (
    <>
      <span>{t('coordinates.pair', { latitude: latText, longitude: lonText })}</span>{' '}
      <a href={mapUrl} target="_blank" rel="noopener noreferrer" className="small">
        {t('institution.openMap')}
        <span className="visually-hidden"> {t('actions.opensInNewTab')}</span>
      </a>
    </>
  );
}
