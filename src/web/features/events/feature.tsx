import type { Feature } from '../feature.ts';
import { CheckInPage } from './check-in-page.tsx';
import { EventFormPage } from './event-form-page.tsx';
import { EventPage } from './event-page.tsx';
import { EventsPage } from './events-page.tsx';
import { MyEventsPage } from './my-events-page.tsx';
import { RegistrationsPage } from './registrations-page.tsx';
import { SeriesFormPage } from './series-form-page.tsx';
import { SeriesPage } from './series-page.tsx';

/** The events area: congresses, symposia, ceremonies, their series, programme and registrations. */
export const eventsFeature: Feature = {
  routes: [
    { path: 'events', element: <EventsPage /> },
    { path: 'events/new', element: <EventFormPage /> },
    { path: 'events/series/new', element: <SeriesFormPage /> },
    { path: 'events/:id', element: <EventPage /> },
    { path: 'events/:id/edit', element: <EventFormPage /> },
    { path: 'events/:id/registrations', element: <RegistrationsPage /> },
    { path: 'events/:id/check-in/:token', element: <CheckInPage /> },
    { path: 'event-series/:id', element: <SeriesPage /> },
    { path: 'me/events', element: <MyEventsPage /> },
  ],
  nav: () => [{ to: '/events', labelKey: 'events.nav.events' }],
};
