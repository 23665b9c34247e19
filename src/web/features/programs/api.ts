/** The programs area's API: funder programs as data, project applications and the review. */
import { API_BASE, apiRequest } from '../../api/client.ts';
import type { ProjectApplication } from '../../../domain/program/application.ts';
import type { CheckResult, SupportPeriod, SupportState } from '../../../domain/program/checks.ts';
import type { LocalizedText, ProgramRules } from '../../../domain/program/rules.ts';

export type { CheckResult, LocalizedText, ProgramRules, ProjectApplication, SupportState };
export type Member = ProjectApplication['outline']['consortia']['home']['members'][number];
export type Level = ProgramRules['levels'][number];

/** R18: the countdown to the deadline, as the server computes it. */
export type Countdown = {
  closesAt: string;
  outcomeBy: string;
  passed: boolean;
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

export type Program = {
  id: string;
  name: string;
  names: Record<string, string> | null;
  funderId: string;
  version: number | null;
  rules: ProgramRules | null;
  countdown: Countdown | null;
};

export type ProgramDetail = Program & {
  versions: { version: number; createdBy: string | null; createdAt: string }[];
};

export type YearBudget = {
  year: number;
  fiscalYear: number | undefined;
  students: number;
  studentMonths: number;
  scholarshipYen: number;
  capStudentMonths: number;
  capYen: number;
  withinCap: boolean;
};

export type ApplicationView = {
  id: string;
  programId: string;
  status: ProjectApplication['status'];
  title: LocalizedText;
  homeConsortiumId: string | null;
  partnerConsortiumId: string | null;
  representativeId: string | null;
  responsibleUserId: string | null;
  submittedAt: string | null;
  outcome: string | null;
  outcomeOn: string | null;
  invented: boolean;
  content: ProjectApplication;
  checks: CheckResult[];
  budget: { years: YearBudget[]; totalYen: number; monthlyStipendYen: number } | null;
  countdown: Countdown | null;
  support: SupportState | null;
  supportPeriod: SupportPeriod | null;
  may: { edit: boolean; submit: boolean; review: boolean };
};

export type ApplicationSummary = Omit<ApplicationView, 'content'> & { checksFailed: number };

/** A refusal of a submission (422 details.refusals). */
export type Refusal = { rule: string; code: string; message: string; fix?: string };

const enc = encodeURIComponent;

export const listPrograms = (signal?: AbortSignal) =>
  apiRequest<{ items: Program[] }>('/programs', { signal });

export const getProgram = (id: string, signal?: AbortSignal) =>
  apiRequest<ProgramDetail>(`/programs/${enc(id)}`, { signal });

export const updateRules = (id: string, rules: ProgramRules, csrfToken: string | null) =>
  apiRequest<ProgramDetail>(`/programs/${enc(id)}/rules`, {
    method: 'PUT',
    body: rules,
    csrfToken,
  });

export const listApplications = (signal?: AbortSignal) =>
  apiRequest<{ items: ApplicationSummary[] }>('/project-applications', { signal });

export const getApplication = (id: string, signal?: AbortSignal) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}`, { signal });

export const saveDraft = (id: string, content: ProjectApplication, csrfToken: string | null) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}`, {
    method: 'PUT',
    body: { content },
    csrfToken,
  });

export const submitApplication = (id: string, csrfToken: string | null) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}/submit`, {
    method: 'POST',
    csrfToken,
  });

export const recordOutcome = (
  id: string,
  body: { outcome: 'selected' | 'not-selected'; on: string },
  csrfToken: string | null,
) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}/outcome`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const changeSupport = (
  id: string,
  body: { type: 'suspend' | 'reinstate' | 'end'; on: string; reason?: string },
  csrfToken: string | null,
) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}/support`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const dossierUrl = (id: string, lang: 'ja' | 'en') =>
  `${API_BASE}/project-applications/${enc(id)}/dossier.pdf?lang=${lang}`;

/** The refusals of a 422 submission, if that is what the error is. */
export function refusalsOf(error: unknown): Refusal[] {
  const details = (error as { details?: unknown } | null)?.details;
  if (typeof details !== 'object' || details === null) return [];
  const refusals = (details as { refusals?: unknown }).refusals;
  return Array.isArray(refusals) ? (refusals as Refusal[]) : [];
}
