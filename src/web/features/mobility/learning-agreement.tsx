/**
 * The learning agreement on a mobility page (R7): every version with host credits converted and
 * the rule used, three signatures, the editor for the draft and for proposals after signing, and
 * the diff between two versions.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { type LaParty } from '../../../domain/recognition/learning-agreement.ts';
import {
  approveVersion,
  getLearningAgreement,
  type LearningAgreementView,
  type MobilityDetail,
  type VersionView,
} from './api.ts';
import { ConversionText, CreditsText, LText, formatMoment } from './components.tsx';
import { ComponentEditor } from './la-component-editor.tsx';
import { DiffView } from './la-diff.tsx';
import { Field } from '../../components/ui/field.tsx';

const DRAFTABLE = ['nominated', 'accepted'];

export function LearningAgreementSection({
  mobility,
  onChange,
}: {
  mobility: MobilityDetail;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [attempt, setAttempt] = useState(0);
  const la = useResource(`${mobility.id}|la|${attempt}|${mobility.version}`, (signal) =>
    getLearningAgreement(mobility.id, signal),
  );
  const reload = () => {
    setAttempt((n) => n + 1);
    onChange();
  };
  const isParty = mobility.myRoles.some((r) =>
    ['home_coordinator', 'host_coordinator', 'student'].includes(r),
  );
  return (
    <section aria-labelledby="la-title" data-testid="learning-agreement">
      <h2 id="la-title">{t('mobility.la.title')}</h2>
      {la.status === 'loading' ? <Loading /> : null}
      {la.status === 'error' && la.error instanceof ApiError && la.error.status === 404 ? (
        <>
          <p className="muted">{t('mobility.la.none')}</p>
          {isParty && DRAFTABLE.includes(mobility.status) ? (
            <ComponentEditor mobility={mobility} la={null} onDone={reload} />
          ) : null}
        </>
      ) : null}
      {la.status === 'error' && !(la.error instanceof ApiError && la.error.status === 404) ? (
        <ErrorAlert error={la.error} onRetry={la.reload} />
      ) : null}
      {la.status === 'success' ? <LaView mobility={mobility} la={la.data} onDone={reload} /> : null}
    </section>
  );
}

function LaView({
  mobility,
  la,
  onDone,
}: {
  mobility: MobilityDetail;
  la: LearningAgreementView;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const initial = la.pendingVersion ?? la.currentVersion ?? la.latestVersion;
  const [shown, setShown] = useState(initial);
  const [editing, setEditing] = useState(false);
  const { run, error } = useAction();
  const version = la.versions[shown - 1] ?? la.versions[la.versions.length - 1]!;

  const sign = async (party: LaParty) => {
    if (
      await run((csrf) => approveVersion(mobility.id, { version: version.number, party }, csrf))
    ) {
      onDone();
    }
  };

  return (
    <>
      <p>
        {la.signed
          ? t('mobility.la.signedVersion', { version: la.currentVersion })
          : t('mobility.la.notSigned')}
        {la.pendingVersion ? ` ${t('mobility.la.pending', { version: la.pendingVersion })}` : ''}
      </p>
      <Field id={`${id}-version`} label={t('mobility.la.version')}>
        {(control) => (
          <select
            {...control}
            name="la-version"
            value={version.number}
            onChange={(e) => setShown(Number(e.target.value))}
          >
            {la.versions.map((v) => (
              <option key={v.number} value={v.number}>
                {t('mobility.la.versionOption', {
                  version: v.number,
                  status: t(`mobility.la.status.${v.status}`),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="small muted" data-testid="la-proposed">
        {t('mobility.la.proposedBy', {
          party: t(`mobility.la.party.${version.proposedBy}`),
          at: formatMoment(version.proposedAt, i18n.language),
        })}
      </p>
      <VersionTable version={version} />
      <Signatures version={version} />
      {version.status === 'proposed' && version.number === la.pendingVersion ? (
        <div className="field-buttons">
          {la.may.sign.map((party) => (
            <button
              key={party}
              type="button"
              className="button button-primary"
              data-sign={party}
              onClick={() => void sign(party)}
            >
              {t('mobility.la.signAs', { party: t(`mobility.la.party.${party}`) })}
            </button>
          ))}
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {la.may.propose && !editing ? (
        <p>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setEditing(true)}
          >
            {t('mobility.la.proposeChanges')}
          </button>
        </p>
      ) : null}
      {editing ? (
        <ComponentEditor
          mobility={mobility}
          la={la}
          onDone={() => {
            setEditing(false);
            onDone();
          }}
        />
      ) : null}
      {la.versions.length > 1 ? <DiffView mobilityId={mobility.id} la={la} /> : null}
    </>
  );
}

function VersionTable({ version }: { version: VersionView }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table la-components" data-testid="la-components">
        <caption>
          {t('mobility.la.components', { version: version.number })} —{' '}
          <CreditsText credits={version.credits.host} /> →{' '}
          <CreditsText credits={version.credits.home} />
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('mobility.la.hostCourse')}</th>
            <th scope="col">{t('mobility.la.hostCredits')}</th>
            <th scope="col">{t('mobility.la.converted')}</th>
            <th scope="col">{t('mobility.la.homeCourse')}</th>
            <th scope="col">{t('mobility.la.homeCredits')}</th>
          </tr>
        </thead>
        <tbody>
          {version.components.map((c) => (
            <tr key={c.id} data-component={c.id}>
              <th scope="row">
                <code>{c.host.code}</code> <LText text={c.host.title} />
                {c.host.term ? <span className="muted small"> · {c.host.term}</span> : null}
              </th>
              <td data-label={t('mobility.la.hostCredits')}>
                <CreditsText credits={c.host.credits} />
              </td>
              <td data-label={t('mobility.la.converted')}>
                <ConversionText conversion={c.conversion} />
              </td>
              <td data-label={t('mobility.la.homeCourse')}>
                {c.home.code ? <code>{c.home.code}</code> : t('mobility.la.elective')}{' '}
                <LText text={c.home.title} />
              </td>
              <td data-label={t('mobility.la.homeCredits')}>
                <CreditsText credits={c.home.credits} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Signatures({ version }: { version: VersionView }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="signature-list" aria-label={t('mobility.la.signatures')}>
      {(['student', 'home', 'host'] as const).map((p) => {
        const s = version.signatures[p];
        return (
          <li key={p} data-party={p} data-signed={s ? 'yes' : 'no'}>
            <strong>{t(`mobility.la.party.${p}`)}:</strong>{' '}
            {s ? (
              <>
                {s.signerName} · {formatMoment(s.signedAt, i18n.language)}
              </>
            ) : (
              <span className="muted">{t('mobility.la.notYetSigned')}</span>
            )}
          </li>
        );
      })}
      {version.rejection ? (
        <li>
          {t('mobility.la.rejectedBy', {
            party: t(`mobility.la.party.${version.rejection.party}`),
          })}
          : {version.rejection.comment}
        </li>
      ) : null}
    </ul>
  );
}
