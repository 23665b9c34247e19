import { ApiError, apiRequest } from '../../api/client.ts';
import type {
  AllocationInstance,
  AllocationRun,
  CreateRunBody,
  Job,
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

/** Starts the three mechanisms in the background: the server answers at once with the job. */
export function startAllocationJob(
  input: { instance: unknown; callId?: CreateRunBody['callId'] },
  csrfToken: string,
  signal?: AbortSignal,
) {
  return apiRequest<Job>('/allocation-jobs', { method: 'POST', body: input, csrfToken, signal });
}

export function getAllocationJob(id: string, signal?: AbortSignal) {
  return apiRequest<Job>(`/allocation-jobs/${encodeURIComponent(id)}`, { signal });
}

/** The HTTP status a request would have had for each error code a job may end with. */
const STATUS_OF: Record<string, number> = {
  validation_failed: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rule_violation: 422,
  rate_limited: 429,
};

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason ?? new DOMException('aborted', 'AbortError'));
    });
  });

/**
 * Runs the three mechanisms as a job and follows it: `onProgress` with the mechanisms computed
 * so far; the new run's id once done, or the job's error as the request's error would have been.
 */
export async function runAllocationJob(
  input: { instance: unknown; callId?: CreateRunBody['callId'] },
  csrfToken: string,
  onProgress: (progress: Job['progress']) => void,
  signal?: AbortSignal,
): Promise<string> {
  let job = await startAllocationJob(input, csrfToken, signal);
  for (;;) {
    onProgress(job.progress);
    if (job.state === 'done' && job.resultId) return job.resultId;
    if (job.state === 'failed') {
      const error = job.error ?? { code: 'internal', message: 'the job failed', details: {} };
      throw new ApiError(STATUS_OF[error.code] ?? 500, error.code, error.message, error.details);
    }
    await pause(500, signal);
    job = await getAllocationJob(job.id, signal);
  }
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
