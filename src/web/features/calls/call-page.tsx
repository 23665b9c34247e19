import { useRef, useState, type FormEvent } from 'react';
import { AuditTrail } from '../audit/index.ts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSession } from '../../app/session.tsx';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Field } from '../../components/ui/field.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { InventedBadge } from '../../components/ui/invented-badge.tsx';
import { LocalizedName, useLocalName } from '../../components/ui/localized-name.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import { apply, getCall, type Application, type CallDetail } from './api.ts';
import { useCallTitle } from './catalogue-page.tsx';
import { languageName } from '../../../i18n/format.ts';
import { useCallsFormats } from './reasons.tsx';
import { EligibilityPanel, type Eligibility } from './eligibility-panel.tsx';
import { nameIn } from '../../../i18n/format.ts';
import { useAction } from '../../components/ui/use-action.ts';
import { useFocusAfter } from '../../components/ui/focus.ts';
import { Applied } from './apply-result.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './calls.css';

export function CallPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const call = useResource(`call|${id}`, (signal) => getCall(id, signal));
  const title = useCallTitle();
  useDocumentTitle(call.status === 'success' ? title(call.data.title, id) : t('calls.call'));

  return <ResourceView resource={call}>{(callData) => <CallView call={callData} />}</ResourceView>;
}

function CallView({ call }: { call: CallDetail }) {
  const { t, i18n } = useTranslation();
  useCallsFormats();
  const title = useCallTitle();
  const language = currentLanguage(i18n.language);
  const description = call.description[language] ?? call.description.en ?? '';
  return (
    <>
      <div className="page-header">
        <h1>
          {title(call.title, call.id)} {call.invented ? <InventedBadge /> : null}
        </h1>
        {call.may.edit ? (
          <Link
            className="button button-secondary"
            data-testid="edit-call"
            to={`/calls/${encodeURIComponent(call.id)}/edit`}
          >
            {t('calls.form.editTitle')}
          </Link>
        ) : null}
        {call.may.readApplicants ? (
          <Link
            className="button button-secondary"
            to={`/calls/${encodeURIComponent(call.id)}/screening`}
          >
            {t('calls.screening.title')}
          </Link>
        ) : null}
      </div>
      {description ? <p>{description}</p> : null}
      <p className="calls-countdown" data-testid="countdown">
        {call.open
          ? t('calls.daysLeft', { count: call.daysLeft ?? 0 })
          : call.today < call.opens
            ? t('calls.notOpenYet')
            : t('calls.closed')}
      </p>

      <section className="card" aria-labelledby="call-schedule">
        <h2 id="call-schedule">{t('calls.schedule')}</h2>
        <dl className="details">
          <dt>{t('calls.opens')}</dt>
          <dd>
            <FormattedDate value={call.opens} />
          </dd>
          <dt>{t('calls.closes')}</dt>
          <dd>
            <FormattedDate value={call.closes} />
          </dd>
          {call.nominationDeadline ? (
            <>
              <dt>{t('calls.nominationDeadline')}</dt>
              <dd>
                <FormattedDate value={call.nominationDeadline} />
              </dd>
            </>
          ) : null}
          {call.departureFrom && call.departureTo ? (
            <>
              <dt>{t('calls.departure')}</dt>
              <dd>
                <FormattedDate value={call.departureFrom} /> –{' '}
                <FormattedDate value={call.departureTo} />
              </dd>
            </>
          ) : null}
          {call.stayMonthsMin !== null && call.stayMonthsMax !== null ? (
            <>
              <dt>{t('calls.stay')}</dt>
              <dd>{t('calls.stayRange', { min: call.stayMonthsMin, max: call.stayMonthsMax })}</dd>
            </>
          ) : null}
          {call.program ? (
            <>
              <dt>{t('calls.program')}</dt>
              <dd>{nameIn(call.program, i18n.language)}</dd>
            </>
          ) : null}
          <dt>{t('calls.sendingConsortia')}</dt>
          <dd>
            {call.sendingConsortia
              .map((c) => nameIn(c.name, i18n.language))
              .join(t('calls.listSeparator'))}
          </dd>
          <dt>{t('calls.maxRankedHosts')}</dt>
          <dd>{call.maxRankedHosts}</dd>
        </dl>
      </section>

      <section className="card" aria-labelledby="call-hosts">
        <h2 id="call-hosts">{t('calls.hosts')}</h2>
        <div className="table-wrap">
          <table className="data-table" data-testid="call-hosts">
            <thead>
              <tr>
                <th scope="col">{t('calls.host')}</th>
                <th scope="col">{t('calls.places')}</th>
                <th scope="col">{t('calls.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {call.hosts.map((h) => (
                <tr key={h.institutionId}>
                  <th scope="row">
                    <Link to={`/institutions/${encodeURIComponent(h.institutionId)}`}>
                      <LocalizedName entity={h} />
                    </Link>
                  </th>
                  <td data-label={t('calls.places')}>
                    {h.places
                      .filter((p) => p.count > 0)
                      .map((p) => `${t(`calls.params.${p.level}`)} ${p.count}`)
                      .join(t('calls.listSeparator'))}
                  </td>
                  <td data-label={t('calls.languages')}>
                    {h.languageRequirements.length === 0
                      ? t('calls.noLanguageRequirement')
                      : h.languageRequirements
                          .map((r) =>
                            t('calls.languageAtLeast', {
                              language: languageName(r.language, i18n.language),
                              level: r.minLevel,
                            }),
                          )
                          .join(t('calls.orSeparator'))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="call-documents">
        <h2 id="call-documents">{t('calls.documents')}</h2>
        <ul>
          {call.documents.map((d) => (
            <li key={d.kind}>
              {t(`calls.documentKinds.${d.kind}`, { defaultValue: d.kind })} (
              {d.required ? t('calls.required') : t('calls.optional')})
            </li>
          ))}
        </ul>
        <p className="muted">{t('calls.documentRules')}</p>
      </section>

      {call.open ? <ApplySection call={call} /> : null}

      {call.may.edit ? (
        <div className="card">
          <AuditTrail resourceType="call" resourceId={call.id} />
        </div>
      ) : null}
    </>
  );
}

function ApplySection({ call }: { call: CallDetail }) {
  const { t } = useTranslation();
  const session = useSession();
  if (session.status !== 'signed-in') {
    return (
      <section className="card">
        <h2>{t('calls.apply.title')}</h2>
        <p>
          <Link to="/sign-in">{t('calls.apply.signInFirst')}</Link>
        </p>
      </section>
    );
  }
  const eligibility = call.eligibility;
  if (!eligibility) return null;
  return (
    <>
      <EligibilityPanel eligibility={eligibility} />
      {eligibility.status === 'eligible' && call.may.apply ? (
        <ApplyForm call={call} stay={eligibility.stay} />
      ) : null}
    </>
  );
}

function ApplyForm({ call, stay }: { call: CallDetail; stay: Eligibility['stay'] }) {
  const { t } = useTranslation();
  const [ranking, setRanking] = useState<string[]>([]);
  const [months, setMonths] = useState(stay?.min ?? call.stayMonthsMin ?? 6);
  const [adding, setAdding] = useState('');
  const { busy, error, run } = useAction();
  const [done, setDone] = useState<Application | null>(null);
  const localName = useLocalName();
  const names = new Map(call.hosts.map((h) => [h.institutionId, h]));
  const remaining = call.hosts.filter((h) => !ranking.includes(h.institutionId));
  const full = ranking.length >= call.maxRankedHosts;
  // Buttons that vanish or turn disabled under the reader's finger hand focus on (WCAG 2.4.3).
  const focusAfter = useFocusAfter();
  const listRef = useRef<HTMLOListElement>(null);
  const hostRef = useRef<HTMLSelectElement>(null);
  const monthsRef = useRef<HTMLInputElement>(null);
  const rowButton = (host: string, which: 'up' | 'down' | 'remove') =>
    listRef.current?.querySelector<HTMLButtonElement>(
      `li[data-host="${CSS.escape(host)}"] [data-move="${which}"]:not([disabled])`,
    );

  const move = (i: number, by: number) => {
    const host = ranking[i];
    const j = i + by;
    if (host === undefined || j < 0 || j >= ranking.length) return;
    setRanking((r) => {
      const next = [...r];
      [next[i], next[j]] = [next[j] as string, next[i] as string];
      return next;
    });
    // Follow the host to its new place; at the top or the bottom, its other arrow.
    focusAfter(
      () => rowButton(host, by < 0 ? 'up' : 'down'),
      () => rowButton(host, by < 0 ? 'down' : 'up'),
    );
  };

  const add = () => {
    setRanking((r) => [...r, adding]);
    setAdding('');
    // Ready for the next host; once the ranking is full, on to the months.
    focusAfter(
      () => (hostRef.current?.disabled ? null : hostRef.current),
      () => monthsRef.current,
    );
  };

  const remove = (host: string) => {
    const i = ranking.indexOf(host);
    setRanking((r) => r.filter((x) => x !== host));
    const neighbour = ranking[i + 1] ?? ranking[i - 1];
    focusAfter(
      () => (neighbour ? rowButton(neighbour, 'remove') : null),
      () => hostRef.current,
    );
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async (csrfToken) => {
      setDone(await apply(call.id, { ranking, requestedMonths: months }, csrfToken));
    });
  }

  if (done) return <Applied done={done} names={names} />;

  return (
    <section className="card" aria-labelledby="apply-title">
      <h2 id="apply-title">{t('calls.apply.title')}</h2>
      <p className="muted">{t('calls.apply.intro', { max: call.maxRankedHosts })}</p>
      <form onSubmit={submit} data-testid="apply-form">
        <ol
          ref={listRef}
          className="calls-ranking-list"
          aria-label={t('calls.apply.ranking')}
          data-testid="ranking"
        >
          {ranking.map((h, i) => (
            <li key={h} data-host={h}>
              <span aria-hidden="true">{i + 1}.</span>
              <span className="calls-host">
                {names.get(h) ? <LocalizedName entity={names.get(h) as { name: string }} /> : h}
              </span>
              <button
                type="button"
                className="button button-secondary"
                data-move="up"
                onClick={() => move(i, -1)}
                disabled={i === 0}
                aria-label={t('calls.apply.up', { position: i + 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                className="button button-secondary"
                data-move="down"
                onClick={() => move(i, 1)}
                disabled={i === ranking.length - 1}
                aria-label={t('calls.apply.down', { position: i + 1 })}
              >
                ↓
              </button>
              <button
                type="button"
                className="button button-secondary"
                data-move="remove"
                onClick={() => remove(h)}
              >
                {t('calls.apply.remove')}
              </button>
            </li>
          ))}
        </ol>
        <div className="calls-inline-form">
          <label className="field">
            <span>{t('calls.apply.addHost')}</span>
            <select
              ref={hostRef}
              name="host"
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              disabled={full || remaining.length === 0}
            >
              <option value="">—</option>
              {remaining.map((h) => (
                <option key={h.institutionId} value={h.institutionId}>
                  {localName(h)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="button button-secondary"
            data-testid="add-host"
            disabled={!adding || full}
            onClick={add}
          >
            {t('calls.apply.add')}
          </button>
        </div>
        <Field id="apply-months" label={t('calls.apply.months')}>
          {(control) => (
            <>
              <input
                {...control}
                ref={monthsRef}
                type="number"
                name="requestedMonths"
                required
                min={stay?.min ?? 1}
                max={stay?.max ?? undefined}
                step={1}
                value={months}
                aria-describedby={stay ? 'apply-months-range' : control['aria-describedby']}
                onChange={(e) => setMonths(Number(e.target.value))}
              />
              {stay ? (
                <p className="muted" id="apply-months-range" data-testid="months-range">
                  {t('calls.apply.monthsRange', { min: stay.min, max: stay.max })}
                </p>
              ) : null}
            </>
          )}
        </Field>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="field-actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || ranking.length === 0}
          >
            {t('calls.apply.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
