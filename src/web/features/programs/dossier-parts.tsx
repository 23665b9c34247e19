/**
 * The editors of 003 §6(2)–(5): liaison office and payment flows (R8), the implementation plan,
 * the outlines of the members (R17 — 003 §7(3)) and the persons in charge.
 */
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/format.ts';
import { FieldError } from '../../components/ui/field-error.tsx';
import { TEXT_LANGUAGES, type TextLanguage } from '../../components/ui/localized-text-fields.tsx';
import type { Member, ProjectApplication } from './api.ts';
import {
  InstitutionSelect,
  LevelsField,
  ListField,
  Section,
  StringField,
  TextField,
  TextListField,
  useDossier,
} from './dossier-fields.tsx';
import { fieldId } from './dossier-paths.ts';

type Person = ProjectApplication['personsInCharge'][number];

/** A person of the application: name, position, department, contacts. */
function PersonFields({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <TextField path={`${path}.name`} label={t('programs.editor.personName')} />
      <TextField path={`${path}.position`} label={t('programs.editor.position')} />
      <TextField path={`${path}.department`} label={t('programs.editor.department')} />
      <div className="field-row">
        <StringField path={`${path}.email`} label={t('programs.editor.email')} type="email" />
        <StringField path={`${path}.phone`} label={t('programs.editor.phone')} type="tel" />
      </div>
    </>
  );
}

function OfficeFields({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <InstitutionSelect
        path={`${path}.institutionId`}
        label={t('programs.attachment.institution')}
      />
      <TextField path={`${path}.department`} label={t('programs.editor.office')} />
      <TextField path={`${path}.address`} label={t('programs.editor.address')} />
      <fieldset className="fieldset">
        <legend>{t('programs.editor.contactPerson')}</legend>
        <PersonFields path={`${path}.person`} />
      </fieldset>
    </>
  );
}

export function LiaisonSections() {
  const { t } = useTranslation();
  return (
    <Section path="liaison" title={t('programs.content.part2')} rule="R8">
      <Section path="liaison.office" no="1)" title={t('programs.content.liaisonOffice')}>
        <OfficeFields path="liaison.office" />
      </Section>
      <Section quiet path="liaison.implementationFlow" no="1)" title={t('programs.content.flow')}>
        <TextListField
          path="liaison.implementationFlow"
          legend={t('programs.content.flow')}
          itemLabel={(n) => t('programs.editor.step', { n })}
          addLabel={t('programs.editor.addStep')}
        />
      </Section>
      <Section
        quiet
        path="liaison.enrolmentConfirmation"
        no="2)"
        title={t('programs.content.payments')}
      >
        <TextField
          path="liaison.enrolmentConfirmation"
          label={t('programs.content.enrolmentConfirmation')}
          multiline
        />
        <TextField
          path="liaison.representativeRole"
          label={t('programs.content.representativeRole')}
          multiline
        />
        <TextField path="liaison.memberRole" label={t('programs.content.memberRole')} multiline />
      </Section>
      <Section path="liaison.travelOffice" no="3)" title={t('programs.content.travelOffice')}>
        <OfficeFields path="liaison.travelOffice" />
      </Section>
    </Section>
  );
}

export function PlanSection() {
  const { t } = useTranslation();
  return (
    <Section path="plan" title={t('programs.content.part3')}>
      <Section quiet path="plan.consultations" no="1)" title={t('programs.content.consultations')}>
        <ListField<{ when: string; where: unknown; what: unknown }>
          path="plan.consultations"
          legend={t('programs.content.consultations')}
          newItem={() => ({ when: '', where: {}, what: {} })}
          addLabel={t('programs.editor.addConsultation')}
          removeLabel={(i) =>
            t('programs.editor.removeRow', {
              row: t('programs.editor.consultation', { n: i + 1 }),
            })
          }
          row={(p) => (
            <>
              <StringField
                path={`${p}.when`}
                required
                label={t('programs.editor.when')}
                help={t('programs.editor.whenHelp')}
              />
              <TextField path={`${p}.where`} label={t('programs.editor.where')} />
              <TextField path={`${p}.what`} label={t('programs.editor.what')} multiline />
            </>
          )}
        />
      </Section>
      <Section quiet path="plan.evaluationDuring" no="2)" title={t('programs.content.evaluation')}>
        <TextField
          path="plan.evaluationDuring"
          label={t('programs.content.evaluationDuring')}
          multiline
        />
        <TextField
          path="plan.evaluationAfter"
          label={t('programs.content.evaluationAfter')}
          multiline
        />
      </Section>
    </Section>
  );
}

/** The languages a member's texts are asked in: the dossier's two, and all four abroad (R17). */
function memberLanguages(m: Member, homeCountry: string): readonly TextLanguage[] {
  return m.country === homeCountry ? ['ja', 'en'] : TEXT_LANGUAGES;
}

/** §6(4): each member's outline, city, the note on higher education abroad, its departments. */
export function MemberOutlinesSection() {
  const { t, i18n } = useTranslation();
  const { content, messages } = useDossier();
  const homeCountry = content.outline.consortia.home.members[0]?.country ?? 'JP';
  return (
    <Section path="memberOutlines" title={t('programs.content.part4')} rule="R17">
      <p className="help">{t('programs.editor.memberOutlinesHelp')}</p>
      {(['home', 'partner'] as const).map((side) =>
        content.outline.consortia[side].members.map((m, i) => {
          const path = `outline.consortia.${side}.members.${i}`;
          const block = `memberOutlines.${side}.${i}`;
          const languages = memberLanguages(m, homeCountry);
          const own = messages(block);
          return (
            <fieldset
              key={`${side}-${m.institutionId}-${i}`}
              id={fieldId(block)}
              className="fieldset"
              tabIndex={-1}
              data-member={m.institutionId}
            >
              <legend>{nameIn(m.name, i18n.language) || m.institutionId}</legend>
              <FieldError id={`${fieldId(block)}-error`} messages={own} />
              <TextField
                path={`${path}.name`}
                label={t('programs.member.name')}
                languages={TEXT_LANGUAGES}
              />
              <div className="field-row">
                <TextField
                  path={`${path}.city`}
                  label={t('programs.editor.city')}
                  languages={languages}
                />
                <TextField
                  path={`${path}.district`}
                  label={t('programs.editor.district')}
                  languages={languages}
                />
              </div>
              <TextField
                path={`${path}.outline`}
                label={t('programs.editor.memberOutline')}
                multiline
                languages={languages}
              />
              {m.country === homeCountry ? null : (
                <TextField
                  path={`${path}.higherEducationNote`}
                  label={t('programs.editor.higherEducationNote')}
                  multiline
                  languages={languages}
                />
              )}
              <ListField<{ name: unknown; levels: unknown[]; outline: unknown }>
                path={`${path}.departments`}
                legend={t('programs.member.departments')}
                newItem={() => ({ name: {}, levels: [], outline: {} })}
                addLabel={t('programs.editor.addDepartment')}
                removeLabel={(j) =>
                  t('programs.editor.removeRow', {
                    row: t('programs.editor.departmentRow', { n: j + 1 }),
                  })
                }
                row={(p) => (
                  <>
                    <TextField
                      path={`${p}.name`}
                      label={t('programs.member.name')}
                      languages={languages}
                    />
                    <LevelsField path={`${p}.levels`} legend={t('programs.rules.levels')} />
                    <TextField
                      path={`${p}.outline`}
                      label={t('programs.editor.memberOutline')}
                      multiline
                      languages={languages}
                    />
                  </>
                )}
              />
            </fieldset>
          );
        }),
      )}
    </Section>
  );
}

/** §6(5) and 003 §11: the responsible person who submits, and the persons in charge. */
export function PersonsSection() {
  const { t } = useTranslation();
  const newPerson = (): Person => ({ name: {}, position: {}, institutionId: '', role: {} });
  return (
    <Section quiet path="personsInCharge" title={t('programs.content.part5')}>
      <fieldset className="fieldset" id={fieldId('responsiblePerson')} tabIndex={-1}>
        <legend>{t('programs.content.responsiblePerson')}</legend>
        <InstitutionSelect
          path="responsiblePerson.institutionId"
          label={t('programs.attachment.institution')}
        />
        <PersonFields path="responsiblePerson" />
      </fieldset>
      <ListField<Person>
        path="personsInCharge"
        legend={t('programs.editor.personsInCharge')}
        newItem={newPerson}
        addLabel={t('programs.editor.addPerson')}
        removeLabel={(i) =>
          t('programs.editor.removeRow', { row: t('programs.editor.person', { n: i + 1 }) })
        }
        row={(p) => (
          <>
            <TextField path={`${p}.role`} label={t('programs.editor.role')} />
            <InstitutionSelect
              path={`${p}.institutionId`}
              label={t('programs.attachment.institution')}
            />
            <PersonFields path={p} />
          </>
        )}
      />
    </Section>
  );
}
