import { ApiError, apiRequest, buildPath } from './client.ts';
import type {
  Institution,
  InstitutionDetail,
  InstitutionPatch,
  OrgUnit,
  OrgUnitKind,
  Names,
  Page,
} from './contract.ts';

export type InstitutionQuery = {
  q?: string;
  country?: string;
  type?: string;
  district?: string;
  includePlaceholders?: 'true' | 'false';
  page?: number;
  pageSize?: number;
};

export function listInstitutions(
  query: InstitutionQuery,
  signal?: AbortSignal,
): Promise<Page<Institution>> {
  return apiRequest<Page<Institution>>('/institutions', { query, signal });
}

export function getInstitution(id: string, signal?: AbortSignal): Promise<InstitutionDetail> {
  return apiRequest<InstitutionDetail>(`/institutions/${encodeURIComponent(id)}`, { signal });
}

/**
 * The countries present in the registry, for the country filter. The API has no countries
 * endpoint, so this walks the list (a few pages at most) and collects the distinct codes.
 */
export async function listInstitutionCountries(signal?: AbortSignal): Promise<string[]> {
  const countries = new Set<string>();
  let pageSize: number | undefined = 100;
  for (let page = 1; page <= 50; page += 1) {
    let result: Page<Institution>;
    try {
      result = await listInstitutions({ page, pageSize }, signal);
    } catch (error) {
      // A server with a smaller page-size cap answers 400: fall back to its default page size.
      if (
        page === 1 &&
        pageSize !== undefined &&
        error instanceof ApiError &&
        error.status === 400
      ) {
        pageSize = undefined;
        page = 0;
        continue;
      }
      throw error;
    }
    for (const item of result.items) countries.add(item.country);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return [...countries].sort();
}

/** Every institution (for pickers), a page of 100 at a time. */
export async function listAllInstitutions(
  options: { includePlaceholders?: boolean } = {},
  signal?: AbortSignal,
): Promise<Institution[]> {
  const items: Institution[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const result = await listInstitutions(
      {
        page,
        pageSize: 100,
        includePlaceholders: options.includePlaceholders ? 'true' : undefined,
      },
      signal,
    );
    items.push(...result.items);
    if (result.items.length === 0 || page * result.pageSize >= result.total) break;
  }
  return items;
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
