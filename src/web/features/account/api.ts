/** The signed-in person's own settings: the language they read notifications in, their sessions. */
import type { LanguageBody, SignedOutEverywhere } from '../../../server/routes/me.schema.ts';
import { apiRequest } from '../../api/client.ts';

export const setMyLanguage = (language: LanguageBody['language'], csrfToken: string | null) =>
  apiRequest<LanguageBody>('/me/language', { method: 'PUT', body: { language }, csrfToken });

export const signOutEverywhere = (csrfToken: string | null) =>
  apiRequest<SignedOutEverywhere>('/me/sign-out-everywhere', { method: 'POST', csrfToken });
