import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { addMember, endMembership, getConsortium, getConsortiumBalance, listAllConsortia, membersExportHref, listAllInstitutions } from './api.ts';
import type { ConsortiumDetail, ConsortiumMember, LiaisonOffice } from '../../api/contract.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { BalanceLedger } from '../agreements/index.ts';
import { useCountryName } from '../../components/ui/country-name.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { PlaceholderBadge } from '../../components/ui/placeholder-badge.tsx';
import { useSideLabel } from '../../components/ui/side-label.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { locale, todayIso } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function ConsortiumPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  // Bumped after a membership change, so that every part of the page reloads.
  const [revision, setRevision] = useState(0);
  const resource = useResource(`${id}|${revision}`, (signal) => getConsortium(id, signal));
  useDocumentTitle(resource.data ? localNameOf(resource.data) : t('consortium.title'));

  // Keep showing the page while it reloads after a change (no flash of the spinner).
  const [shown, setShown] = useState<ConsortiumDetail | null>(null);
  if (resource.status === 'success' && shown !== resource.data) setShown(resource.data);
  const consortium = resource.data ?? (shown?.id === id ? shown : null);

  if (consortium) {
    return (
      <ConsortiumView
        key={consortium.id}
        consortium={consortium}
        revision={revision}
        onChanged={() => setRevision((n) => n + 1)}
      />
    );
  }
  if (resource.status === 'error') {
    if (resource.error instanceof ApiError && resource.error.status === 404) {
      return <NotFoundPage message={t('consortium.notFound', { id })} />;
    }
    return (
      <>
        <h1>{t('consortium.title')}</h1>
        <ErrorAlert error={resource.error} onRetry={resource.reload} />
      </>
    );
  }
  return <Loading />;
}

type ViewProps = { consortium: ConsortiumDetail; revision: number; onChanged: () => void };

function ConsortiumView({ consortium, revision, onChanged }: ViewProps) {
  const { t } = useTranslation();
  const { kindLabel } = useLabels();
  const side = useSideLabel()(consortium.side);
  const offices = consortium.liaisonOffices ?? [];
  const mayWrite = consortium.may.editMembers;

  return (
    <article className="detail">
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/consortia">{t('nav.consortia')}</Link>
          </li>
          <li aria-current="page">
            <LocalizedName entity={consortium} />
          </li>
        </ol>
      </nav>
      <header className="detail-header">
        <h1>
          <LocalizedName entity={consortium} />
        </h1>
        <p className="detail-subtitle">
          <span className="badge">{kindLabel(consortium.kind)}</span>{' '}
          {t('consortia.memberCount', { count: consortium.memberCount })}
        </p>
      </header>

      <section className="card" aria-labelledby="consortium-facts">
        <h2 id="consortium-facts">{t('consortium.facts')}</h2>
        {consortium.description ? <p>{consortium.description}</p> : null}
        <dl className="facts">
          <dt>{t('consortium.kind')}</dt>
          <dd>{kindLabel(consortium.kind)}</dd>
          {side ? (
            <>
              <dt>{t('consortium.side')}</dt>
              <dd>{side}</dd>
            </>
          ) : null}
          {consortium.foundedOn ? (
            <>
              <dt>{t('consortium.foundedOn')}</dt>
              <dd>
                <FormattedDate value={consortium.foundedOn} />
              </dd>
            </>
          ) : null}
          <dt>{t('consortium.representative')}</dt>
          <dd>
            {consortium.representative ? (
              <Link to={`/institutions/${encodeURIComponent(consortium.representative.id)}`}>
                <LocalizedName entity={consortium.representative} />
              </Link>
            ) : (
              <span className="muted">{t('consortium.noRepresentative')}</span>
            )}
          </dd>
          <dt>{t('consortium.responsiblePerson')}</dt>
          <dd>
            {consortium.responsiblePerson ?? (
              <span className="muted">{t('consortium.notRecorded')}</span>
            )}
          </dd>
          <dt>{t('consortium.memberCountLabel')}</dt>
          <dd>{t('consortia.memberCount', { count: consortium.memberCount })}</dd>
        </dl>
      </section>

      <MembersSection consortium={consortium} revision={revision} />

      {mayWrite ? <ManageMembers consortium={consortium} onChanged={onChanged} /> : null}

      <section className="card" aria-labelledby="consortium-offices">
        <h2 id="consortium-offices">{t('consortium.liaisonOffices')}</h2>
        {offices.length === 0 ? (
          <p className="muted">{t('consortium.noLiaisonOffices')}</p>
        ) : (
          <LiaisonOfficeTable offices={offices} />
        )}
      </section>

      <PairLedger consortium={consortium} />
    </article>
  );
}

type Group = { key: string; label: string; members: ConsortiumMember[]; active: number };

function activeOn(member: ConsortiumMember, date: string): boolean {
  return (!member.joinedOn || member.joinedOn <= date) && (!member.leftOn || member.leftOn > date);
}

/** The members on a chosen date (?at=), counted per side, with placeholders marked. */
function MembersSection({
  consortium,
  revision,
}: {
  consortium: ConsortiumDetail;
  revision: number;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { typeLabel } = useLabels();
  const countryNameOf = useCountryName();
  const localNameOf = useLocalName();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const atParam = params.get('at') ?? '';
  const at = ISO_DATE.test(atParam) ? atParam : '';
  const [draft, setDraft] = useState(at);
  const [draftSource, setDraftSource] = useState(at);
  if (draftSource !== at) {
    setDraftSource(at);
    setDraft(at);
  }
  const members = useResource(`${consortium.id}|${at}|${revision}`, (signal) =>
    getConsortium(consortium.id, signal, at || undefined),
  );

  const setAt = (value: string) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (value) next.set('at', value);
        else next.delete('at');
        return next;
      },
      { replace: true },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAt(ISO_DATE.test(draft) ? draft : '');
  };

  const collator = new Intl.Collator(locale(language));
  const data = members.data;
  const date = data?.at ?? (at || todayIso());
  const groups = new Map<string, Group>();
  for (const member of data?.members ?? []) {
    const key = member.institution.country;
    const group = groups.get(key) ?? { key, label: countryNameOf(key), members: [], active: 0 };
    group.members.push(member);
    if (activeOn(member, date)) group.active += 1;
    groups.set(key, group);
  }
  const sortedGroups = [...groups.values()]
    .map((group) => ({
      ...group,
      members: [...group.members].sort(
        (a, b) =>
          Number(!activeOn(a, date)) - Number(!activeOn(b, date)) ||
          Number(Boolean(a.institution.invented)) - Number(Boolean(b.institution.invented)) ||
          collator.compare(localNameOf(a.institution), localNameOf(b.institution)),
      ),
    }))
    .sort((a, b) => b.active - a.active || collator.compare(a.label, b.label));
  const sides = Object.entries(data?.memberCountBySide ?? {}).sort(([a], [b]) =>
    collator.compare(countryNameOf(a), countryNameOf(b)),
  );

  return (
    <section aria-labelledby="consortium-members" aria-busy={members.status === 'loading'}>
      <h2 id="consortium-members">{t('consortium.members')}</h2>
      <form className="filters inline-form card" onSubmit={onSubmit}>
        <div className="field">
          <label htmlFor={`${id}-at`}>{t('consortium.membersOn')}</label>
          <DateInput id={`${id}-at`} name="at" value={draft} onChange={setDraft} />
        </div>
        <div className="field field-buttons">
          <button type="submit" className="button button-primary">
            {t('consortium.showMembersOn')}
          </button>
          {at ? (
            <button type="button" className="button button-link" onClick={() => setAt('')}>
              {t('consortium.today')}
            </button>
          ) : null}
        </div>
        <p className="field-actions">
          {t('consortium.export')}{' '}
          <a href={membersExportHref(consortium.id, 'csv')} download>
            {t('export.csv')}
          </a>{' '}
          <a href={membersExportHref(consortium.id, 'xlsx')} download>
            {t('export.xlsx')}
          </a>
        </p>
      </form>

      {members.status === 'loading' ? <Loading /> : null}
      {members.status === 'error' ? (
        <ErrorAlert error={members.error} onRetry={members.reload} />
      ) : null}
      {data ? (
        <>
          <div className="member-counts" role="status" data-testid="member-counts">
            <p>
              {t('consortium.countOn', { count: data.memberCount })} <FormattedDate value={date} />
            </p>
            {sides.length > 0 ? (
              <ul className="inline-list">
                {sides.map(([sideKey, count]) => (
                  <li key={sideKey} data-side={sideKey}>
                    {t('consortium.sideCount', { side: countryNameOf(sideKey), count })}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {sortedGroups.length === 0 ? (
            <p className="muted">{t('consortium.noMembers')}</p>
          ) : (
            sortedGroups.map((group) => (
              <section
                key={group.key}
                className="card member-group"
                aria-labelledby={`${id}-group-${group.key}`}
              >
                <h3 id={`${id}-group-${group.key}`}>
                  {group.label}{' '}
                  <span className="muted">
                    ({t('consortia.memberCount', { count: group.active })})
                  </span>
                </h3>
                <div className="table-wrap">
                  <table className="data-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('institutions.name')}</th>
                        <th scope="col">{t('institutions.type')}</th>
                        <th scope="col">{t('institutions.city')}</th>
                        <th scope="col">{t('membership.joined')}</th>
                        <th scope="col">{t('membership.left')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {group.members.map((member) => {
                        const active = activeOn(member, date);
                        return (
                          <tr
                            key={`${member.institution.id}-${member.joinedOn ?? ''}`}
                            className={active ? undefined : 'row-former'}
                            data-placeholder={member.institution.invented ? 'true' : undefined}
                          >
                            <th scope="row">
                              <Link
                                to={`/institutions/${encodeURIComponent(member.institution.id)}`}
                              >
                                <LocalizedName entity={member.institution} />
                              </Link>
                              {member.institution.invented ? <PlaceholderBadge /> : null}
                              {consortium.representative?.id === member.institution.id ? (
                                <span className="badge badge-accent">
                                  {t('consortium.representativeBadge')}
                                </span>
                              ) : null}
                            </th>
                            <td data-label={t('institutions.type')}>
                              {typeLabel(member.institution.type)}
                            </td>
                            <td data-label={t('institutions.city')}>{member.institution.city}</td>
                            <td data-label={t('membership.joined')}>
                              {member.joinedOn ? <FormattedDate value={member.joinedOn} /> : '—'}
                            </td>
                            <td data-label={t('membership.left')}>
                              {member.leftOn ? (
                                <FormattedDate value={member.leftOn} />
                              ) : active ? (
                                <span className="muted">{t('membership.current')}</span>
                              ) : (
                                <span className="muted">{t('membership.notYet')}</span>
                              )}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )}
        </>
      ) : null}
    </section>
  );
}

function LiaisonOfficeTable({ offices }: { offices: LiaisonOffice[] }) {
  const { t } = useTranslation();
  const countryNameOf = useCountryName();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('liaison.office')}</th>
            <th scope="col">{t('liaison.place')}</th>
            <th scope="col">{t('liaison.department')}</th>
            <th scope="col">{t('liaison.person')}</th>
            <th scope="col">{t('liaison.contact')}</th>
            <th scope="col">{t('liaison.openedOn')}</th>
          </tr>
        </thead>
        <tbody>
          {offices.map((office) => (
            <tr key={office.id}>
              <th scope="row">
                <LocalizedName entity={office} />
                <Link
                  className="row-id"
                  to={`/institutions/${encodeURIComponent(office.institutionId)}`}
                >
                  {office.institutionId}
                </Link>
              </th>
              <td data-label={t('liaison.place')}>
                {t('institution.location', {
                  city: office.city,
                  country: countryNameOf(office.country),
                })}
              </td>
              <td data-label={t('liaison.department')}>{office.department ?? '—'}</td>
              <td data-label={t('liaison.person')}>{office.person ?? '—'}</td>
              <td data-label={t('liaison.contact')}>
                {office.contact ? (
                  office.contact.includes('@') ? (
                    <a href={`mailto:${office.contact}`}>{office.contact}</a>
                  ) : (
                    office.contact
                  )
                ) : (
                  '—'
                )}
              </td>
              <td data-label={t('liaison.openedOn')}>
                {office.openedOn ? <FormattedDate value={office.openedOn} /> : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** R4 between this consortium and another one (?with=), from this consortium's side. */
function PairLedger({ consortium }: { consortium: ConsortiumDetail }) {
  const { t } = useTranslation();
  const localNameOf = useLocalName();
  const [params, setParams] = useSearchParams();
  const id = useId();
  const withId = params.get('with') ?? '';
  const others = useResource('consortia', (signal) => listAllConsortia(signal));
  const ledger = useResource(withId ? `${consortium.id}|${withId}` : null, (signal) =>
    getConsortiumBalance(consortium.id, withId, signal),
  );
  const options = (others.data ?? []).filter((c) => c.id !== consortium.id);
  const other = options.find((c) => c.id === withId);

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="consortium-ledger">
      <h2 id={`${id}-title`}>{t('ledger.pairTitle')}</h2>
      <p className="muted">{t('ledger.pairIntro')}</p>
      {others.status === 'error' ? (
        <ErrorAlert error={others.error} onRetry={others.reload} />
      ) : null}
      <div className="field narrow">
        <label htmlFor={`${id}-with`}>{t('ledger.otherConsortium')}</label>
        <select
          id={`${id}-with`}
          name="with"
          value={withId}
          onChange={(event) =>
            setParams(
              (previous) => {
                const next = new URLSearchParams(previous);
                if (event.target.value) next.set('with', event.target.value);
                else next.delete('with');
                return next;
              },
              { replace: true },
            )
          }
        >
          <option value="">{t('agreementForm.choose')}</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {localNameOf(option)}
            </option>
          ))}
        </select>
      </div>
      {withId ? (
        <ResourceView resource={ledger}>
          {(data) => (
            <BalanceLedger
              ledger={data}
              usName={localNameOf(consortium)}
              themName={other ? localNameOf(other) : undefined}
            />
          )}
        </ResourceView>
      ) : null}
    </section>
  );
}

/** For the representative university's officer and the secretariat: joins and departures. */
function ManageMembers({
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

  const submit = async (action: (csrfToken: string) => Promise<unknown>, message: string) => {
    setNotice(null);
    if (await run(action)) {
      setNotice(message);
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
              t('consortium.memberAdded', { name: nameOfCandidate(joinId) }),
            ).then(() => setJoinId(''));
          }}
        >
          <h3 id={`${id}-add`}>{t('consortium.addMember')}</h3>
          <div className="field">
            <label htmlFor={`${id}-join`}>{t('consortium.institution')}</label>
            <select
              id={`${id}-join`}
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
          </div>
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
          <div className="field">
            <label htmlFor={`${id}-leaving`}>{t('consortium.member')}</label>
            <select
              id={`${id}-leaving`}
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
          </div>
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
