import { apiRequest } from '../../api/client.ts';
import type {
  AgreementContent,
  AgreementDetail,
  AgreementSummary,
  Ledger,
  PartyKey,
  PartyRef,
} from '../../api/contract.ts';

const path = (id: string) => `/agreements/${encodeURIComponent(id)}`;

export function listAgreements(
  query: { party?: string },
  signal?: AbortSignal,
): Promise<{ items: AgreementSummary[] }> {
  return apiRequest<{ items: AgreementSummary[] }>('/agreements', { query, signal });
}

export function getAgreement(id: string, signal?: AbortSignal): Promise<AgreementDetail> {
  return apiRequest<AgreementDetail>(path(id), { signal });
}

export type NewAgreement = {
  partyA: PartyRef;
  partyB: PartyRef;
  programId?: string | null;
  content: AgreementContent;
};

export function createAgreement(body: NewAgreement, csrfToken: string): Promise<AgreementDetail> {
  return apiRequest<AgreementDetail>('/agreements', { method: 'POST', body, csrfToken });
}

/** A new version: a draft edit, or an amendment once both parties have signed. */
export function updateAgreement(
  id: string,
  body: { content: AgreementContent; changeNote?: string },
  csrfToken: string,
): Promise<AgreementDetail> {
  return apiRequest<AgreementDetail>(path(id), { method: 'PUT', body, csrfToken });
}

export function signAgreement(
  id: string,
  body: { party: PartyKey; signatory: string; signedOn: string },
  csrfToken: string,
): Promise<AgreementDetail> {
  return apiRequest<AgreementDetail>(`${path(id)}/signatures`, {
    method: 'POST',
    body,
    csrfToken,
  });
}

/** R4: the ledger of one agreement, seen from party A or B. */
export function getAgreementBalance(
  id: string,
  side: PartyKey,
  signal?: AbortSignal,
): Promise<Ledger> {
  return apiRequest<Ledger>(`${path(id)}/balance`, { query: { side }, signal });
}
