/**
 * From entries read to a preview: each entry is checked (title, year, DOI, ORCID iDs, authors),
 * then sorted into the three groups an import shows before anything is written: good entries,
 * duplicates (of a record already held or of an earlier entry of the same file) and broken ones,
 * each with its line.
 */
import { parseDoi, parseOrcid } from '../registry/identifiers.ts';
import { RESEARCH_CODES } from './refusal-codes.ts';
import {
  dedupeKey,
  publicationType,
  themeKey,
  type BrokenEntry,
  type ParsedPublication,
  type PublicationAuthor,
  type RawEntry,
} from './publication.ts';

const clean = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** One entry checked: the publication, or why it is broken. */
export function checkEntry(raw: RawEntry): ParsedPublication | BrokenEntry {
  const title = clean(raw.title);
  const broken = (code: string, params: BrokenEntry['params'] = {}): BrokenEntry => ({
    line: raw.line,
    code,
    params,
    title: title || null,
  });
  if (!title) return broken(RESEARCH_CODES.noTitle);
  const yearText = clean(raw.year == null ? '' : String(raw.year));
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!yearText) return broken(RESEARCH_CODES.noYear, { value: '' });
  if (!(year >= 1000 && year <= 2999)) return broken(RESEARCH_CODES.noYear, { value: yearText });
  let doi: string | null = null;
  if (clean(raw.doi)) {
    doi = parseDoi(clean(raw.doi));
    if (!doi) return broken(RESEARCH_CODES.doiInvalid, { value: clean(raw.doi) });
  }
  const authors: PublicationAuthor[] = [];
  for (const a of raw.authors) {
    const name = clean(a.name);
    if (!name) continue;
    let orcid: string | null = null;
    if (clean(a.orcid)) {
      orcid = parseOrcid(clean(a.orcid));
      if (!orcid)
        return broken(RESEARCH_CODES.orcidInvalid, { value: clean(a.orcid), author: name });
    }
    authors.push({
      name,
      orcid,
      affiliation: clean(a.affiliation) || null,
      ...(a.rors?.length ? { rors: a.rors } : {}),
      matchedInstitutionId: null,
    });
  }
  if (authors.length === 0) return broken(RESEARCH_CODES.noAuthor);
  const themes = [...new Set(raw.keywords.map(themeKey).filter(Boolean))].slice(0, 12);
  return {
    line: raw.line,
    doi,
    title,
    year,
    venue: clean(raw.venue) || null,
    type: publicationType(raw.type),
    authors,
    themes,
    invented: /\binvented\b/i.test(raw.note ?? ''),
  };
}

export interface Duplicate {
  entry: ParsedPublication;
  code: string;
  params: BrokenEntry['params'];
  existingId?: string;
}

export interface Preview {
  good: ParsedPublication[];
  duplicates: Duplicate[];
  broken: BrokenEntry[];
}

/** A record already held, as the duplicate check sees it. */
export interface HeldRecord {
  id: string;
  doi: string | null;
  title: string;
  year: number;
}

/** Finds records of the same work: by DOI when both have one, else by title and year. */
class SameWork<T extends { doi: string | null; title: string; year: number }> {
  private byDoi = new Map<string, T>();
  private byTitle = new Map<string, T[]>();
  add(r: T) {
    if (r.doi && !this.byDoi.has(r.doi)) this.byDoi.set(r.doi, r);
    const k = dedupeKey({ ...r, doi: null });
    this.byTitle.set(k, [...(this.byTitle.get(k) ?? []), r]);
  }
  find(p: { doi: string | null; title: string; year: number }): T | undefined {
    if (p.doi && this.byDoi.has(p.doi)) return this.byDoi.get(p.doi);
    const same = this.byTitle.get(dedupeKey({ ...p, doi: null })) ?? [];
    return same.find((r) => !p.doi || !r.doi);
  }
}

/**
 * Sorts checked entries: an entry of a work a record already holds (same DOI when both have one,
 * else same title and year) is a duplicate of it; one of a work an earlier entry of the file
 * holds, a duplicate in the file; the rest are good.
 */
export function sortEntries(
  checked: readonly (ParsedPublication | BrokenEntry)[],
  unreadable: readonly BrokenEntry[],
  existing: readonly HeldRecord[],
): Preview {
  const good: ParsedPublication[] = [];
  const duplicates: Duplicate[] = [];
  const broken: BrokenEntry[] = [...unreadable];
  const held = new SameWork<HeldRecord>();
  for (const r of existing) held.add(r);
  const seen = new SameWork<ParsedPublication>();
  for (const c of checked) {
    if ('code' in c) {
      broken.push(c);
      continue;
    }
    const record = held.find(c);
    const earlier = seen.find(c);
    if (record) {
      duplicates.push({
        entry: c,
        code: RESEARCH_CODES.duplicateExisting,
        params: { title: record.title, year: record.year },
        existingId: record.id,
      });
    } else if (earlier) {
      duplicates.push({
        entry: c,
        code: RESEARCH_CODES.duplicateInFile,
        params: { line: earlier.line },
      });
    } else {
      good.push(c);
    }
    seen.add(c);
  }
  broken.sort((a, b) => a.line - b.line);
  return { good, duplicates, broken };
}
