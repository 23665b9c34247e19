/**
 * The JSON that reference managers and bibliographic services give: CSL-JSON (Zotero, Mendeley,
 * citation.js), Crossref's `/works/{doi}` message or a list of its items, and OpenAlex's `/works`
 * results. Each item is read into an entry with the line it starts on.
 */
import { parseRor } from '../registry/identifiers.ts';
import type { PublicationAuthor, RawEntry, SourceFormat } from './publication.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const firstStr = (v: unknown): string | null =>
  Array.isArray(v) ? (v.map(str).find((x) => x) ?? null) : str(v);

/** The year of a CSL/Crossref date: `{ "date-parts": [[2019, 5]] }`, or `raw`/`literal`. */
function cslYear(d: unknown): string | null {
  if (!isObj(d)) return null;
  const parts = arr(d['date-parts'])[0];
  const y = Array.isArray(parts) ? str(parts[0]) : null;
  if (y) return y;
  const raw = str(d.raw) ?? str(d.literal);
  return raw ? (/(\d{4})/.exec(raw)?.[1] ?? raw) : null;
}

/** A CSL or Crossref person: `family`/`given`, or `literal`/`name`. */
function cslPerson(p: Obj): PublicationAuthor {
  const name =
    [str(p.given), str(p.family)].filter(Boolean).join(' ') || str(p.literal) || str(p.name) || '';
  const affiliations = arr(p.affiliation).filter(isObj);
  const rors = affiliations
    .flatMap((a) => arr(a.id).filter(isObj))
    .filter((id) => String(id['id-type'] ?? '').toUpperCase() === 'ROR')
    .flatMap((id) => {
      const r = parseRor(str(id.id) ?? '');
      return r ? [r] : [];
    });
  return {
    name,
    orcid: str(p.ORCID) ?? str(p.orcid),
    affiliation:
      affiliations
        .map((a) => str(a.name))
        .filter(Boolean)
        .join('; ') || null,
    ...(rors.length ? { rors } : {}),
  };
}

function cslItem(item: Obj, line: number, crossref: boolean): RawEntry {
  const keywords = crossref
    ? arr(item.subject)
        .map(str)
        .filter((x): x is string => !!x)
    : (str(item.keyword) ?? '')
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter(Boolean);
  const authors = arr(item.author).filter(isObj);
  return {
    line,
    key: str(item.id),
    title: firstStr(item.title),
    year:
      cslYear(item.issued) ??
      cslYear(item['published-print']) ??
      cslYear(item['published-online']) ??
      cslYear(item.published) ??
      cslYear(item.created),
    doi: str(item.DOI) ?? str(item.doi),
    venue: firstStr(item['container-title']) ?? str(item.publisher),
    type: str(item.type),
    authors: (authors.length ? authors : arr(item.editor).filter(isObj)).map(cslPerson),
    keywords,
    note: str(item.note),
  };
}

function openAlexItem(item: Obj, line: number): RawEntry {
  const source = isObj(item.primary_location) ? item.primary_location.source : null;
  const keywords = [...arr(item.keywords), ...arr(item.topics)]
    .filter(isObj)
    .map((k) => str(k.display_name))
    .filter((x): x is string => !!x);
  return {
    line,
    key: str(item.id),
    title: str(item.title) ?? str(item.display_name),
    year: str(item.publication_year),
    doi: str(item.doi),
    venue: isObj(source) ? str(source.display_name) : null,
    type: str(item.type),
    authors: arr(item.authorships)
      .filter(isObj)
      .map((a) => {
        const author = isObj(a.author) ? a.author : {};
        const insts = arr(a.institutions).filter(isObj);
        const rors = insts.flatMap((i) => {
          const r = parseRor(str(i.ror) ?? '');
          return r ? [r] : [];
        });
        const names = insts.map((i) => str(i.display_name)).filter(Boolean);
        const rawAff = arr(a.raw_affiliation_strings).map(str).filter(Boolean);
        return {
          name: str(author.display_name) ?? str(a.raw_author_name) ?? '',
          orcid: str(author.orcid),
          affiliation: (names.length ? names : rawAff).join('; ') || null,
          ...(rors.length ? { rors } : {}),
        };
      }),
    keywords,
    note: null,
  };
}

/** Which JSON this is and its items, or null when it is none of the three. */
export function jsonItems(value: unknown): { format: SourceFormat; items: unknown[] } | null {
  if (isObj(value) && Array.isArray(value.results))
    return { format: 'openalex', items: value.results };
  if (isObj(value) && isObj(value.message)) {
    const m = value.message;
    if (Array.isArray(m.items)) return { format: 'crossref', items: m.items };
    return { format: 'crossref', items: [m] };
  }
  const items = Array.isArray(value) ? value : [value];
  const firstItem = items.find(isObj);
  if (!firstItem) return Array.isArray(value) ? { format: 'csl-json', items } : null;
  if ('authorships' in firstItem || String(firstItem.id ?? '').startsWith('https://openalex.org/'))
    return { format: 'openalex', items };
  if (Array.isArray(firstItem.title) || ('DOI' in firstItem && 'member' in firstItem))
    return { format: 'crossref', items };
  if ('title' in firstItem || 'type' in firstItem) return { format: 'csl-json', items };
  return null;
}

/** One item of the given format as an entry (its line is where the item's object starts). */
export function jsonEntry(format: SourceFormat, item: unknown, line: number): RawEntry {
  if (!isObj(item)) return { line, authors: [], keywords: [] };
  if (format === 'openalex') return openAlexItem(item, line);
  return cslItem(item, line, format === 'crossref');
}
