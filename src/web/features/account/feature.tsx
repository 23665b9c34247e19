import type { Feature } from '../feature.ts';
import { AccountPage } from './account-page.tsx';
import { HomePage } from './home-page.tsx';
import { SignInPage } from './sign-in-page.tsx';

/** The start page, signing in and the person's own account (strings in locales/*.json). */
export const accountFeature: Feature = {
  routes: [
    { index: true, element: <HomePage /> },
    { path: 'sign-in', element: <SignInPage /> },
    { path: 'me', element: <AccountPage /> },
  ],
};
