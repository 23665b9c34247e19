import type { Feature } from '../feature.ts';
import { ReportPage } from './report-page.tsx';
import { StatusPage } from './status-page.tsx';

/** Annual implementation reports (strings in locales/features/reports.*.json). */
export const reportsFeature: Feature = {
  routes: [
    { path: 'reports', element: <StatusPage /> },
    { path: 'projects/:projectId/reports/:fiscalYear', element: <ReportPage /> },
  ],
  nav: (actor) =>
    actor?.roles.some((r) => r.role === 'funder_officer' || r.role === 'rep_officer')
      ? [{ to: '/reports', labelKey: 'reports.nav' }]
      : [],
};
