import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addMember, endMembership, listAllInstitutions } from './api.ts';
import type { ConsortiumDetail } from '../../api/contract.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { locale, todayIso } from '../../lib/format.ts';
import { useResource } from '../../lib/use-resource.ts';
import { Field } from '../../components/ui/field.tsx';

/** For the representative university's officer and the secretariat: joins and departures. */
export function ManageMembers({
  consortium,
  onChanged,
}: {
  consortium: ConsortiumDetail;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const localNameOf = useLocalName();
  const id = useId();
  const institutions = useResource('institutions|all', (signal) =>
    listAllInstitutions({ includePlaceholders: true }, signal),
  );
  const today = todayIso();
  const currentIds = new Set(
    consortium.members.filter((m) => !m.leftOn).map((m) => m.institution.id),
  );
  const collator = new Intl.Collator(locale(currentLanguage(i18n.language)));
  const candidates = (institutions.data ?? [])
    .filter((i) => !currentIds.has(i.id))
    .sort((a, b) => collator.compare(localNameOf(a), localNameOf(b)));

  const [joinId, setJoinId] = useState('');
  const [joinedOn, setJoinedOn] = useState(today);
  const [leaveId, setLeaveId] = useState('');
  const [leftOn, setLeftOn] = useState(today);
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, run } = useAction();

  /** `message` may depend on the answer (a membership proposed, or in force at once). */
  const submit = async <T,>(
    action: (csrfToken: string) => Promise<T>,
    message: string | ((result: T) => string),
  ) => {
    setNotice(null);
    let result: T | undefined;
    if (await run(async (csrf) => (result = await action(csrf)))) {
      setNotice(typeof message === 'function' ? message(result as T) : message);
      onChanged();
    }
  };

  const nameOfMember = (institutionId: string) => {
    const member = consortium.members.find((m) => m.institution.id === institutionId);
    return member ? localNameOf(member.institution) : institutionId;
  };
  const nameOfCandidate = (institutionId: string) => {
    const found = candidates.find((i) => i.id === institutionId);
    return found ? localNameOf(found) : institutionId;
  };

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="manage-members">
      <h2 id={`${id}-title`}>{t('consortium.manage')}</h2>
      <div role="status">{notice ? <p className="alert alert-success">{notice}</p> : null}</div>
      <FormErrors error={error} />
      {institutions.status === 'error' ? (
        <ErrorAlert error={institutions.error} onRetry={institutions.reload} />
      ) : null}
      <div className="detail-grid">
        <form
          className="form"
          aria-labelledby={`${id}-add`}
          onSubmit={(event) => {
            event.preventDefault();
            void submit(
              (csrf) => addMember(consortium.id, { institutionId: joinId, joinedOn }, csrf),
              (proposal) =>
                proposal.status === 'proposed'
                  ? t('consortium.memberProposed', { name: nameOfCandidate(joinId) })
                  : t('consortium.memberAdded', { name: nameOfCandidate(joinId) }),
            ).then(() => setJoinId(''));
          }}
        >
          <h3 id={`${id}-add`}>{t('consortium.addMember')}</h3>
          <Field id={`${id}-join`} label={t('consortium.institution')}>
            {(control) => (
              <select
                {...control}
                name="institutionId"
                required
                value={joinId}
                onChange={(event) => setJoinId(event.target.value)}
              >
                <option value="">{t('agreementForm.choose')}</option>
                {candidates.map((institution) => (
                  <option key={institution.id} value={institution.id}>
                    {localNameOf(institution)}
                    {institution.invented ? ` (${t('placeholder.label')})` : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label htmlFor={`${id}-joined`}>{t('membership.joinedOn')}</label>
            <DateInput
              id={`${id}-joined`}
              name="joinedOn"
              required
              value={joinedOn}
              onChange={setJoinedOn}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {t('consortium.addMember')}
            </button>
          </div>
        </form>

        <form
          className="form"
          aria-labelledby={`${id}-leave`}
          onSubmit={(event) => {
            event.preventDefault();
            void submit(
              (csrf) => endMembership(consortium.id, leaveId, leftOn, csrf),
              t('consortium.membershipEnded', { name: nameOfMember(leaveId) }),
            ).then(() => setLeaveId(''));
          }}
        >
          <h3 id={`${id}-leave`}>{t('consortium.endMembership')}</h3>
          <Field id={`${id}-leaving`} label={t('consortium.member')}>
            {(control) => (
              <select
                {...control}
                name="leavingId"
                required
                value={leaveId}
                onChange={(event) => setLeaveId(event.target.value)}
              >
                <option value="">{t('agreementForm.choose')}</option>
                {consortium.members
                  .filter((m) => !m.leftOn)
                  .map((member) => (
                    <option key={member.institution.id} value={member.institution.id}>
                      {localNameOf(member.institution)}
                    </option>
                  ))}
              </select>
            )}
          </Field>
          <div className="field">
            <label htmlFor={`${id}-left`}>{t('membership.leftOn')}</label>
            <DateInput
              id={`${id}-left`}
              name="leftOn"
              required
              value={leftOn}
              onChange={setLeftOn}
            />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button-secondary" disabled={busy}>
              {t('consortium.endMembership')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
