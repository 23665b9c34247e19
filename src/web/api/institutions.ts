import { ApiError, apiRequest } from './client.ts';
import type { Institution, InstitutionDetail, Page } from './types.ts';

export type InstitutionQuery = {
  q?: string;
  country?: string;
  type?: string;
  district?: string;
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
