import { mayRunAllocations } from '../../../domain/allocation/access.ts';
import { page, type Feature } from '../feature.ts';

/** The allocation area of the web app (pages live in this folder; strings in locales/features/allocation.*.json). */
export const allocationFeature: Feature = {
  locales: ['allocation', 'calls'],
  routes: [
    { path: 'allocation', lazy: page(() => import('./runs-page.tsx'), 'AllocationRunsPage') },
    { path: 'allocation/:id', lazy: page(() => import('./run-page.tsx'), 'AllocationRunPage') },
  ],
  // The header link follows the one policy (`allocation:run` on the actor's own scopes).
  nav: (actor) =>
    mayRunAllocations(actor) ? [{ to: '/allocation', labelKey: 'allocation.nav' }] : [],
};
