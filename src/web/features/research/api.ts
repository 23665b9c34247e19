/** Publications, their imports and identifier lookups. */
import type { z } from 'zod';
import type {
  IdentifierLookup,
  ImportBatch,
  PublicationList,
} from '../../../server/routes/research.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type { ImportBatch, PublicationList };
export type Lookup = z.infer<typeof IdentifierLookup>;
export type PublicationItem = PublicationList['items'][number];

const enc = encodeURIComponent;

export interface PublicationFilter {
  q?: string;
  year?: string;
  theme?: string;
  institution?: string;
}

export const listPublications = (filter: PublicationFilter, signal?: AbortSignal) =>
  apiRequest<PublicationList>('/publications', {
    signal,
    query: Object.fromEntries(Object.entries(filter).filter(([, v]) => v)) as Record<
      string,
      string
    >,
  });

export const previewImport = (
  body: { institutionId: string; fileName: string; content: string },
  csrfToken: string,
) => apiRequest<ImportBatch>('/publication-imports', { method: 'POST', body, csrfToken });

export const confirmImport = (id: string, csrfToken: string) =>
  apiRequest<ImportBatch>(`/publication-imports/${enc(id)}/confirm`, {
    method: 'POST',
    csrfToken,
  });

export const discardImport = (id: string, csrfToken: string) =>
  apiRequest<ImportBatch>(`/publication-imports/${enc(id)}/discard`, {
    method: 'POST',
    csrfToken,
  });

export const lookupIdentifier = (value: string, signal?: AbortSignal) =>
  apiRequest<Lookup>(`/identifiers/${enc(value)}`, { signal });

export const getMyOrcid = (signal?: AbortSignal) =>
  apiRequest<{ orcid: string | null }>('/me/orcid', { signal });

export const saveMyOrcid = (orcid: string | null, csrfToken: string) =>
  apiRequest<{ orcid: string | null }>('/me/orcid', {
    method: 'PUT',
    body: { orcid },
    csrfToken,
  });
