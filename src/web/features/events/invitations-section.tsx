import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldIssues } from '../../api/client.ts';
import { Field } from '../../components/ui/field.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { TableWrap } from '../../components/ui/table-wrap.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant } from '../../../i18n/format.ts';
import { messagesFor } from '../../lib/field-errors.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  invitationAudiences,
  invite,
  listInvitations,
  type Audience,
  type InvitationAudiences,
  type InvitationResult,
} from './invitations-api.ts';
import { LocalText, useText } from './local-text.tsx';

type Kind = Audience['kind'];

/**
 * The organisers invite a group they work with: a consortium the event belongs to (its
 * coordinators), the students of a call they manage, or a cohort of an alumni association they
 * manage. The page says how many were reached, never who.
 */
export function InvitationsSection({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const audiences = useResource(`invitation-audiences|${eventId}`, (signal) =>
    invitationAudiences(eventId, signal),
  );
  // Bumped after each invitation so that the list of those sent is read again.
  const [version, setVersion] = useState(0);
  if (audiences.status !== 'success') return null;
  return (
    <section className="card" aria-labelledby="invite-heading" data-testid="invitations">
      <h2 id="invite-heading">{t('events.invite.title')}</h2>
      <p className="muted">{t('events.invite.intro')}</p>
      <InviteForm
        eventId={eventId}
        audiences={audiences.data}
        onSent={() => setVersion((v) => v + 1)}
      />
      <SentList eventId={eventId} version={version} />
    </section>
  );
}

function kindsOf(a: InvitationAudiences): Kind[] {
  return [
    ...(a.consortia.length ? (['consortium_coordinators'] as const) : []),
    ...(a.calls.length ? (['call_students'] as const) : []),
    ...(a.associations.length ? (['alumni_cohort'] as const) : []),
  ];
}

function InviteForm({
  eventId,
  audiences,
  onSent,
}: {
  eventId: string;
  audiences: InvitationAudiences;
  onSent: () => void;
}) {
  const { t } = useTranslation();
  const text = useText();
  const kinds = kindsOf(audiences);
  const [kind, setKind] = useState<Kind | ''>(kinds[0] ?? '');
  const [consortiumId, setConsortiumId] = useState(audiences.consortia[0]?.id ?? '');
  const [callId, setCallId] = useState(audiences.calls[0]?.id ?? '');
  const [scope, setScope] = useState<'applicants' | 'nominated'>('applicants');
  const [associationId, setAssociationId] = useState(audiences.associations[0]?.id ?? '');
  const [cohort, setCohort] = useState({ programId: '', direction: '', hostId: '', year: '' });
  const [result, setResult] = useState<InvitationResult | null>(null);
  const action = useAction();
  const issues = fieldIssues(action.error);
  const association = audiences.associations.find((a) => a.id === associationId);

  if (kinds.length === 0) return <p className="empty">{t('events.invite.nobody')}</p>;

  function audience(): Audience {
    if (kind === 'consortium_coordinators') return { kind, consortiumId };
    if (kind === 'call_students') return { kind, callId, scope };
    return {
      kind: 'alumni_cohort',
      associationId,
      cohort: {
        programId: cohort.programId || null,
        direction: (cohort.direction || null) as 'outgoing' | 'incoming' | null,
        hostId: cohort.hostId || null,
        year: cohort.year ? Number(cohort.year) : null,
      },
    };
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setResult(null);
    await action.run(async (csrf) => {
      setResult(await invite(eventId, audience(), csrf));
      onSent();
    });
  }

  const select = (
    id: string,
    label: string,
    field: string,
    value: string,
    onChange: (v: string) => void,
    options: { value: string; label: string }[],
    any = false,
  ) => (
    <Field id={id} label={label} messages={messagesFor(issues, field)}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          {any ? <option value="">{t('events.invite.any')}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="form" onSubmit={(e) => void onSubmit(e)} data-testid="invite-form">
      <FormErrors error={action.error} />
      <fieldset className="fieldset">
        <legend>{t('events.invite.whom')}</legend>
        <div className="radio-row">
          {kinds.map((k) => (
            <label key={k} className="check">
              <input
                type="radio"
                name="audience-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
              />
              {t(`events.invite.kind.${k}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'consortium_coordinators'
        ? select(
            'invite-consortium',
            t('events.invite.consortium'),
            'body.audience.consortiumId',
            consortiumId,
            setConsortiumId,
            audiences.consortia.map((c) => ({ value: c.id, label: text(c.name) })),
          )
        : null}
      {kind === 'call_students' ? (
        <>
          {select(
            'invite-call',
            t('events.invite.call'),
            'body.audience.callId',
            callId,
            setCallId,
            audiences.calls.map((c) => ({ value: c.id, label: text(c.title) })),
          )}
          {select(
            'invite-scope',
            t('events.invite.scope'),
            'body.audience.scope',
            scope,
            (v) => setScope(v as 'applicants' | 'nominated'),
            (['applicants', 'nominated'] as const).map((s) => ({
              value: s,
              label: t(`events.invite.scopes.${s}`),
            })),
          )}
        </>
      ) : null}
      {kind === 'alumni_cohort' ? (
        <>
          {select(
            'invite-association',
            t('events.invite.association'),
            'body.audience.associationId',
            associationId,
            setAssociationId,
            audiences.associations.map((a) => ({
              value: a.id,
              label: `${text(a.name)} (${t('events.invite.alumni', { n: a.alumni })})`,
            })),
          )}
          {association ? (
            <fieldset className="fieldset">
              <legend>{t('events.invite.cohort')}</legend>
              {select(
                'invite-program',
                t('events.invite.program'),
                'body.audience.cohort.programId',
                cohort.programId,
                (v) => setCohort({ ...cohort, programId: v }),
                association.programs.map((x) => ({ value: x.id, label: text(x.name) })),
                true,
              )}
              {select(
                'invite-direction',
                t('events.invite.direction'),
                'body.audience.cohort.direction',
                cohort.direction,
                (v) => setCohort({ ...cohort, direction: v }),
                (['outgoing', 'incoming'] as const).map((d) => ({
                  value: d,
                  label: t(`events.invite.directions.${d}`),
                })),
                true,
              )}
              {select(
                'invite-host',
                t('events.invite.host'),
                'body.audience.cohort.hostId',
                cohort.hostId,
                (v) => setCohort({ ...cohort, hostId: v }),
                association.hosts.map((x) => ({ value: x.id, label: text(x.name) })),
                true,
              )}
              {select(
                'invite-year',
                t('events.invite.year'),
                'body.audience.cohort.year',
                cohort.year,
                (v) => setCohort({ ...cohort, year: v }),
                association.years.map((y) => ({ value: String(y), label: String(y) })),
                true,
              )}
            </fieldset>
          ) : null}
        </>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={action.busy}>
          {t('events.invite.send')}
        </button>
      </div>
      <div role="status" data-testid="invite-result">
        {result ? <p>{t('events.invite.result', result)}</p> : null}
      </div>
    </form>
  );
}

function SentList({ eventId, version }: { eventId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const sent = useResource(`invitations|${eventId}|${version}`, (signal) =>
    listInvitations(eventId, signal),
  );
  const items = sent.data?.items ?? [];
  const language = currentLanguage(i18n.language);
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (items.length === 0) return null;
  return (
    <TableWrap label={t('events.invite.sent')}>
      <table className="data-table" data-testid="invitations-sent">
        <caption>{t('events.invite.sent')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('events.invite.to')}</th>
            <th scope="col">{t('events.invite.reached')}</th>
            <th scope="col">{t('events.invite.by')}</th>
            <th scope="col">{t('events.invite.when')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {t(`events.invite.kind.${i.audience.kind}`)}: <LocalText text={i.audienceName} />
              </th>
              <td data-label={t('events.invite.reached')}>{i.invited}</td>
              <td data-label={t('events.invite.by')}>
                {i.sentBy ? <LocalText text={i.sentBy} /> : null}
              </td>
              <td data-label={t('events.invite.when')}>
                {formatInstant(i.sentAt, language, readerZone)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
