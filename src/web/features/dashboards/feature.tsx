import { page, type Feature } from '../feature.ts';

const READERS = ['funder_officer', 'rep_officer', 'secretariat', 'coordinator'];

/** Dashboards of programs, consortia and institutions (strings in locales/features/dashboards.*.json). */
export const dashboardsFeature: Feature = {
  locales: ['dashboards', 'events', 'mobility', 'reports'],
  routes: [
    { path: 'dashboards', lazy: page(() => import('./dashboards-page.tsx'), 'DashboardsPage') },
    {
      path: 'dashboards/:kind/:id',
      lazy: page(() => import('./dashboard-page.tsx'), 'DashboardPage'),
    },
    {
      path: 'dashboards/:kind/:id/records',
      lazy: page(() => import('./records-page.tsx'), 'RecordsPage'),
    },
  ],
  nav: (actor) =>
    actor && (actor.platformAdmin || actor.roles.some((r) => READERS.includes(r.role)))
      ? [{ to: '/dashboards', labelKey: 'dashboards.nav' }]
      : [],
};
