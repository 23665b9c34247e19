/** People, their roles and invitations (src/server/routes/people.ts). */
import type {
  Accepted,
  AcceptBody,
  GrantableList,
  GrantableRole,
  GrantBody,
  InvitationCreated,
  InvitationList,
  InvitationPublic,
  InvitationView,
  InviteBody,
  PeoplePage,
  PersonDetail,
} from '../../../server/routes/people.schema.ts';
import type {
  ErasureCarriedOut,
  OpenErasureRequestList,
} from '../../../server/routes/erasure.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type { GrantableRole, InvitationPublic, InvitationView, PersonDetail };

export const searchPeople = (query: { q: string; page: number }, signal?: AbortSignal) =>
  apiRequest<PeoplePage>('/people', { query: { ...query, pageSize: 20 }, signal });

export const getPerson = (id: string, signal?: AbortSignal) =>
  apiRequest<PersonDetail>(`/people/${encodeURIComponent(id)}`, { signal });

export const grantableRoles = (signal?: AbortSignal) =>
  apiRequest<GrantableList>('/grantable-roles', { signal });

export const grantRole = (id: string, body: GrantBody, csrfToken: string) =>
  apiRequest<unknown>(`/people/${encodeURIComponent(id)}/roles`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const revokeRole = (id: string, roleId: string, csrfToken: string) =>
  apiRequest<void>(`/people/${encodeURIComponent(id)}/roles/${encodeURIComponent(roleId)}`, {
    method: 'DELETE',
    csrfToken,
  });

export const setDisabled = (id: string, disabled: boolean, csrfToken: string) =>
  apiRequest<unknown>(
    `/people/${encodeURIComponent(id)}/${disabled ? 'deactivate' : 'reactivate'}`,
    { method: 'POST', csrfToken },
  );

export const pendingInvitations = (signal?: AbortSignal) =>
  apiRequest<InvitationList>('/invitations', { signal });

export const invite = (body: InviteBody, csrfToken: string) =>
  apiRequest<InvitationCreated>('/invitations', { method: 'POST', body, csrfToken });

export const revokeInvitation = (id: string, csrfToken: string) =>
  apiRequest<unknown>(`/invitations/${encodeURIComponent(id)}/revoke`, {
    method: 'POST',
    csrfToken,
  });

export const readInvitation = (token: string, signal?: AbortSignal) =>
  apiRequest<InvitationPublic>('/invitations/read', { method: 'POST', body: { token }, signal });

export const acceptInvitation = (body: AcceptBody, csrfToken: string | null) =>
  apiRequest<Accepted>('/invitations/accept', { method: 'POST', body, csrfToken });

/** A grantable role as one option value (role, scope type and scope id). */
export const grantKey = (g: Pick<GrantableRole, 'role' | 'scopeType' | 'scopeId'>) =>
  `${g.role}|${g.scopeType}|${g.scopeId}`;

export const openErasureRequests = (signal?: AbortSignal) =>
  apiRequest<OpenErasureRequestList>('/erasure-requests', { signal });

export const carryOutErasure = (id: string, csrfToken: string) =>
  apiRequest<ErasureCarriedOut>(`/erasure-requests/${encodeURIComponent(id)}/carry-out`, {
    method: 'POST',
    csrfToken,
  });
