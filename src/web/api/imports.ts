import { apiErrorFrom, ApiError, buildPath } from './client.ts';
import type { ImportResult } from './contract.ts';

export const TABULAR_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type TabularFormat = keyof typeof TABULAR_TYPES;

/** CSV or XLSX, by the file's name or else its type; null for anything else. */
export function tabularFormat(file: { name: string; type: string }): TabularFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv') || file.type === TABULAR_TYPES.csv) return 'csv';
  if (name.endsWith('.xlsx') || file.type === TABULAR_TYPES.xlsx) return 'xlsx';
  return null;
}

export type UploadProgress =
  { phase: 'uploading'; loaded: number; total: number | null } | { phase: 'processing' };

/**
 * Sends an institutions file as the raw request body. XMLHttpRequest rather than fetch, because
 * only it reports upload progress; once the bytes are sent, the server checks every row.
 */
export function importInstitutions(
  file: File,
  options: {
    dryRun: boolean;
    csrfToken: string;
    onProgress?: (progress: UploadProgress) => void;
    signal?: AbortSignal;
  },
): Promise<ImportResult> {
  const format = tabularFormat(file);
  return new Promise<ImportResult>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', buildPath('/import/institutions', { dryRun: String(options.dryRun) }));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', TABULAR_TYPES[format ?? 'csv']);
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({
        phase: 'uploading',
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : null,
      });
    };
    xhr.upload.onload = () => options.onProgress?.({ phase: 'processing' });
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as ImportResult);
      else reject(apiErrorFrom(xhr.status, xhr.statusText, body));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
