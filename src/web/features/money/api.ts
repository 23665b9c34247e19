import type { z } from 'zod';
import { readyApiError, apiRequest, buildPath } from '../../api/client.ts';
import type {
  AdvisoryListView,
  AdvisoryView,
  BatchListView,
  BatchView,
  ConfirmationView,
  ConsortiumBudgetView,
  CreatedBatchView,
  PaymentsOverviewView,
  ProgramBudgetView,
  ScholarshipView,
  TravelView,
} from '../../../server/routes/money.schema.ts';

// The money API (server: src/server/routes/money.ts); every shape is the server's contract,
// inferred from money.schema.ts. No account number ever reaches these views.

export type ProgramBudget = z.infer<typeof ProgramBudgetView>;
export type YearFigures = ProgramBudget['totals'][number];
export type PaymentsOverview = z.infer<typeof PaymentsOverviewView>;
export type OverviewMobility = PaymentsOverview['mobilities'][number];
export type BatchSummary = z.infer<typeof BatchListView>['items'][number];
export type Batch = z.infer<typeof BatchView> &
  Partial<Pick<z.infer<typeof CreatedBatchView>, 'created' | 'refused'>>;
export type Scholarship = z.infer<typeof ScholarshipView>;
export type ScholarshipLine = NonNullable<Scholarship['schedule']>['lines'][number];
export type Travel = z.infer<typeof TravelView>;
export type Advisory = z.infer<typeof AdvisoryView>;
export type AdvisoryList = z.infer<typeof AdvisoryListView>;

export const getProgramBudget = (programId: string, signal?: AbortSignal) =>
  apiRequest<ProgramBudget>(`/programs/${encodeURIComponent(programId)}/budget`, { signal });

export const getConsortiumBudget = (consortiumId: string, signal?: AbortSignal) =>
  apiRequest<z.infer<typeof ConsortiumBudgetView>>(
    `/consortia/${encodeURIComponent(consortiumId)}/budget`,
    { signal },
  );

/** A page of the payments desk, continuing after `cursor` (a previous nextCursor). */
export const getPaymentsOverview = (consortiumId: string, signal?: AbortSignal, cursor?: string) =>
  apiRequest<PaymentsOverview>(`/consortia/${encodeURIComponent(consortiumId)}/payments`, {
    query: { cursor },
    signal,
  });

/** A page of a consortium's batches, newest first, continuing after `cursor` (a nextCursor). */
export const listBatches = (consortiumId: string, signal?: AbortSignal, cursor?: string) =>
  apiRequest<z.infer<typeof BatchListView>>('/payment-batches', {
    query: { consortiumId, cursor },
    signal,
  });

export const getBatch = (id: string, signal?: AbortSignal) =>
  apiRequest<Batch>(`/payment-batches/${id}`, { signal });

/** Builds a batch of every payable month and trip; the key makes a retried click harmless. */
export async function createBatch(
  consortiumId: string,
  idempotencyKey: string,
  csrfToken: string,
): Promise<Batch> {
  const response = await fetch(buildPath('/payment-batches'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'content-type': 'application/json',
      'x-csrf-token': csrfToken,
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify({ consortiumId }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw await readyApiError(response.status, response.statusText, body);
  return body as Batch;
}

export const approveBatch = (id: string, csrfToken: string) =>
  apiRequest<Batch>(`/payment-batches/${id}/approve`, { method: 'POST', csrfToken });

export const markBatchPaid = (id: string, csrfToken: string) =>
  apiRequest<Batch>(`/payment-batches/${id}/paid`, { method: 'POST', csrfToken, body: {} });

export const exportUrl = (id: string, format: 'zengin' | 'csv' | 'xlsx') =>
  buildPath(`/payment-batches/${id}/export.${format}`);

export const confirmMonth = (mobilityId: string, month: string, csrfToken: string) =>
  apiRequest<z.infer<typeof ConfirmationView>>(
    `/mobilities/${mobilityId}/enrolment-confirmations`,
    {
      method: 'POST',
      csrfToken,
      body: { month },
    },
  );

export const getScholarship = (id: string, signal?: AbortSignal) =>
  apiRequest<Scholarship>(`/mobilities/${id}/scholarship`, { signal });

export const getTravel = (id: string, signal?: AbortSignal) =>
  apiRequest<Travel>(`/mobilities/${id}/travel`, { signal });

export const setAirports = (
  id: string,
  body: { homeAirport?: string; hostAirport?: string; reason?: string },
  csrfToken: string,
) => apiRequest<Travel>(`/mobilities/${id}/travel/airports`, { method: 'PUT', csrfToken, body });

export const quoteFare = (
  id: string,
  body: { amountJpy: number; receiptRef?: string | null },
  csrfToken: string,
) => apiRequest<Travel>(`/mobilities/${id}/travel/fare`, { method: 'PUT', csrfToken, body });

export const approveFare = (id: string, reason: string, csrfToken: string) =>
  apiRequest<Travel>(`/mobilities/${id}/travel/approve-fare`, {
    method: 'POST',
    csrfToken,
    body: { reason },
  });

export const listAdvisories = (programId: string, signal?: AbortSignal) =>
  apiRequest<AdvisoryList>('/advisories', { query: { programId }, signal });

export const recordAdvisory = (
  body: {
    programId: string;
    country: string;
    level: string;
    from: string;
    until?: string | undefined;
    reason: string;
  },
  csrfToken: string,
) => apiRequest<Advisory>('/advisories', { method: 'POST', csrfToken, body });

/** Lifts an advisory on a day (on or after its first day; on it, the advisory held nothing). */
export const liftAdvisory = (id: string, on: string, csrfToken: string) =>
  apiRequest<Advisory>(`/advisories/${id}/lift`, { method: 'POST', csrfToken, body: { on } });

/** R19: the funder officer's decision, with a reason, that an advisory no longer holds a stay. */
export const overrideAdvisory = (
  id: string,
  body: { mobilityId: string; reason: string },
  csrfToken: string,
) => apiRequest<Advisory>(`/advisories/${id}/overrides`, { method: 'POST', csrfToken, body });
