/** Reads a publication file in whichever of the five formats it is. */
import { parseBibtex } from './bibtex.ts';
import { JsonSyntaxError, parseJsonWithLines } from './json-lines.ts';
import { jsonEntry, jsonItems } from './json-formats.ts';
import { RESEARCH_CODES } from './refusal-codes.ts';
import { parseRis } from './ris.ts';
import type { ParseResult, SourceFormat } from './publication.ts';

export class UnknownFormat extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, number | string> = {},
  ) {
    super(code);
  }
}

/** The format a file's text is in, from its first characters. */
export function detectFormat(text: string): SourceFormat | 'json' | null {
  const t = text.replace(/^\uFEFF/, '').trimStart();
  if (t.startsWith('{') || t.startsWith('[')) return 'json';
  if (/^TY {2}-/m.test(t.slice(0, 2000))) return 'ris';
  if (/^[ \t]*@[ \t]*[a-zA-Z]+[ \t]*[{(]/m.test(t)) return 'bibtex';
  return null;
}

/**
 * The entries of a file and those that do not read. Throws UnknownFormat when the file is none of
 * the formats, is not valid JSON, or holds no entry.
 */
export function parsePublications(text: string): ParseResult {
  const format = detectFormat(text);
  let result: ParseResult;
  if (format === 'bibtex') result = parseBibtex(text);
  else if (format === 'ris') result = parseRis(text);
  else if (format === 'json') {
    let parsed;
    try {
      parsed = parseJsonWithLines(text);
    } catch (e) {
      if (e instanceof JsonSyntaxError)
        throw new UnknownFormat(RESEARCH_CODES.jsonInvalid, { line: e.line });
      throw e;
    }
    const found = jsonItems(parsed.value);
    if (!found) throw new UnknownFormat(RESEARCH_CODES.formatUnknown);
    result = {
      format: found.format,
      entries: found.items.map((item) =>
        jsonEntry(
          found.format,
          item,
          (typeof item === 'object' && item !== null ? parsed.lineOf.get(item) : undefined) ?? 1,
        ),
      ),
      broken: [],
    };
  } else throw new UnknownFormat(RESEARCH_CODES.formatUnknown);
  if (result.entries.length + result.broken.length === 0)
    throw new UnknownFormat(RESEARCH_CODES.fileEmpty);
  return result;
}
