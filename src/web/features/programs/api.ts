/** The programs area's API: funder programs as data, project applications and the review. */
import { API_BASE, apiRequest } from '../../api/client.ts';
import type {
  ApplicationContent,
  ApplicationSummary,
  ApplicationView,
  Check,
  Countdown,
  DatedChecksView,
  Program,
  ProgramDetail,
  RuleChange,
  SupportChange,
} from '../../../server/routes/programs.schema.ts';
import type { ProjectApplication } from '../../../domain/program/application.ts';
import type { ProgramRules } from '../../../domain/program/rules.ts';
import type { LocalizedText } from '../../../domain/shared/refusal.ts';

export type {
  ApplicationSummary,
  ApplicationView,
  Check,
  Countdown,
  DatedChecksView,
  LocalizedText,
  Program,
  ProgramDetail,
  ProgramRules,
  ProjectApplication,
  RuleChange,
};
export type Member = ProjectApplication['outline']['consortia']['home']['members'][number];
export type Level = ProgramRules['levels'][number];
export type SupportState = NonNullable<ApplicationView['support']>;

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

/** A page of the applications: searched by `q`, continuing after `cursor` (a nextCursor). */
export const listApplications = (
  signal?: AbortSignal,
  page: { q?: string; cursor?: string } = {},
) =>
  apiRequest<{ items: ApplicationSummary[]; nextCursor: string | null }>('/project-applications', {
    signal,
    query: { q: page.q || undefined, cursor: page.cursor },
  });

export const getApplication = (id: string, signal?: AbortSignal) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}`, { signal });

export const saveDraft = (id: string, content: ApplicationContent, csrfToken: string | null) =>
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

/** A dated re-check of a submitted application (its checks at submission stay as they were). */
export const recheckApplication = (id: string, csrfToken: string | null) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}/recheck`, {
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

export const changeSupport = (id: string, body: SupportChange, csrfToken: string | null) =>
  apiRequest<ApplicationView>(`/project-applications/${enc(id)}/support`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const dossierUrl = (id: string, lang: 'ja' | 'en') =>
  `${API_BASE}/project-applications/${enc(id)}/dossier.pdf?lang=${lang}`;
