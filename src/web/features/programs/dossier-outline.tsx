/** The editors of items 1–6 of 003 §6(1), the outline of the project (R15). */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, languageName, nameIn } from '../../../i18n/format.ts';
import { LANGUAGES } from '../../../domain/shared/refusal.ts';
import { Field } from '../../components/ui/field.tsx';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import type { Member } from './api.ts';
import {
  InstitutionSelect,
  LevelsField,
  Section,
  TextField,
  TextListField,
  useAt,
  useDossier,
} from './dossier-fields.tsx';
import { AgreementItem } from './dossier-agreement.tsx';
import {
  ImplementationItem,
  NumbersItem,
  RecognitionItem,
  ScheduleItem,
  ScreeningItem,
  TuitionWaiverItem,
} from './dossier-exchange.tsx';
import { fieldId } from './dossier-paths.ts';

type Side = 'home' | 'partner';
const KINDS: Member['kind'][] = ['university', 'academy_of_sciences', 'other'];

/** The title of item `no` as the reader reads it. */
export function useItem() {
  const { t } = useTranslation();
  return (no: number) => t(`programs.items.i${no}`);
}

export function OutlineSections() {
  return (
    <>
      <SignificanceItem />
      <ConsortiaItem />
      <FieldsItem />
      <LevelsItem />
      <CurriculumItem />
      <AdministrationItem />
      <AgreementItem />
      <ImplementationItem />
      <ScreeningItem />
      <NumbersItem />
      <ScheduleItem />
      <TuitionWaiverItem />
      <RecognitionItem />
    </>
  );
}

function SignificanceItem() {
  const { t } = useTranslation();
  const item = useItem();
  return (
    <Section path="outline.significance" no="1)" title={item(1)}>
      <TextField
        path="outline.significance.significance"
        label={t('programs.content.significance')}
        multiline
      />
      <TextField
        path="outline.significance.objective"
        label={t('programs.content.objective')}
        multiline
      />
      <TextListField
        path="outline.significance.goals"
        legend={t('programs.content.goals')}
        itemLabel={(n) => t('programs.editor.goal', { n })}
        addLabel={t('programs.editor.addGoal')}
      />
    </Section>
  );
}

function ConsortiaItem() {
  const { t } = useTranslation();
  const item = useItem();
  return (
    <Section path="outline.consortia" no="2)" title={item(2)} rule="R1">
      {(['home', 'partner'] as const).map((side) => (
        <ConsortiumEditor key={side} side={side} />
      ))}
      <p className="help">{t('programs.editor.membersHelp')}</p>
    </Section>
  );
}

function ConsortiumEditor({ side }: { side: Side }) {
  const { t } = useTranslation();
  const { content } = useDossier();
  const base = `outline.consortia.${side}`;
  return (
    <fieldset className="fieldset">
      <legend>{t(`programs.content.${side}`)}</legend>
      <TextField path={`${base}.name`} label={t('programs.editor.consortiumName')} />
      <MembersEditor side={side} />
      <InstitutionSelect
        path={`${base}.representativeId`}
        label={
          <>
            {t('programs.editor.representative')} <span className="muted">(R8)</span>
          </>
        }
        members={content.outline.consortia[side].members}
      />
    </fieldset>
  );
}

function MembersEditor({ side }: { side: Side }) {
  const { t, i18n } = useTranslation();
  const { dispatch, messages } = useDossier();
  const path = `outline.consortia.${side}.members`;
  const [members] = useAt<Member[]>(path);
  const id = useId();
  const [newId, setNewId] = useState('');
  const [newCountry, setNewCountry] = useState('');
  const [newKind, setNewKind] = useState<Member['kind']>('university');
  const own = messages(path);
  const add = () => {
    const institutionId = newId.trim();
    if (!institutionId) return;
    const member: Member = {
      institutionId,
      kind: newKind,
      name: {},
      country: newCountry.trim().toUpperCase(),
      city: {},
      higherEducationNote: {},
      outline: {},
      departments: [],
    };
    dispatch({ type: 'add', path, item: member });
    setNewId('');
    setNewCountry('');
  };
  return (
    <fieldset
      className="fieldset"
      data-testid={`members-${side}`}
      id={fieldId(path)}
      tabIndex={-1}
      {...invalidProps(`${fieldId(path)}-error`, own)}
    >
      <legend>{t(`programs.form.members.${side}`)}</legend>
      <FieldError id={`${fieldId(path)}-error`} messages={own} />
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
              onClick={() => dispatch({ type: 'remove', path, index: i })}
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

function FieldsItem() {
  const { t } = useTranslation();
  const item = useItem();
  return (
    <Section quiet path="outline.fields" no="3)" title={item(3)}>
      <TextListField
        path="outline.fields"
        legend={item(3)}
        itemLabel={(n) => t('programs.editor.field', { n })}
        addLabel={t('programs.editor.addField')}
      />
    </Section>
  );
}

function LevelsItem() {
  const item = useItem();
  return (
    <Section quiet path="outline.levels" no="4)" title={item(4)} rule="R3">
      <LevelsField path="outline.levels" legend={item(4)} />
    </Section>
  );
}

/** Languages of instruction: the platform's four and any other already named. */
function LanguagesField({ path }: { path: string }) {
  const { t, i18n } = useTranslation();
  const { messages } = useDossier();
  const [value, set] = useAt<string[]>(path);
  const chosen = value ?? [];
  const offered = [
    ...LANGUAGES,
    ...chosen.filter((l) => !(LANGUAGES as readonly string[]).includes(l)),
  ];
  const id = fieldId(path);
  const own = messages(path);
  return (
    <fieldset id={id} className="fieldset" tabIndex={-1} {...invalidProps(`${id}-error`, own)}>
      <legend>{t('programs.content.languages')}</legend>
      <div className="radio-row">
        {offered.map((lang) => (
          <label className="check" key={lang}>
            <input
              type="checkbox"
              name={`${path}.${lang}`}
              checked={chosen.includes(lang)}
              onChange={(e) =>
                set(e.target.checked ? [...chosen, lang] : chosen.filter((l) => l !== lang))
              }
            />
            {languageName(lang, i18n.language)}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} messages={own} />
    </fieldset>
  );
}

function CurriculumItem() {
  const { t } = useTranslation();
  const item = useItem();
  const base = 'outline.curriculum';
  return (
    <Section path={base} no="5)" title={item(5)}>
      <LanguagesField path={`${base}.languages`} />
      <TextField path={`${base}.lectures`} label={t('programs.content.lectures')} multiline />
      <TextField path={`${base}.schoolHours`} label={t('programs.content.schoolHours')} multiline />
      <TextField path={`${base}.credits`} label={t('programs.content.credits')} multiline />
      <TextField path={`${base}.syllabus`} label={t('programs.content.syllabus')} multiline />
    </Section>
  );
}

function AdministrationItem() {
  const item = useItem();
  return (
    <Section quiet path="outline.administration" no="6)" title={item(6)}>
      <TextField path="outline.administration" label={item(6)} multiline />
    </Section>
  );
}
