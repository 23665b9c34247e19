import { page, type Feature } from '../feature.ts';

const PEOPLE = ['coordinator', 'rep_officer', 'funder_officer', 'student'];

/** The mobility area of the web app (pages live in this folder; strings in locales/features/mobility.*.json). */
export const mobilityFeature: Feature = {
  locales: ['ewp', 'mobility'],
  routes: [
    { path: 'mobilities', lazy: page(() => import('./mobilities-page.tsx'), 'MobilitiesPage') },
    {
      path: 'mobilities/import',
      lazy: page(() => import('./import-page.tsx'), 'MobilityImportPage'),
    },
    { path: 'mobilities/:id', lazy: page(() => import('./mobility-page.tsx'), 'MobilityPage') },
    {
      path: 'recognised-credits',
      lazy: page(() => import('./credits-page.tsx'), 'RecognisedCreditsPage'),
    },
    {
      path: 'institutions/:id/courses',
      lazy: page(() => import('./catalogue-page.tsx'), 'CataloguePage'),
    },
    {
      path: 'alliances/:id/jukebox',
      lazy: page(() => import('./jukebox-page.tsx'), 'JukeboxPage'),
    },
  ],
  nav: (actor) =>
    actor && (actor.platformAdmin || actor.roles.some((r) => PEOPLE.includes(r.role)))
      ? [{ to: '/mobilities', labelKey: 'mobility.nav' }]
      : [],
};
