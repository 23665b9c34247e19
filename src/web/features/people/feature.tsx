import { mayGrantAnything } from '../../../domain/access/grants.ts';
import type { Feature } from '../feature.ts';
import { InvitationPage } from './invitation-page.tsx';
import { InvitationsPage } from './invitations-page.tsx';
import { PeoplePage } from './people-page.tsx';
import { PersonPage } from './person-page.tsx';

/**
 * People, their roles and invitations (strings in locales/features/people.*.json); the page of an
 * invitation link is public.
 */
export const peopleFeature: Feature = {
  routes: [
    { path: 'people', element: <PeoplePage /> },
    { path: 'people/:id', element: <PersonPage /> },
    { path: 'invitations', element: <InvitationsPage /> },
    { path: 'invitations/:token', element: <InvitationPage /> },
  ],
  nav: (actor) =>
    actor && mayGrantAnything(actor) ? [{ to: '/people', labelKey: 'people.nav' }] : [],
};
