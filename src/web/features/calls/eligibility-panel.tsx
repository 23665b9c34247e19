import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CallDetail } from './api.ts';
import { RefusalNotice } from './reasons.tsx';

export type Eligibility = NonNullable<CallDetail['eligibility']>;

/**
 * Before the application form: whether the signed-in student may apply — each reason with its
 * rule and what to do about it, the application already made (with its date and a link), or that
 * the form below is open to them (and, R9, whether the support is theirs).
 */
export function EligibilityPanel({ eligibility: e }: { eligibility: Eligibility }) {
  const { t } = useTranslation();
  const checked = (
    <p className="muted">
      {t('calls.eligibility.checkedOn', { date: e.checkedOn })}{' '}
      <Link to="/me/profile" data-testid="profile-link">
        {t('calls.profile.title')}
      </Link>
    </p>
  );
  let body: ReactNode;
  if (e.status === 'applied' && e.application) {
    body = (
      <>
        <p role="status">{t('calls.eligibility.applied', { date: e.application.submittedAt })}</p>
        <p>
          <Link
            to={`/me/applications#application-${encodeURIComponent(e.application.id)}`}
            data-testid="my-application-link"
          >
            {t('calls.eligibility.seeApplication')}
          </Link>
        </p>
      </>
    );
  } else if (e.status === 'eligible') {
    body = (
      <>
        <p role="status">{t('calls.eligibility.eligible')}</p>
        <RefusalNotice
          title={t('calls.eligibility.notFunded')}
          refusals={e.funding}
          testId="funding-refusals"
        />
        {checked}
      </>
    );
  } else {
    const noProfile = e.refusals.some((r) => r.code === 'calls.profile_missing');
    body = (
      <>
        <RefusalNotice
          title={t('calls.apply.refused')}
          refusals={e.refusals}
          testId="apply-refusals"
        />
        <p>{t(noProfile ? 'calls.eligibility.askHome' : 'calls.eligibility.whatToDo')}</p>
        {noProfile ? null : checked}
      </>
    );
  }
  return (
    <section
      className="card"
      aria-labelledby="eligibility-title"
      data-testid="eligibility"
      data-status={e.status}
    >
      <h2 id="eligibility-title">{t('calls.eligibility.title')}</h2>
      {body}
    </section>
  );
}
