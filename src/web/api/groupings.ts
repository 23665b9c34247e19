import { apiRequest } from './client.ts';
import type { Grouping } from './contract.ts';

export function listGroupings(signal?: AbortSignal): Promise<{ items: Grouping[] }> {
  return apiRequest<{ items: Grouping[] }>('/groupings', { signal });
}
