/**
 * Author affiliations matched to registry institutions: by a ROR id the source gives (or one
 * written in the affiliation), else by a name of the institution in any of its languages or its
 * SCHAC domain found in the affiliation text. What matches nothing stays as text.
 */
import { parseRor } from '../registry/identifiers.ts';
import type { PublicationAuthor } from './publication.ts';

export interface MatchableInstitution {
  id: string;
  ror: string | null;
  name: string;
  names: Partial<Record<string, string>>;
}

/** Text as compared: NFKC, no accents, lower case, words separated by one space. */
export function foldText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}.]+/gu, ' ')
    .trim();
}

const isCjk = (s: string) => /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(s);

export class AffiliationMatcher {
  private byRor = new Map<string, string>();
  /** Folded names, longest first, so that the most specific name wins. */
  private names: { text: string; id: string; cjk: boolean }[] = [];

  constructor(institutions: readonly MatchableInstitution[]) {
    for (const i of institutions) {
      if (i.ror) this.byRor.set(i.ror, i.id);
      const texts = new Set(
        [i.name, ...Object.values(i.names)].filter((n): n is string => !!n && n.length >= 4),
      );
      for (const t of texts) this.names.push({ text: foldText(t), id: i.id, cjk: isCjk(t) });
      this.names.push({ text: i.id.toLowerCase(), id: i.id, cjk: false });
    }
    this.names.sort((a, b) => b.text.length - a.text.length);
  }

  /** The institution the affiliation names, or null. */
  match(affiliation: string | null | undefined, rors: readonly string[] = []): string | null {
    for (const r of rors) {
      const id = this.byRor.get(parseRor(r) ?? '');
      if (id) return id;
    }
    if (!affiliation) return null;
    for (const m of affiliation.matchAll(/ror\.org\/(0[0-9a-z]{8})/gi)) {
      const id = this.byRor.get(parseRor(m[1]!) ?? '');
      if (id) return id;
    }
    const folded = ` ${foldText(affiliation)} `;
    for (const n of this.names) {
      if (!n.text) continue;
      // CJK names are matched as substrings (no spaces between words); others on word edges.
      if (n.cjk ? folded.includes(n.text) : folded.includes(` ${n.text} `)) return n.id;
    }
    return null;
  }

  /** The authors with `matchedInstitutionId` set where their affiliation names an institution. */
  matchAuthors(authors: readonly PublicationAuthor[]): PublicationAuthor[] {
    return authors.map((a) => ({ ...a, matchedInstitutionId: this.match(a.affiliation, a.rors) }));
  }
}
