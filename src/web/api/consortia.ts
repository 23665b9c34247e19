import { apiRequest } from './client.ts';
import type { ConsortiumDetail, ConsortiumSummary, Page } from './types.ts';

export type ConsortiumQuery = {
  q?: string;
  page?: number;
  pageSize?: number;
};

export function listConsortia(
  query: ConsortiumQuery,
  signal?: AbortSignal,
): Promise<Page<ConsortiumSummary>> {
  return apiRequest<Page<ConsortiumSummary>>('/consortia', { query, signal });
}

export function getConsortium(id: string, signal?: AbortSignal): Promise<ConsortiumDetail> {
  return apiRequest<ConsortiumDetail>(`/consortia/${encodeURIComponent(id)}`, { signal });
}
