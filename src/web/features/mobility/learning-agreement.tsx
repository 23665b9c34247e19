/**
 * The learning agreement on a mobility page (R7): every version with host credits converted and
 * the rule used, three signatures, the editor for the draft and for proposals after signing, and
 * the diff between two versions.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { useResource } from '../../lib/use-resource.ts';
import { convertCredits } from '../../../domain/recognition/credit-systems.ts';
import {
  CHANGE_REASONS,
  type ChangeReason,
  type LaChange,
  type LaComponent,
  type LaParty,
} from '../../../domain/recognition/learning-agreement.ts';
import {
  approveVersion,
  createLearningAgreement,
  getCatalogue,
  getDiff,
  getLearningAgreement,
  proposeChanges,
  type Course,
  type LearningAgreementView,
  type MobilityDetail,
  type VersionView,
} from './api.ts';
import { ConversionText, CreditsText, LText, formatMoment } from './components.tsx';

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
  const { csrfToken } = useSession();
  const id = useId();
  const initial = la.pendingVersion ?? la.currentVersion ?? la.latestVersion;
  const [shown, setShown] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const version = la.versions[shown - 1] ?? la.versions[la.versions.length - 1]!;

  const sign = async (party: LaParty) => {
    setError(null);
    try {
      await approveVersion(mobility.id, { version: version.number, party }, csrfToken);
      onDone();
    } catch (e) {
      setError(e);
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
      <div className="field">
        <label htmlFor={`${id}-version`}>{t('mobility.la.version')}</label>
        <select
          id={`${id}-version`}
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
      </div>
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

type Row = { id: string; hostCode: string; homeCode: string; homeCredits: string };

/** Draft (la = null) or propose changes to the current version: pick catalogue courses. */
function ComponentEditor({
  mobility,
  la,
  onDone,
}: {
  mobility: MobilityDetail;
  la: LearningAgreementView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { csrfToken } = useSession();
  const id = useId();
  const hostCat = useResource(`cat|${mobility.host.id}`, (s) => getCatalogue(mobility.host.id, s));
  const homeCat = useResource(`cat|${mobility.home.id}`, (s) => getCatalogue(mobility.home.id, s));
  const base = la ? (la.versions[(la.currentVersion ?? la.latestVersion) - 1] ?? null) : null;
  const [rows, setRows] = useState<Row[]>(
    () =>
      base?.components.map((c) => ({
        id: c.id,
        hostCode: c.host.code,
        homeCode: c.home.code ?? '',
        homeCredits: String(c.home.credits.value),
      })) ?? [],
  );
  const [reason, setReason] = useState<ChangeReason>('not-available');
  const [reasonText, setReasonText] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const hostCourses = useMemo(() => hostCat.data?.items ?? [], [hostCat.data]);
  const homeCourses = useMemo(() => homeCat.data?.items ?? [], [homeCat.data]);
  if (hostCat.status === 'loading' || homeCat.status === 'loading') return <Loading />;
  if (hostCat.status === 'error') return <ErrorAlert error={hostCat.error} />;
  if (homeCat.status === 'error') return <ErrorAlert error={homeCat.error} />;
  const homeSystem = homeCat.data.creditSystem;

  const converted = (code: string) => {
    const c = hostCourses.find((x) => x.code === code);
    return c ? convertCredits(c.credits.value, c.credits.system, homeSystem).value : 0;
  };
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const nextId = () => {
    const used = new Set(rows.map((r) => r.id));
    let n = rows.length + 1;
    while (used.has(`c${n}`)) n++;
    return `c${n}`;
  };

  const toComponent = (r: Row): LaComponent | null => {
    const host = hostCourses.find((c) => c.code === r.hostCode);
    const home: Course | undefined = homeCourses.find((c) => c.code === r.homeCode);
    const previous = base?.components.find((c) => c.id === r.id);
    const hostRef = host ?? (previous && previous.host.code === r.hostCode ? null : undefined);
    if (hostRef === undefined) return null;
    return {
      id: r.id,
      host: host
        ? {
            code: host.code,
            title: host.title,
            credits: host.credits,
            term: host.term ?? undefined,
            online: host.online,
          }
        : previous!.host,
      home: {
        code: home?.code ?? null,
        title: home?.title ?? host?.title ?? previous!.host.title,
        credits: { value: Number(r.homeCredits), system: homeSystem },
      },
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const components = rows.map(toComponent).filter((c): c is LaComponent => c !== null);
      const party: LaParty | undefined =
        la?.myParties.includes('home') || mobility.myRoles.includes('home_coordinator')
          ? 'home'
          : undefined;
      if (!la) {
        await createLearningAgreement(mobility.id, { components, party }, csrfToken);
      } else {
        const before = new Map((base?.components ?? []).map((c) => [c.id, c]));
        const why = { reason, ...(reasonText.trim() ? { reasonText: reasonText.trim() } : {}) };
        const changes: LaChange[] = [];
        for (const c of components) {
          const old = before.get(c.id);
          if (!old) changes.push({ kind: 'insert', component: c, ...why });
          else if (
            old.host.code !== c.host.code ||
            old.home.code !== c.home.code ||
            old.home.credits.value !== c.home.credits.value
          ) {
            changes.push({ kind: 'update', component: { ...c, host: { ...c.host } }, ...why });
          }
        }
        for (const idOld of before.keys()) {
          if (!components.some((c) => c.id === idOld)) {
            changes.push({ kind: 'delete', componentId: idOld, ...why });
          }
        }
        await proposeChanges(
          mobility.id,
          {
            baseVersion: la.latestVersion,
            changes,
            party: la.myParties.includes('home') ? 'home' : la.myParties[0],
          },
          csrfToken,
        );
      }
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form la-editor" onSubmit={submit} data-testid="la-editor">
      <h3>{la ? t('mobility.la.proposeChanges') : t('mobility.la.create')}</h3>
      <p className="help">{t('mobility.la.editorHelp')}</p>
      {rows.map((r, i) => (
        <fieldset className="fieldset repeat-row" key={r.id}>
          <legend>{t('mobility.la.component', { id: r.id })}</legend>
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-${r.id}-host`}>{t('mobility.la.hostCourse')}</label>
              <select
                id={`${id}-${r.id}-host`}
                name={`host-${r.id}`}
                required
                value={r.hostCode}
                onChange={(e) =>
                  update(i, {
                    hostCode: e.target.value,
                    homeCredits: String(converted(e.target.value)),
                  })
                }
              >
                <option value="">—</option>
                {hostCourses.map((c) => (
                  <option key={c.id} value={c.code}>
                    {c.code} · {c.credits.value}
                  </option>
                ))}
                {r.hostCode && !hostCourses.some((c) => c.code === r.hostCode) ? (
                  <option value={r.hostCode}>{r.hostCode}</option>
                ) : null}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-${r.id}-home`}>{t('mobility.la.homeCourse')}</label>
              <select
                id={`${id}-${r.id}-home`}
                name={`home-${r.id}`}
                value={r.homeCode}
                onChange={(e) => update(i, { homeCode: e.target.value })}
              >
                <option value="">{t('mobility.la.elective')}</option>
                {homeCourses.map((c) => (
                  <option key={c.id} value={c.code}>
                    {c.code} · {c.credits.value}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-${r.id}-credits`}>
                {t('mobility.la.homeCredits')} ({t(`mobility.creditSystem.${homeSystem}`)})
              </label>
              <input
                id={`${id}-${r.id}-credits`}
                name={`credits-${r.id}`}
                type="number"
                min="0.5"
                step="0.5"
                required
                value={r.homeCredits}
                onChange={(e) => update(i, { homeCredits: e.target.value })}
              />
            </div>
          </div>
          <button
            type="button"
            className="button button-link"
            onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
          >
            {t('mobility.la.remove')}
          </button>
        </fieldset>
      ))}
      <p>
        <button
          type="button"
          className="button button-secondary"
          onClick={() =>
            setRows((rs) => [...rs, { id: nextId(), hostCode: '', homeCode: '', homeCredits: '' }])
          }
        >
          {t('mobility.la.addComponent')}
        </button>
      </p>
      {la ? (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('mobility.la.changeReason')}</label>
            <select
              id={`${id}-reason`}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value as ChangeReason)}
            >
              {CHANGE_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`mobility.la.reasons.${r}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason-text`}>{t('mobility.la.reasonText')}</label>
            <input
              id={`${id}-reason-text`}
              name="reasonText"
              value={reasonText}
              required={reason === 'other'}
              onChange={(e) => setReasonText(e.target.value)}
            />
          </div>
        </div>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={busy || rows.length === 0}
        >
          {la ? t('mobility.la.submitProposal') : t('mobility.la.submitDraft')}
        </button>
      </div>
    </form>
  );
}

function DiffView({ mobilityId, la }: { mobilityId: string; la: LearningAgreementView }) {
  const { t } = useTranslation();
  const id = useId();
  const [from, setFrom] = useState(Math.max(1, la.latestVersion - 1));
  const [to, setTo] = useState(la.latestVersion);
  const diff = useResource(`${mobilityId}|diff|${from}|${to}|${la.latestVersion}`, (s) =>
    getDiff(mobilityId, from, to, s),
  );
  const options = la.versions.map((v) => (
    <option key={v.number} value={v.number}>
      {v.number}
    </option>
  ));
  return (
    <div className="la-diff" data-testid="la-diff">
      <h3>{t('mobility.la.diff')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('mobility.la.diffFrom')}</label>
          <select id={`${id}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {options}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('mobility.la.diffTo')}</label>
          <select id={`${id}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {options}
          </select>
        </div>
      </div>
      {diff.status === 'loading' ? <Loading /> : null}
      {diff.status === 'error' ? <ErrorAlert error={diff.error} /> : null}
      {diff.status === 'success' ? (
        diff.data.added.length + diff.data.removed.length + diff.data.changed.length === 0 ? (
          <p className="muted">{t('mobility.la.noDifference')}</p>
        ) : (
          <ul className="diff-list">
            {diff.data.added.map((c) => (
              <li key={`a-${c.id}`} className="diff-added">
                <strong>{t('mobility.la.added')}</strong> <code>{c.host.code}</code>{' '}
                <LText text={c.host.title} />
              </li>
            ))}
            {diff.data.removed.map((c) => (
              <li key={`r-${c.id}`} className="diff-removed">
                <strong>{t('mobility.la.removed')}</strong> <code>{c.host.code}</code>{' '}
                <LText text={c.host.title} />
              </li>
            ))}
            {diff.data.changed.map((c) => (
              <li key={`c-${c.id}`} className="diff-changed">
                <strong>{t('mobility.la.changed')}</strong> <code>{c.after.host.code}</code>{' '}
                <LText text={c.after.host.title} />
                <FieldChanges before={c.before} after={c.after} fields={c.fields} />
              </li>
            ))}
          </ul>
        )
      ) : null}
    </div>
  );
}

type Attr = 'code' | 'title' | 'credits' | 'term' | 'online';

/** One component's change, field by field: what it was and what it is (R7, every version kept). */
function FieldChanges({
  before,
  after,
  fields,
}: {
  before: LaComponent;
  after: LaComponent;
  fields: readonly string[];
}) {
  const { t } = useTranslation();
  // `host.credits.value` and `host.credits.system` are one change of the host credits.
  const changed = [
    ...new Set(
      fields.map((f) => {
        const [side, attr] = f.split('.');
        return side === 'host' || side === 'home' ? `${side}.${attr}` : (side ?? f);
      }),
    ),
  ];
  const show = (c: LaComponent, key: string) => {
    if (key === 'conditions') return c.conditions ?? '—';
    const [side, attr] = key.split('.') as ['host' | 'home', Attr];
    const course = c[side] as LaComponent['host'];
    if (attr === 'credits') return <CreditsText credits={course.credits} />;
    if (attr === 'title') return <LText text={course.title} />;
    if (attr === 'online')
      return course.online ? t('mobility.catalogue.online') : t('mobility.catalogue.onSite');
    const v = course[attr as 'code' | 'term'];
    return v ? (
      <code>{v}</code>
    ) : side === 'home' && attr === 'code' ? (
      t('mobility.la.elective')
    ) : (
      '—'
    );
  };
  return (
    <dl className="facts field-changes" data-testid="field-changes">
      {changed.map((key) => (
        <div className="facts-row" key={key} data-field={key}>
          <dt>{t(`mobility.la.field.${key.replace('.', '_')}`)}</dt>
          <dd>
            {show(before, key)} → {show(after, key)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
