import { apiRequest, buildPath } from './client.ts';
import type {
  ConsortiumDetail,
  ConsortiumSummary,
  Ledger,
  MembershipProposal,
  Page,
} from './contract.ts';

export type ConsortiumQuery = {
  q?: string;
  page?: number;
  pageSize?: number;
};

const path = (id: string) => `/consortia/${encodeURIComponent(id)}`;

export function listConsortia(
  query: ConsortiumQuery,
  signal?: AbortSignal,
): Promise<Page<ConsortiumSummary>> {
  return apiRequest<Page<ConsortiumSummary>>('/consortia', { query, signal });
}

/** Every consortium (for pickers): the registry holds a handful, so one large page suffices. */
export async function listAllConsortia(signal?: AbortSignal): Promise<ConsortiumSummary[]> {
  const items: ConsortiumSummary[] = [];
  for (let page = 1; page <= 20; page += 1) {
    const result = await listConsortia({ page, pageSize: 100 }, signal);
    items.push(...result.items);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return items;
}

/** A consortium with its members; `at` (YYYY-MM-DD) is the date the members are counted on. */
export function getConsortium(
  id: string,
  signal?: AbortSignal,
  at?: string,
): Promise<ConsortiumDetail> {
  return apiRequest<ConsortiumDetail>(path(id), { query: { at }, signal });
}

/** R4: the ledger between two consortia, seen from `id`. */
export function getConsortiumBalance(
  id: string,
  otherId: string,
  signal?: AbortSignal,
): Promise<Ledger> {
  return apiRequest<Ledger>(`${path(id)}/balance`, { query: { with: otherId }, signal });
}

/** Proposes a membership; it takes effect when the other side accepts (status `accepted` at once when the proposer speaks for both). */
export function addMember(
  id: string,
  body: { institutionId: string; joinedOn: string },
  csrfToken: string,
): Promise<MembershipProposal> {
  return apiRequest<MembershipProposal>(`${path(id)}/members`, {
    method: 'POST',
    body,
    csrfToken,
  });
}

export function answerProposal(
  id: string,
  proposalId: string,
  answer: 'accept' | 'decline' | 'withdraw',
  csrfToken: string,
): Promise<MembershipProposal> {
  return apiRequest<MembershipProposal>(
    `${path(id)}/proposals/${encodeURIComponent(proposalId)}/${answer}`,
    { method: 'POST', csrfToken },
  );
}

export function endMembership(
  id: string,
  institutionId: string,
  leftOn: string,
  csrfToken: string,
): Promise<void> {
  return apiRequest<void>(`${path(id)}/members/${encodeURIComponent(institutionId)}/leave`, {
    method: 'POST',
    body: { leftOn },
    csrfToken,
  });
}

export function membersExportHref(id: string, format: 'csv' | 'xlsx'): string {
  return buildPath(`${path(id)}/members.${format}`);
}
