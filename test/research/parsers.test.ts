/** Each format read from a fixture: good entries, duplicates and broken ones with their lines. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  AffiliationMatcher,
  checkEntry,
  parsePublications,
  sortEntries,
  UnknownFormat,
  type HeldRecord,
} from '#src/domain/research/index.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function preview(name: string, existing: HeldRecord[] = []) {
  const parsed = parsePublications(fixture(name));
  const sorted = sortEntries(parsed.entries.map(checkEntry), parsed.broken, existing);
  return { format: parsed.format, ...sorted };
}

const matcher = new AffiliationMatcher([
  {
    id: 'tsukuba.ac.jp',
    ror: '02956yf07',
    name: 'University of Tsukuba',
    names: { ja: '筑波大学', en: 'University of Tsukuba' },
  },
  {
    id: 'univ-grenoble-alpes.fr',
    ror: '02rx3b187',
    name: 'Université Grenoble Alpes',
    names: { en: 'Grenoble Alpes University', fr: 'Université Grenoble Alpes' },
  },
]);

describe('BibTeX', () => {
  it('reads entries with macros, LaTeX accents and UTF-8, and lists broken ones by line', () => {
    const p = preview('sample.bib');
    expect(p.format).toBe('bibtex');
    expect(p.good.map((g) => g.line)).toEqual([4, 16]);
    const [first, second] = p.good;
    expect(first).toMatchObject({
      title: 'Smart grids for Tsukuba: a study — part 1',
      venue: 'Journal of Chemical Physics Letters',
      year: 2018,
      doi: '10.5555/tsk.2018.001',
      type: 'article',
      themes: ['smart-cities', 'energy'],
      invented: true,
    });
    expect(first!.authors.map((a) => a.name)).toEqual([
      'Taro Tanaka',
      'François Müller',
      'Émilie Dupont',
    ]);
    expect(first!.authors[0]!.orcid).toBe('0000-0002-1825-0097');
    expect(second!.authors.map((a) => a.name)).toEqual(['佐藤 花子', 'Иван Иванов']);
    expect(second!.type).toBe('conference-paper');
    // Same DOI (any case) at line 24; same title and year, accents written in LaTeX, at line 50.
    expect(p.duplicates.map((d) => [d.entry.line, d.code, d.params])).toEqual([
      [24, 'research.duplicate_in_file', { line: 4 }],
      [50, 'research.duplicate_in_file', { line: 16 }],
    ]);
    expect(p.broken.map((b) => [b.line, b.code])).toEqual([
      [32, 'research.entry_unreadable'],
      [37, 'research.no_year'],
      [42, 'research.doi_invalid'],
    ]);
  });

  it('matches affiliations by ROR written in the text, else by a name in any language', () => {
    const [first] = preview('sample.bib').good;
    expect(matcher.matchAuthors(first!.authors).map((a) => a.matchedInstitutionId)).toEqual([
      'tsukuba.ac.jp',
      'univ-grenoble-alpes.fr',
      'univ-grenoble-alpes.fr',
    ]);
    expect(matcher.match('筑波大学 システム情報系')).toBe('tsukuba.ac.jp');
    expect(matcher.match('Some other university')).toBeNull();
  });

  it('finds duplicates of records already held', () => {
    const p = preview('sample.bib', [
      { id: 'x', doi: '10.5555/tsk.2018.001', title: 'Other title', year: 2018 },
    ]);
    expect(p.duplicates.map((d) => [d.entry.line, d.code])).toEqual([
      [4, 'research.duplicate_existing'],
      [24, 'research.duplicate_existing'],
      [50, 'research.duplicate_in_file'],
    ]);
    expect(p.good.map((g) => g.line)).toEqual([16]);
  });
});

describe('RIS', () => {
  it('reads records, runs values on over lines, and names open records by line', () => {
    const p = preview('sample.ris');
    expect(p.format).toBe('ris');
    expect(p.good.map((g) => g.line)).toEqual([1, 16]);
    expect(p.good[0]).toMatchObject({
      title: 'Energy transitions in Japanese and French university towns',
      year: 2020,
      doi: '10.5555/ris.2020.1',
      themes: ['energy', 'smart-cities'],
      invented: true,
    });
    expect(p.good[0]!.authors.map((a) => [a.name, a.affiliation])).toEqual([
      ['Taro Tanaka', 'University of Tsukuba'],
      ['Émilie Dupont', 'Université Grenoble Alpes'],
    ]);
    expect(p.good[1]).toMatchObject({ title: 'Архитектура и искусство', type: 'chapter' });
    expect(p.duplicates.map((d) => [d.entry.line, d.params])).toEqual([[27, { line: 1 }]]);
    expect(p.broken.map((b) => [b.line, b.code, b.params])).toEqual([
      [22, 'research.entry_unreadable', { detail: 'unclosed_record' }],
      [35, 'research.no_author', {}],
    ]);
  });
});

describe('CSL-JSON', () => {
  it('reads items with the line each starts on', () => {
    const p = preview('sample-csl.json');
    expect(p.format).toBe('csl-json');
    expect(p.good).toHaveLength(1);
    expect(p.good[0]).toMatchObject({
      line: 2,
      doi: '10.5555/csl.2019.1',
      venue: 'Thin Films',
      themes: ['chemistry-and-physics'],
    });
    expect(p.duplicates.map((d) => d.entry.line)).toEqual([15]);
    expect(p.broken.map((b) => [b.line, b.code])).toEqual([
      [23, 'research.orcid_invalid'],
      [30, 'research.no_title'],
    ]);
  });
});

describe('Crossref', () => {
  it('reads one /works/{doi} message, with the ROR ids of affiliations', () => {
    const p = preview('crossref-work.json');
    expect(p.format).toBe('crossref');
    expect(p.good[0]).toMatchObject({
      title: 'Risk maps of Alpine valleys',
      year: 2018,
      type: 'article',
      venue: 'Risk and Resilience Review',
      themes: ['risk-and-resilience'],
    });
    expect(matcher.matchAuthors(p.good[0]!.authors).map((a) => a.matchedInstitutionId)).toEqual([
      'univ-grenoble-alpes.fr',
      'tsukuba.ac.jp',
    ]);
  });
  it('reads a list of items', () => {
    const p = preview('crossref-list.json');
    expect(p.good.map((g) => [g.line, g.type])).toEqual([[7, 'conference-paper']]);
    expect(p.duplicates.map((d) => [d.entry.line, d.params])).toEqual([[16, { line: 7 }]]);
    expect(p.broken.map((b) => [b.line, b.code])).toEqual([[24, 'research.no_year']]);
  });
});

describe('OpenAlex', () => {
  it('reads /works results: authorships, ROR ids, topics', () => {
    const p = preview('openalex-works.json');
    expect(p.format).toBe('openalex');
    expect(p.good[0]).toMatchObject({
      line: 4,
      doi: '10.5555/oa.2021.3',
      venue: 'Energy and Buildings',
      themes: ['energy'],
    });
    expect(matcher.matchAuthors(p.good[0]!.authors).map((a) => a.matchedInstitutionId)).toEqual([
      'tsukuba.ac.jp',
      'univ-grenoble-alpes.fr',
    ]);
    // Without a DOI, the same title and year is the same work.
    expect(p.duplicates.map((d) => d.entry.line)).toEqual([28]);
    expect(p.broken.map((b) => [b.line, b.code, b.params])).toEqual([
      [36, 'research.no_year', { value: 'twenty' }],
    ]);
  });
});

describe('files that are none of these', () => {
  it('refuses them with a code, and invalid JSON with its line', () => {
    const code = (text: string) => {
      try {
        parsePublications(text);
        return null;
      } catch (e) {
        return e instanceof UnknownFormat ? [e.code, e.params] : String(e);
      }
    };
    expect(code('hello')).toEqual(['research.format_unknown', {}]);
    expect(code('[\n {"title": "x",\n}\n]')).toEqual(['research.json_invalid', { line: 3 }]);
    expect(code('[]')).toEqual(['research.file_empty', {}]);
  });
});
