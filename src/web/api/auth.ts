import { apiRequest } from './client.ts';
import type { Session } from './contract.ts';

export function signIn(email: string, password: string): Promise<Session> {
  return apiRequest<Session>('/auth/sign-in', { method: 'POST', body: { email, password } });
}

export function signOut(csrfToken: string): Promise<void> {
  return apiRequest<void>('/auth/sign-out', { method: 'POST', csrfToken });
}

export function getMe(signal?: AbortSignal): Promise<Session> {
  return apiRequest<Session>('/me', { signal });
}
