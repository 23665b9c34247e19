import type { Feature } from '../feature.ts';
import { BudgetPage } from './budget-page.tsx';
import { PaymentsPage } from './payments-page.tsx';
import { ScholarshipPage } from './scholarship-page.tsx';

/** The money area of the web app (pages live in this folder; strings in locales/features/money.*.json). */
export const moneyFeature: Feature = {
  routes: [
    { path: 'budget', element: <BudgetPage /> },
    { path: 'payments', element: <PaymentsPage /> },
    { path: 'money/mobilities/:id', element: <ScholarshipPage /> },
  ],
  nav: (actor) => [
    ...(actor?.roles.some((r) => r.role === 'funder_officer' || r.role === 'rep_officer')
      ? [{ to: '/budget', labelKey: 'money.nav.budget' }]
      : []),
    ...(actor?.roles.some((r) => r.role === 'rep_officer')
      ? [{ to: '/payments', labelKey: 'money.nav.payments' }]
      : []),
  ],
};
