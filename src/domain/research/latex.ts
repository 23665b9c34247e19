/**
 * LaTeX as BibTeX files write text: accent commands (`\'e`, `{\"o}`, `\c{c}`, `\v s`), special
 * letters (`\o`, `\ss`, `\aa`), escaped characters, dashes and ties, to plain Unicode text (NFC).
 * UTF-8 text (Japanese, Cyrillic, accented letters) passes through unchanged.
 */

/** Accent commands → combining marks. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
  r: '\u030a',
  d: '\u0323',
  b: '\u0331',
};

/** Letter commands → letters. */
const LETTERS: Record<string, string> = {
  o: 'ø',
  O: 'Ø',
  ss: 'ß',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
  dh: 'ð',
  DH: 'Ð',
  th: 'þ',
  TH: 'Þ',
  textendash: '–',
  textemdash: '—',
  textquoteright: '’',
  textquoteleft: '‘',
  guillemotleft: '«',
  guillemotright: '»',
  og: '«',
  fg: '»',
  textregistered: '®',
  texttrademark: '™',
  copyright: '©',
  euro: '€',
  ldots: '…',
  dots: '…',
};

const ESCAPED = new Set(['&', '%', '$', '#', '_', '{', '}', ' ']);

/** Plain text of a BibTeX field value (braces already balanced). */
export function latexToText(input: string): string {
  let out = '';
  let i = 0;
  const s = input;
  /** The argument of an accent: `{x}`, a letter command (`\i`), or the next character. */
  const argument = (): string => {
    while (s[i] === ' ') i++;
    if (s[i] === '{') {
      let depth = 1;
      const start = ++i;
      while (i < s.length && depth > 0) {
        if (s[i] === '{') depth++;
        else if (s[i] === '}') depth--;
        i++;
      }
      return latexToText(s.slice(start, i - 1));
    }
    if (s[i] === '\\') {
      const m = /^\\([a-zA-Z]+)/.exec(s.slice(i));
      if (m) {
        i += m[0].length;
        const l = LETTERS[m[1]!];
        return l === 'ı' ? 'i' : l === 'ȷ' ? 'j' : (l ?? '');
      }
    }
    return s[i++] ?? '';
  };
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === '\\') {
      const next = s[i + 1] ?? '';
      if (next in ACCENTS && !/[a-zA-Z]/.test(next)) {
        i += 2;
        const base = argument();
        out += base ? base[0] + ACCENTS[next]! + base.slice(1) : '';
        continue;
      }
      if (ESCAPED.has(next)) {
        out += next;
        i += 2;
        continue;
      }
      if (next === '\\') {
        out += ' ';
        i += 2;
        continue;
      }
      const m = /^\\([a-zA-Z]+)\s*/.exec(s.slice(i));
      if (m) {
        const name = m[1]!;
        i += m[0].length;
        if (name in ACCENTS && name.length === 1) {
          const base = argument();
          out += base ? base[0] + ACCENTS[name]! + base.slice(1) : '';
        } else if (name in LETTERS) {
          out += LETTERS[name];
          if (s[i] === '{' && s[i + 1] === '}') i += 2;
        }
        // Formatting commands (\emph, \textit, \mathrm…): their argument's text is kept by the
        // brace handling below.
        continue;
      }
      i++;
      continue;
    }
    if (ch === '{' || ch === '}') {
      i++;
      continue;
    }
    if (ch === '~') {
      out += ' ';
      i++;
      continue;
    }
    if (ch === '-' && s.startsWith('---', i)) {
      out += '—';
      i += 3;
      continue;
    }
    if (ch === '-' && s.startsWith('--', i)) {
      out += '–';
      i += 2;
      continue;
    }
    if (ch === '`' && s[i + 1] === '`') {
      out += '“';
      i += 2;
      continue;
    }
    if (ch === "'" && s[i + 1] === "'") {
      out += '”';
      i += 2;
      continue;
    }
    if (ch === '$') {
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out.normalize('NFC').replace(/\s+/g, ' ').trim();
}
