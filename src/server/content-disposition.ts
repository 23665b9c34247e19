/**
 * A Content-Disposition header for any file name: an ASCII fallback `filename` (other characters
 * become `_`) and the exact name as RFC 5987 `filename*`, so that a Japanese or Russian name never
 * puts a character HTTP headers cannot carry.
 */
export function contentDisposition(
  filename: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
