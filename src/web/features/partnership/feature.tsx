import type { Feature } from '../feature.ts';
import { BoardPage, CotutellePage, LabPage, ProgrammePage } from './detail-pages.tsx';
import { PartnershipsPage } from './pages.tsx';
import { ProfilePage } from './profile-page.tsx';
import { ProgrammeFormPage } from './programme-form-page.tsx';
import { CotutelleFormPage } from './cotutelle-form-page.tsx';

/** Partnerships: degree programmes, education boards, cotutelles, laboratories, visits, plans. */
export const partnershipFeature: Feature = {
  routes: [
    { path: 'partnerships', element: <PartnershipsPage /> },
    { path: 'partnerships/programmes/new', element: <ProgrammeFormPage /> },
    { path: 'partnerships/programmes/:id', element: <ProgrammePage /> },
    { path: 'partnerships/labs/:id', element: <LabPage /> },
    { path: 'partnerships/cotutelles/new', element: <CotutelleFormPage /> },
    { path: 'partnerships/cotutelles/:id', element: <CotutellePage /> },
    { path: 'partnerships/boards/:id', element: <BoardPage /> },
    { path: 'partnerships/:id/profile', element: <ProfilePage /> },
  ],
  nav: () => [{ to: '/partnerships', labelKey: 'partnership.nav' }],
};
