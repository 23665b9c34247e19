/**
 * Links and files of an event (online sessions, materials, videos): only http(s) URLs; a file
 * (a URL whose last part has an extension) only of an allowed type.
 */
import { refusal, type Refusal } from '../shared/refusal.ts';
import { EVENT_CODES } from './refusal-codes.ts';

/** The file types accepted as materials: documents, slides, spreadsheets, images, audio, video. */
export const ALLOWED_FILE_TYPES = [
  'pdf',
  'doc',
  'docx',
  'odt',
  'ppt',
  'pptx',
  'odp',
  'xls',
  'xlsx',
  'ods',
  'txt',
  'png',
  'jpg',
  'jpeg',
  'mp3',
  'mp4',
  'webm',
] as const;

/** The refusal of a link that is not http(s), naming `field`; null when it is one. */
export function linkProblem(url: string, field: string): Refusal | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refusal(EVENT_CODES.linkNotHttp, { url }, { field });
  }
  if ((parsed.protocol !== 'http:' && parsed.protocol !== 'https:') || !parsed.hostname)
    return refusal(EVENT_CODES.linkNotHttp, { url }, { field });
  return null;
}

/**
 * The refusal of a materials link: not http(s), or a file of a type not allowed (a web page, a
 * path without an extension, is accepted); null when it is sound.
 */
export function fileLinkProblem(url: string, field: string): Refusal | null {
  const link = linkProblem(url, field);
  if (link) return link;
  const last = new URL(url).pathname.split('/').at(-1) ?? '';
  const dot = last.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = last.slice(dot + 1).toLowerCase();
  if (/^html?$|^php$|^aspx?$/.test(extension)) return null;
  return (ALLOWED_FILE_TYPES as readonly string[]).includes(extension)
    ? null
    : refusal(
        EVENT_CODES.fileTypeNotAllowed,
        { extension, allowed: [...ALLOWED_FILE_TYPES] },
        { field },
      );
}
