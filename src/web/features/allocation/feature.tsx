import { mayRunAllocations } from '../../../domain/allocation/access.ts';
import type { Feature } from '../feature.ts';
import { AllocationRunPage } from './run-page.tsx';
import { AllocationRunsPage } from './runs-page.tsx';

/** The allocation area of the web app (pages live in this folder; strings in locales/features/allocation.*.json). */
export const allocationFeature: Feature = {
  routes: [
    { path: 'allocation', element: <AllocationRunsPage /> },
    { path: 'allocation/:id', element: <AllocationRunPage /> },
  ],
  // The header link follows the one policy (`allocation:run` on the actor's own scopes).
  nav: (actor) =>
    mayRunAllocations(actor) ? [{ to: '/allocation', labelKey: 'allocation.nav' }] : [],
};
