/** The signed-in person's notifications and the language they read them in. */
import type {
  LanguageBody,
  SignedOutEverywhere,
  NotificationList,
  NotificationView,
} from '../../../server/routes/me.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type Notification = NotificationView;

export const myNotifications = (signal?: AbortSignal) =>
  apiRequest<NotificationList>('/me/notifications', { signal });

export const markRead = (id: string, csrfToken: string | null) =>
  apiRequest<unknown>(`/me/notifications/${encodeURIComponent(id)}/read`, {
    method: 'POST',
    csrfToken,
  });

export const setMyLanguage = (language: LanguageBody['language'], csrfToken: string | null) =>
  apiRequest<LanguageBody>('/me/language', { method: 'PUT', body: { language }, csrfToken });

export const signOutEverywhere = (csrfToken: string | null) =>
  apiRequest<SignedOutEverywhere>('/me/sign-out-everywhere', { method: 'POST', csrfToken });
