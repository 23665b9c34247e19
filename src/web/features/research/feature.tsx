import type { Feature } from '../feature.ts';
import { ImportPage } from './import-page.tsx';
import { PublicationsPage } from './publications-page.tsx';

/** Publications and their imports, identifier lookups (strings in locales/features/research.*.json). */
export const researchFeature: Feature = {
  routes: [
    { path: 'publications', element: <PublicationsPage /> },
    { path: 'publications/import', element: <ImportPage /> },
  ],
  nav: () => [{ to: '/publications', labelKey: 'research.nav' }],
};
