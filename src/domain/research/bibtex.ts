/**
 * BibTeX (and BibLaTeX) files, read with care: `@string` macros and `#` concatenation, braced and
 * quoted values, LaTeX accents decoded (latex.ts), UTF-8 kept. Every entry starts on a line of
 * its own (`@type{`); an entry that does not read (unbalanced braces, an unclosed quote, a field
 * without `=`) is reported with the line it starts on, and reading goes on with the next entry.
 */
import { latexToText } from './latex.ts';
import { RESEARCH_CODES } from './refusal-codes.ts';
import {
  displayName,
  lineIndex,
  type BrokenEntry,
  type ParseResult,
  type RawEntry,
} from './publication.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

class Unreadable extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** Splits a raw value on a word (` and `) outside braces. */
function splitTopLevel(raw: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0) {
      const m = separator.exec(raw.slice(i));
      if (m && m.index === 0) {
        parts.push(raw.slice(start, i));
        i += m[0].length - 1;
        start = i + 1;
      }
    }
  }
  parts.push(raw.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** One entry's text (from its `@`), read into its type, key and raw field values. */
function readEntry(
  chunk: string,
  strings: Map<string, string>,
): { type: string; key: string; fields: Map<string, string> } | null {
  let i = 0;
  const ws = () => {
    while (i < chunk.length && /\s/.test(chunk[i]!)) i++;
  };
  const head = /^@\s*([a-zA-Z]+)\s*([{(])/.exec(chunk);
  if (!head) throw new Unreadable('no_opening');
  const type = head[1]!.toLowerCase();
  const close = head[2] === '{' ? '}' : ')';
  i = head[0].length;
  if (type === 'comment' || type === 'preamble') return null;

  /** A value: pieces joined by `#`, each `{…}`, `"…"`, a number or a macro name. */
  const value = (): string => {
    let out = '';
    for (;;) {
      ws();
      const c = chunk[i];
      if (c === '{') {
        let depth = 1;
        const start = ++i;
        while (i < chunk.length && depth > 0) {
          if (chunk[i] === '\\') i++;
          else if (chunk[i] === '{') depth++;
          else if (chunk[i] === '}') depth--;
          i++;
        }
        if (depth > 0) throw new Unreadable('unbalanced_braces');
        out += chunk.slice(start, i - 1);
      } else if (c === '"') {
        let depth = 0;
        const start = ++i;
        while (i < chunk.length && !(chunk[i] === '"' && depth === 0)) {
          if (chunk[i] === '\\') i++;
          else if (chunk[i] === '{') depth++;
          else if (chunk[i] === '}') depth--;
          i++;
        }
        if (i >= chunk.length) throw new Unreadable('unclosed_quote');
        out += chunk.slice(start, i);
        i++;
      } else {
        const m = /^[^\s,#{}()"=]+/.exec(chunk.slice(i));
        if (!m) throw new Unreadable('missing_value');
        i += m[0].length;
        const word = m[0];
        if (/^\d+$/.test(word)) out += word;
        else {
          const macro = strings.get(word.toLowerCase());
          if (macro !== undefined) out += macro;
          else if (MONTHS.includes(word.toLowerCase())) out += word.toLowerCase();
          else throw new Unreadable('unknown_macro');
        }
      }
      ws();
      if (chunk[i] === '#') {
        i++;
        continue;
      }
      return out;
    }
  };

  const fields = new Map<string, string>();
  if (type === 'string') {
    ws();
    const m = /^([^\s=,{}]+)\s*=/.exec(chunk.slice(i));
    if (!m) throw new Unreadable('missing_equals');
    i += m[0].length;
    strings.set(m[1]!.toLowerCase(), value());
    return null;
  }
  ws();
  const keyMatch = /^([^\s,{}()=]*)\s*,/.exec(chunk.slice(i));
  if (!keyMatch) throw new Unreadable('missing_key');
  i += keyMatch[0].length;
  const key = keyMatch[1]!;
  for (;;) {
    ws();
    if (chunk[i] === close) return { type, key, fields };
    if (i >= chunk.length) throw new Unreadable('unclosed_entry');
    const name = /^([^\s=,{}()"#]+)\s*=/.exec(chunk.slice(i));
    if (!name) throw new Unreadable('missing_equals');
    i += name[0].length;
    fields.set(name[1]!.toLowerCase(), value());
    ws();
    if (chunk[i] === ',') i++;
    else if (chunk[i] !== close) throw new Unreadable('missing_comma');
  }
}

const ENTRY_START = /^[ \t]*@[ \t]*[a-zA-Z]+[ \t]*[{(]/gm;

/** Reads a BibTeX file: its entries (with lines) and those that do not read. */
export function parseBibtex(input: string): ParseResult {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const starts = [...text.matchAll(ENTRY_START)].map((m) => m.index);
  const lineAt = lineIndex(text);
  const strings = new Map<string, string>();
  const entries: RawEntry[] = [];
  const broken: BrokenEntry[] = [];
  starts.forEach((start, n) => {
    const raw = text.slice(start, starts[n + 1] ?? text.length);
    const chunk = raw.trimStart();
    const line = lineAt(start + raw.length - chunk.length);
    try {
      const read = readEntry(chunk, strings);
      if (!read) return;
      const f = read.fields;
      const text1 = (k: string) => (f.has(k) ? latexToText(f.get(k)!) : null);
      const list = (k: string) =>
        f.has(k) ? splitTopLevel(f.get(k)!, /^\s+and\s+/i).map(latexToText) : [];
      const names = list('author').length ? list('author') : list('editor');
      const affiliations = list('affiliation').length ? list('affiliation') : list('affiliations');
      const orcids = f.has('orcid')
        ? latexToText(f.get('orcid')!).split(/\s*(?:\band\b|;)\s*/i)
        : [];
      const url = text1('url') ?? '';
      const doi = text1('doi') ?? (/doi\.org\//i.test(url) ? url : null);
      const year = text1('year') ?? /^(\d{4})/.exec(text1('date') ?? '')?.[1] ?? null;
      const keywords = (text1('keywords') ?? text1('keyword') ?? '')
        .split(/[,;]/)
        .map((k) => k.trim())
        .filter(Boolean);
      entries.push({
        line,
        key: read.key || null,
        title: text1('title'),
        year,
        doi,
        venue:
          text1('journal') ??
          text1('journaltitle') ??
          text1('booktitle') ??
          text1('school') ??
          text1('institution') ??
          text1('publisher'),
        type: read.type,
        authors: names.map((name, k) => ({
          name: displayName(name),
          orcid: orcids[k] || null,
          affiliation:
            affiliations.length === 1 && names.length > 1 ? null : (affiliations[k] ?? null),
        })),
        keywords,
        note: [text1('note'), text1('annote'), text1('annotation')].filter(Boolean).join(' '),
      });
    } catch (e) {
      if (!(e instanceof Unreadable)) throw e;
      broken.push({
        line,
        code: RESEARCH_CODES.entryUnreadable,
        params: { detail: e.detail },
      });
    }
  });
  return { format: 'bibtex', entries, broken };
}
