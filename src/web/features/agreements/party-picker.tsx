import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsortiumSummary, Institution, PartyType } from '../../api/contract.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { locale } from '../../lib/format.ts';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';

export type PartyDraft = { type: PartyType; id: string };

type Props = {
  /** `partyA` or `partyB`: the field name in the request, and in the server's errors. */
  name: 'partyA' | 'partyB';
  legend: string;
  value: PartyDraft;
  onChange: (value: PartyDraft) => void;
  institutions: readonly Institution[];
  consortia: readonly ConsortiumSummary[];
  issues: readonly FieldIssue[];
};

/** One party of an agreement: an institution or a consortium, chosen from the registry. */
export function PartyPicker({
  name,
  legend,
  value,
  onChange,
  institutions,
  consortia,
  issues,
}: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const localNameOf = useLocalName();
  const collator = new Intl.Collator(locale(currentLanguage(i18n.language)));
  const options = (value.type === 'institution' ? [...institutions] : [...consortia])
    .map((entity) => ({ id: entity.id, label: localNameOf(entity) }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const messages = messagesFor(issues, name, true);
  const errorId = `${id}-error`;

  return (
    <fieldset className="fieldset party-picker">
      <legend>{legend}</legend>
      <div className="radio-row">
        {(['institution', 'consortium'] as const).map((type) => (
          <label key={type} className="check">
            <input
              type="radio"
              name={`${name}.type`}
              value={type}
              checked={value.type === type}
              onChange={() => onChange({ type, id: '' })}
            />
            {type === 'institution'
              ? t('agreementForm.partyInstitution')
              : t('agreementForm.partyConsortium')}
          </label>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${id}-id`}>
          {value.type === 'institution'
            ? t('agreementForm.chooseInstitution')
            : t('agreementForm.chooseConsortium')}
        </label>
        <select
          id={`${id}-id`}
          name={`${name}.id`}
          required
          value={value.id}
          onChange={(event) => onChange({ type: value.type, id: event.target.value })}
          {...invalidProps(errorId, messages)}
        >
          <option value="">{t('agreementForm.choose')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError id={errorId} messages={messages} />
      </div>
    </fieldset>
  );
}
