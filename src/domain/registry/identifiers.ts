/**
 * Persistent identifiers of organisations, people and works, checked and normalised: ROR ids and
 * the Erasmus code and PIC of institutions (beside the SCHAC code), ORCID iDs of people, DOIs of
 * publications. Each parser answers the bare, normalised form or null; none guesses.
 */

/** Crockford's base32 alphabet as ROR writes it: digits and lower-case letters without i, l, o, u. */
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/** ISO 7064 mod 97-10 check digits of a number (as ROR computes them on the base32 value). */
function mod97Check(n: bigint): number {
  return Number(98n - ((n * 100n) % 97n));
}

/**
 * A ROR id: `0`, six characters of Crockford base32 and two check digits (ISO 7064 mod 97-10 of
 * the base32 number). Accepts the bare id or its `https://ror.org/…` link, in any case; answers
 * the bare id in lower case, or null when the form or the check digits are wrong.
 */
export function parseRor(input: string): string | null {
  let v = input.trim().toLowerCase();
  v = v.replace(/^(?:https?:\/\/)?(?:www\.)?ror\.org\//, '');
  if (!/^0[0-9a-hjkmnp-tv-z]{6}[0-9]{2}$/.test(v)) return null;
  let n = 0n;
  for (const c of v.slice(0, 7)) n = n * 32n + BigInt(CROCKFORD.indexOf(c));
  return mod97Check(n) === Number(v.slice(7)) ? v : null;
}

/** ISO 7064 11-2 check character of the first 15 digits of an ORCID iD ('0'–'9' or 'X'). */
export function orcidCheckChar(digits15: string): string {
  let total = 0;
  for (const d of digits15) total = (total + Number(d)) * 2;
  const result = (12 - (total % 11)) % 11;
  return result === 10 ? 'X' : String(result);
}

/**
 * An ORCID iD: 16 characters in four groups of four, the last an ISO 7064 11-2 check character
 * (0–9 or X). Accepts `https://orcid.org/…`, with or without hyphens; answers
 * `0000-0002-1825-0097` or null.
 */
export function parseOrcid(input: string): string | null {
  let v = input.trim().toUpperCase();
  v = v.replace(/^(?:HTTPS?:\/\/)?(?:WWW\.)?ORCID\.ORG\//, '');
  const compact = v.replace(/-/g, '');
  if (!/^[0-9]{15}[0-9X]$/.test(compact)) return null;
  if (v !== compact && !/^[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$/.test(v)) return null;
  if (orcidCheckChar(compact.slice(0, 15)) !== compact[15]) return null;
  return compact.match(/.{4}/g)!.join('-');
}

/**
 * A DOI: `10.<registrant>/<suffix>`, the registrant digits with optional dotted parts, the suffix
 * anything printable without spaces. Strips `https://doi.org/`, `dx.doi.org`, `doi:`; answers it
 * in lower case (DOIs compare without regard to case), or null.
 */
export function parseDoi(input: string): string | null {
  let v = input.trim();
  v = v.replace(/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, '');
  try {
    if (/%[0-9a-f]{2}/i.test(v)) v = decodeURIComponent(v);
  } catch {
    return null;
  }
  v = v.toLowerCase();
  // eslint-disable-next-line no-control-regex
  if (!/^10\.[0-9]{4,9}(?:\.[0-9]+)*\/[^\s\u0000-\u001f]+$/.test(v)) return null;
  return v;
}

/**
 * An Erasmus institution code: the country's letters (1–3; padded with spaces to three in the
 * official form), the city and two or three digits, e.g. `F  GRENOBL55`, `D  BERLIN01`,
 * `SF HELSINK01`. Answers the official form (country padded to three characters), or null.
 */
export function parseErasmusCode(input: string): string | null {
  const v = input.trim().toUpperCase().replace(/\s+/g, ' ');
  const m = /^([A-Z]{1,3}) ?([A-Z][A-Z-]{1,9}[0-9]{2,3})$/.exec(v);
  if (!m) return null;
  return m[1]!.padEnd(3, ' ') + m[2]!;
}

/** A Participant Identification Code of the EU's funding portal: nine digits. */
export function parsePic(input: string): string | null {
  const v = input.trim().replace(/\s+/g, '');
  return /^[0-9]{9}$/.test(v) ? v : null;
}

export type IdentifierKind = 'ror' | 'orcid' | 'doi' | 'erasmus' | 'pic' | 'schac';

/**
 * What a looked-up value is, tried from the most distinctive form: a DOI, an ORCID iD, a ROR id,
 * a PIC, an Erasmus code, else a SCHAC code (an internet domain). Null when it is none of them.
 */
export function classifyIdentifier(input: string): { kind: IdentifierKind; value: string } | null {
  const doi = parseDoi(input);
  if (doi) return { kind: 'doi', value: doi };
  const orcid = parseOrcid(input);
  if (orcid) return { kind: 'orcid', value: orcid };
  const ror = parseRor(input);
  if (ror) return { kind: 'ror', value: ror };
  const pic = parsePic(input);
  if (pic) return { kind: 'pic', value: pic };
  const erasmus = /\s/.test(input.trim()) ? parseErasmusCode(input) : null;
  if (erasmus) return { kind: 'erasmus', value: erasmus };
  const schac = input.trim().toLowerCase();
  if (/^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(schac))
    return { kind: 'schac', value: schac };
  const looseErasmus = parseErasmusCode(input);
  if (looseErasmus) return { kind: 'erasmus', value: looseErasmus };
  return null;
}
