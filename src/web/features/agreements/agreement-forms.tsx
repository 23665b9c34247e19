/** The agreement's forms: a party's signature and an amendment of its content. */
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { signAgreement, updateAgreement } from './api.ts';
import { fieldIssues } from '../../api/client.ts';
import type { AgreementDetail, PartyKey } from '../../api/contract.ts';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { AgreementContentFields } from './agreement-content-fields.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { contentFromDraft, draftFromContent, type ContentDraft } from './agreement-draft.ts';
import { todayIso } from '../../lib/format.ts';

export function SignForm({
  agreementId,
  party,
  partyName,
  onSigned,
}: {
  agreementId: string;
  party: PartyKey;
  partyName: string;
  onSigned: (next: AgreementDetail) => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const id = useId();
  const [signatory, setSignatory] = useState(session.actor?.displayName ?? '');
  const [signedOn, setSignedOn] = useState(todayIso);
  const { busy, error, run } = useAction();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async (csrfToken) =>
      onSigned(await signAgreement(agreementId, { party, signatory, signedOn }, csrfToken)),
    );
  };

  return (
    <form
      className="form sign-form"
      data-testid={`sign-${party}`}
      aria-labelledby={`${id}-title`}
      onSubmit={onSubmit}
    >
      <h3 id={`${id}-title`}>{t('agreement.signFor', { party: partyName })}</h3>
      <FormErrors error={error} />
      <div className="field-row">
        <Field id={`${id}-signatory`} label={t('agreement.signatory')}>
          {(control) => (
            <input
              {...control}
              name="signatory"
              required
              maxLength={200}
              value={signatory}
              onChange={(event) => setSignatory(event.target.value)}
            />
          )}
        </Field>
        <Field id={`${id}-date`} label={t('agreement.signedOn')}>
          {(control) => (
            <DateInput
              id={control.id}
              name="signedOn"
              required
              value={signedOn}
              onChange={setSignedOn}
            />
          )}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('agreement.signButton', { party: partyName })}
        </button>
      </div>
    </form>
  );
}

export function AmendForm({
  agreement,
  partyNames,
  onCancel,
  onSaved,
}: {
  agreement: AgreementDetail;
  partyNames: Record<PartyKey, string>;
  onCancel: () => void;
  onSaved: (next: AgreementDetail) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ContentDraft>(() => draftFromContent(agreement.content));
  const [changeNote, setChangeNote] = useState('');
  const { busy, error, run } = useAction();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async (csrfToken) =>
      onSaved(
        await updateAgreement(
          agreement.id,
          { content: contentFromDraft(draft), changeNote: changeNote.trim() || undefined },
          csrfToken,
        ),
      ),
    );
  };

  return (
    <form className="form" data-testid="amend-form" onSubmit={onSubmit}>
      <FormErrors error={error} />
      <AgreementContentFields
        draft={draft}
        onChange={setDraft}
        issues={fieldIssues(error)}
        partyNames={partyNames}
      />
      <Field id={`${id}-note`} label={t('agreement.changeNote')}>
        {(control) => (
          <textarea
            {...control}
            name="changeNote"
            rows={2}
            maxLength={1000}
            value={changeNote}
            onChange={(event) => setChangeNote(event.target.value)}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {agreement.versionInForce === null
            ? t('agreement.saveDraft')
            : t('agreement.submitAmendment')}
        </button>
        <button type="button" className="button button-link" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
