import { page, type Feature } from '../feature.ts';

/** Partnerships: degree programmes, education boards, cotutelles, laboratories, visits, plans. */
export const partnershipFeature: Feature = {
  locales: ['partnership', 'partnership-profile'],
  routes: [
    { path: 'partnerships', lazy: page(() => import('./pages.tsx'), 'PartnershipsPage') },
    {
      path: 'partnerships/programmes/new',
      lazy: page(() => import('./programme-form-page.tsx'), 'ProgrammeFormPage'),
    },
    {
      path: 'partnerships/programmes/:id',
      lazy: page(() => import('./detail-pages.tsx'), 'ProgrammePage'),
    },
    { path: 'partnerships/labs/:id', lazy: page(() => import('./detail-pages.tsx'), 'LabPage') },
    {
      path: 'partnerships/cotutelles/new',
      lazy: page(() => import('./cotutelle-form-page.tsx'), 'CotutelleFormPage'),
    },
    {
      path: 'partnerships/cotutelles/:id',
      lazy: page(() => import('./detail-pages.tsx'), 'CotutellePage'),
    },
    {
      path: 'partnerships/boards/:id',
      lazy: page(() => import('./detail-pages.tsx'), 'BoardPage'),
    },
    {
      path: 'partnerships/:id/profile',
      lazy: page(() => import('./profile-page.tsx'), 'ProfilePage'),
    },
  ],
  nav: () => [{ to: '/partnerships', labelKey: 'partnership.nav' }],
};
