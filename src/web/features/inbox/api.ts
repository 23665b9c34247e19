/** The signed-in person's notifications. */
import type { NotificationList, NotificationView } from '../../../server/routes/me.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type Notification = NotificationView;

export const myNotifications = (signal?: AbortSignal) =>
  apiRequest<NotificationList>('/me/notifications', { signal });

export const markRead = (id: string, csrfToken: string | null) =>
  apiRequest<unknown>(`/me/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    csrfToken,
  });
