/** What changed between two versions of a learning agreement. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResource } from '../../lib/use-resource.ts';
import { type LaComponent } from '../../../domain/recognition/learning-agreement.ts';
import { getDiff, type LearningAgreementView } from './api.ts';
import { CreditsText, LText } from './components.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';

export function DiffView({ mobilityId, la }: { mobilityId: string; la: LearningAgreementView }) {
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
      <ResourceView resource={diff} noRetry>
        {(diffData) =>
          diffData.added.length + diffData.removed.length + diffData.changed.length === 0 ? (
            <p className="muted">{t('mobility.la.noDifference')}</p>
          ) : (
            <ul className="diff-list">
              {diffData.added.map((c) => (
                <li key={`a-${c.id}`} className="diff-added">
                  <strong>{t('mobility.la.added')}</strong> <code>{c.host.code}</code>{' '}
                  <LText text={c.host.title} />
                </li>
              ))}
              {diffData.removed.map((c) => (
                <li key={`r-${c.id}`} className="diff-removed">
                  <strong>{t('mobility.la.removed')}</strong> <code>{c.host.code}</code>{' '}
                  <LText text={c.host.title} />
                </li>
              ))}
              {diffData.changed.map((c) => (
                <li key={`c-${c.id}`} className="diff-changed">
                  <strong>{t('mobility.la.changed')}</strong> <code>{c.after.host.code}</code>{' '}
                  <LText text={c.after.host.title} />
                  <FieldChanges before={c.before} after={c.after} fields={c.fields} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </div>
  );
}

export type Attr = 'code' | 'title' | 'credits' | 'term' | 'online';

/** One component's change, field by field: what it was and what it is (R7, every version kept). */
export function FieldChanges({
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
