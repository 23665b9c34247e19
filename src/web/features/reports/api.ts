/** Annual implementation reports (R20): the funder's table, a report, its writes and files. */
import type { z } from 'zod';
import type { ReportSchema, StatusTable } from '../../../server/routes/reports.schema.ts';
import { apiRequest } from '../../api/client.ts';

export type Report = z.infer<typeof ReportSchema>;
export type Statuses = z.infer<typeof StatusTable>;
export type Figures = Report['figures'];
export type SectionKey = keyof Report['narrative'];

const enc = encodeURIComponent;
const base = (projectId: string, fiscalYear: number) =>
  `/projects/${enc(projectId)}/reports/${fiscalYear}`;

export const listStatuses = (fiscalYear: number | null, signal?: AbortSignal) =>
  apiRequest<Statuses>('/implementation-reports/status', {
    signal,
    query: fiscalYear ? { fiscalYear: String(fiscalYear) } : {},
  });

export const getReport = (
  projectId: string,
  fiscalYear: number,
  version: number | null,
  signal?: AbortSignal,
) =>
  apiRequest<Report>(base(projectId, fiscalYear), {
    signal,
    query: version ? { version: String(version) } : {},
  });

export const setCutOff = (projectId: string, fiscalYear: number, cutOff: string, csrf: string) =>
  apiRequest<Report>(`${base(projectId, fiscalYear)}/cut-off`, {
    method: 'PUT',
    body: { cutOff },
    csrfToken: csrf,
  });

export const saveNarrative = (
  projectId: string,
  fiscalYear: number,
  narrative: Report['narrative'],
  csrf: string,
) =>
  apiRequest<Report>(`${base(projectId, fiscalYear)}/narrative`, {
    method: 'PUT',
    body: { narrative },
    csrfToken: csrf,
  });

export const transition = (
  projectId: string,
  fiscalYear: number,
  step: 'submit' | 'receive' | 'reopen',
  csrf: string,
  body?: { reason: string },
) =>
  apiRequest<Report>(`${base(projectId, fiscalYear)}/${step}`, {
    method: 'POST',
    ...(body ? { body } : {}),
    csrfToken: csrf,
  });

/** The address of the PDF or the workbook (a plain link: the browser downloads it). */
export const fileUrl = (
  projectId: string,
  fiscalYear: number,
  kind: 'pdf' | 'xlsx',
  lang: string,
  version: number | null,
) =>
  `/api/v1${base(projectId, fiscalYear)}/report.${kind}?lang=${enc(lang)}${version ? `&version=${version}` : ''}`;
