import type { Feature } from '../feature.ts';
import { NotificationsPage } from './notifications-page.tsx';

/** The signed-in person's notifications (strings in locales/features/inbox.*.json). */
export const inboxFeature: Feature = {
  routes: [{ path: 'me/notifications', element: <NotificationsPage /> }],
  nav: (actor) => (actor ? [{ to: '/me/notifications', labelKey: 'inbox.nav' }] : []),
};
