import { apiErrorFrom, apiRequest, buildPath } from '../../api/client.ts';

// The money API (server: src/server/routes/payments.ts). Shapes mirror src/services/money/*.ts; no
// account number ever reaches these views.

export interface RuleRefusal {
  rule: string;
  code: string;
  message: string;
}

export interface YearFigures {
  fiscalYear: number;
  cap: number;
  committedMonths: number;
  confirmedMonths: number;
  inBatchMonths: number;
  paidMonths: number;
  remainingMonths: number;
  overBy: number;
  stipend: { committedJpy: number; confirmedJpy: number; inBatchJpy: number; paidJpy: number };
  travel: { committedJpy: number; paidJpy: number };
}

export interface ProgramBudget {
  programId: string;
  fiscalYear: number | null;
  fiscalYears: number[];
  capPerFiscalYear: number;
  monthlyStipendJpy: number | null;
  partialMonth: { kind: string; daysPerMonth?: number } | null;
  projects: {
    consortiumId: string;
    name: string;
    names: Record<string, string>;
    representativeId: string | null;
    mobilities: number;
    years: YearFigures[];
  }[];
  totals: YearFigures[];
}

export const getProgramBudget = (programId: string, signal?: AbortSignal) =>
  apiRequest<ProgramBudget>(`/programs/${encodeURIComponent(programId)}/budget`, { signal });

export const getConsortiumBudget = (consortiumId: string, signal?: AbortSignal) =>
  apiRequest<{ consortiumId: string; programs: ProgramBudget[] }>(
    `/consortia/${encodeURIComponent(consortiumId)}/budget`,
    { signal },
  );

export interface OverviewLine {
  month: string;
  fiscalYear: number;
  amountJpy: number;
  status: 'scheduled' | 'excluded';
  confirmed: boolean;
  payment: { batchId: string; batchStatus: string } | null;
  payable: boolean;
  rules: string[];
}

export interface OverviewMobility {
  mobilityId: string;
  studentName: string;
  homeId: string;
  hostId: string;
  hostCountry: string;
  status: string;
  stay: { start: string; end: string };
  hasBankAccount: boolean;
  dispatch: 'open' | 'postponed' | 'suspended';
  refusal: RuleRefusal | null;
  totalJpy: number;
  lines: OverviewLine[];
  travel: { fareJpy: number | null; status: string; payment: unknown } | null;
}

export interface PaymentsOverview {
  consortiumId: string;
  representativeId: string | null;
  asOf: string;
  mobilities: OverviewMobility[];
}

export const getPaymentsOverview = (consortiumId: string, signal?: AbortSignal) =>
  apiRequest<PaymentsOverview>(`/consortia/${encodeURIComponent(consortiumId)}/payments`, {
    signal,
  });

export interface BatchSummary {
  id: string;
  status: 'draft' | 'approved' | 'paid' | 'cancelled';
  transferDate: string | null;
  paidOn: string | null;
  createdAt: string;
  count: number;
  totalJpy: number;
}

export interface Batch extends BatchSummary {
  consortiumId: string;
  items: {
    id: string;
    mobilityId: string;
    studentName: string;
    kind: 'stipend' | 'travel';
    period: string;
    amountJpy: number;
    fiscalYear: number;
  }[];
  may: { approve: boolean; pay: boolean; cancel: boolean; export: boolean };
  created?: boolean;
  refused?: { mobilityId: string; kind: string; period: string; refusals: RuleRefusal[] }[];
}

export const listBatches = (consortiumId: string, signal?: AbortSignal) =>
  apiRequest<{ items: BatchSummary[] }>('/payment-batches', { query: { consortiumId }, signal });

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
  if (!response.ok) throw apiErrorFrom(response.status, response.statusText, body);
  return body as Batch;
}

export const approveBatch = (id: string, csrfToken: string) =>
  apiRequest<Batch>(`/payment-batches/${id}/approve`, { method: 'POST', csrfToken });

export const markBatchPaid = (id: string, csrfToken: string) =>
  apiRequest<Batch>(`/payment-batches/${id}/paid`, { method: 'POST', csrfToken, body: {} });

export const exportUrl = (id: string, format: 'zengin' | 'csv' | 'xlsx') =>
  buildPath(`/payment-batches/${id}/export.${format}`);

export const confirmMonth = (mobilityId: string, month: string, csrfToken: string) =>
  apiRequest<{ created: boolean }>(`/mobilities/${mobilityId}/enrolment-confirmations`, {
    method: 'POST',
    csrfToken,
    body: { month },
  });

export interface ScholarshipLine extends Omit<OverviewLine, 'rules'> {
  months: number;
  daysSupported: number;
  daysInMonth: number;
  note: RuleRefusal | null;
  refusals: RuleRefusal[];
}

export interface Scholarship {
  mobilityId: string;
  studentName: string;
  homeId: string;
  hostId: string;
  hostCountry: string;
  programId: string | null;
  stay: { start: string; end: string; months: number };
  supportPeriod: { start: string; end: string } | null;
  rules: {
    monthlyStipendJpy: number;
    partialMonth: { kind: string; daysPerMonth?: number };
    capPerFiscalYear: number;
  } | null;
  dispatch: 'open' | 'postponed' | 'suspended';
  schedule: {
    partialMonthRule: string;
    partialMonthRuleText: string;
    totalJpy: number;
    totalMonths: number;
    lines: ScholarshipLine[];
  } | null;
  refusal: RuleRefusal | null;
  may: { confirm: boolean; pay: boolean };
}

export const getScholarship = (id: string, signal?: AbortSignal) =>
  apiRequest<Scholarship>(`/mobilities/${id}/scholarship`, { signal });

export interface AirportView {
  iata: string | null;
  name: string;
  municipality: string;
  country: string;
  distanceFromInstitutionKm: number | null;
}

export interface Travel {
  mobilityId: string;
  homeAirport: AirportView | null;
  hostAirport: AirportView | null;
  nearest: { home: string | null; host: string | null };
  overridden: boolean;
  overrideReason: string | null;
  distanceKm: number | null;
  fareBand: { id: string; ceilingJpy: number } | null;
  erasmusBand: { id: string } | null;
  fareJpy: number | null;
  receiptRef: string | null;
  status: string;
  approvedAboveCeiling: boolean;
  fareCheck: { ok: true } | { ok: false; refusal: RuleRefusal } | null;
  source: { name: string; url: string; licence: string };
  may: { edit: boolean; approve: boolean };
  inBatch: boolean;
}

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

export interface Advisory {
  id: string;
  programId: string | null;
  country: string;
  level: 'postpone' | 'suspend';
  from: string;
  liftedOn: string | null;
  reason: string;
  inEffect: boolean;
}

export const listAdvisories = (programId: string, signal?: AbortSignal) =>
  apiRequest<{ items: Advisory[] }>('/advisories', { query: { programId }, signal });

export const recordAdvisory = (
  body: { programId: string; country: string; level: string; from: string; reason: string },
  csrfToken: string,
) => apiRequest<Advisory>('/advisories', { method: 'POST', csrfToken, body });

export const liftAdvisory = (id: string, csrfToken: string) =>
  apiRequest<Advisory>(`/advisories/${id}/lift`, { method: 'POST', csrfToken, body: {} });
