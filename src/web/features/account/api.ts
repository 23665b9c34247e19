/**
 * The signed-in person's own settings: the language they read notifications in, their sessions,
 * the export of their data and their request to erase it.
 */
import type { LanguageBody, SignedOutEverywhere } from '../../../server/routes/me.schema.ts';
import type {
  NamesView,
  PasswordChangeBody,
  PasswordChanged,
  SessionList,
} from '../../../server/routes/me.schema.ts';
import type { MyErasureRequest } from '../../../server/routes/erasure.schema.ts';
import { apiRequest } from '../../api/client.ts';

export const setMyLanguage = (language: LanguageBody['language'], csrfToken: string | null) =>
  apiRequest<LanguageBody>('/me/language', { method: 'PUT', body: { language }, csrfToken });

export const signOutEverywhere = (csrfToken: string | null) =>
  apiRequest<SignedOutEverywhere>('/me/sign-out-everywhere', { method: 'POST', csrfToken });

export const requestPasswordReset = (email: string) =>
  apiRequest<{ accepted: true }>('/auth/password-reset', { method: 'POST', body: { email } });

export const checkPasswordLink = (token: string) =>
  apiRequest<{ email: string; expiresAt: string }>(
    `/auth/password-reset/${encodeURIComponent(token)}`,
  );

export const setPasswordFromLink = (token: string, password: string, csrfToken: string | null) =>
  apiRequest<{ sessionsEnded: number }>(`/auth/password-reset/${encodeURIComponent(token)}`, {
    method: 'POST',
    body: { password },
    csrfToken,
  });

export const changeMyPassword = (body: PasswordChangeBody, csrfToken: string | null) =>
  apiRequest<PasswordChanged>('/me/password', { method: 'PUT', body, csrfToken });

export const mySessions = () => apiRequest<SessionList>('/me/sessions');

export const endMySession = (id: string, csrfToken: string | null) =>
  apiRequest<{ ended: true }>(`/me/sessions/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    csrfToken,
  });

export const myNames = () => apiRequest<NamesView>('/me/names');

export const setMyNames = (body: NamesView, csrfToken: string | null) =>
  apiRequest<NamesView>('/me/names', { method: 'PUT', body, csrfToken });

/** The export of one's data is a download: a plain link to it. */
export const MY_DATA_URL = '/api/v1/me/data';

export const myErasureRequest = (signal?: AbortSignal) =>
  apiRequest<MyErasureRequest>('/me/erasure-request', { signal });

export const askErasure = (csrfToken: string) =>
  apiRequest<MyErasureRequest>('/me/erasure-request', { method: 'POST', csrfToken });

export const withdrawErasure = (csrfToken: string) =>
  apiRequest<MyErasureRequest>('/me/erasure-request/withdraw', { method: 'POST', csrfToken });
