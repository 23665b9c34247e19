/** The calls area's API: catalogue, student portal, screening and notifications. */
import { API_BASE, apiErrorFrom, readyApiError, apiRequest } from '../../api/client.ts';
import type { z } from 'zod';
import type {
  ApplicationView,
  CallBody,
  CallDetail as CallDetailSchema,
  CallView,
  DocumentView,
  ProfileBody,
  ProfileView,
  MyReviewListT,
  RankingView,
  ReviewResult,
  StaffApplicationView,
} from '../../../server/routes/calls.schema.ts';

export type Call = z.infer<typeof CallView>;
export type CallDetail = z.infer<typeof CallDetailSchema>;
export type Application = z.infer<typeof ApplicationView>;
export type StaffApplication = z.infer<typeof StaffApplicationView>;
export type Ranking = z.infer<typeof RankingView>;
export type Profile = z.infer<typeof ProfileView>;
export type UploadedDocument = z.infer<typeof DocumentView>;
/** The content of a call as its managers write it (POST and PUT /calls). */
export type CallContent = z.input<typeof CallBody>;
export type ProfileEdit = z.input<typeof ProfileBody>;

export const CALENDAR_URL = `${API_BASE}/calls.ics`;

export const listCalls = (status: 'open' | 'all', signal?: AbortSignal) =>
  apiRequest<{ items: Call[] }>('/calls', { query: { status }, signal });

export const getCall = (id: string, signal?: AbortSignal) =>
  apiRequest<CallDetail>(`/calls/${encodeURIComponent(id)}`, { signal });

export const apply = (
  id: string,
  body: { ranking: string[]; requestedMonths: number },
  csrfToken: string | null,
) =>
  apiRequest<Application>(`/calls/${encodeURIComponent(id)}/applications`, {
    method: 'POST',
    body,
    csrfToken,
  });

export const myApplications = (signal?: AbortSignal) =>
  apiRequest<{ items: Application[] }>('/me/applications', { signal });

export const myProfile = (signal?: AbortSignal) =>
  apiRequest<Profile>('/me/student-profile', { signal });

export const withdraw = (id: string, csrfToken: string | null) =>
  apiRequest<Application>(`/call-applications/${encodeURIComponent(id)}/withdraw`, {
    method: 'POST',
    csrfToken,
  });

/** A page of a call's applicants: searched by `q`, continuing after `cursor` (a nextCursor). */
export const callApplicants = (
  id: string,
  signal?: AbortSignal,
  page: { q?: string; cursor?: string } = {},
) =>
  apiRequest<{ items: StaffApplication[]; nextCursor: string | null }>(
    `/calls/${encodeURIComponent(id)}/applications`,
    { signal, query: { q: page.q || undefined, cursor: page.cursor } },
  );

export const getRanking = (id: string, signal?: AbortSignal) =>
  apiRequest<Ranking>(`/calls/${encodeURIComponent(id)}/ranking`, { signal });

/** The signed-in reviewer's own scores of the call's applicants (to fill the forms in again). */
export const myReviews = (id: string, signal?: AbortSignal) =>
  apiRequest<MyReviewListT>(`/calls/${encodeURIComponent(id)}/my-reviews`, { signal });

export type MyReview = MyReviewListT['items'][number];

export const submitReview = (
  applicationId: string,
  scores: Record<string, number>,
  csrfToken: string | null,
) =>
  apiRequest<z.infer<typeof ReviewResult>>(
    `/call-applications/${encodeURIComponent(applicationId)}/reviews`,
    {
      method: 'POST',
      body: { scores },
      csrfToken,
    },
  );

export const documentUrl = (applicationId: string, documentId: string) =>
  `${API_BASE}/call-applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(documentId)}`;

/**
 * Uploads a file as the raw request body, reporting progress (fetch cannot report upload
 * progress, XMLHttpRequest can).
 */
export function uploadDocument(
  applicationId: string,
  kind: string,
  file: File,
  csrfToken: string | null,
  onProgress: (fraction: number) => void,
): Promise<UploadedDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ kind, filename: file.name });
    xhr.open(
      'POST',
      `${API_BASE}/call-applications/${encodeURIComponent(applicationId)}/documents?${query}`,
    );
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(apiErrorFrom(0, 'network error', undefined));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as UploadedDocument);
      } else void readyApiError(xhr.status, xhr.statusText, body).then(reject);
    };
    xhr.send(file);
  });
}

export const createCall = (id: string, content: CallContent, csrfToken: string | null) =>
  apiRequest<CallDetail>('/calls', { method: 'POST', body: { id, content }, csrfToken });

export const updateCall = (id: string, content: CallContent, csrfToken: string | null) =>
  apiRequest<CallDetail>(`/calls/${encodeURIComponent(id)}`, {
    method: 'PUT',
    body: content,
    csrfToken,
  });

export type ProgramSummary = {
  id: string;
  name: string;
  names: Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;
};
export const listPrograms = (signal?: AbortSignal) =>
  apiRequest<{ items: ProgramSummary[] }>('/programs', { signal });

export const updateProfile = (body: ProfileEdit, csrfToken: string | null) =>
  apiRequest<Profile>('/me/student-profile', { method: 'PUT', body, csrfToken });

/** The calls the signed-in person may hand to allocation (their managers and allocators). */
export const listAllocatableCalls = (signal?: AbortSignal) =>
  apiRequest<{ items: Call[] }>('/calls', {
    query: { status: 'all', allocatable: 'true' },
    signal,
  });
