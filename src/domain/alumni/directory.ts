/**
 * The alumni directory: per record, only the fields its holder consented to show to an audience
 * the reader belongs to. Search matches only on those fields, so a field the reader may not see
 * can never be found through it either.
 */
import { ALUMNI_FIELDS, type AlumniField, type AlumniRecord, type Audience } from './fields.ts';

/** Where the reader belongs: universities, consortia or associations, countries. */
export interface ReaderAffiliation {
  userId: string | null;
  institutionIds: readonly string[];
  consortiumIds: readonly string[];
  countries: readonly string[];
}

export const ANONYMOUS_READER: ReaderAffiliation = {
  userId: null,
  institutionIds: [],
  consortiumIds: [],
  countries: [],
};

/** Where a record's stay belongs: its universities' consortia, and the partner country. */
export interface RecordContext {
  consortiumIds: readonly string[];
  /** The country of the other side of the stay, seen from the association's university. */
  partnerCountry: string | null;
}

/** The audiences a reader belongs to for one record. */
export function audiencesOf(
  reader: ReaderAffiliation,
  record: Pick<AlumniRecord, 'homeId' | 'hostId'>,
  context: RecordContext,
): Set<Audience> {
  const out = new Set<Audience>(['public']);
  if (
    reader.institutionIds.includes(record.homeId) ||
    reader.institutionIds.includes(record.hostId) ||
    reader.consortiumIds.some((c) => context.consortiumIds.includes(c))
  )
    out.add('consortium');
  if (context.partnerCountry && reader.countries.includes(context.partnerCountry))
    out.add('partner_country');
  return out;
}

/** The fields the reader sees: all of them for the holder, the consented ones for the rest. */
export function visibleFields(
  record: Pick<AlumniRecord, 'consent' | 'userId'>,
  readerUserId: string | null,
  audiences: ReadonlySet<Audience>,
): AlumniField[] {
  if (record.userId && record.userId === readerUserId) return [...ALUMNI_FIELDS];
  return ALUMNI_FIELDS.filter((f) => (record.consent[f] ?? []).some((a) => audiences.has(a)));
}

/** One directory entry: the record's id and cohort key and only the visible fields. */
export interface DirectoryEntry {
  id: string;
  direction: AlumniRecord['direction'];
  name?: string;
  homeId?: string;
  hostId?: string;
  year?: number;
  fieldOfStudy?: string | null;
  currentPosition?: string | null;
  contact?: string | null;
  degreeAtHost?: boolean | null;
  worksInJapanRussia?: boolean | null;
  outcomeNote?: string | null;
}

const FIELD_VALUE: Record<AlumniField, (r: AlumniRecord) => Partial<DirectoryEntry>> = {
  name: (r) => ({ name: r.name }),
  home: (r) => ({ homeId: r.homeId }),
  host: (r) => ({ hostId: r.hostId }),
  year: (r) => ({ year: r.year }),
  fieldOfStudy: (r) => ({ fieldOfStudy: r.fieldOfStudy }),
  currentPosition: (r) => ({ currentPosition: r.currentPosition }),
  contact: (r) => ({ contact: r.contact }),
  degreeAtHost: (r) => ({ degreeAtHost: r.degreeAtHost }),
  worksInJapanRussia: (r) => ({ worksInJapanRussia: r.worksInJapanRussia }),
  outcomeNote: (r) => ({ outcomeNote: r.outcomeNote }),
};

/** The entry a reader sees, or null when they may see no field at all (not listed). */
export function directoryEntry(
  record: AlumniRecord,
  fields: readonly AlumniField[],
): DirectoryEntry | null {
  if (fields.length === 0) return null;
  const entry: DirectoryEntry = { id: record.id, direction: record.direction };
  for (const f of fields) Object.assign(entry, FIELD_VALUE[f](record));
  return entry;
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/**
 * Does the entry match the search? Every word of the query must be found in a visible text field
 * or in a searchable label the caller gives for a visible field (a university's names, the year).
 * The caller passes only what the entry shows, so a hidden field is never searched.
 */
export function matchesSearch(
  entry: DirectoryEntry,
  query: string,
  labels: (entry: DirectoryEntry) => readonly string[] = () => [],
): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    entry.name,
    entry.homeId,
    entry.hostId,
    entry.year === undefined ? undefined : String(entry.year),
    entry.fieldOfStudy,
    entry.currentPosition,
    entry.contact,
    entry.outcomeNote,
    ...labels(entry),
  ]
    .filter((x): x is string => typeof x === 'string' && x.length > 0)
    .map(fold);
  return words.every((w) => haystack.some((h) => h.includes(w)));
}
