import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useAction } from '../../components/ui/use-action.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { ShowMore, useShowMore } from '../../components/ui/show-more.tsx';
import { ListSearch } from '../../components/ui/list-search.tsx';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { useResource } from '../../lib/use-resource.ts';
import {
  callApplicants,
  documentUrl,
  getCall,
  getRanking,
  myReviews,
  submitReview,
  type CallDetail,
  type MyReview,
  type Ranking,
  type StaffApplication,
} from './api.ts';
import { useCallTitle } from './catalogue-page.tsx';
import { RefusalNotice, scaleName, useCallsFormats } from './reasons.tsx';
import { formatList, formatNumber, nameIn } from '../../../i18n/format.ts';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { ResourceView } from '../../components/ui/resource-view.tsx';
import './calls.css';

/** Reviewers score applicants on the common rubric (R6); the rank list with ties explained. */
export function ScreeningPage() {
  const { t } = useTranslation();
  useCallsFormats();
  const { id = '' } = useParams();
  const title = useCallTitle();
  const call = useResource(`call|${id}`, (signal) => getCall(id, signal));
  const [q, setQ] = useState('');
  const applicants = useResource(`applicants|${id}|${q}`, (signal) =>
    callApplicants(id, signal, { q }),
  );
  const pages = useShowMore<StaffApplication>(
    applicants.status === 'success' ? applicants.data : null,
    (cursor) => callApplicants(id, undefined, { q, cursor }),
  );
  const ranking = useResource(`ranking|${id}`, (signal) => getRanking(id, signal));
  // The reviewer's earlier scores fill their forms in again (R6: a review is changed, not added).
  const earlier = useResource(`my-reviews|${id}`, (signal) => myReviews(id, signal));
  useDocumentTitle(t('calls.screening.title'));
  // Only the rank list reloads after a score: the forms stay, with their confirmation.
  const reload = ranking.reload;

  return (
    <>
      <div className="page-header">
        <h1>
          {t('calls.screening.title')}
          {call.status === 'success' ? `: ${title(call.data.title, id)}` : ''}
        </h1>
        <Link className="button button-secondary" to={`/calls/${encodeURIComponent(id)}`}>
          {t('calls.call')}
        </Link>
      </div>
      <p className="muted">{t('calls.screening.intro')}</p>
      {call.status === 'error' ? <ErrorAlert error={call.error} /> : null}
      <section className="card" aria-labelledby="rank-list">
        <h2 id="rank-list">{t('calls.screening.rankList')}</h2>
        <ResourceView resource={ranking}>
          {(rankingData) => <RankList ranking={rankingData} />}
        </ResourceView>
      </section>
      <section className="card" aria-labelledby="applicants">
        <h2 id="applicants">{t('calls.screening.applicants')}</h2>
        <ListSearch
          id="applicant-search"
          label={t('calls.screening.searchLabel')}
          button={t('calls.screening.searchButton')}
          onSearch={setQ}
        />
        {applicants.status === 'loading' ? <Loading /> : null}
        {applicants.status === 'error' ? <ErrorAlert error={applicants.error} /> : null}
        {applicants.status === 'success' && q && pages.items.length === 0 ? (
          <p role="status">{t('calls.screening.noMatch', { q })}</p>
        ) : null}
        {applicants.status === 'success' &&
        call.status === 'success' &&
        earlier.status !== 'loading'
          ? pages.items
              .filter((a) => a.status !== 'withdrawn')
              .map((a) => (
                <ScoreForm
                  key={a.id}
                  call={call.data}
                  application={a}
                  earlier={
                    earlier.status === 'success'
                      ? earlier.data.items.find((r) => r.applicationId === a.id)
                      : undefined
                  }
                  ranking={ranking.status === 'success' ? ranking.data : null}
                  onScored={reload}
                />
              ))
          : null}
        {applicants.status === 'success' ? <ShowMore list={pages} /> : null}
      </section>
    </>
  );
}

type Entry = Ranking['items'][number] | Ranking['pending'][number];
type TFn = TFunction;

/** The common score written out from its parts: Σ weight × value / Σ weight = score. */
function formula(
  t: TFn,
  entry: Entry,
  labels: ReadonlyMap<string, Ranking['rubric']['criteria'][number]['label']>,
  language: string,
): string {
  if (entry.problem) return '';
  if (entry.criteria.length === 0) return t('calls.screening.noReviews');
  const n = (x: number) => formatNumber(x, language);
  const terms = entry.criteria
    .map((c) =>
      t('calls.screening.term', {
        weight: n(c.weight),
        value: c.value.toFixed(2),
        criterion: nameIn(labels.get(c.criterionId) ?? c.criterionId, language),
      }),
    )
    .join(' + ');
  return t('calls.screening.formula', {
    terms,
    total: n(entry.totalWeight ?? 0),
    score: (entry.score ?? 0).toFixed(2),
  });
}

/** How a grade became a value on the common 0–100 scale (R6), from its numbers. */
function gradeConversion(t: TFn, grade: Entry['grade'], language: string): string {
  if (!grade) return '—';
  const n = (x: number) => formatNumber(x, language);
  return t('calls.screening.gradeConversion', {
    scale: scaleName(t, grade.scaleId),
    grade: n(grade.grade),
    value: grade.value.toFixed(2),
    g0: n(grade.between.from[0]),
    c0: n(grade.between.from[1]),
    g1: n(grade.between.to[0]),
    c1: n(grade.between.to[1]),
  });
}

function RankList({ ranking }: { ranking: Ranking }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const labels = new Map(ranking.rubric.criteria.map((c) => [c.id, c.label]));
  const names = new Map(
    [...ranking.items, ...ranking.pending].map((i) => [
      i.applicationId,
      nameIn(i.student, language),
    ]),
  );
  return (
    <>
      <p className="muted">{t('calls.screening.consent', { date: ranking.consent.signedOn })}</p>
      {ranking.items.length === 0 ? <p>{t('calls.screening.noneRanked')}</p> : null}
      {ranking.items.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="rank-list">
            <thead>
              <tr>
                <th scope="col">{t('calls.screening.rank')}</th>
                <th scope="col">{t('calls.screening.applicant')}</th>
                <th scope="col">{t('calls.screening.score')}</th>
                <th scope="col">{t('calls.screening.grade')}</th>
                <th scope="col">{t('calls.screening.tie')}</th>
              </tr>
            </thead>
            <tbody>
              {ranking.items.map((i) => (
                <tr key={i.applicationId} data-testid="rank-row">
                  <td>{formatNumber(i.rank, language)}</td>
                  <th scope="row">
                    {nameIn(i.student, language)}{' '}
                    <span className="muted">({nameIn(i.home, language)})</span>
                    <div className="muted calls-explanation">
                      {t('calls.screening.hostsRanked')}:{' '}
                      {i.rankedHosts.map((h) => nameIn(h.name, language)).join(' › ')}
                    </div>
                  </th>
                  <td>
                    <strong>{formatNumber(i.score ?? 0, language)}</strong>
                    <div className="calls-explanation muted">{formula(t, i, labels, language)}</div>
                  </td>
                  <td className="calls-explanation">{gradeConversion(t, i.grade, language)}</td>
                  <td className="calls-explanation">
                    {i.aheadOfNext
                      ? t('calls.screening.tieExplained', {
                          other: names.get(i.aheadOfNext.applicantId) ?? '',
                          by: t(`calls.screening.tieBreakers.${i.aheadOfNext.decidedBy}`),
                        })
                      : i.tiedWith.length > 0
                        ? t('calls.screening.tiedWith', {
                            others: formatList(
                              i.tiedWith.map((x) => names.get(x) ?? ''),
                              language,
                            ),
                          })
                        : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {ranking.pending.length > 0 ? (
        <>
          <h3>{t('calls.screening.pending')}</h3>
          <ul data-testid="pending">
            {ranking.pending.map((p) => (
              <li key={p.applicationId}>
                {nameIn(p.student, language)} —{' '}
                {t('calls.screening.reviewsOf', {
                  count: p.reviews,
                  needed: ranking.rubric.minReviewers,
                })}
                {p.problem ? <RefusalList refusals={[p.problem]} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function ScoreForm({
  call,
  application: a,
  earlier,
  ranking,
  onScored,
}: {
  call: CallDetail;
  application: StaffApplication;
  earlier: MyReview | undefined;
  ranking: Ranking | null;
  onScored: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rubric = call.rubric;
  const criteria = rubric?.criteria.filter((c) => c.source === 'reviewer') ?? [];
  const mine = ranking
    ? [...ranking.items, ...ranking.pending].find((i) => i.applicationId === a.id)
    : undefined;
  const [scores, setScores] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      Object.entries(earlier?.scores ?? {}).map(([criterion, value]) => [criterion, String(value)]),
    ),
  );
  const { run, error, busy } = useAction();
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await run((csrf) =>
      submitReview(
        a.id,
        Object.fromEntries(criteria.map((c) => [c.id, Number(scores[c.id] ?? '')])),
        csrf,
      ),
    );
    if (ok) {
      setSaved(true);
      onScored();
    }
  }

  const heading = (
    <>
      <h3>
        {nameIn(a.student, language)} <span className="muted">({nameIn(a.home, language)})</span>
      </h3>
      <p className="muted">
        {t('calls.screening.hostsRanked')}:{' '}
        {a.rankedHosts.map((h) => nameIn(h.name, language)).join(' › ')} ·{' '}
        {a.documents.map((d) => (
          <a key={d.id} href={documentUrl(a.id, d.id)}>
            {t(`calls.documentKinds.${d.kind}`, { defaultValue: d.kind })}
          </a>
        ))}
      </p>
      {mine?.reviewedByMe ? <p className="muted">{t('calls.screening.reviewedByMe')}</p> : null}
    </>
  );
  // R6: an applicant this reviewer may not score shows why, in place of the scoring form.
  if (!a.mayScore || !rubric) {
    return (
      <section className="card" data-testid="score-refused" data-applicant={a.studentName}>
        {heading}
        <RefusalNotice
          title={t('calls.screening.mayNotScore')}
          refusals={a.reviewRefusals}
          testId="review-refusals"
        />
      </section>
    );
  }

  return (
    <form
      className="card"
      onSubmit={submit}
      data-testid="score-form"
      data-applicant={a.studentName}
    >
      {heading}
      <div className="calls-score-inputs">
        {criteria.map((c) => (
          <label key={c.id} className="field">
            <span>
              {t('calls.screening.criterionLabel', {
                criterion: nameIn(c.label, language),
                weight: formatNumber(c.weight, language),
                min: formatNumber(rubric.scoreScale.min, language),
                max: formatNumber(rubric.scoreScale.max, language),
              })}
            </span>
            <input
              type="number"
              name={c.id}
              required
              step="0.5"
              min={rubric.scoreScale.min}
              max={rubric.scoreScale.max}
              value={scores[c.id] ?? ''}
              onChange={(e) => setScores((s) => ({ ...s, [c.id]: e.target.value }))}
            />
          </label>
        ))}
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('calls.screening.submitScore')}
        </button>
      </div>
      {saved ? (
        <p role="status" data-testid="score-saved">
          {t('calls.screening.saved')}
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
    </form>
  );
}
