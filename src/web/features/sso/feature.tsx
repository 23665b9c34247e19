import type { Feature } from '../feature.ts';
import { IdentityProvidersPage } from './identity-providers-page.tsx';

/** Single sign-on: the administrators' identity providers (strings in locales/features/sso.*.json). */
export const ssoFeature: Feature = {
  routes: [{ path: 'admin/identity-providers', element: <IdentityProvidersPage /> }],
  nav: (actor) =>
    actor?.platformAdmin
      ? [{ to: '/admin/identity-providers', labelKey: 'sso.nav', end: true }]
      : [],
};
