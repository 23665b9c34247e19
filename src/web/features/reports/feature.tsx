import { page, type Feature } from '../feature.ts';

/** Annual implementation reports (strings in locales/features/reports.*.json). */
export const reportsFeature: Feature = {
  locales: ['reports', 'reports-refusals'],
  routes: [
    { path: 'reports', lazy: page(() => import('./status-page.tsx'), 'StatusPage') },
    {
      path: 'projects/:projectId/reports/:fiscalYear',
      lazy: page(() => import('./report-page.tsx'), 'ReportPage'),
    },
  ],
  nav: (actor) =>
    actor?.roles.some((r) => r.role === 'funder_officer' || r.role === 'rep_officer')
      ? [{ to: '/reports', labelKey: 'reports.nav' }]
      : [],
};
