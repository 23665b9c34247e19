import { page, type Feature } from '../feature.ts';

/** The signed-in person's notifications (strings in locales/features/inbox.*.json). */
export const inboxFeature: Feature = {
  locales: ['inbox', 'mobility', 'notifications'],
  routes: [
    {
      path: 'me/notifications',
      lazy: page(() => import('./notifications-page.tsx'), 'NotificationsPage'),
    },
  ],
  nav: (actor) => (actor ? [{ to: '/me/notifications', labelKey: 'inbox.nav' }] : []),
};
