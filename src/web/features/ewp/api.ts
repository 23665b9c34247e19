/** EWP files: downloads of our records as XML, and a partner's file imported through a preview. */
import type { z } from 'zod';
import type { ImportPreview } from '../../../server/routes/ewp.schema.ts';
import { API_BASE, ApiError, readyApiError, apiRequest } from '../../api/client.ts';

export type EwpImport = z.infer<typeof ImportPreview>;

const enc = encodeURIComponent;

/** The file name the server gives in its Content-Disposition header, or the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Fetches an EWP file and hands it to the browser as a download. A refusal (422 naming the
 * missing fields, 403, 404) is thrown as an ApiError, to be shown instead of a broken file.
 */
export async function downloadEwpXml(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      headers: { accept: 'application/xml, application/json' },
      credentials: 'same-origin',
    });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw await readyApiError(response.status, response.statusText, body);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export const previewEwpImport = (body: { fileName: string; content: string }, csrfToken: string) =>
  apiRequest<EwpImport>('/ewp/imports', { method: 'POST', body, csrfToken });

export const confirmEwpImport = (id: string, csrfToken: string) =>
  apiRequest<EwpImport>(`/ewp/imports/${enc(id)}/confirm`, { method: 'POST', csrfToken });

export const discardEwpImport = (id: string, csrfToken: string) =>
  apiRequest<EwpImport>(`/ewp/imports/${enc(id)}/discard`, { method: 'POST', csrfToken });
