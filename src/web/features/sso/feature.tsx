import { page, type Feature } from '../feature.ts';

/** Single sign-on: the administrators' identity providers (strings in locales/features/sso.*.json). */
export const ssoFeature: Feature = {
  locales: ['sso'],
  routes: [
    {
      path: 'admin/identity-providers',
      lazy: page(() => import('./identity-providers-page.tsx'), 'IdentityProvidersPage'),
    },
  ],
  nav: (actor) =>
    actor?.platformAdmin
      ? [{ to: '/admin/identity-providers', labelKey: 'sso.nav', end: true }]
      : [],
};
