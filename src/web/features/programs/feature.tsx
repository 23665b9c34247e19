import { page, type Feature } from '../feature.ts';

const APPLICATION_ROLES = new Set(['funder_officer', 'rep_officer', 'coordinator']);

/** The programs area of the web app (pages live in this folder; strings in locales/features/programs.*.json). */
export const programsFeature: Feature = {
  locales: ['agreements', 'programs', 'registry'],
  routes: [
    { path: 'programs', lazy: page(() => import('./programs-page.tsx'), 'ProgramsPage') },
    { path: 'programs/:id', lazy: page(() => import('./program-page.tsx'), 'ProgramPage') },
    {
      path: 'applications',
      lazy: page(() => import('./applications-page.tsx'), 'ApplicationsPage'),
    },
    {
      path: 'applications/:id',
      lazy: page(() => import('./application-page.tsx'), 'ApplicationPage'),
    },
  ],
  nav: (actor) => [
    { to: '/programs', labelKey: 'programs.nav.programs' },
    ...(actor && (actor.platformAdmin || actor.roles.some((r) => APPLICATION_ROLES.has(r.role)))
      ? [{ to: '/applications', labelKey: 'programs.nav.applications' }]
      : []),
  ],
};
