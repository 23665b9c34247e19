import type { Feature } from '../feature.ts';
import { AssociationPage } from './association-page.tsx';
import { AssociationsPage } from './associations-page.tsx';
import { MentorsPage } from './mentors-page.tsx';
import { MyAlumniPage } from './my-alumni-page.tsx';
import { NewAssociationPage } from './new-association-page.tsx';

/** Alumni associations, their consented directory, one's alumni profile and mentors (strings in locales/features/alumni.*.json). */
export const alumniFeature: Feature = {
  routes: [
    { path: 'alumni', element: <AssociationsPage /> },
    { path: 'alumni/new', element: <NewAssociationPage /> },
    { path: 'alumni/:id', element: <AssociationPage /> },
    { path: 'me/alumni', element: <MyAlumniPage /> },
    { path: 'me/mentors', element: <MentorsPage /> },
  ],
  nav: () => [{ to: '/alumni', labelKey: 'alumni.nav' }],
};
