import type { Feature } from '../feature.ts';
import { ApplicationPage } from './application-page.tsx';
import { ApplicationsPage } from './applications-page.tsx';
import { ProgramPage } from './program-page.tsx';
import { ProgramsPage } from './programs-page.tsx';

const APPLICATION_ROLES = new Set(['funder_officer', 'rep_officer', 'coordinator']);

/** The programs area of the web app (pages live in this folder; strings in locales/features/programs.*.json). */
export const programsFeature: Feature = {
  routes: [
    { path: 'programs', element: <ProgramsPage /> },
    { path: 'programs/:id', element: <ProgramPage /> },
    { path: 'applications', element: <ApplicationsPage /> },
    { path: 'applications/:id', element: <ApplicationPage /> },
  ],
  nav: (actor) => [
    { to: '/programs', labelKey: 'programs.nav.programs' },
    ...(actor && (actor.platformAdmin || actor.roles.some((r) => APPLICATION_ROLES.has(r.role)))
      ? [{ to: '/applications', labelKey: 'programs.nav.applications' }]
      : []),
  ],
};
