import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { countryName, nameIn } from '../../../i18n/format.ts';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { LocalizedTextFields } from '../../components/ui/localized-text-fields.tsx';
import {
  saveDraft,
  type ApplicationView,
  type Level,
  type LocalizedText,
  type Member,
  type ProjectApplication,
} from './api.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { Field } from '../../components/ui/field.tsx';

const LEVELS: Level[] = ['bachelor', 'master', 'doctor'];
const KINDS: Member['kind'][] = ['university', 'academy_of_sciences', 'other'];
type Side = 'home' | 'partner';

/** A text with Japanese and English inputs (the dossier is rendered in both, R15). */
function BilingualField({
  name,
  label,
  value,
  onChange,
  multiline,
}: {
  name: string;
  label: string;
  value: LocalizedText;
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
}) {
  const id = useId();
  return (
    <LocalizedTextFields
      id={id}
      name={name}
      field={`body.content.${name}`}
      issues={[]}
      legend={label}
      className="fieldset programs-bilingual"
      languages={['ja', 'en']}
      value={value}
      onChange={onChange}
      multiline={multiline}
      rows={4}
    />
  );
}

function MembersEditor({
  side,
  members,
  onChange,
}: {
  side: Side;
  members: Member[];
  onChange: (members: Member[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [newId, setNewId] = useState('');
  const [newCountry, setNewCountry] = useState('');
  const [newKind, setNewKind] = useState<Member['kind']>('university');
  const add = () => {
    const institutionId = newId.trim();
    if (!institutionId) return;
    onChange([
      ...members,
      {
        institutionId,
        kind: newKind,
        name: {},
        country: newCountry.trim().toUpperCase(),
        city: {},
        higherEducationNote: {},
        outline: {},
        departments: [],
      },
    ]);
    setNewId('');
    setNewCountry('');
  };
  return (
    <fieldset className="fieldset" data-testid={`members-${side}`}>
      <legend>{t(`programs.form.members.${side}`)}</legend>
      <ul className="programs-member-list">
        {members.map((m, i) => (
          <li key={`${m.institutionId}-${i}`} className="repeat-row">
            <span>
              {nameIn(m.name, i18n.language) || m.institutionId} ·{' '}
              {countryName(m.country, i18n.language)} · {t(`programs.kinds.${m.kind}`)}
            </span>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => onChange(members.filter((_, j) => j !== i))}
            >
              {t('programs.form.members.remove', {
                name: nameIn(m.name, i18n.language) || m.institutionId,
              })}
            </button>
          </li>
        ))}
      </ul>
      <div className="field-row">
        <Field id={`${id}-id`} label={t('programs.member.institutionId')}>
          {(control) => (
            <input
              {...control}
              name={`${side}.newMember.id`}
              value={newId}
              placeholder="example.ac.jp"
              onChange={(e) => setNewId(e.target.value)}
            />
          )}
        </Field>
        <div className="field">
          <label htmlFor={`${id}-country`}>{t('programs.member.country')}</label>
          <input
            id={`${id}-country`}
            name={`${side}.newMember.country`}
            value={newCountry}
            maxLength={2}
            aria-describedby={`${id}-country-help`}
            onChange={(e) => setNewCountry(e.target.value.toUpperCase())}
          />
          <p id={`${id}-country-help`} className="help">
            {t('programs.form.members.countryHelp')}
          </p>
        </div>
        <Field id={`${id}-kind`} label={t('programs.member.kind')}>
          {(control) => (
            <select
              {...control}
              name={`${side}.newMember.kind`}
              value={newKind}
              onChange={(e) => setNewKind(e.target.value as Member['kind'])}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`programs.kinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <button
        type="button"
        className="button button-secondary"
        onClick={add}
        disabled={newId.trim() === ''}
      >
        {t('programs.form.members.add')}
      </button>
    </fieldset>
  );
}

/**
 * The draft editor: title, significance and objective, members of both consortia, levels and
 * fields. "Save draft" PUTs the whole content; the checks come back recomputed and are re-shown.
 */
export function ApplicationForm({
  view,
  onSaved,
}: {
  view: ApplicationView;
  onSaved: (view: ApplicationView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [content, setContent] = useState<ProjectApplication>(view.content);
  const { busy, error, run } = useAction();
  const [saved, setSaved] = useState(false);
  const o = content.outline;
  const setOutline = (patch: Partial<ProjectApplication['outline']>) => {
    setSaved(false);
    setContent((c) => ({ ...c, outline: { ...c.outline, ...patch } }));
  };
  const setMembers = (side: Side, members: Member[]) =>
    setOutline({ consortia: { ...o.consortia, [side]: { ...o.consortia[side], members } } });
  const issues = fieldIssues(error);

  async function save(event: FormEvent) {
    event.preventDefault();
    await run(async (csrfToken) => {
      const cleaned = {
        ...content,
        outline: {
          ...content.outline,
          fields: content.outline.fields.filter((f) =>
            Object.values(f).some((v) => typeof v === 'string' && v.trim() !== ''),
          ),
        },
      };
      const next = await saveDraft(view.id, cleaned, csrfToken);
      setSaved(true);
      onSaved(next);
    });
  }

  return (
    <section className="card" aria-labelledby="draft-title">
      <h2 id="draft-title">{t('programs.form.title')}</h2>
      <p className="help">{t('programs.form.help')}</p>
      <form className="form" onSubmit={save} noValidate data-testid="draft-form">
        {issues.length > 0 || error ? <FormErrors error={error} /> : null}
        <BilingualField
          name="title"
          label={t('programs.form.projectTitle')}
          value={content.title}
          onChange={(title) => {
            setSaved(false);
            setContent((c) => ({ ...c, title }));
          }}
        />
        <BilingualField
          name="significance"
          label={`1) ${t('programs.content.significance')}`}
          value={o.significance.significance}
          multiline
          onChange={(significance) =>
            setOutline({ significance: { ...o.significance, significance } })
          }
        />
        <BilingualField
          name="objective"
          label={`1) ${t('programs.content.objective')}`}
          value={o.significance.objective}
          multiline
          onChange={(objective) => setOutline({ significance: { ...o.significance, objective } })}
        />
        <MembersEditor
          side="home"
          members={o.consortia.home.members}
          onChange={(m) => setMembers('home', m)}
        />
        <MembersEditor
          side="partner"
          members={o.consortia.partner.members}
          onChange={(m) => setMembers('partner', m)}
        />
        <div className="field">
          <label htmlFor={`${id}-fields`}>3) {t('programs.items.i3')}</label>
          <textarea
            id={`${id}-fields`}
            name="fields"
            rows={4}
            aria-describedby={`${id}-fields-help`}
            value={o.fields.map((f) => f.en ?? f.ja ?? '').join('\n')}
            onChange={(e) =>
              setOutline({
                fields: e.target.value.split('\n').map((line, i) => {
                  const before = o.fields[i] ?? {};
                  // Edit the language shown: English, or Japanese when there is no English.
                  return before.en === undefined && before.ja !== undefined
                    ? { ...before, ja: line }
                    : { ...before, en: line };
                }),
              })
            }
          />
          <p id={`${id}-fields-help`} className="help">
            {t('programs.form.fieldsHelp')}
          </p>
        </div>
        <fieldset className="fieldset">
          <legend>4) {t('programs.items.i4')}</legend>
          {LEVELS.map((level) => (
            <label className="check" key={level}>
              <input
                type="checkbox"
                name={`levels.${level}`}
                checked={o.levels.includes(level)}
                onChange={(e) =>
                  setOutline({
                    levels: e.target.checked
                      ? LEVELS.filter((l) => l === level || o.levels.includes(l))
                      : o.levels.filter((l) => l !== level),
                  })
                }
              />
              {t(`programs.levels.${level}`)}
            </label>
          ))}
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('programs.saving') : t('programs.form.save')}
          </button>
          <span role="status" aria-live="polite" data-testid="save-status">
            {saved ? t('programs.form.saved') : ''}
          </span>
        </div>
      </form>
    </section>
  );
}
