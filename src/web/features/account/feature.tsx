import { page, type Feature } from '../feature.ts';

/** Signing in and the person's own account (strings in locales/*.json). */
export const accountFeature: Feature = {
  locales: ['account', 'research', 'sso'],
  routes: [
    { path: 'sign-in', lazy: page(() => import('./sign-in-page.tsx'), 'SignInPage') },
    { path: 'me', lazy: page(() => import('./account-page.tsx'), 'AccountPage') },
    {
      path: 'password/forgot',
      lazy: page(() => import('./password-pages.tsx'), 'ForgotPasswordPage'),
    },
    {
      path: 'password/reset/:token',
      lazy: page(() => import('./password-pages.tsx'), 'PasswordLinkPage'),
    },
    {
      path: 'password/set/:token',
      lazy: page(() => import('./password-pages.tsx'), 'PasswordLinkPage'),
    },
  ],
};
