import { page, type Feature } from '../feature.ts';

/** Exchange agreements between two parties (strings in locales/features/agreements.*.json). */
export const agreementsFeature: Feature = {
  locales: ['agreements', 'ewp'],
  routes: [
    { path: 'agreements', lazy: page(() => import('./agreements-page.tsx'), 'AgreementsPage') },
    {
      path: 'agreements/new',
      lazy: page(() => import('./agreement-new-page.tsx'), 'AgreementNewPage'),
    },
    { path: 'agreements/:id', lazy: page(() => import('./agreement-page.tsx'), 'AgreementPage') },
  ],
  nav: () => [{ to: '/agreements', labelKey: 'nav.agreements' }],
};
