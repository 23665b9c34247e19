import { page, type Feature } from '../feature.ts';

/** The calls area of the web app (pages live in this folder; strings in locales/features/calls.*.json). */
export const callsFeature: Feature = {
  locales: ['agreements', 'allocation', 'alumni', 'audit', 'calls', 'mobility'],
  routes: [
    { path: 'calls', lazy: page(() => import('./catalogue-page.tsx'), 'CataloguePage') },
    { path: 'calls/new', lazy: page(() => import('./call-form-page.tsx'), 'CallFormPage') },
    { path: 'calls/:id', lazy: page(() => import('./call-page.tsx'), 'CallPage') },
    { path: 'calls/:id/edit', lazy: page(() => import('./call-form-page.tsx'), 'CallFormPage') },
    {
      path: 'calls/:id/screening',
      lazy: page(() => import('./screening-page.tsx'), 'ScreeningPage'),
    },
    {
      path: 'me/applications',
      lazy: page(() => import('./my-applications-page.tsx'), 'MyApplicationsPage'),
    },
    { path: 'me/profile', lazy: page(() => import('./profile-page.tsx'), 'ProfilePage') },
  ],
  nav: (actor) => [
    { to: '/calls', labelKey: 'calls.nav.calls' },
    ...(actor?.roles.some((r) => r.role === 'student')
      ? [{ to: '/me/applications', labelKey: 'calls.nav.myApplications' }]
      : []),
  ],
};
