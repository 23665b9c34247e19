import { page, type Feature } from '../feature.ts';

/**
 * Students join by their university: the public sign-up, its e-mail link, and the record the home
 * university keeps of its students (strings in locales/features/signup.*.json).
 */
export const signUpFeature: Feature = {
  locales: ['calls', 'signup'],
  routes: [
    { path: 'sign-up', lazy: page(() => import('./sign-up-page.tsx'), 'SignUpPage') },
    { path: 'sign-up/verify/:token', lazy: page(() => import('./verify-page.tsx'), 'VerifyPage') },
    {
      path: 'students/:userId/record',
      lazy: page(() => import('./student-record-page.tsx'), 'StudentRecordPage'),
    },
  ],
  // Signed out, the header offers the sign-up beside the sign-in.
  nav: (actor) => (actor ? [] : [{ to: '/sign-up', labelKey: 'signup.nav', end: true }]),
};
