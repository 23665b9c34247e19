import { mayGrantAnything } from '../../../domain/access/grants.ts';
import { page, type Feature } from '../feature.ts';

/**
 * People, their roles and invitations (strings in locales/features/people.*.json); the page of an
 * invitation link is public.
 */
export const peopleFeature: Feature = {
  locales: ['people', 'signup'],
  routes: [
    { path: 'people', lazy: page(() => import('./people-page.tsx'), 'PeoplePage') },
    { path: 'people/:id', lazy: page(() => import('./person-page.tsx'), 'PersonPage') },
    { path: 'invitations', lazy: page(() => import('./invitations-page.tsx'), 'InvitationsPage') },
    {
      path: 'invitations/:token',
      lazy: page(() => import('./invitation-page.tsx'), 'InvitationPage'),
    },
  ],
  nav: (actor) =>
    actor && mayGrantAnything(actor) ? [{ to: '/people', labelKey: 'people.nav' }] : [],
};
