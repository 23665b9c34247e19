import type { Feature } from '../feature.ts';
import { AgreementNewPage } from './agreement-new-page.tsx';
import { AgreementPage } from './agreement-page.tsx';
import { AgreementsPage } from './agreements-page.tsx';

/** Exchange agreements between two parties (strings in locales/features/agreements.*.json). */
export const agreementsFeature: Feature = {
  routes: [
    { path: 'agreements', element: <AgreementsPage /> },
    { path: 'agreements/new', element: <AgreementNewPage /> },
    { path: 'agreements/:id', element: <AgreementPage /> },
  ],
  nav: () => [{ to: '/agreements', labelKey: 'nav.agreements' }],
};
