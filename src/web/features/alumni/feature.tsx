import { page, type Feature } from '../feature.ts';

/** Alumni associations, their consented directory, one's alumni profile and mentors (strings in locales/features/alumni.*.json). */
export const alumniFeature: Feature = {
  locales: ['alumni'],
  routes: [
    { path: 'alumni', lazy: page(() => import('./associations-page.tsx'), 'AssociationsPage') },
    {
      path: 'alumni/new',
      lazy: page(() => import('./new-association-page.tsx'), 'NewAssociationPage'),
    },
    { path: 'alumni/:id', lazy: page(() => import('./association-page.tsx'), 'AssociationPage') },
    { path: 'me/alumni', lazy: page(() => import('./my-alumni-page.tsx'), 'MyAlumniPage') },
    { path: 'me/mentors', lazy: page(() => import('./mentors-page.tsx'), 'MentorsPage') },
  ],
  nav: () => [{ to: '/alumni', labelKey: 'alumni.nav' }],
};
