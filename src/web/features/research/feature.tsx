import { page, type Feature } from '../feature.ts';

/** Publications and their imports, identifier lookups (strings in locales/features/research.*.json). */
export const researchFeature: Feature = {
  locales: ['refusals', 'research'],
  routes: [
    {
      path: 'publications',
      lazy: page(() => import('./publications-page.tsx'), 'PublicationsPage'),
    },
    { path: 'publications/import', lazy: page(() => import('./import-page.tsx'), 'ImportPage') },
  ],
  nav: () => [{ to: '/publications', labelKey: 'research.nav' }],
};
