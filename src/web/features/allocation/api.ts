import { apiRequest } from '../../api/client.ts';

// The allocation runs API (server: src/server/routes/allocation-runs.ts). The shapes mirror
// src/domain/allocation/{types,feasibility,explain}.ts and docs/formats/allocation.md.

export const MECHANISMS = ['2s-ttc', 'optimal', 'serial-dictatorship'] as const;
export type Mechanism = (typeof MECHANISMS)[number];

export const HOWS = ['cycle', 'residue', 'serial', 'optimum', 'home', 'trimmed'] as const;
export type How = (typeof HOWS)[number];

export const REFUSALS = [
  'refused',
  'agreement-full',
  'agreement-months-full',
  'host-full',
  'home-export-full',
  'funder-cap',
  'balance',
  'not-chosen',
  'trimmed',
] as const;
export type Refusal = (typeof REFUSALS)[number];

export const BALANCE_SCOPES = ['university', 'consortium', 'side', 'agreement', 'none'] as const;
export type BalanceScope = (typeof BALANCE_SCOPES)[number];
export type BalanceUnit = 'students' | 'months';

export interface AllocationRules {
  balanceScope: BalanceScope;
  balanceUnit: BalanceUnit;
  tolerance: number;
  fundedMonthsCap: number | null;
  yenCap: number | null;
  stipendPerMonth: number;
}

export interface BalanceRow {
  unit: string;
  sent: number;
  received: number;
  net: number;
}

export interface AllocationSummary {
  placed: number;
  placedMonths: number;
  firstChoices: number;
  rankSum: number;
  fundedMonths: number;
  yen: number;
  balance: BalanceRow[];
  worstImbalance: number;
}

export interface StudentExplanation {
  student: string;
  home: string;
  host: string | null;
  choice: number | null;
  how: How;
  cycle: { index: number; trades: { student: string; from: string; to: string }[] } | null;
  better: { host: string; choice: number; reason: Refusal }[];
  text: string;
}

export interface MechanismResult {
  result: {
    format: string;
    mechanism: Mechanism;
    objective: string | null;
    assignments: { student: string; host: string }[];
    stats: {
      placed: number;
      placedMonths: number;
      seconds: number;
      solver?: string;
      proven?: boolean;
      objectiveValue?: number;
    };
  };
  summary: AllocationSummary;
  explanations: StudentExplanation[];
}

export interface AllocationRun {
  id: string;
  callId: string | null;
  createdAt: string;
  publishedMechanism: Mechanism | null;
  publishedAt: string | null;
  instance: { students: number; universities: number; agreements: number; rules: AllocationRules };
  results: Partial<Record<Mechanism, MechanismResult>>;
}

export interface AllocationRunSummary {
  id: string;
  callId: string | null;
  createdAt: string;
  publishedMechanism: Mechanism | null;
}

export function listAllocationRuns(signal?: AbortSignal) {
  return apiRequest<{ items: AllocationRunSummary[] }>('/allocation-runs', { signal });
}

export function getAllocationRun(id: string, signal?: AbortSignal) {
  return apiRequest<AllocationRun>(`/allocation-runs/${encodeURIComponent(id)}`, { signal });
}

/** Runs the three mechanisms on the instance; the server answers when all three are done. */
export function createAllocationRun(
  input: { instance: unknown; callId?: string | null },
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
export function publishAllocationRun(
  id: string,
  input: { mechanism: Mechanism; startDate: string },
  csrfToken: string,
) {
  return apiRequest<AllocationRun & { nominations: number }>(
    `/allocation-runs/${encodeURIComponent(id)}/publish`,
    { method: 'POST', body: input, csrfToken },
  );
}

/** A call's hand-off to the allocation engine (the calls area): the instance of its applicants. */
export function getCallAllocationInstance(callId: string, signal?: AbortSignal) {
  return apiRequest<unknown>(`/calls/${encodeURIComponent(callId)}/allocation-instance`, {
    signal,
  });
}
