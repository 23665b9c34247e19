import i18next from 'i18next';
import type { ErrorBody as ApiErrorBody, FieldIssue } from '../lib/api-types.ts';
import { errorText, issueText, refusalTextsReady, type ErrorDetails } from '../lib/messages.ts';

/**
 * The one place an HTTP failure becomes an error the UI can show. Its `message` is written from
 * the code and details in the reader's current language; the server's English words stay in
 * `serverMessage`, for the console only.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ErrorDetails | undefined;
  readonly serverMessage: string;

  constructor(status: number, code: string, serverMessage: string, details?: unknown) {
    super();
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.serverMessage = serverMessage;
    this.details =
      typeof details === 'object' && details !== null ? (details as ErrorDetails) : undefined;
    Object.defineProperty(this, 'message', {
      get: () => errorText(i18next.t, this.code, this.details),
      enumerable: false,
      configurable: true,
    });
  }
}

export const API_BASE = '/api/v1';

type Query = Record<string, string | number | undefined | null>;

export function buildPath(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  if (status >= 500) return 'internal';
  return 'http_error';
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  csrfToken?: string | null;
  signal?: AbortSignal;
};

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.csrfToken) headers['x-csrf-token'] = options.csrfToken;

  let response: Response;
  try {
    response = await fetch(buildPath(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }

  if (response.status === 204) return undefined as T;

  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }

  if (!response.ok) throw await readyApiError(response.status, response.statusText, body);
  return body as T;
}

/** The ApiError for a failed response, from its JSON error body when it has one. */
export function apiErrorFrom(status: number, statusText: string, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.details);
  }
  return new ApiError(status, codeForStatus(status), statusText || `HTTP ${status}`);
}

/**
 * The ApiError for a failed response, settled once the texts of its refusals and field problems
 * are here: its words are read when it shows, so they come with the error, not a moment after it.
 */
export async function readyApiError(
  status: number,
  statusText: string,
  body: unknown,
): Promise<ApiError> {
  const error = apiErrorFrom(status, statusText, body);
  if (error.details?.refusals || error.details?.issues) await refusalTextsReady();
  return error;
}

/** The field-level problems of a 400, each in words of the reader's language. */
export function fieldIssues(error: unknown): { field: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details?.issues)) return [];
  return (error.details.issues as FieldIssue[]).flatMap((issue) =>
    typeof issue?.field === 'string'
      ? [{ field: issue.field, message: issueText(i18next.t, issue) }]
      : [],
  );
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
