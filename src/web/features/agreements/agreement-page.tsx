import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { getAgreement, getAgreementBalance, signAgreement, updateAgreement } from './api.ts';
import { fieldIssues } from '../../api/client.ts';
import type { AgreementChange, AgreementDetail, AgreementVersion, Direction, PartyKey } from '../../api/contract.ts';
import { useSession } from '../../app/session.tsx';
import { Field } from '../../components/ui/field.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { AgreementContentFields } from './agreement-content-fields.tsx';
import { BalanceLedger } from './balance-ledger.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { FormErrors } from '../../components/ui/field-error.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { useLocalName } from '../../components/ui/localized-name.tsx';
import { AgreementStatusBadge } from './status-badge.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { PARTY_KEYS, contentFromDraft, draftFromContent, type ContentDraft } from './agreement-draft.ts';
import { academicYearsBetween, formatDate, formatNumber, todayIso } from '../../lib/format.ts';
import { languageName } from '../../../i18n/format.ts';
import { useLabels } from '../../lib/labels.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { PartyLink } from './agreements-page.tsx';
import { NotFoundPage } from '../../app/not-found-page.tsx';

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

function DirectionCard({
  direction,
  from,
  to,
}: {
  direction: Direction;
  from: string;
  to: string;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { levelLabel } = useLabels();
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-direction={direction.from}>
      <h3 id={id}>{t('agreementForm.direction', { from, to })}</h3>
      <dl className="facts">
        <dt>{t('agreementForm.levels')}</dt>
        <dd>{direction.levels.map(levelLabel).join(', ') || '—'}</dd>
        <dt>{t('agreement.fields')}</dt>
        <dd>
          {direction.fields.length === 0 ? (
            '—'
          ) : (
            <ul className="inline-list">
              {direction.fields.map((code) => (
                <li key={code}>
                  <code>{code}</code>
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t('agreementForm.languages')}</dt>
        <dd>
          {direction.languages.length === 0
            ? '—'
            : direction.languages
                .map((l) =>
                  t('agreement.languageLevel', {
                    language: languageName(l.language, language),
                    cefr: l.cefr,
                  }),
                )
                .join(', ')}
        </dd>
      </dl>
      {direction.quotas.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table compact-table">
            <caption>{t('agreementForm.quotas')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agreementForm.academicYear')}</th>
                <th scope="col" className="numeric">
                  {t('ledger.students')}
                </th>
                <th scope="col" className="numeric">
                  {t('ledger.months')}
                </th>
              </tr>
            </thead>
            <tbody>
              {direction.quotas.map((quota) => (
                <tr key={quota.academicYear}>
                  <th scope="row">{quota.academicYear}</th>
                  <td className="numeric" data-label={t('ledger.students')}>
                    {formatNumber(quota.students, language)}
                  </td>
                  <td className="numeric" data-label={t('ledger.months')}>
                    {formatNumber(quota.months, language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t('agreement.noQuotas')}</p>
      )}
    </section>
  );
}

function SignForm({
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

function AmendForm({
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

function AgreementLedger({
  agreement,
  partyName,
}: {
  agreement: AgreementDetail;
  partyName: (key: PartyKey) => string;
}) {
  const { t } = useTranslation();
  const id = useId();
  // Seen from the party the reader acts for, when it is only B; else from A.
  const [side, setSide] = useState<PartyKey>(
    agreement.canManage.length === 1 && agreement.canManage[0] === 'B' ? 'B' : 'A',
  );
  const signatureCount = agreement.history.reduce((n, v) => n + v.signatures.length, 0);
  const ledger = useResource(
    `${agreement.id}|${side}|${agreement.currentVersion}|${signatureCount}`,
    (signal) => getAgreementBalance(agreement.id, side, signal),
  );
  const other: PartyKey = side === 'A' ? 'B' : 'A';
  const startMonth = ledger.data?.calendar.startMonth ?? 1;
  const extraYears = [
    ...academicYearsBetween(agreement.content.validFrom, agreement.content.validTo, startMonth),
    ...agreement.content.directions.flatMap((d) => d.quotas.map((q) => q.academicYear)),
  ];

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="agreement-ledger">
      <h2 id={`${id}-title`}>{t('ledger.title')}</h2>
      <fieldset className="segmented">
        <legend>{t('ledger.seenFromLabel')}</legend>
        {PARTY_KEYS.map((key) => (
          <label key={key}>
            <input
              type="radio"
              name={`${id}-side`}
              value={key}
              checked={side === key}
              onChange={() => setSide(key)}
            />
            {partyName(key)}
          </label>
        ))}
      </fieldset>
      <ResourceView resource={ledger}>
        {(data) => (
          <BalanceLedger
            ledger={data}
            usName={partyName(side)}
            themName={partyName(other)}
            extraYears={extraYears}
          />
        )}
      </ResourceView>
    </section>
  );
}

/** A changed field of the history, in words: which field, of which direction or year. */
function useChangeText() {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const { levelLabel } = useLabels();
  const clauseLabel = (key: string) =>
    ['tuitionWaiver', 'commonScreening', 'commonRecognition', 'other'].includes(key)
      ? t(`clauses.${key}`)
      : key;
  const label = (path: string, partyName: (key: PartyKey) => string): string => {
    const parts = path.split('.');
    const [head, second, third, fourth, fifth] = parts;
    if (head === 'title' || head === 'validFrom' || head === 'validTo') {
      return t(`agreementForm.${head}`);
    }
    if (head === 'clauses' && second) return clauseLabel(second);
    if (head === 'balanceTolerance' && second) {
      return `${t('agreementForm.tolerance')} · ${second === 'students' ? t('ledger.students') : t('ledger.months')}`;
    }
    if (head === 'directions' && (second === 'A' || second === 'B')) {
      const direction = t('agreementForm.direction', {
        from: partyName(second),
        to: partyName(second === 'A' ? 'B' : 'A'),
      });
      if (third === 'levels') return `${direction} · ${t('agreementForm.levels')}`;
      if (third === 'fields') return `${direction} · ${t('agreement.fields')}`;
      if (third === 'languages' && fourth) {
        return `${direction} · ${t('agreementForm.languages')} · ${languageName(fourth, language)}`;
      }
      if (third === 'quotas' && fourth) {
        const unit = fifth === 'months' ? t('ledger.months') : t('ledger.students');
        return `${direction} · ${t('agreementForm.quotas')} · ${fourth} · ${unit}`;
      }
      return direction;
    }
    return t('agreement.changeOther');
  };
  const value = (path: string, v: AgreementChange['before']): string => {
    if (v === undefined) return '—';
    if (typeof v === 'boolean') return v ? t('agreement.agreed') : t('agreement.notAgreed');
    if (typeof v === 'number') return formatNumber(v, language);
    if (Array.isArray(v)) {
      if (v.length === 0) return '—';
      const items = path.endsWith('.levels') ? v.map(levelLabel) : v;
      return new Intl.ListFormat(language, { type: 'unit' }).format(items);
    }
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v, language);
    return v;
  };
  return { label, value };
}

function HistoryEntry({
  version,
  partyName,
}: {
  version: AgreementVersion;
  partyName: (key: PartyKey) => string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const change = useChangeText();
  return (
    <li className="card history-entry" data-version={version.version}>
      <h3 id={id}>
        {t('agreement.versionNumber', { version: version.version })}{' '}
        <span className="badge">
          {version.kind === 'amendment' ? t('agreement.kindAmendment') : t('agreement.kindDraft')}
        </span>
      </h3>
      <p className="muted">
        {t('agreement.createdOn')} <FormattedDate value={version.createdAt} />
        {version.createdByName ? (
          <>
            {' · '}
            {t('agreement.createdBy')}{' '}
            <span data-testid="created-by">{nameIn(version.createdByName, i18n.language)}</span>
          </>
        ) : null}
      </p>
      {version.changeNote ? <p className="pre-wrap">{version.changeNote}</p> : null}
      {version.changes.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table compact-table" aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('agreement.changePath')}</th>
                <th scope="col">{t('agreement.changeBefore')}</th>
                <th scope="col">{t('agreement.changeAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {version.changes.map((c) => (
                <tr key={c.path} data-path={c.path}>
                  <th scope="row">{change.label(c.path, partyName)}</th>
                  <td data-label={t('agreement.changeBefore')}>{change.value(c.path, c.before)}</td>
                  <td data-label={t('agreement.changeAfter')}>{change.value(c.path, c.after)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : version.version > 1 ? (
        <p className="muted">{t('agreement.noChanges')}</p>
      ) : null}
      <p>
        {version.signatures.length === 0
          ? t('agreement.noSignatures')
          : version.signatures.map((signature, index) => (
              <span key={signature.party}>
                {index > 0 ? '; ' : ''}
                {t('agreement.signatureLine', {
                  party: partyName(signature.party),
                  signatory: signature.signatory,
                })}{' '}
                <FormattedDate value={signature.signedOn} />
              </span>
            ))}
      </p>
    </li>
  );
}
