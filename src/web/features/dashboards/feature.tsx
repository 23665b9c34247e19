import type { Feature } from '../feature.ts';
import { DashboardPage } from './dashboard-page.tsx';
import { DashboardsPage } from './dashboards-page.tsx';
import { RecordsPage } from './records-page.tsx';

const READERS = ['funder_officer', 'rep_officer', 'secretariat', 'coordinator'];

/** Dashboards of programs, consortia and institutions (strings in locales/features/dashboards.*.json). */
export const dashboardsFeature: Feature = {
  routes: [
    { path: 'dashboards', element: <DashboardsPage /> },
    { path: 'dashboards/:kind/:id', element: <DashboardPage /> },
    { path: 'dashboards/:kind/:id/records', element: <RecordsPage /> },
  ],
  nav: (actor) =>
    actor && (actor.platformAdmin || actor.roles.some((r) => READERS.includes(r.role)))
      ? [{ to: '/dashboards', labelKey: 'dashboards.nav' }]
      : [],
};
