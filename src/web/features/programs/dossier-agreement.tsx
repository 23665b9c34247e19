/** Item 7 of 003 §6(1), the agreement between the consortia (R2, R16), and attachment pickers. */
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../i18n/format.ts';
import { allMembers } from '../../../domain/program/application.ts';
import { Field } from '../../components/ui/field.tsx';
import { FieldError, invalidProps } from '../../components/ui/field-error.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { listAgreements } from '../agreements/index.ts';
import type { AgreementSummary } from '../../api/contract.ts';
import type { ProjectApplication } from './api.ts';
import { newAttachmentId } from './dossier-edit.ts';
import {
  CheckboxField,
  Section,
  StringField,
  TextField,
  useAt,
  useDossier,
} from './dossier-fields.tsx';
import { useItem } from './dossier-outline.tsx';
import { fieldId } from './dossier-paths.ts';
import { agreementsBetweenSides } from './dossier-registry.ts';

type Attachment = ProjectApplication['attachments'][number];

/**
 * An attachment of the given kinds chosen by its title, or a new one of `newKind` added to the
 * attachments (its title and file are then completed there).
 */
export function AttachmentSelect({
  path,
  label,
  kinds,
  newKind,
}: {
  path: string;
  label: string;
  kinds: Attachment['kind'][];
  newKind: Attachment['kind'];
}) {
  const { t, i18n } = useTranslation();
  const { content, dispatch, messages } = useDossier();
  const [value, set] = useAt<string | undefined>(path);
  const offered = content.attachments.filter((a) => kinds.includes(a.kind));
  const addNew = () => {
    const id = newAttachmentId(content.attachments);
    const attachment: Attachment = {
      id,
      kind: newKind,
      title: { en: t(`programs.attachmentKinds.${newKind}`) },
      language: 'ja',
    };
    dispatch({ type: 'add', path: 'attachments', item: attachment });
    set(id);
  };
  return (
    <div className="repeat-row">
      <Field id={fieldId(path)} label={label} messages={messages(path)}>
        {(control) => (
          <select
            {...control}
            name={path}
            value={value ?? ''}
            onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">{t('programs.editor.noAttachment')}</option>
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {nameIn(a.title, i18n.language) || a.id}
              </option>
            ))}
          </select>
        )}
      </Field>
      <button type="button" className="button button-secondary" onClick={addNew}>
        {t('programs.editor.addAttachment', { kind: t(`programs.attachmentKinds.${newKind}`) })}
      </button>
    </div>
  );
}

/**
 * Item 7: the agreement between the consortia, picked among the registry's agreements between
 * the two consortia or their members (R2 — 003 §5(2)); what it stipulates (R16 — 003 §7(2)).
 */
export function AgreementItem() {
  const { t, i18n } = useTranslation();
  const item = useItem();
  const { content, dispatch } = useDossier();
  const base = 'outline.agreement';
  const signatoriesPath = `${base}.signatories`;
  const [signatories, setSignatories] = useAt<string[]>(signatoriesPath);
  const { messages } = useDossier();
  const members = allMembers(content);
  const sigId = fieldId(signatoriesPath);
  const sigMessages = messages(signatoriesPath);
  return (
    <Section path={base} no="7)" title={item(7)} rule="R2">
      <RegistryAgreementPicker />
      <TextField path={`${base}.title`} label={t('programs.attachment.title')} />
      <StringField path={`${base}.signedOn`} label={t('programs.content.signedOn')} type="date" />
      <fieldset
        id={sigId}
        className="fieldset"
        tabIndex={-1}
        {...invalidProps(`${sigId}-error`, sigMessages)}
      >
        <legend>{t('programs.content.signatories')}</legend>
        <div className="radio-row">
          {members.map((m) => (
            <label className="check" key={m.institutionId}>
              <input
                type="checkbox"
                name={`${signatoriesPath}.${m.institutionId}`}
                checked={signatories.includes(m.institutionId)}
                onChange={(e) =>
                  setSignatories(
                    e.target.checked
                      ? [...signatories, m.institutionId]
                      : signatories.filter((s) => s !== m.institutionId),
                  )
                }
              />
              {nameIn(m.name, i18n.language) || m.institutionId}
            </label>
          ))}
        </div>
        <FieldError id={`${sigId}-error`} messages={sigMessages} />
      </fieldset>
      <AttachmentSelect
        path={`${base}.copyAttachmentId`}
        label={t('programs.editor.agreementCopy')}
        kinds={['agreement-copy']}
        newKind="agreement-copy"
      />
      <CheckboxField
        path={`${base}.stipulatesScreening`}
        label={t('programs.editor.stipulatesScreening')}
        rule="R16"
      />
      <CheckboxField
        path={`${base}.stipulatesRecognition`}
        label={t('programs.editor.stipulatesRecognition')}
        rule="R16"
      />
      {members.length === 0 ? null : (
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            dispatch({
              type: 'set',
              path: signatoriesPath,
              value: members.map((m) => m.institutionId),
            })
          }
        >
          {t('programs.editor.allSign')}
        </button>
      )}
    </Section>
  );
}

function RegistryAgreementPicker() {
  const { t, i18n } = useTranslation();
  const { content, messages } = useDossier();
  const path = 'outline.agreement.registryAgreementId';
  const [value, set] = useAt<string | undefined>(path);
  const [title, setTitle] = useAt<Record<string, string>>('outline.agreement.title');
  const loaded = useResource('agreements|all', (signal) => listAgreements({}, signal));
  const offered =
    loaded.status === 'success' ? agreementsBetweenSides(loaded.data.items, content) : [];
  const label = (a: AgreementSummary) =>
    `${a.content.title} — ${nameIn(a.partyA.displayName, i18n.language)} · ${nameIn(
      a.partyB.displayName,
      i18n.language,
    )} (${a.content.validFrom} – ${a.content.validTo}, ${t(`agreementStatus.${a.status}`)})`;
  return (
    <Field
      id={fieldId(path)}
      label={t('programs.editor.registryAgreement')}
      messages={messages(path)}
    >
      {(control) => (
        <>
          <select
            {...control}
            name={path}
            value={value ?? ''}
            disabled={loaded.status === 'loading'}
            onChange={(e) => {
              const id = e.target.value === '' ? undefined : e.target.value;
              set(id);
              const picked = offered.find((a) => a.id === id);
              if (picked && Object.values(title).every((v) => !v?.trim())) {
                setTitle({ en: picked.content.title });
              }
            }}
          >
            <option value="">{t('programs.editor.noRegistryAgreement')}</option>
            {value && !offered.some((a) => a.id === value) ? (
              <option value={value}>{t('programs.editor.agreementNotListed')}</option>
            ) : null}
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {label(a)}
              </option>
            ))}
          </select>
          <span className="help">
            {loaded.status === 'success' && offered.length === 0
              ? t('programs.editor.noAgreementsBetween')
              : t('programs.editor.registryAgreementHelp')}
          </span>
        </>
      )}
    </Field>
  );
}
