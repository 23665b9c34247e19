import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { getConsortium } from './api.ts';
import type { ConsortiumDetail } from '../../api/contract.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { useSideLabel } from '../../components/ui/side-label.tsx';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { MembersSection, LiaisonOfficeTable } from './consortium-members.tsx';
import { PairLedger } from './consortium-ledger.tsx';
import { ManageMembers } from './manage-members.tsx';
import { MembershipProposals } from './membership-proposals.tsx';

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

      <MembershipProposals proposals={consortium.proposals} onChanged={onChanged} />

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
