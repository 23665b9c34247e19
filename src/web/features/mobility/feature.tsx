import type { Feature } from '../feature.ts';
import { CataloguePage } from './catalogue-page.tsx';
import { RecognisedCreditsPage } from './credits-page.tsx';
import { JukeboxPage } from './jukebox-page.tsx';
import { MobilitiesPage } from './mobilities-page.tsx';
import { MobilityPage } from './mobility-page.tsx';

const PEOPLE = ['coordinator', 'rep_officer', 'funder_officer', 'student'];

/** The mobility area of the web app (pages live in this folder; strings in locales/features/mobility.*.json). */
export const mobilityFeature: Feature = {
  routes: [
    { path: 'mobilities', element: <MobilitiesPage /> },
    { path: 'mobilities/:id', element: <MobilityPage /> },
    { path: 'recognised-credits', element: <RecognisedCreditsPage /> },
    { path: 'institutions/:id/courses', element: <CataloguePage /> },
    { path: 'alliances/:id/jukebox', element: <JukeboxPage /> },
  ],
  nav: (actor) =>
    actor && (actor.platformAdmin || actor.roles.some((r) => PEOPLE.includes(r.role)))
      ? [{ to: '/mobilities', labelKey: 'mobility.nav' }]
      : [],
};
