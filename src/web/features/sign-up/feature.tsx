import type { Feature } from '../feature.ts';
import { SignUpPage } from './sign-up-page.tsx';
import { StudentRecordPage } from './student-record-page.tsx';
import { VerifyPage } from './verify-page.tsx';

/**
 * Students join by their university: the public sign-up, its e-mail link, and the record the home
 * university keeps of its students (strings in locales/features/signup.*.json).
 */
export const signUpFeature: Feature = {
  routes: [
    { path: 'sign-up', element: <SignUpPage /> },
    { path: 'sign-up/verify/:token', element: <VerifyPage /> },
    { path: 'students/:userId/record', element: <StudentRecordPage /> },
  ],
  // Signed out, the header offers the sign-up beside the sign-in.
  nav: (actor) => (actor ? [] : [{ to: '/sign-up', labelKey: 'signup.nav', end: true }]),
};
