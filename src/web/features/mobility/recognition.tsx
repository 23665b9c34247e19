/**
 * Transcript and recognition on a mobility page (R7, R16): the host enters the transcript; the
 * home coordinator decides per component with the earlier decision for the same pair offered as
 * a suggestion; everyone in scope sees converted credits and grades with how they were obtained.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { Loading } from '../../components/ui/loading.tsx';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { useResource } from '../../lib/use-resource.ts';
import type { GradeConversion } from '../../../domain/recognition/grade-conversion.ts';
import type {
  EquivalenceSuggestion,
  RecognitionDecision,
  RecognitionOutcome,
} from '../../../domain/recognition/recognition.ts';
import {
  getRecognition,
  recordDecision,
  type MobilityDetail,
  type RecognitionView,
} from './api.ts';
import { ConversionText, CreditsText, LText } from './components.tsx';
import { TranscriptForm } from './transcript-form.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import { Field } from '../../components/ui/field.tsx';
import { OverrideBox, overridableOf, type Overridable } from './override.tsx';

export function RecognitionSection({
  mobility,
  onChange,
}: {
  mobility: MobilityDetail;
  onChange: () => void;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<RecognitionView | null>(null);
  const resource = useResource(
    mobility.hasLearningAgreement ? `${mobility.id}|rec|${mobility.version}` : null,
    (signal) => getRecognition(mobility.id, signal),
  );
  if (!mobility.hasLearningAgreement) return null;
  const data = view ?? resource.data;
  const updated = (next: RecognitionView) => {
    const wasPending = (data?.rate.pending ?? 0) > 0;
    setView(next);
    // A new state, or the last decision recorded: the steps the reader may take change.
    if (next.state !== mobility.status || (wasPending && next.rate.pending === 0)) onChange();
  };
  return (
    <section aria-labelledby="recognition-title" data-testid="recognition">
      <h2 id="recognition-title">{t('mobility.rec.title')}</h2>
      {resource.status === 'loading' && !data ? <Loading /> : null}
      {resource.status === 'error' ? <ErrorAlert error={resource.error} /> : null}
      {data ? <RecognitionBody view={data} onUpdated={updated} /> : null}
    </section>
  );
}

function RecognitionBody({
  view,
  onUpdated,
}: {
  view: RecognitionView;
  onUpdated: (v: RecognitionView) => void;
}) {
  const { t } = useTranslation();
  if (view.learningAgreementVersion === null) {
    return <p className="muted">{t('mobility.rec.laNotSigned')}</p>;
  }
  const { rate } = view;
  return (
    <>
      {!view.system.agreed ? (
        <div className="alert alert-error" role="alert" data-rule="R16">
          <p className="alert-title">{t('mobility.rec.systemNotAgreed')}</p>
          <RefusalList refusals={view.system.reasons} />
        </div>
      ) : (
        <p className="muted small">{t('mobility.rec.systemAgreed')}</p>
      )}
      {rate.creditsPlanned && rate.creditsRecognised ? (
        <p className="recognised-total" data-testid="recognised-total">
          {t('mobility.rec.total')}: <CreditsText credits={rate.creditsRecognised} />{' '}
          {t('mobility.rec.ofPlanned')} <CreditsText credits={rate.creditsPlanned} />
          {rate.pending > 0 ? ` · ${t('mobility.rec.pendingCount', { count: rate.pending })}` : ''}
        </p>
      ) : null}
      {view.transcript ? (
        <p>
          {t('mobility.rec.transcriptIssued')}: <FormattedDate value={view.transcript.issuedOn} />
        </p>
      ) : (
        <p className="muted">{t('mobility.rec.noTranscript')}</p>
      )}
      <div className="recognition-list">
        {view.components.map((c) => (
          <article
            key={c.component.id}
            className="card recognition-card"
            data-component={c.component.id}
            data-decided={c.decision ? c.decision.outcome : 'pending'}
          >
            <h3>
              <code>{c.component.host.code}</code> <LText text={c.component.host.title} /> →{' '}
              {c.component.home.code ? <code>{c.component.home.code}</code> : null}{' '}
              <LText text={c.component.home.title} />
            </h3>
            <dl className="facts">
              <div className="facts-row">
                <dt>{t('mobility.rec.planned')}</dt>
                <dd>
                  <CreditsText credits={c.component.host.credits} /> →{' '}
                  <CreditsText credits={c.component.home.credits} />
                </dd>
              </div>
              {c.transcript ? (
                <>
                  <div className="facts-row">
                    <dt>{t('mobility.rec.result')}</dt>
                    <dd>
                      {t(`mobility.rec.status.${c.transcript.status}`)}
                      {c.transcript.grade ? ` · ${c.transcript.grade}` : ''} ·{' '}
                      <CreditsText credits={c.transcript.credits} />
                    </dd>
                  </div>
                  <div className="facts-row">
                    <dt>{t('mobility.rec.convertedCredits')}</dt>
                    <dd>
                      <ConversionText conversion={c.creditConversion} />
                    </dd>
                  </div>
                  {c.gradeConversion ? (
                    <div className="facts-row">
                      <dt>{t('mobility.rec.convertedGrade')}</dt>
                      <dd>
                        <GradeText conversion={c.gradeConversion} />
                      </dd>
                    </div>
                  ) : null}
                </>
              ) : null}
            </dl>
            {c.decision ? (
              <DecisionText decision={c.decision} />
            ) : view.may.decide ? (
              <DecisionForm
                mobilityId={view.mobilityId}
                componentId={c.component.id}
                planned={c.component.home.credits.value}
                suggestion={c.suggestion}
                onDone={onUpdated}
              />
            ) : (
              <p className="muted">{t('mobility.rec.pending')}</p>
            )}
          </article>
        ))}
      </div>
      {view.may.enterTranscript && !view.transcript ? (
        <TranscriptForm view={view} onDone={onUpdated} />
      ) : null}
    </>
  );
}

export function GradeText({ conversion }: { conversion: GradeConversion }) {
  const { t } = useTranslation();
  return (
    <details className="conversion">
      <summary>
        {conversion.grade} ({t(`mobility.rec.method.${conversion.method}`)})
      </summary>
      <p className="small muted" data-method={conversion.method}>
        {t(`mobility.explain.${conversion.method}`, {
          given: conversion.from.given,
          from: conversion.from.scaleId,
          to: conversion.to,
          grade: conversion.grade,
          pivot: conversion.pivot ?? '',
          lo: conversion.percentile?.sourceRange[0] ?? 0,
          hi: conversion.percentile?.sourceRange[1] ?? 0,
          mid: conversion.percentile?.midpoint ?? 0,
          tlo: conversion.percentile?.targetRange[0] ?? 0,
          thi: conversion.percentile?.targetRange[1] ?? 0,
        })}
      </p>
    </details>
  );
}

export function DecisionText({ decision }: { decision: RecognitionDecision }) {
  const { t } = useTranslation();
  return (
    <div className={`decision decision-${decision.outcome}`} data-testid="decision">
      <p>
        <span className="badge badge-accent">{t(`mobility.rec.outcome.${decision.outcome}`)}</span>{' '}
        {t('mobility.rec.recognised')}: <CreditsText credits={decision.creditsRecognised} />{' '}
        {t('mobility.rec.ofPlanned')} <CreditsText credits={decision.creditsPlanned} />
        {decision.grade?.home ? ` · ${t('mobility.rec.grade')}: ${decision.grade.home.grade}` : ''}
      </p>
      {decision.reason ? (
        <p className="pre-wrap">
          {t('mobility.reason')}: {decision.reason}
        </p>
      ) : null}
      {decision.reusedFrom ? <p className="small muted">{t('mobility.rec.reused')}</p> : null}
      {decision.repeat ? (
        <p className="pre-wrap" data-testid="decision-repeat">
          {t('mobility.rec.repeat.recorded', {
            date: decision.repeat.earlier.decidedAt.slice(0, 10),
            reason: decision.repeat.reason,
          })}
        </p>
      ) : null}
    </div>
  );
}

export function DecisionForm({
  componentId,
  planned,
  suggestion,
  submit,
  mobilityId,
  onDone,
}: {
  componentId: string;
  planned: number;
  suggestion: EquivalenceSuggestion | null;
  mobilityId?: string;
  onDone?: (v: RecognitionView) => void;
  /** For other subjects (Course Jukebox): how to send the decision. */
  submit?: (
    d: { outcome: RecognitionOutcome; credits?: number; reason?: string },
    csrfToken: string,
  ) => Promise<void>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState<RecognitionOutcome>('full');
  const [credits, setCredits] = useState(String(planned));
  const [reason, setReason] = useState('');
  const [reused, setReused] = useState(false);
  const { busy, error, run } = useAction();

  const useSuggestion = () => {
    if (!suggestion) return;
    setOutcome(suggestion.outcome);
    setCredits(String(suggestion.credits));
    setReason(suggestion.reason ?? '');
    setReused(true);
  };
  // R7: the course was already credited to the student; kept while the coordinator answers it.
  const [repeated, setRepeated] = useState<Overridable | null>(null);
  const send = async (event: FormEvent) => {
    event.preventDefault();
    await decide();
  };
  const decide = async (allowRepeat?: string) => {
    const body = {
      outcome,
      ...(outcome === 'partial' ? { credits: Number(credits) } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
    };
    await run(async (csrfToken) => {
      if (submit) await submit(body, csrfToken);
      else if (mobilityId) {
        let next: RecognitionView;
        try {
          next = await recordDecision(
            mobilityId,
            {
              componentId,
              ...body,
              ...(reused && suggestion
                ? {
                    reusedFrom: {
                      key: suggestion.basedOn.key,
                      lastDecidedAt: suggestion.basedOn.latest.decidedAt,
                    },
                  }
                : {}),
              ...(allowRepeat ? { allowRepeat: { reason: allowRepeat } } : {}),
            },
            csrfToken,
          );
        } catch (caught) {
          setRepeated(overridableOf(caught));
          throw caught;
        }
        setRepeated(null);
        onDone?.(next);
      }
    });
  };
  return (
    <form className="form inline-form decision-form" onSubmit={send} data-testid="decision-form">
      {suggestion ? (
        <div className="alert alert-info suggestion" data-testid="suggestion">
          <p>
            {t('mobility.rec.suggestion', {
              outcome: t(`mobility.rec.outcome.${suggestion.outcome}`),
              credits: suggestion.credits,
            })}
          </p>
          <p className="small muted">{suggestion.note}</p>
          <button type="button" className="button button-secondary" onClick={useSuggestion}>
            {t('mobility.rec.useSuggestion')}
          </button>
        </div>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('mobility.rec.decision')}</legend>
        <div className="radio-row">
          {(['full', 'partial', 'none'] as const).map((o) => (
            <label key={o} className="check">
              <input
                type="radio"
                name={`outcome-${componentId}`}
                value={o}
                checked={outcome === o}
                onChange={() => setOutcome(o)}
              />{' '}
              {t(`mobility.rec.outcome.${o}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {outcome === 'partial' ? (
        <Field id={`${id}-credits`} label={t('mobility.rec.creditsRecognised')}>
          {(control) => (
            <input
              {...control}
              name="credits"
              type="number"
              step="0.5"
              min="0.5"
              required
              value={credits}
              onChange={(e) => setCredits(e.target.value)}
            />
          )}
        </Field>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-reason`}>
          {t('mobility.reason')}
          {outcome !== 'full' ? ` (${t('mobility.required')})` : ''}
        </label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          required={outcome !== 'full'}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </div>
      {repeated ? (
        <OverrideBox
          refused={repeated}
          title={t('mobility.rec.repeat.title')}
          help={t('mobility.rec.repeat.help')}
          notAllowed={t('mobility.dateWarnings.coordinatorOnly')}
          reasonLabel={t('mobility.rec.repeat.reason')}
          confirm={t('mobility.rec.repeat.allow')}
          busy={busy}
          onConfirm={(why) => void decide(why)}
          testId="repeat-recognition"
        />
      ) : error ? (
        <ErrorAlert error={error} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('mobility.rec.record')}
        </button>
      </div>
    </form>
  );
}
