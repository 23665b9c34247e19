import type { Feature } from '../feature.ts';
import { AccountPage } from './account-page.tsx';
import { HomePage } from './home-page.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { ForgotPasswordPage, PasswordLinkPage } from './password-pages.tsx';

/** The start page, signing in and the person's own account (strings in locales/*.json). */
export const accountFeature: Feature = {
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'sign-in', element: <SignInPage /> },
    { path: 'me', element: <AccountPage /> },
    { path: 'password/forgot', element: <ForgotPasswordPage /> },
    { path: 'password/reset/:token', element: <PasswordLinkPage /> },
    { path: 'password/set/:token', element: <PasswordLinkPage /> },
  ],
};
