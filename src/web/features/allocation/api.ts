import { apiRequest } from '../../api/client.ts';
import type {
  AllocationInstance,
  AllocationRun,
  CreateRunBody,
  Mechanism,
  PublishBody,
  RunList,
} from '../../../server/routes/allocation-runs.schema.ts';

// The allocation runs API (server: src/server/routes/allocation-runs.ts); its types are the
// contract of allocation-runs.schema.ts.
export type {
  AllocationRules,
  AllocationRun,
  Explanation,
  Mechanism,
  MechanismResult,
  RunListItem,
  Summary,
} from '../../../server/routes/allocation-runs.schema.ts';

/** The mechanisms in the order the pages show them. */
export const MECHANISMS: readonly Mechanism[] = ['2s-ttc', 'optimal', 'serial-dictatorship'];

export function listAllocationRuns(signal?: AbortSignal) {
  return apiRequest<RunList>('/allocation-runs', { signal });
}

export function getAllocationRun(id: string, signal?: AbortSignal) {
  return apiRequest<AllocationRun>(`/allocation-runs/${encodeURIComponent(id)}`, { signal });
}

/** Runs the three mechanisms on the instance; the server answers when all three are done. */
export function createAllocationRun(
  input: { instance: unknown; callId?: CreateRunBody['callId'] },
  csrfToken: string,
  signal?: AbortSignal,
) {
  return apiRequest<AllocationRun>('/allocation-runs', {
    method: 'POST',
    body: input,
    csrfToken,
    signal,
  });
}

/** Publishes one mechanism's places: each becomes a nomination starting on `startDate`. */
export function publishAllocationRun(id: string, input: PublishBody, csrfToken: string) {
  return apiRequest<AllocationRun>(`/allocation-runs/${encodeURIComponent(id)}/publish`, {
    method: 'POST',
    body: input,
    csrfToken,
  });
}

/** A call's hand-off to the allocation engine (the calls area): the instance of its applicants. */
export function getCallAllocationInstance(callId: string, signal?: AbortSignal) {
  return apiRequest<AllocationInstance>(
    `/calls/${encodeURIComponent(callId)}/allocation-instance`,
    { signal },
  );
}
