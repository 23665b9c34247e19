/**
 * Publications as the research area holds them: bibliographic data read from the files people
 * already have (BibTeX, RIS, CSL-JSON, Crossref and OpenAlex JSON), with authors in order, their
 * affiliations matched to registry institutions where the text allows, and themes as slugs.
 */
import type { MessageParams } from '../shared/refusal.ts';

export const SOURCE_FORMATS = ['bibtex', 'ris', 'csl-json', 'crossref', 'openalex'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

export const PUBLICATION_TYPES = [
  'article',
  'conference-paper',
  'book',
  'chapter',
  'thesis',
  'report',
  'dataset',
  'other',
] as const;
export type PublicationType = (typeof PUBLICATION_TYPES)[number];

/** The themes of the Tsukuba–Grenoble partnership (004), the first the product knows by name. */
export const KNOWN_THEMES = [
  'smart-cities',
  'art-and-architecture',
  'chemistry-and-physics',
  'energy',
  'risk-and-resilience',
] as const;

export interface PublicationAuthor {
  name: string;
  orcid?: string | null;
  affiliation?: string | null;
  /** ROR ids the source gives for the affiliation (Crossref, OpenAlex), bare. */
  rors?: string[];
  matchedInstitutionId?: string | null;
}

/** One entry read from a file, before it is checked. */
export interface RawEntry {
  /** The line of the file the entry starts on (1 = first). */
  line: number;
  key?: string | null;
  title?: string | null;
  /** The year as written (checked later). */
  year?: string | number | null;
  doi?: string | null;
  venue?: string | null;
  type?: string | null;
  authors: PublicationAuthor[];
  keywords: string[];
  note?: string | null;
}

/** One entry that reads well. */
export interface ParsedPublication {
  line: number;
  doi: string | null;
  title: string;
  year: number;
  venue: string | null;
  type: PublicationType;
  authors: PublicationAuthor[];
  themes: string[];
  /** Marked `invented` in its note (the demo world's made-up records). */
  invented: boolean;
}

/** One entry that does not: its line and why (a `research.*` code with params). */
export interface BrokenEntry {
  line: number;
  code: string;
  params: MessageParams;
  title?: string | null;
}

export interface ParseResult {
  format: SourceFormat;
  entries: RawEntry[];
  /** Entries that could not be read at all (syntax). */
  broken: BrokenEntry[];
}

/** A theme's key: lower-case ASCII words joined by hyphens (`Smart cities` → `smart-cities`). */
export function themeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}

/** A title as compared for duplicates: letters and digits only, without accents or case. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The key two records of the same work share: the DOI, else the title and year. */
export function dedupeKey(p: { doi: string | null; title: string; year: number }): string {
  return p.doi ? `doi:${p.doi}` : `title:${normaliseTitle(p.title)}|${p.year}`;
}

/** The type a source's word names (BibTeX entry types, RIS TY, CSL, Crossref, OpenAlex). */
export function publicationType(raw: string | null | undefined): PublicationType {
  const t = (raw ?? '').toLowerCase().trim();
  if (['article', 'jour', 'ejour', 'article-journal', 'journal-article', 'review'].includes(t))
    return 'article';
  if (
    [
      'inproceedings',
      'conference',
      'conf',
      'cpaper',
      'paper-conference',
      'proceedings-article',
    ].includes(t)
  )
    return 'conference-paper';
  if (['book', 'monograph', 'edited-book', 'edbook', 'proceedings'].includes(t)) return 'book';
  if (['incollection', 'inbook', 'chap', 'chapter', 'book-chapter', 'book-section'].includes(t))
    return 'chapter';
  if (['phdthesis', 'mastersthesis', 'thes', 'thesis', 'dissertation'].includes(t)) return 'thesis';
  if (['techreport', 'rprt', 'report'].includes(t)) return 'report';
  if (['dataset', 'data'].includes(t)) return 'dataset';
  return 'other';
}

const SPACES = /\s+/g;
const clean = (s: string | null | undefined) => (s ?? '').replace(SPACES, ' ').trim();

/** A person's name written `Family, Given` becomes `Given Family`; other forms stay. */
export function displayName(name: string): string {
  const n = clean(name);
  const parts = n.split(',').map((p) => p.trim());
  if (parts.length === 2 && parts[0] && parts[1]) return `${parts[1]} ${parts[0]}`;
  return n;
}

/** The line (1 = first) of each offset of a text, by binary search over its line starts. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
