/** The editors of items 8–13 of 003 §6(1): how students are exchanged, screened, counted, scheduled, waived and recognised. */
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/ui/field-error.tsx';
import type { Level, ProjectApplication } from './api.ts';
import {
  CheckboxField,
  LevelsField,
  ListField,
  NumberField,
  Section,
  StringField,
  TextField,
  useAt,
  useDossier,
} from './dossier-fields.tsx';
import { AttachmentSelect } from './dossier-agreement.tsx';
import { useItem } from './dossier-outline.tsx';
import { fieldId } from './dossier-paths.ts';

export function ImplementationItem() {
  const { t } = useTranslation();
  const item = useItem();
  const base = 'outline.implementation';
  return (
    <Section path={base} no="8)" title={item(8)}>
      <TextField path={`${base}.summary`} label={t('programs.editor.summary')} multiline />
      <ListField<{ name: unknown; description: unknown; levels: Level[] }>
        path={`${base}.exchangeTypes`}
        legend={t('programs.editor.exchangeTypes')}
        newItem={() => ({ name: {}, description: {}, levels: [] })}
        addLabel={t('programs.editor.addExchangeType')}
        removeLabel={(i) =>
          t('programs.editor.removeRow', { row: t('programs.editor.exchangeType', { n: i + 1 }) })
        }
        row={(p, i) => (
          <>
            <TextField path={`${p}.name`} label={t('programs.editor.exchangeType', { n: i + 1 })} />
            <TextField
              path={`${p}.description`}
              label={t('programs.editor.description')}
              multiline
            />
            <LevelsField path={`${p}.levels`} legend={t('programs.rules.levels')} />
          </>
        )}
      />
    </Section>
  );
}

export function ScreeningItem() {
  const { t } = useTranslation();
  const item = useItem();
  const base = 'outline.screening';
  return (
    <Section path={base} no="9)" title={item(9)} rule="R6">
      <TextField
        path={`${base}.qualifications`}
        label={t('programs.content.qualifications')}
        multiline
      />
      <TextField path={`${base}.standards`} label={t('programs.content.standards')} multiline />
      <TextField path={`${base}.methods`} label={t('programs.content.methods')} multiline />
      <CheckboxField
        path={`${base}.commonToBothSides`}
        label={t('programs.content.commonToBothSides')}
      />
    </Section>
  );
}

type YearPlan = ProjectApplication['outline']['numbers'][number];

export function NumbersItem() {
  const { t } = useTranslation();
  const item = useItem();
  const path = 'outline.numbers';
  const [numbers] = useAt<YearPlan[]>(path);
  const next = (): YearPlan => {
    const last = numbers[numbers.length - 1];
    return {
      year: numbers.length + 1,
      ...(last?.fiscalYear !== undefined ? { fiscalYear: last.fiscalYear + 1 } : {}),
      outbound: { students: 0, studentMonths: 0 },
      inbound: { students: 0, studentMonths: 0 },
    };
  };
  return (
    <Section quiet path={path} no="10)" title={item(10)} rule="R4">
      <p className="help">{t('programs.editor.numbersHelp')}</p>
      <ListField<YearPlan>
        path={path}
        legend={item(10)}
        newItem={next}
        addLabel={t('programs.editor.addYear')}
        removeLabel={(i) =>
          t('programs.editor.removeRow', { row: t('programs.editor.year', { n: i + 1 }) })
        }
        row={(p) => (
          <div className="field-row">
            <NumberField path={`${p}.year`} label={t('programs.budget.year')} />
            <NumberField
              path={`${p}.fiscalYear`}
              label={t('programs.budget.fiscalYear')}
              optional
            />
            {(['outbound', 'inbound'] as const).map((dir) => (
              <fieldset key={dir} className="fieldset" id={fieldId(`${p}.${dir}`)} tabIndex={-1}>
                <legend>{t(`programs.content.${dir}`)}</legend>
                <NumberField path={`${p}.${dir}.students`} label={t('programs.budget.students')} />
                <NumberField
                  path={`${p}.${dir}.studentMonths`}
                  label={t('programs.budget.studentMonths')}
                />
                <DirectionMessages path={`${p}.${dir}`} />
              </fieldset>
            ))}
          </div>
        )}
      />
    </Section>
  );
}

/** The checks about one direction of a year as a whole (R14: months inconsistent with students). */
function DirectionMessages({ path }: { path: string }) {
  const { messages } = useDossier();
  return <FieldError id={`${fieldId(path)}-error`} messages={messages(path, true)} />;
}

export function ScheduleItem() {
  const { t } = useTranslation();
  const item = useItem();
  const { messages } = useDossier();
  const base = 'outline.schedule';
  const stay = `${base}.stayMonths`;
  return (
    <Section path={base} no="11)" title={item(11)} rule="R12">
      <TextField path={`${base}.recruitment`} label={t('programs.content.recruitment')} multiline />
      <TextField path={`${base}.start`} label={t('programs.content.start')} multiline />
      <fieldset id={fieldId(stay)} className="fieldset" tabIndex={-1}>
        <legend>{t('programs.rules.stay')}</legend>
        <div className="field-row">
          <NumberField path={`${stay}.min`} label={t('programs.editor.minMonths')} />
          <NumberField path={`${stay}.max`} label={t('programs.editor.maxMonths')} />
        </div>
        <FieldError id={`${fieldId(stay)}-error`} messages={messages(stay, true)} />
      </fieldset>
      <ListField<{ when: string; what: unknown }>
        path={`${base}.milestones`}
        legend={t('programs.editor.milestones')}
        newItem={() => ({ when: '', what: {} })}
        addLabel={t('programs.editor.addMilestone')}
        removeLabel={(i) =>
          t('programs.editor.removeRow', { row: t('programs.editor.milestone', { n: i + 1 }) })
        }
        row={(p, i) => (
          <>
            <StringField
              path={`${p}.when`}
              required
              label={t('programs.editor.when')}
              help={t('programs.editor.whenHelp')}
            />
            <TextField path={`${p}.what`} label={t('programs.editor.milestone', { n: i + 1 })} />
          </>
        )}
      />
    </Section>
  );
}

export function TuitionWaiverItem() {
  const { t } = useTranslation();
  const item = useItem();
  const base = 'outline.tuitionWaiver';
  return (
    <Section path={base} no="12)" title={item(12)} rule="R5">
      <CheckboxField path={`${base}.stipulated`} label={t('programs.editor.waiverStipulated')} />
      <TextField path={`${base}.clause`} label={t('programs.editor.clause')} />
      <AttachmentSelect
        path={`${base}.copyAttachmentId`}
        label={t('programs.editor.waiverCopy')}
        kinds={['tuition-waiver-agreement', 'agreement-copy']}
        newKind="tuition-waiver-agreement"
      />
    </Section>
  );
}

export function RecognitionItem() {
  const { t } = useTranslation();
  const item = useItem();
  const base = 'outline.recognition';
  return (
    <Section path={base} no="13)" title={item(13)} rule="R7">
      <TextField path={`${base}.system`} label={t('programs.editor.recognitionSystem')} multiline />
      <CheckboxField
        path={`${base}.commonToAllMembers`}
        label={t('programs.content.commonToAllMembers')}
      />
    </Section>
  );
}
