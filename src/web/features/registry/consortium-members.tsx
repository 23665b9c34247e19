/** A consortium's members on a date, grouped, with their liaison offices. */
import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { getConsortium, membersExportHref } from './api.ts';
import type { ConsortiumDetail, ConsortiumMember, LiaisonOffice } from '../../api/contract.ts';
import { useCountryName } from '../../components/ui/country-name.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { PlaceholderBadge } from '../../components/ui/placeholder-badge.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { locale, todayIso } from '../../lib/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useResource } from '../../lib/use-resource.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type Group = { key: string; label: string; members: ConsortiumMember[]; active: number };

export function activeOn(member: ConsortiumMember, date: string): boolean {
  return (!member.joinedOn || member.joinedOn <= date) && (!member.leftOn || member.leftOn > date);
}

/** The members on a chosen date (?at=), counted per side, with placeholders marked. */
export function MembersSection({
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

export function LiaisonOfficeTable({ offices }: { offices: LiaisonOffice[] }) {
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
