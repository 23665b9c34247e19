/** Drafting and amending the components of a learning agreement. */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
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
  createLearningAgreement,
  getCatalogue,
  proposeChanges,
  type Course,
  type LearningAgreementView,
  type MobilityDetail,
} from './api.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { Field } from '../../components/ui/field.tsx';

export type Row = { id: string; hostCode: string; homeCode: string; homeCredits: string };

/** Draft (la = null) or propose changes to the current version: pick catalogue courses. */
export function ComponentEditor({
  mobility,
  la,
  onDone,
}: {
  mobility: MobilityDetail;
  la: LearningAgreementView | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
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
  const { busy, error, run } = useAction();

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
    await run(async (csrfToken) => {
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
    });
  };

  return (
    <form className="form la-editor" onSubmit={submit} data-testid="la-editor">
      <h3>{la ? t('mobility.la.proposeChanges') : t('mobility.la.create')}</h3>
      <p className="help">{t('mobility.la.editorHelp')}</p>
      {rows.map((r, i) => (
        <fieldset className="fieldset repeat-row" key={r.id}>
          <legend>{t('mobility.la.component', { id: r.id })}</legend>
          <div className="field-row">
            <Field id={`${id}-${r.id}-host`} label={t('mobility.la.hostCourse')}>
              {(control) => (
                <select
                  {...control}
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
              )}
            </Field>
            <Field id={`${id}-${r.id}-home`} label={t('mobility.la.homeCourse')}>
              {(control) => (
                <select
                  {...control}
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
              )}
            </Field>
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
          <Field id={`${id}-reason`} label={t('mobility.la.changeReason')}>
            {(control) => (
              <select
                {...control}
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
            )}
          </Field>
          <Field id={`${id}-reason-text`} label={t('mobility.la.reasonText')}>
            {(control) => (
              <input
                {...control}
                name="reasonText"
                value={reasonText}
                required={reason === 'other'}
                onChange={(e) => setReasonText(e.target.value)}
              />
            )}
          </Field>
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
