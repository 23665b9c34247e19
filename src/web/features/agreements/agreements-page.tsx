import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { listAgreements } from './api.ts';
import type { AgreementSummary, Party } from '../../api/contract.ts';
import { useSession } from '../../app/session.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { LocalizedName } from '../../components/ui/localized-name.tsx';
import { AgreementStatusBadge } from './status-badge.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';

export function partyHref(party: Pick<Party, 'type' | 'id'>): string {
  return party.type === 'institution'
    ? `/institutions/${encodeURIComponent(party.id)}`
    : `/consortia/${encodeURIComponent(party.id)}`;
}

export function AgreementsPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [params] = useSearchParams();
  const party = params.get('party') ?? '';
  useDocumentTitle(t('agreements.title'));
  const list = useResource(`agreements|${party}`, (signal) =>
    listAgreements({ party: party || undefined }, signal),
  );

  return (
    <>
      <div className="page-header">
        <h1>{t('agreements.title')}</h1>
        {session.may.proposeAgreement ? (
          <Link to="/agreements/new" className="button button-primary">
            {t('agreements.new')}
          </Link>
        ) : null}
      </div>
      <p className="muted">{t('agreements.intro')}</p>
      {party ? (
        <p>
          {t('agreements.filteredBy', { party })}{' '}
          <Link to="/agreements">{t('agreements.showAll')}</Link>
        </p>
      ) : null}
      <section aria-label={t('agreements.results')} aria-busy={list.status === 'loading'}>
        <ResourceView resource={list}>
          {(listData) => <AgreementTable items={listData.items} />}
        </ResourceView>
      </section>
    </>
  );
}

/**
 * Agreements as a table: title, parties, status, validity. Also used on institution pages, where
 * `note` says how the institution is a party (through which consortium).
 */
export function AgreementTable<T extends AgreementSummary>({
  items,
  note,
}: {
  items: readonly T[];
  note?: (agreement: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (items.length === 0) {
    return (
      <div className="empty" role="status">
        <p>{t('agreements.empty')}</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <table className="data-table" data-testid="agreement-list">
        <caption className="visually-hidden">{t('agreements.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('agreements.agreement')}</th>
            <th scope="col">{t('agreements.parties')}</th>
            <th scope="col">{t('agreements.status')}</th>
            <th scope="col">{t('agreements.validity')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((agreement) => (
            <tr key={agreement.id}>
              <th scope="row">
                <Link to={`/agreements/${encodeURIComponent(agreement.id)}`}>
                  {agreement.content.title || t('agreements.untitled')}
                </Link>
                {agreement.invented ? <InventedBadge /> : null}
              </th>
              <td data-label={t('agreements.parties')}>
                <PartyLink party={agreement.partyA} />
                <span aria-hidden="true"> ⇄ </span>
                <span className="visually-hidden"> {t('agreements.and')} </span>
                <PartyLink party={agreement.partyB} />
                {note ? note(agreement) : null}
              </td>
              <td data-label={t('agreements.status')}>
                <AgreementStatusBadge status={agreement.status} />
              </td>
              <td data-label={t('agreements.validity')}>
                {agreement.content.validFrom && agreement.content.validTo ? (
                  <>
                    <FormattedDate value={agreement.content.validFrom} /> –{' '}
                    <FormattedDate value={agreement.content.validTo} />
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function PartyLink({ party }: { party: Party }) {
  return (
    <Link to={partyHref(party)}>
      <LocalizedName entity={party} />
    </Link>
  );
}
