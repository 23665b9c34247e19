import { page, type Feature } from '../feature.ts';

/** Erasmus Without Paper files: a partner's file imported (strings in locales/features/ewp.*.json). */
export const ewpFeature: Feature = {
  locales: ['ewp'],
  routes: [{ path: 'ewp/import', lazy: page(() => import('./import-page.tsx'), 'EwpImportPage') }],
  nav: (actor) =>
    actor && (actor.platformAdmin || actor.roles.some((r) => r.role === 'coordinator'))
      ? [{ to: '/ewp/import', labelKey: 'ewp.nav' }]
      : [],
};
