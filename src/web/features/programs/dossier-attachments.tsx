/**
 * The attachments of an application: the member consents (R16 — 003 §7(2)), the translations
 * (R17 — 003 §7(3)) and the other materials.
 */
import { useTranslation } from 'react-i18next';
import { languageName, nameIn } from '../../../i18n/format.ts';
import { LANGUAGES } from '../../../domain/shared/refusal.ts';
import { allMembers } from '../../../domain/program/application.ts';
import { memberAgreement } from '../../../domain/program/checks.ts';
import { Field } from '../../components/ui/field.tsx';
import { FieldError } from '../../components/ui/field-error.tsx';
import type { Member, ProjectApplication } from './api.ts';
import { newAttachmentId } from './dossier-edit.ts';
import {
  InstitutionSelect,
  ListField,
  Section,
  StringField,
  TextField,
  useAt,
  useDossier,
} from './dossier-fields.tsx';
import { fieldId } from './dossier-paths.ts';

type Attachment = ProjectApplication['attachments'][number];
const ATTACHMENT_KINDS: Attachment['kind'][] = [
  'agreement-copy',
  'tuition-waiver-agreement',
  'member-consent',
  'translation',
  'flow-chart',
  'member-material',
  'other',
];
const CONSENT_ITEMS = ['screening', 'recognition'] as const;

/**
 * R16 — 003 §7(2): for each member, whether it has agreed on screening (item 9) and recognition
 * (item 13), through the agreement it signed or a consent attached; a button adds the consent
 * still missing.
 */
function ConsentsTable() {
  const { t, i18n } = useTranslation();
  const { content, dispatch, messages } = useDossier();
  const members = allMembers(content);
  const addConsent = (m: Member, items: ('screening' | 'recognition')[]) => {
    const consent: Attachment = {
      id: newAttachmentId(content.attachments),
      kind: 'member-consent',
      title: {
        en: t('programs.editor.consentTitle', { name: nameIn(m.name, 'en') || m.institutionId }),
      },
      institutionId: m.institutionId,
      language: 'ja',
      consentsTo: items,
    };
    dispatch({ type: 'add', path: 'attachments', item: consent });
  };
  return (
    <div className="table-wrap">
      <table className="data-table compact-table" data-testid="consents">
        <caption>{t('programs.editor.consentsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('programs.member.name')}</th>
            <th scope="col">{t('programs.editor.consentScreening')}</th>
            <th scope="col">{t('programs.editor.consentRecognition')}</th>
            <th scope="col">{t('programs.editor.consentAction')}</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => {
            const agreed = memberAgreement(content, m.institutionId);
            const missing = CONSENT_ITEMS.filter((k) => !agreed[k]);
            const path = `attachments.consents.${m.institutionId}`;
            const own = messages(path);
            return (
              <tr
                key={m.institutionId}
                id={fieldId(path)}
                tabIndex={-1}
                data-member={m.institutionId}
              >
                <th scope="row">
                  {nameIn(m.name, i18n.language) || m.institutionId}
                  <FieldError id={`${fieldId(path)}-error`} messages={own} />
                </th>
                {CONSENT_ITEMS.map((k) => (
                  <td key={k}>{agreed[k] ? t('programs.yes') : t('programs.no')}</td>
                ))}
                <td>
                  {missing.length === 0 ? null : (
                    <button
                      type="button"
                      className="button button-secondary"
                      data-testid={`add-consent-${m.institutionId}`}
                      onClick={() => addConsent(m, missing)}
                    >
                      {t('programs.editor.addConsent', {
                        name: nameIn(m.name, i18n.language) || m.institutionId,
                      })}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** One attachment: kind, title, institution, language, what it translates or consents to. */
function AttachmentRow({ path, index }: { path: string; index: number }) {
  const { t, i18n } = useTranslation();
  const { content, dispatch, messages } = useDossier();
  const [a, set] = useAt<Attachment>(path);
  const others = content.attachments.filter((_, i) => i !== index);
  return (
    <>
      <div className="field-row">
        <Field
          id={fieldId(`${path}.kind`)}
          label={t('programs.attachment.kind')}
          messages={messages(`${path}.kind`)}
        >
          {(control) => (
            <select
              {...control}
              name={`${path}.kind`}
              value={a.kind}
              onChange={(e) => set({ ...a, kind: e.target.value as Attachment['kind'] })}
            >
              {ATTACHMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`programs.attachmentKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={fieldId(`${path}.language`)}
          label={t('programs.attachment.language')}
          messages={messages(`${path}.language`)}
        >
          {(control) => (
            <select
              {...control}
              name={`${path}.language`}
              value={a.language}
              onChange={(e) => set({ ...a, language: e.target.value as Attachment['language'] })}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {languageName(l, i18n.language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <InstitutionSelect
          path={`${path}.institutionId`}
          label={t('programs.attachment.institution')}
        />
        <StringField path={`${path}.fileName`} label={t('programs.editor.fileName')} />
      </div>
      <TextField path={`${path}.title`} label={t('programs.attachment.title')} />
      {a.kind === 'translation' ? (
        <Field
          id={fieldId(`${path}.translationOf`)}
          label={t('programs.editor.translationOf')}
          messages={messages(`${path}.translationOf`)}
        >
          {(control) => (
            <select
              {...control}
              name={`${path}.translationOf`}
              value={a.translationOf ?? ''}
              onChange={(e) =>
                dispatch({
                  type: 'set',
                  path: `${path}.translationOf`,
                  value: e.target.value === '' ? undefined : e.target.value,
                })
              }
            >
              <option value="">{t('programs.editor.choose')}</option>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {nameIn(o.title, i18n.language) || o.id}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {a.kind === 'member-consent' ? (
        <fieldset className="fieldset" id={fieldId(`${path}.consentsTo`)} tabIndex={-1}>
          <legend>{t('programs.editor.consentsTo')}</legend>
          <div className="radio-row">
            {CONSENT_ITEMS.map((k) => {
              const list = a.consentsTo ?? [];
              return (
                <label className="check" key={k}>
                  <input
                    type="checkbox"
                    name={`${path}.consentsTo.${k}`}
                    checked={list.includes(k)}
                    onChange={(e) =>
                      set({
                        ...a,
                        consentsTo: e.target.checked
                          ? CONSENT_ITEMS.filter((x) => x === k || list.includes(x))
                          : list.filter((x) => x !== k),
                      })
                    }
                  />
                  {t(`programs.editor.consent_${k}`)}
                </label>
              );
            })}
          </div>
        </fieldset>
      ) : null}
    </>
  );
}

/** R17: a translation into Japanese for each attachment of a foreign member still without one. */
function MissingTranslations() {
  const { t, i18n } = useTranslation();
  const { content, dispatch, checks } = useDossier();
  const wanted = checks.filter((c) => !c.ok && c.code === 'program.attachment_untranslated');
  const missing = content.attachments.filter(
    (a) =>
      wanted.some((c) => c.params?.attachmentId === a.id) &&
      !content.attachments.some((x) => x.kind === 'translation' && x.translationOf === a.id),
  );
  if (missing.length === 0) return null;
  return (
    <ul className="programs-plain-list">
      {missing.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              dispatch({
                type: 'add',
                path: 'attachments',
                item: {
                  id: newAttachmentId(content.attachments),
                  kind: 'translation',
                  title: { ja: nameIn(a.title, 'ja') || a.id },
                  ...(a.institutionId ? { institutionId: a.institutionId } : {}),
                  language: 'ja',
                  translationOf: a.id,
                } satisfies Attachment,
              })
            }
          >
            {t('programs.editor.addTranslation', { title: nameIn(a.title, i18n.language) || a.id })}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function AttachmentsSection() {
  const { t } = useTranslation();
  const { content } = useDossier();
  const newAttachment = (): Attachment => ({
    id: newAttachmentId(content.attachments),
    kind: 'other',
    title: {},
    language: 'ja',
  });
  return (
    <Section quiet path="attachments" title={t('programs.content.attachments')} rule="R16">
      <ConsentsTable />
      <MissingTranslations />
      <ListField<Attachment>
        path="attachments"
        legend={t('programs.content.attachments')}
        newItem={newAttachment}
        addLabel={t('programs.editor.addAttachmentRow')}
        removeLabel={(i) =>
          t('programs.editor.removeRow', { row: t('programs.editor.attachment', { n: i + 1 }) })
        }
        row={(p, i) => <AttachmentRow path={p} index={i} />}
      />
    </Section>
  );
}
