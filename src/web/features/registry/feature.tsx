import { page, type Feature } from '../feature.ts';

/** The registry: institutions, consortia and the institutions import (strings in locales/features/registry.*.json). */
export const registryFeature: Feature = {
  locales: [
    'agreements',
    'allocation',
    'alumni',
    'audit',
    'mobility',
    'registry',
    'research',
    'signup',
  ],
  routes: [
    {
      path: 'institutions',
      lazy: page(() => import('./institutions-page.tsx'), 'InstitutionsPage'),
    },
    {
      path: 'institutions/:id',
      lazy: page(() => import('./institution-page.tsx'), 'InstitutionPage'),
    },
    { path: 'consortia', lazy: page(() => import('./consortia-page.tsx'), 'ConsortiaPage') },
    { path: 'consortia/:id', lazy: page(() => import('./consortium-page.tsx'), 'ConsortiumPage') },
    { path: 'import', lazy: page(() => import('./import-page.tsx'), 'ImportPage') },
  ],
  nav: (_actor, may) => [
    { to: '/institutions', labelKey: 'nav.institutions' },
    { to: '/consortia', labelKey: 'nav.consortia' },
    ...(may.createInstitution ? [{ to: '/import', labelKey: 'nav.import', end: true }] : []),
  ],
};
