/** The form that edits an institution's names, type, place and website. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { updateInstitution } from './api.ts';
import {
  INSTITUTION_TYPES,
  type InstitutionDetail,
  type InstitutionPatch,
  type InstitutionType,
  type Names,
} from '../../api/contract.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { messagesFor } from '../../lib/field-errors.ts';
import { LANGUAGE_LABELS } from '../../i18n/i18n.ts';
import { useLabels } from '../../lib/labels.ts';
import { TextField } from './text-field.tsx';
import { LocalizedTextFields } from '../../components/ui/localized-text-fields.tsx';
import { Field } from '../../components/ui/field.tsx';

export type EditDraft = {
  name: string;
  names: Record<'en' | 'ja' | 'ru' | 'fr', string>;
  type: InstitutionType;
  country: string;
  city: string;
  latitude: string;
  longitude: string;
  website: string;
  ror: string;
  erasmusCode: string;
  pic: string;
};

/** A coordinate from its input: null when empty; text that is no number goes as typed, so
 * that the server's 400 names the field. */
export function coordinate(value: string): number | null {
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : (trimmed as unknown as number);
}

/** PATCH /institutions/{id}: the server decides; a 400 shows next to its field. */
export function InstitutionEditForm({
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
    ror: institution.identifiers.ror ?? '',
    erasmusCode: institution.identifiers.erasmusCode ?? '',
    pic: institution.identifiers.pic ?? '',
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
      // Persistent identifiers: an empty field clears the identifier.
      ror: draft.ror.trim() || null,
      erasmusCode: draft.erasmusCode.trim() || null,
      pic: draft.pic.trim() || null,
    };
    void run(async (csrfToken) =>
      onSaved(await updateInstitution(institution.id, patch, csrfToken)),
    );
  };

  const input = (
    field:
      | 'name'
      | 'country'
      | 'city'
      | 'latitude'
      | 'longitude'
      | 'website'
      | 'ror'
      | 'erasmusCode'
      | 'pic',
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
      <LocalizedTextFields
        id={`${id}-names`}
        name="names"
        field="body.names"
        issues={issues}
        legend={t('institution.names')}
        className="fieldset"
        label={(_, lang) => LANGUAGE_LABELS[lang]}
        value={draft.names}
        onChange={(names) => setDraft({ ...draft, names })}
        row
      />
      <div className="field-row">
        <Field id={`${id}-type`} label={t('institution.type')}>
          {(control) => (
            <select
              {...control}
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
          )}
        </Field>
        {input('country', t('institutionEdit.country'), { maxLength: 2, required: true })}
        {input('city', t('institution.city'), { required: true })}
      </div>
      <div className="field-row">
        {input('latitude', t('institutionEdit.latitude'), { inputMode: 'decimal' })}
        {input('longitude', t('institutionEdit.longitude'), { inputMode: 'decimal' })}
      </div>
      {input('website', t('institution.website'), { type: 'url' })}
      <div className="field-row">
        {input('ror', t('research.identifiers.ror'), { maxLength: 60 })}
        {input('erasmusCode', t('research.identifiers.erasmusCode'), { maxLength: 20 })}
        {input('pic', t('research.identifiers.pic'), { maxLength: 12, inputMode: 'decimal' })}
      </div>
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
