/** The refusals of publication imports (`refusals.research.<name>`). */
export const RESEARCH_CODES = {
  /** The file is none of the formats read (BibTeX, RIS, CSL-JSON, Crossref, OpenAlex). */
  formatUnknown: 'research.format_unknown',
  /** The file holds no entry at all. */
  fileEmpty: 'research.file_empty',
  /** The file is not valid JSON (params: line). */
  jsonInvalid: 'research.json_invalid',
  /** The entry cannot be read: unbalanced braces or quotes, a record left open (params: detail). */
  entryUnreadable: 'research.entry_unreadable',
  /** The entry has no title. */
  noTitle: 'research.no_title',
  /** The entry has no year, or one that is not a year (params: value). */
  noYear: 'research.no_year',
  /** The entry's DOI is not a DOI (params: value). */
  doiInvalid: 'research.doi_invalid',
  /** An author's ORCID iD fails its check (params: value, author). */
  orcidInvalid: 'research.orcid_invalid',
  /** The entry names no author. */
  noAuthor: 'research.no_author',
  /** The same work appears earlier in the file (params: line). */
  duplicateInFile: 'research.duplicate_in_file',
  /** The work is already recorded (params: title, year). */
  duplicateExisting: 'research.duplicate_existing',
  /** The import batch was already applied or discarded. */
  batchClosed: 'research.batch_closed',
  /** The batch has nothing to apply. */
  batchNothing: 'research.batch_nothing',
  /** The import is made for an institution the importer does not coordinate. */
  notYourInstitution: 'research.not_your_institution',
} as const;

export const REFUSAL_CODES = Object.values(RESEARCH_CODES);
export type ResearchRefusalCode = (typeof REFUSAL_CODES)[number];
