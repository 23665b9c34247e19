import { DateInput } from '../../components/ui/date-input.tsx';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../components/ui/use-action.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { todayIso } from '../../lib/format.ts';
import type { TranscriptEntry } from '../../../domain/recognition/recognition.ts';
import { enterTranscript, type RecognitionView } from './api.ts';
import { Field } from '../../components/ui/field.tsx';

export function TranscriptForm({
  view,
  onDone,
}: {
  view: RecognitionView;
  onDone: (v: RecognitionView) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [lines, setLines] = useState(() =>
    view.components.map((c) => ({
      componentId: c.component.id,
      status: 'passed' as TranscriptEntry['status'],
      grade: '',
      credits: String(c.component.host.credits.value),
    })),
  );
  const { run, error, busy } = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await run(async (csrf) => {
      const entries: TranscriptEntry[] = lines.map((l) => {
        const c = view.components.find((x) => x.component.id === l.componentId)!.component;
        return {
          componentId: l.componentId,
          hostCourseCode: c.host.code,
          status: l.status,
          grade: l.grade.trim() || null,
          gradeScaleId: l.grade.trim() ? view.host.gradeScaleId : null,
          credits: { value: Number(l.credits), system: c.host.credits.system },
        };
      });
      onDone(await enterTranscript(view.mobilityId, { issuedOn, entries }, csrf));
    });
  };
  return (
    <form className="form" onSubmit={submit} data-testid="transcript-form">
      <h3>{t('mobility.rec.enterTranscript')}</h3>
      <div className="field">
        <label htmlFor={`${id}-issued`}>{t('mobility.rec.issuedOn')}</label>
        <DateInput id={`${id}-issued`} required value={issuedOn} onChange={setIssuedOn} />
      </div>
      {lines.map((l, i) => (
        <div className="field-row" key={l.componentId}>
          <div className="field">
            <label htmlFor={`${id}-${l.componentId}-status`}>
              {view.components[i]!.component.host.code}
            </label>
            <select
              id={`${id}-${l.componentId}-status`}
              value={l.status}
              onChange={(e) =>
                setLines((ls) =>
                  ls.map((x, j) =>
                    j === i ? { ...x, status: e.target.value as TranscriptEntry['status'] } : x,
                  ),
                )
              }
            >
              {(['passed', 'failed', 'in-progress', 'not-taken'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`mobility.rec.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <Field id={`${id}-${l.componentId}-grade`} label={t('mobility.rec.grade')}>
            {(control) => (
              <input
                {...control}
                value={l.grade}
                onChange={(e) =>
                  setLines((ls) =>
                    ls.map((x, j) => (j === i ? { ...x, grade: e.target.value } : x)),
                  )
                }
              />
            )}
          </Field>
          <Field id={`${id}-${l.componentId}-credits`} label={t('mobility.la.hostCredits')}>
            {(control) => (
              <input
                {...control}
                type="number"
                min="0"
                step="0.5"
                value={l.credits}
                onChange={(e) =>
                  setLines((ls) =>
                    ls.map((x, j) => (j === i ? { ...x, credits: e.target.value } : x)),
                  )
                }
              />
            )}
          </Field>
        </div>
      ))}
      {error ? <ErrorAlert error={error} /> : null}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {t('mobility.rec.saveTranscript')}
        </button>
      </div>
    </form>
  );
}
