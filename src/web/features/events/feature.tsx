import { page, type Feature } from '../feature.ts';

/** The events area: congresses, symposia, ceremonies, their series, programme and registrations. */
export const eventsFeature: Feature = {
  locales: ['event-invitations', 'events'],
  routes: [
    { path: 'events', lazy: page(() => import('./events-page.tsx'), 'EventsPage') },
    { path: 'events/new', lazy: page(() => import('./event-form-page.tsx'), 'EventFormPage') },
    {
      path: 'events/series/new',
      lazy: page(() => import('./series-form-page.tsx'), 'SeriesFormPage'),
    },
    { path: 'events/:id', lazy: page(() => import('./event-page.tsx'), 'EventPage') },
    { path: 'events/:id/edit', lazy: page(() => import('./event-form-page.tsx'), 'EventFormPage') },
    {
      path: 'events/:id/registrations',
      lazy: page(() => import('./registrations-page.tsx'), 'RegistrationsPage'),
    },
    {
      path: 'events/:id/check-in/:token',
      lazy: page(() => import('./check-in-page.tsx'), 'CheckInPage'),
    },
    { path: 'event-series/:id', lazy: page(() => import('./series-page.tsx'), 'SeriesPage') },
    { path: 'me/events', lazy: page(() => import('./my-events-page.tsx'), 'MyEventsPage') },
  ],
  nav: () => [{ to: '/events', labelKey: 'events.nav.events' }],
};
