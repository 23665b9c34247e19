import type { Feature } from '../feature.ts';
import { ConsortiaPage } from './consortia-page.tsx';
import { ConsortiumPage } from './consortium-page.tsx';
import { ImportPage } from './import-page.tsx';
import { InstitutionPage } from './institution-page.tsx';
import { InstitutionsPage } from './institutions-page.tsx';

/** The registry: institutions, consortia and the institutions import (strings in locales/features/registry.*.json). */
export const registryFeature: Feature = {
  routes: [
    { path: 'institutions', element: <InstitutionsPage /> },
    { path: 'institutions/:id', element: <InstitutionPage /> },
    { path: 'consortia', element: <ConsortiaPage /> },
    { path: 'consortia/:id', element: <ConsortiumPage /> },
    { path: 'import', element: <ImportPage /> },
  ],
  nav: (_actor, may) => [
    { to: '/institutions', labelKey: 'nav.institutions' },
    { to: '/consortia', labelKey: 'nav.consortia' },
    ...(may.createInstitution ? [{ to: '/import', labelKey: 'nav.import', end: true }] : []),
  ],
};
