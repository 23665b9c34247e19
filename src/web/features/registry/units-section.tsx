import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { addUnit, listUnits } from './api.ts';
import { ORG_UNIT_KINDS, type OrgUnitKind } from '../../api/contract.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { LANGUAGE_LABELS } from '../../i18n/i18n.ts';
import { useLabels } from '../../lib/labels.ts';
import { useResource } from '../../lib/use-resource.ts';
import { TextField } from './text-field.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { Field } from '../../components/ui/field.tsx';

/** Faculties, graduate schools and courses; those who may edit the institution add them. */
export function UnitsSection({
  institutionId,
  mayEdit,
}: {
  institutionId: string;
  mayEdit: boolean;
}) {
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
      <ResourceView resource={units}>
        {(unitsData) =>
          unitsData.items.length === 0 ? (
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
                  {unitsData.items.map((unit) => (
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
        }
      </ResourceView>
      {mayEdit ? (
        <form className="form add-unit-form" aria-labelledby={`${id}-add`} onSubmit={onSubmit}>
          <h3 id={`${id}-add`}>{t('units.add')}</h3>
          <div role="status">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
          <FormErrors error={error} />
          <div className="field-row">
            <Field id={`${id}-kind`} label={t('units.kind')}>
              {(control) => (
                <select
                  {...control}
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
              )}
            </Field>
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
