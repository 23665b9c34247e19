import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { getAgreement } from './api.ts';
import type { AgreementDetail, PartyKey } from '../../api/contract.ts';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { AgreementStatusBadge } from './status-badge.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { PARTY_KEYS } from './agreement-draft.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { PartyLink } from './agreements-page.tsx';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { SignForm, AmendForm } from './agreement-forms.tsx';
import { AgreementLedger } from './agreement-ledger.tsx';
import { HistoryEntry } from './agreement-history.tsx';
import { DirectionCard } from './direction-card.tsx';
import { EwpDownloads } from '../ewp/index.ts';

export function AgreementPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const resource = useResource(id, (signal) => getAgreement(id, signal));
  useDocumentTitle(resource.data?.content.title ?? t('agreement.title'));

  return (
    <ResourceView
      resource={resource}
      notFound={<NotFoundPage message={t('agreement.notFound')} />}
      errorHeading={<h1>{t('agreement.title')}</h1>}
    >
      {(agreement) => <AgreementView key={agreement.id} initial={agreement} />}
    </ResourceView>
  );
}

function AgreementView({ initial }: { initial: AgreementDetail }) {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const localNameOf = useLocalName();
  const [agreement, setAgreement] = useState(initial);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { created?: boolean } | null)?.created ? t('agreement.created') : null,
  );
  const [editing, setEditing] = useState(false);
  const { content } = agreement;
  const latest = agreement.history[agreement.history.length - 1];
  const partyOf = (key: PartyKey) => (key === 'A' ? agreement.partyA : agreement.partyB);
  const partyName = (key: PartyKey) => localNameOf(partyOf(key));
  const pendingAmendment =
    agreement.versionInForce !== null && agreement.versionInForce < agreement.currentVersion;
  const canEdit = agreement.may.edit;
  // Why an action of a party the reader acts for is refused (a signature already given shows above).
  const mayNot = [agreement.whyNot.edit, agreement.whyNot.signA, agreement.whyNot.signB].filter(
    (r): r is NonNullable<typeof r> => r !== undefined && r.code !== 'agreement.already_signed',
  );

  const updated = (next: AgreementDetail, message: string) => {
    setAgreement(next);
    setNotice(message);
  };

  return (
    <article className="detail" data-testid="agreement-detail">
      <nav aria-label={t('breadcrumbs.label')} className="breadcrumbs">
        <ol>
          <li>
            <Link to="/agreements">{t('nav.agreements')}</Link>
          </li>
          {/* The title as its authors wrote it: record content, not a text of the product. */}
          <li aria-current="page" data-verbatim>
            {content.title}
          </li>
        </ol>
      </nav>
      <header className="detail-header">
        <h1 data-verbatim>{content.title}</h1>
        <p className="detail-subtitle">
          <AgreementStatusBadge status={agreement.status} />
          {agreement.invented ? <InventedBadge /> : null}
          <span>{t('agreement.between', { a: partyName('A'), b: partyName('B') })}</span>
        </p>
      </header>

      <div role="status" className="status-region">
        {notice ? <p className="alert alert-success">{notice}</p> : null}
      </div>

      {pendingAmendment ? (
        <p className="alert alert-info">
          {t('agreement.pendingAmendment', {
            latest: agreement.currentVersion,
            inForce: agreement.versionInForce,
          })}
        </p>
      ) : null}

      <div className="detail-grid">
        <section className="card" aria-labelledby="agreement-facts">
          <h2 id="agreement-facts">{t('agreement.facts')}</h2>
          <dl className="facts">
            <dt>{t('agreement.partyA')}</dt>
            <dd>
              <PartyLink party={agreement.partyA} />{' '}
              <span className="muted">({partyTypeLabel(t, agreement.partyA.type)})</span>
            </dd>
            <dt>{t('agreement.partyB')}</dt>
            <dd>
              <PartyLink party={agreement.partyB} />{' '}
              <span className="muted">({partyTypeLabel(t, agreement.partyB.type)})</span>
            </dd>
            <dt>{t('agreements.status')}</dt>
            <dd>
              <AgreementStatusBadge status={agreement.status} />
            </dd>
            <dt>{t('agreements.validity')}</dt>
            <dd>
              <FormattedDate value={content.validFrom} /> –{' '}
              <FormattedDate value={content.validTo} />
            </dd>
            <dt>{t('agreement.versionInForce')}</dt>
            <dd data-testid="version-in-force">
              {agreement.versionInForce === null
                ? t('agreement.noneInForce')
                : t('agreement.versionNumber', { version: agreement.versionInForce })}
            </dd>
            <dt>{t('agreement.latestVersion')}</dt>
            <dd>{t('agreement.versionNumber', { version: agreement.currentVersion })}</dd>
            {agreement.programName ? (
              <>
                <dt>{t('agreement.program')}</dt>
                <dd>{nameIn(agreement.programName, i18n.language)}</dd>
              </>
            ) : null}
          </dl>
        </section>

        {agreement.canManage.length > 0 ? (
          <section className="card" aria-labelledby="agreement-ewp">
            <h2 id="agreement-ewp">{t('ewp.section')}</h2>
            <EwpDownloads
              files={[
                {
                  labelKey: 'ewp.download.agreement',
                  path: `/agreements/${encodeURIComponent(agreement.id)}/ewp.xml`,
                  fileName: `iia-${agreement.id}.xml`,
                },
              ]}
            />
          </section>
        ) : null}

        <section className="card" aria-labelledby="agreement-clauses">
          <h2 id="agreement-clauses">{t('agreementForm.clauses')}</h2>
          <ul className="clause-list">
            <ClauseItem
              agreed={content.clauses.tuitionWaiver}
              label={t('clauses.tuitionWaiver')}
              help={t('clauses.tuitionWaiverHelp')}
            />
            <ClauseItem
              agreed={content.clauses.commonScreening}
              label={t('clauses.commonScreening')}
              help={t('clauses.commonScreeningHelp')}
            />
            <ClauseItem
              agreed={content.clauses.commonRecognition}
              label={t('clauses.commonRecognition')}
              help={t('clauses.commonRecognitionHelp')}
            />
          </ul>
          {content.clauses.other ? (
            <>
              <h3>{t('clauses.other')}</h3>
              <p className="pre-wrap">{content.clauses.other}</p>
            </>
          ) : null}
        </section>
      </div>

      <section aria-labelledby="agreement-directions">
        <h2 id="agreement-directions">{t('agreement.directions')}</h2>
        {content.directions.length === 0 ? (
          <p className="muted">{t('agreement.noDirections')}</p>
        ) : (
          <div className="detail-grid">
            {content.directions.map((direction) => (
              <DirectionCard
                key={direction.from}
                direction={direction}
                from={partyName(direction.from)}
                to={partyName(direction.from === 'A' ? 'B' : 'A')}
              />
            ))}
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="agreement-signatures">
        <h2 id="agreement-signatures">
          {t('agreement.signaturesOf', { version: agreement.currentVersion })}
        </h2>
        <ul className="signature-list" data-testid="signatures">
          {PARTY_KEYS.map((key) => {
            const signature = latest?.signatures.find((s) => s.party === key);
            return (
              <li key={key}>
                <strong>{partyName(key)}</strong>{' '}
                {signature ? (
                  <span data-signed={key}>
                    {t('agreement.signedBy', { signatory: signature.signatory })}{' '}
                    <FormattedDate value={signature.signedOn} />
                  </span>
                ) : (
                  <span className="muted">{t('agreement.notSigned')}</span>
                )}
              </li>
            );
          })}
        </ul>
        {mayNot.length > 0 ? <RefusalList refusals={mayNot} /> : null}
        {PARTY_KEYS.filter((key) => (key === 'A' ? agreement.may.signA : agreement.may.signB)).map(
          (key) => (
            <SignForm
              key={key}
              agreementId={agreement.id}
              party={key}
              partyName={partyName(key)}
              onSigned={(next) => updated(next, t('agreement.signed', { party: partyName(key) }))}
            />
          ),
        )}
      </section>

      {canEdit ? (
        <section className="card" aria-labelledby="agreement-amend">
          <h2 id="agreement-amend">
            {agreement.versionInForce === null
              ? t('agreement.editDraft')
              : t('agreement.proposeAmendment')}
          </h2>
          <p className="muted">
            {agreement.versionInForce === null
              ? t('agreement.editDraftHelp')
              : t('agreement.amendmentHelp')}
          </p>
          {editing ? (
            <AmendForm
              agreement={agreement}
              partyNames={{ A: partyName('A'), B: partyName('B') }}
              onCancel={() => setEditing(false)}
              onSaved={(next) => {
                setEditing(false);
                updated(next, t('agreement.saved', { version: next.currentVersion }));
              }}
            />
          ) : (
            <button
              type="button"
              className="button button-secondary"
              aria-expanded={false}
              onClick={() => setEditing(true)}
            >
              {agreement.versionInForce === null
                ? t('agreement.editDraft')
                : t('agreement.proposeAmendment')}
            </button>
          )}
        </section>
      ) : null}

      <AgreementLedger agreement={agreement} partyName={partyName} />

      <section aria-labelledby="agreement-history">
        <h2 id="agreement-history">{t('agreement.history')}</h2>
        <ol className="history-list" reversed>
          {[...agreement.history].reverse().map((version) => (
            <HistoryEntry key={version.version} version={version} partyName={partyName} />
          ))}
        </ol>
      </section>
    </article>
  );
}

function partyTypeLabel(t: (key: string) => string, type: string): string {
  return type === 'institution'
    ? t('agreementForm.partyInstitution')
    : t('agreementForm.partyConsortium');
}

function ClauseItem({ agreed, label, help }: { agreed: boolean; label: string; help: string }) {
  const { t } = useTranslation();
  return (
    <li className={agreed ? 'clause clause-yes' : 'clause clause-no'}>
      <strong>{label}</strong>: {agreed ? t('agreement.agreed') : t('agreement.notAgreed')}
      <span className="help">{help}</span>
    </li>
  );
}
