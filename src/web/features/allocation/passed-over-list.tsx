import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { RefusalList } from '../../components/ui/refusal-list.tsx';
import { MECHANISMS, type AllocationRun, type Mechanism, type MechanismResult } from './api.ts';

/** The most pass-overs shown per mechanism here; each student's explanation holds all of hers. */
const SHOWN = 50;

/**
 * Whom a result passes over for a lower-scored applicant, each said in words from its code: who,
 * where, who got the place instead and why (balance, cap, or the mechanism's own rule).
 */
export function PassedOverItems({
  result,
  testId,
  limit = SHOWN,
  moreKey,
}: {
  result: MechanismResult;
  testId: string;
  limit?: number;
  moreKey: string;
}) {
  const { t } = useTranslation();
  const shown = result.passedOver.slice(0, limit);
  const more = result.passedOverCount - shown.length;
  return (
    <div data-testid={testId}>
      <RefusalList refusals={shown.map((p) => p.refusal)} />
      {more > 0 ? <p className="muted">{t(moreKey, { count: more })}</p> : null}
    </div>
  );
}

/** Every mechanism's pass-overs, before anyone publishes (shown with the comparison). */
export function PassedOverSection({ run }: { run: AllocationRun }) {
  const { t } = useTranslation();
  const id = useId();
  const mechanisms = MECHANISMS.filter((m): m is Mechanism => !!run.results[m]);
  return (
    <section aria-labelledby={`${id}-title`} data-testid="allocation-passed-over">
      <h3 id={`${id}-title`}>{t('allocation.passedOver.title')}</h3>
      <p className="help">{t('allocation.passedOver.help')}</p>
      {mechanisms.map((m) => {
        const result = run.results[m]!;
        return (
          <div key={m} data-mechanism={m}>
            <h4>{t(`allocation.mechanisms.${m}`)}</h4>
            {result.passedOverCount === 0 ? (
              <p className="muted">{t('allocation.passedOver.none')}</p>
            ) : (
              <PassedOverItems
                result={result}
                testId={`allocation-passed-over-${m}`}
                moreKey="allocation.passedOver.more"
              />
            )}
          </div>
        );
      })}
    </section>
  );
}
