import type { Feature } from '../feature.ts';
import { CallFormPage } from './call-form-page.tsx';
import { CallPage } from './call-page.tsx';
import { CataloguePage } from './catalogue-page.tsx';
import { MyApplicationsPage } from './my-applications-page.tsx';
import { ProfilePage } from './profile-page.tsx';
import { ScreeningPage } from './screening-page.tsx';

/** The calls area of the web app (pages live in this folder; strings in locales/features/calls.*.json). */
export const callsFeature: Feature = {
  routes: [
    { path: 'calls', element: <CataloguePage /> },
    { path: 'calls/new', element: <CallFormPage /> },
    { path: 'calls/:id', element: <CallPage /> },
    { path: 'calls/:id/edit', element: <CallFormPage /> },
    { path: 'calls/:id/screening', element: <ScreeningPage /> },
    { path: 'me/applications', element: <MyApplicationsPage /> },
    { path: 'me/profile', element: <ProfilePage /> },
  ],
  nav: (actor) => [
    { to: '/calls', labelKey: 'calls.nav.calls' },
    ...(actor?.roles.some((r) => r.role === 'student')
      ? [{ to: '/me/applications', labelKey: 'calls.nav.myApplications' }]
      : []),
  ],
};
