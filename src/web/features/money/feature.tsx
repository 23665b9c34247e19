import { page, type Feature } from '../feature.ts';

/** The money area of the web app (pages live in this folder; strings in locales/features/money.*.json). */
export const moneyFeature: Feature = {
  locales: ['money'],
  routes: [
    { path: 'budget', lazy: page(() => import('./budget-page.tsx'), 'BudgetPage') },
    { path: 'payments', lazy: page(() => import('./payments-page.tsx'), 'PaymentsPage') },
    {
      path: 'money/mobilities/:id',
      lazy: page(() => import('./scholarship-page.tsx'), 'ScholarshipPage'),
    },
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
