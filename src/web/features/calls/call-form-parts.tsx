/** Parts of the call form: the hosts and the common rubric. */
import { LanguageSelect } from '../../components/ui/language-select.tsx';
import { useTranslation } from 'react-i18next';
import type { listAgreements } from '../agreements/index.ts';
import type { listAllConsortia, listAllInstitutions } from '../registry/index.ts';
import { Field } from '../../components/ui/field.tsx';
import { FieldError } from '../../components/ui/field-error.tsx';
import { LocalizedTextFields } from '../../components/ui/localized-text-fields.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { messagesFor, type FieldIssue } from '../../lib/field-errors.ts';
import type { listPrograms } from './api.ts';
import {
  CEFR,
  LEVELS,
  emptyNames,
  emptyHost,
  type CriterionDraft,
  type Draft,
  type HostDraft,
} from './call-form-draft.ts';

export type Lists = {
  programs: Awaited<ReturnType<typeof listPrograms>>['items'];
  agreements: Awaited<ReturnType<typeof listAgreements>>['items'];
  consortia: Awaited<ReturnType<typeof listAllConsortia>>;
  institutions: Awaited<ReturnType<typeof listAllInstitutions>>;
};

type PartProps = {
  d: Draft;
  set: (patch: Partial<Draft>) => void;
  issues: readonly FieldIssue[];
};

/** The hosts: institution, consortium, places per level and language requirements. */
export function HostsFieldset({
  d,
  set,
  setHost,
  issues,
  consortia,
  institutions,
}: PartProps & {
  setHost: (i: number, patch: Partial<HostDraft>) => void;
  consortia: Lists['consortia'];
  institutions: Lists['institutions'];
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <fieldset>
      <legend>{t('calls.hosts')}</legend>
      <FieldError id="call-hosts-error" messages={messagesFor(issues, 'body.hosts')} />
      {d.hosts.map((h, i) => (
        <fieldset key={i} className="calls-form-host" data-testid={`host-${i}`}>
          <legend>{t('calls.form.hostN', { n: i + 1 })}</legend>
          <div className="field-row">
            <Field
              id={`host-${i}-institution`}
              label={t('calls.host')}
              messages={messagesFor(issues, `body.hosts[${i}].institutionId`, true)}
            >
              {(p) => (
                <select
                  {...p}
                  name={`hosts[${i}].institutionId`}
                  value={h.institutionId}
                  onChange={(e) => setHost(i, { institutionId: e.target.value })}
                >
                  <option value="">{t('calls.form.choose')}</option>
                  {institutions.map((inst) => (
                    <option key={inst.id} value={inst.id}>
                      {localName(inst)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`host-${i}-consortium`}
              label={t('calls.form.hostConsortium')}
              messages={messagesFor(issues, `body.hosts[${i}].consortiumId`, true)}
            >
              {(p) => (
                <select
                  {...p}
                  name={`hosts[${i}].consortiumId`}
                  value={h.consortiumId}
                  onChange={(e) => setHost(i, { consortiumId: e.target.value })}
                >
                  <option value="">{t('calls.form.none')}</option>
                  {consortia.map((c) => (
                    <option key={c.id} value={c.id}>
                      {localName(c)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="field-row">
            {LEVELS.map((level) => (
              <Field
                key={level}
                id={`host-${i}-places-${level}`}
                label={t('calls.form.placesFor', { level: t(`calls.params.${level}`) })}
                messages={messagesFor(issues, `body.hosts[${i}].places`, true)}
              >
                {(p) => (
                  <input
                    {...p}
                    type="number"
                    min={0}
                    name={`hosts[${i}].places.${level}`}
                    value={h.places[level]}
                    onChange={(e) =>
                      setHost(i, { places: { ...h.places, [level]: e.target.value } })
                    }
                  />
                )}
              </Field>
            ))}
          </div>
          <p className="muted">{t('calls.form.languagesHint')}</p>
          {h.languages.map((l, k) => (
            <div className="field-row" key={k}>
              <Field
                id={`host-${i}-lang-${k}`}
                label={t('calls.form.language')}
                messages={messagesFor(
                  issues,
                  `body.hosts[${i}].languageRequirements[${k}].language`,
                  true,
                )}
              >
                {(p) => (
                  <LanguageSelect
                    {...p}
                    name={`hosts[${i}].languages[${k}].language`}
                    value={l.language}
                    onChange={(code) =>
                      setHost(i, {
                        languages: h.languages.map((x, j) =>
                          j === k ? { ...x, language: code } : x,
                        ),
                      })
                    }
                  />
                )}
              </Field>
              <Field
                id={`host-${i}-level-${k}`}
                label={t('calls.form.minLevel')}
                messages={messagesFor(
                  issues,
                  `body.hosts[${i}].languageRequirements[${k}].minLevel`,
                  true,
                )}
              >
                {(p) => (
                  <select
                    {...p}
                    name={`hosts[${i}].languages[${k}].minLevel`}
                    value={l.minLevel}
                    onChange={(e) =>
                      setHost(i, {
                        languages: h.languages.map((x, j) =>
                          j === k ? { ...x, minLevel: e.target.value } : x,
                        ),
                      })
                    }
                  >
                    {CEFR.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="button button-link"
                onClick={() => setHost(i, { languages: h.languages.filter((_, j) => j !== k) })}
              >
                {t('calls.form.removeLanguage')}
              </button>
            </div>
          ))}
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid={`host-${i}-add-language`}
              onClick={() =>
                setHost(i, { languages: [...h.languages, { language: '', minLevel: 'B1' }] })
              }
            >
              {t('calls.form.addLanguage')}
            </button>
            {d.hosts.length > 1 ? (
              <button
                type="button"
                className="button button-link"
                onClick={() => set({ hosts: d.hosts.filter((_, j) => j !== i) })}
              >
                {t('calls.form.removeHost')}
              </button>
            ) : null}
          </div>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-secondary"
        data-testid="add-host"
        onClick={() => set({ hosts: [...d.hosts, emptyHost()] })}
      >
        {t('calls.form.addHost')}
      </button>
    </fieldset>
  );
}

/** The common rubric of the consortium pair (R6), used under the agreement's consent (R16). */
export function RubricFieldset({ d, set, issues }: PartProps) {
  const { t } = useTranslation();
  return (
    <fieldset>
      <legend>{t('calls.form.rubric')}</legend>
      <label className="calls-check">
        <input
          type="checkbox"
          name="useRubric"
          checked={d.useRubric}
          onChange={(e) => set({ useRubric: e.target.checked })}
        />{' '}
        {t('calls.form.useRubric')}
      </label>
      <FieldError id="call-rubric-error" messages={messagesFor(issues, 'body.rubric', true)} />
      {d.useRubric ? (
        <>
          <p className="muted">{t('calls.form.rubricHint')}</p>
          <div className="field-row">
            {(
              [
                ['rubricId', t('calls.form.rubricId'), 'rubric.id'],
                ['scoreMin', t('calls.form.scoreMin'), 'rubric.scoreScale.min'],
                ['scoreMax', t('calls.form.scoreMax'), 'rubric.scoreScale.max'],
                ['minReviewers', t('calls.form.minReviewers'), 'rubric.minReviewers'],
                ['passMark', t('calls.form.passMark'), 'rubric.passMark'],
              ] as const
            ).map(([key, label, field]) => (
              <Field
                key={key}
                id={`rubric-${key}`}
                label={label}
                messages={messagesFor(issues, `body.${field}`, true)}
              >
                {(p) => (
                  <input
                    {...p}
                    type={key === 'rubricId' ? 'text' : 'number'}
                    step="any"
                    name={`rubric.${key}`}
                    value={d[key]}
                    onChange={(e) => set({ [key]: e.target.value })}
                  />
                )}
              </Field>
            ))}
          </div>
          {d.criteria.map((c, i) => (
            <div className="field-row" key={i}>
              {(['id', 'weight'] as const).map((key) => (
                <Field
                  key={key}
                  id={`criterion-${i}-${key}`}
                  label={t(`calls.form.criterion.${key}`)}
                  messages={messagesFor(issues, `body.rubric.criteria[${i}].${key}`, true)}
                >
                  {(p) => (
                    <input
                      {...p}
                      type={key === 'weight' ? 'number' : 'text'}
                      step="any"
                      value={c[key]}
                      onChange={(e) =>
                        set({
                          criteria: d.criteria.map((x, j) =>
                            j === i ? { ...x, [key]: e.target.value } : x,
                          ),
                        })
                      }
                    />
                  )}
                </Field>
              ))}
              <LocalizedTextFields
                id={`criterion-${i}-label`}
                name={`rubric.criteria.${i}.label`}
                field={`body.rubric.criteria[${i}].label`}
                issues={issues}
                label={(language) => t('calls.form.criterion.labelIn', { language })}
                value={c.label}
                onChange={(label) =>
                  set({ criteria: d.criteria.map((x, j) => (j === i ? { ...x, label } : x)) })
                }
              />
              <Field
                id={`criterion-${i}-source`}
                label={t('calls.form.criterion.source')}
                messages={messagesFor(issues, `body.rubric.criteria[${i}].source`, true)}
              >
                {(p) => (
                  <select
                    {...p}
                    value={c.source}
                    onChange={(e) =>
                      set({
                        criteria: d.criteria.map((x, j) =>
                          j === i
                            ? { ...x, source: e.target.value as CriterionDraft['source'] }
                            : x,
                        ),
                      })
                    }
                  >
                    <option value="reviewer">{t('calls.form.criterion.reviewer')}</option>
                    <option value="grade">{t('calls.form.criterion.grade')}</option>
                  </select>
                )}
              </Field>
              <button
                type="button"
                className="button button-link"
                onClick={() => set({ criteria: d.criteria.filter((_, j) => j !== i) })}
              >
                {t('calls.form.removeCriterion')}
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              set({
                criteria: [
                  ...d.criteria,
                  { id: '', label: emptyNames(), weight: '1', source: 'reviewer' },
                ],
              })
            }
          >
            {t('calls.form.addCriterion')}
          </button>
        </>
      ) : null}
    </fieldset>
  );
}
