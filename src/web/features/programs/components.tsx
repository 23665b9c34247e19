import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { FormattedDate } from '../../components/ui/formatted-date.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { formatInstant, formatMoney, formatNumber, nameIn } from '../../../i18n/format.ts';
import { refusalText, useRefusalTexts } from '../../lib/messages.ts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { useAction } from '../../components/ui/use-action.ts';
import {
  recheckApplication,
  type ApplicationView,
  type Check,
  type Countdown,
  type DatedChecksView,
  type LocalizedText,
} from './api.ts';

const ORDER = ['en', 'ja', 'ru', 'fr'] as const;

/** A text in the reader's language, else the first language present (marked with its lang). */
export function Text({ value, fallback }: { value: LocalizedText | undefined; fallback?: string }) {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  const own = value?.[language];
  if (own && own.trim() !== '') return <>{own}</>;
  for (const l of ORDER) {
    const text = value?.[l];
    if (text && text.trim() !== '') return <span lang={l}>{text}</span>;
  }
  return <span className="muted">{fallback ?? '—'}</span>;
}

/** The plain string of a localized text in the reader's language (for titles). */
export function useText(): (value: LocalizedText | undefined, fallback: string) => string {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (value, fallback) => {
    const own = value?.[language];
    if (own && own.trim() !== '') return own;
    for (const l of ORDER) {
      const text = value?.[l];
      if (text && text.trim() !== '') return text;
    }
    return fallback;
  };
}

/** An instant with its time of day and time zone (the funder's, Tokyo), in the reader's language. */
export function Instant({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const text = formatInstant(value, i18n.language);
  return <time dateTime={value}>{text}</time>;
}

/** Yen amounts and counts in the reader's language, through Intl. */
export function useNumbers() {
  const { i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return {
    yen: (value: number) => formatMoney(value, 'JPY', language),
    num: (value: number) => formatNumber(value, language),
  };
}

/** A rule id (R1…R20, §11) in a tag, its name translated as the tooltip and for screen readers. */
export function RuleTag({ rule }: { rule: string }) {
  const { t } = useTranslation();
  const name = t(`programs.ruleNames.${rule}`, { defaultValue: rule });
  return (
    <span className="programs-rule" title={name}>
      {rule}
      <span className="visually-hidden"> — {name}</span>
    </span>
  );
}

/**
 * R18: the time left until the deadline, ticking each second from the server's figure; the
 * sentence is announced politely, not every tick (aria-live off on the ticking part).
 */
export function CountdownView({ countdown }: { countdown: Countdown }) {
  const { t } = useTranslation();
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    if (countdown.passed) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [countdown.passed]);
  const left = Math.max(0, countdown.totalMs - (now - started));
  const s = Math.floor(left / 1000);
  const passed = countdown.passed || left === 0;
  return (
    <div className="programs-countdown" data-testid="countdown">
      <p>
        {t('programs.deadline')}: <FormattedDate value={countdown.closesAt.slice(0, 10)} />{' '}
        <span className="muted">({t('programs.closesAtHint')})</span>
        {' · '}
        {t('programs.outcomeBy')}: <FormattedDate value={countdown.outcomeBy} />
      </p>
      <p className={passed ? 'programs-closed' : 'programs-open'}>
        {passed
          ? t('programs.deadlinePassed')
          : t('programs.timeLeft', {
              days: Math.floor(s / 86_400),
              hours: Math.floor((s % 86_400) / 3600),
              minutes: Math.floor((s % 3600) / 60),
              seconds: s % 60,
            })}
      </p>
    </div>
  );
}

/** The key of the hint that says how to fix a refused check (`programs.fixes.<name>`). */
const fixKey = (code: string) => `programs.fixes.${code.replace(/^program\./, '')}`;

/** The checks of one dated set: rule, ok / to verify / refused, sentence and, if refused, the fix. */
function CheckList({ checks }: { checks: Check[] }) {
  const { t } = useTranslation();
  if (!useRefusalTexts()) return null;
  return (
    <ul className="programs-check-list">
      {checks.map((c, i) => (
        <li
          key={`${c.code}-${i}`}
          className={
            !c.ok
              ? 'programs-check-refused'
              : c.warning
                ? 'programs-check-ok programs-check-warning'
                : 'programs-check-ok'
          }
          data-rule={c.rule}
          data-code={c.code}
          data-ok={c.ok ? 'true' : 'false'}
          data-warning={c.warning ? 'true' : undefined}
        >
          <span className="programs-check-head">
            <RuleTag rule={c.rule} />{' '}
            <strong>{t(`programs.ruleNames.${c.rule}`, { defaultValue: c.rule })}</strong>{' '}
            <span className={`badge ${c.ok && !c.warning ? 'badge-accent' : 'badge-warning'}`}>
              {!c.ok
                ? t('programs.checks.refused')
                : c.warning
                  ? t('programs.checks.warning')
                  : t('programs.checks.ok')}
            </span>
          </span>
          <span className="programs-check-message">{refusalText(t, c)}</span>
          {(!c.ok || c.warning) && i18next.exists(fixKey(c.code)) ? (
            <span className="programs-check-fix">
              {t('programs.checks.fix')}: {t(fixKey(c.code), { ...c.params })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** "2 of 14 checks refused" or "All checks pass", for one dated set. */
function CheckSummary({ checks }: { checks: Check[] }) {
  const { t } = useTranslation();
  const failed = checks.filter((c) => !c.ok).length;
  return (
    <>
      {failed === 0
        ? t('programs.checks.allOk')
        : t('programs.checks.failed', { count: failed, total: checks.length })}
    </>
  );
}

/** A re-check of a submitted application, dated and signed by who asked. */
export interface RecheckView extends DatedChecksView {
  byName: LocalizedText | null;
}

/**
 * The CHECKS panel: each check with its rule, ok, to verify or refused, its sentence and, for a
 * refusal, how to fix it — all written from the check's code and params in the reader's language.
 * The checks are dated: live as of now for a draft, as of submission for a submitted application
 * (never re-run against a later day), and a re-check, when one was asked for, with its own date.
 */
export function ChecksPanel({
  checks,
  recheck,
  busy,
  onRecheck,
}: {
  checks: DatedChecksView;
  recheck?: RecheckView | null;
  busy?: boolean;
  /** offered to the funder officer and the responsible person of a submitted application */
  onRecheck?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = currentLanguage(i18n.language);
  return (
    <section
      className="card programs-checks"
      aria-labelledby="checks-title"
      aria-busy={busy ? true : undefined}
      data-testid="checks"
    >
      <h2 id="checks-title">{t('programs.checks.title')}</h2>
      <p className="help" data-testid="checks-as-of">
        <time dateTime={checks.asOf}>{t('programs.checks.asOf', { date: checks.asOf })}</time>
      </p>
      <p role="status" aria-live="polite">
        <CheckSummary checks={checks.results} />
      </p>
      <CheckList checks={checks.results} />
      {recheck ? (
        <section aria-labelledby="recheck-title" data-testid="recheck">
          <h3 id="recheck-title">
            {t('programs.checks.recheckTitle')}{' '}
            <time dateTime={recheck.asOf}>
              {recheck.byName
                ? t('programs.checks.recheckedBy', {
                    date: recheck.asOf,
                    who: nameIn(recheck.byName, language),
                  })
                : t('programs.checks.recheckedOn', { date: recheck.asOf })}
            </time>
          </h3>
          <p>
            <CheckSummary checks={recheck.results} />
          </p>
          <CheckList checks={recheck.results} />
        </section>
      ) : null}
      {onRecheck ? (
        <button
          type="button"
          className="button"
          onClick={onRecheck}
          disabled={busy}
          data-testid="recheck-application"
        >
          {busy ? t('programs.checks.rechecking') : t('programs.checks.recheck')}
        </button>
      ) : null}
    </section>
  );
}

/**
 * The checks of an application as the view dates them, with the re-check for those who may ask
 * for one (a submitted application's checks at submission stay as they were).
 */
export function ApplicationChecks({
  view,
  onChange,
}: {
  view: ApplicationView;
  onChange: (v: ApplicationView) => void;
}) {
  const { busy, error, run } = useAction();
  const recheck = async () => {
    await run(async (csrfToken) => {
      onChange(await recheckApplication(view.id, csrfToken));
    });
  };
  return (
    <>
      <ChecksPanel
        checks={view.checks}
        recheck={view.recheck}
        busy={busy}
        {...(view.may.recheck ? { onRecheck: () => void recheck() } : {})}
      />
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}

/** The refusals of a failed write (none for any other error). */
export function refusalsOf(error: unknown) {
  return error instanceof ApiError ? (error.details?.refusals ?? []) : [];
}
