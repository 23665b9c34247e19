/** Single sign-on: the providers on the sign-in page, linking, and the administrators' list. */
import type {
  LinkStarted,
  ProviderBody,
  ProviderView,
  PublicProvider,
} from '../../../server/routes/sso.schema.ts';
import { API_BASE, apiRequest } from '../../api/client.ts';

export type { ProviderBody, ProviderView, PublicProvider };

export const listSsoProviders = (signal?: AbortSignal) =>
  apiRequest<PublicProvider[]>('/sso/providers', { signal });

/** Where the browser goes to sign in with a provider (a full page load: the server redirects). */
export const ssoStartHref = (id: string) =>
  `${API_BASE}/sso/providers/${encodeURIComponent(id)}/start`;

export const startLink = (id: string, csrfToken: string) =>
  apiRequest<LinkStarted>(`/sso/providers/${encodeURIComponent(id)}/link`, {
    method: 'POST',
    csrfToken,
  });

export const listIdentityProviders = (signal?: AbortSignal) =>
  apiRequest<ProviderView[]>('/identity-providers', { signal });

export const createIdentityProvider = (body: ProviderBody, csrfToken: string) =>
  apiRequest<ProviderView>('/identity-providers', { method: 'POST', body, csrfToken });

export const updateIdentityProvider = (id: string, body: ProviderBody, csrfToken: string) =>
  apiRequest<ProviderView>(`/identity-providers/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body,
    csrfToken,
  });

export const deleteIdentityProvider = (id: string, csrfToken: string) =>
  apiRequest<void>(`/identity-providers/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    csrfToken,
  });
