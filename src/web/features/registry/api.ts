/** The registry's endpoints: institutions and their units, consortia, groupings, imports. */
import { readyApiError, ApiError, apiRequest, buildPath } from '../../api/client.ts';
import type {
  ConsortiumDetail,
  ConsortiumSummary,
  Grouping,
  ImportResult,
  Institution,
  InstitutionAgreement,
  InstitutionDetail,
  InstitutionPatch,
  Ledger,
  MembershipProposal,
  OrgUnit,
  OrgUnitKind,
  Names,
  Page,
  CountedKeysetPage,
} from '../../api/contract.ts';

export type InstitutionQuery = {
  q?: string;
  country?: string;
  type?: string;
  district?: string;
  includePlaceholders?: 'true' | 'false';
  limit?: number;
  /** The nextCursor of the previous page. */
  cursor?: string;
};

export function listInstitutions(
  query: InstitutionQuery,
  signal?: AbortSignal,
): Promise<CountedKeysetPage<Institution>> {
  return apiRequest<CountedKeysetPage<Institution>>('/institutions', { query, signal });
}

/** Every institution matching `query`, 200 at a time (the API's largest page). */
async function everyInstitution(
  query: InstitutionQuery,
  signal?: AbortSignal,
): Promise<Institution[]> {
  const items: Institution[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= 100; page += 1) {
    const result = await listInstitutions({ ...query, limit: 200, cursor }, signal);
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

export function getInstitution(id: string, signal?: AbortSignal): Promise<InstitutionDetail> {
  return apiRequest<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, { signal });
}

/** The agreements the institution is party to today, directly or through a consortium. */
export function getInstitutionAgreements(
  id: string,
  signal?: AbortSignal,
): Promise<{ items: InstitutionAgreement[] }> {
  return apiRequest<{ items: InstitutionAgreement[] }>(
    `/institutions/${encodeURIComponent(id)}/agreements`,
    { signal },
  );
}

/**
 * The countries present in the registry, for the country filter. The API has no countries
 * endpoint, so this walks the list and collects the distinct codes.
 */
export async function listInstitutionCountries(signal?: AbortSignal): Promise<string[]> {
  const institutions = await everyInstitution({}, signal);
  return [...new Set(institutions.map((i) => i.country))].sort();
}

/** Every institution (for pickers). */
export function listAllInstitutions(
  options: { includePlaceholders?: boolean } = {},
  signal?: AbortSignal,
): Promise<Institution[]> {
  return everyInstitution(
    { includePlaceholders: options.includePlaceholders ? 'true' : undefined },
    signal,
  );
}

export function updateInstitution(
  id: string,
  patch: InstitutionPatch,
  csrfToken: string,
): Promise<InstitutionDetail> {
  return apiRequest<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: patch,
    csrfToken,
  });
}

export function listUnits(id: string, signal?: AbortSignal): Promise<{ items: OrgUnit[] }> {
  return apiRequest<{ items: OrgUnit[] }>(`/institutions/${encodeURIComponent(id)}/units`, {
    signal,
  });
}

export function addUnit(
  id: string,
  body: { kind: OrgUnitKind; name: string; names: Names },
  csrfToken: string,
): Promise<OrgUnit> {
  return apiRequest<OrgUnit>(`/institutions/${encodeURIComponent(id)}/units`, {
    method: 'POST',
    body,
    csrfToken,
  });
}

export function institutionsExportHref(format: 'csv' | 'xlsx'): string {
  return buildPath(`/export/institutions.${format}`);
}

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

export function listGroupings(signal?: AbortSignal): Promise<{ items: Grouping[] }> {
  return apiRequest<{ items: Grouping[] }>('/groupings', { signal });
}

export const TABULAR_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type TabularFormat = keyof typeof TABULAR_TYPES;

/** CSV or XLSX, by the file's name or else its type; null for anything else. */
export function tabularFormat(file: { name: string; type: string }): TabularFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === TABULAR_TYPES.csv) return 'csv';
  if (name.endsWith('.xlsx') || file.type === TABULAR_TYPES.xlsx) return 'xlsx';
  return null;
}

export type UploadProgress =
  { phase: 'uploading'; loaded: number; total: number | null } | { phase: 'processing' };

/**
 * Sends an institutions file as the raw request body. XMLHttpRequest rather than fetch, because
 * only it reports upload progress; once the bytes are sent, the server checks every row.
 */
export function importInstitutions(
  file: File,
  options: {
    dryRun: boolean;
    csrfToken: string;
    onProgress?: (progress: UploadProgress) => void;
    signal?: AbortSignal;
  },
): Promise<ImportResult> {
  const format = tabularFormat(file);
  return new Promise<ImportResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildPath('/import/institutions', { dryRun: String(options.dryRun) }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', TABULAR_TYPES[format ?? 'csv']);
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({
        phase: 'uploading',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : null,
      });
    };
    xhr.upload.onload = () => options.onProgress?.({ phase: 'processing' });
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else void readyApiError(xhr.status, xhr.statusText, body).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
