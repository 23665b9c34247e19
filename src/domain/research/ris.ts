/**
 * RIS files (`TY  - JOUR` … `ER  -`): one tag a line, a value running on over the lines that
 * follow without a tag. A record left open (no `ER` before the next `TY` or the end) or a line
 * outside any record that is not blank is reported with its line; reading goes on.
 */
import { RESEARCH_CODES } from './refusal-codes.ts';
import { displayName, type BrokenEntry, type ParseResult, type RawEntry } from './publication.ts';

const TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*))?$/;

export function parseRis(input: string): ParseResult {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const entries: RawEntry[] = [];
  const broken: BrokenEntry[] = [];
  let current: { line: number; tags: [string, string][] } | null = null;

  const finish = () => {
    if (!current) return;
    const all = (...tags: string[]) =>
      current!.tags
        .filter(([t]) => tags.includes(t))
        .map(([, v]) => v.trim())
        .filter(Boolean);
    const first = (...tags: string[]) => {
      for (const t of tags) {
        const v = all(t)[0];
        if (v) return v;
      }
      return null;
    };
    const authors = all('AU', 'A1');
    const addresses = all('AD');
    const date = first('PY', 'Y1', 'DA');
    entries.push({
      line: current.line,
      key: first('ID'),
      title: first('TI', 'T1', 'CT'),
      year: date ? (/^(\d{4})/.exec(date)?.[1] ?? date) : null,
      doi: first('DO') ?? all('UR').find((u) => /doi\.org\//i.test(u)) ?? null,
      venue: first('JO', 'JF', 'T2', 'BT', 'JA', 'J2', 'PB'),
      type: first('TY'),
      authors: authors.map((a, k) => ({
        name: displayName(a),
        affiliation:
          addresses.length === authors.length || (k === 0 && addresses.length === 1)
            ? (addresses[k] ?? null)
            : null,
      })),
      keywords: all('KW').flatMap((k) => k.split(/;/)),
      note: all('N1', 'NO').join(' '),
    });
    current = null;
  };

  lines.forEach((text, index) => {
    const line = index + 1;
    const m = TAG.exec(text.trimEnd());
    if (m) {
      const [, tag, value = ''] = m;
      if (tag === 'TY') {
        if (current) {
          broken.push({
            line: current.line,
            code: RESEARCH_CODES.entryUnreadable,
            params: { detail: 'unclosed_record' },
          });
          current = null;
        }
        current = { line, tags: [['TY', value]] };
      } else if (tag === 'ER') {
        if (current) finish();
        else
          broken.push({
            line,
            code: RESEARCH_CODES.entryUnreadable,
            params: { detail: 'end_without_start' },
          });
      } else if (current) current.tags.push([tag!, value]);
      else
        broken.push({
          line,
          code: RESEARCH_CODES.entryUnreadable,
          params: { detail: 'outside_record' },
        });
      return;
    }
    if (!text.trim()) return;
    const last = current?.tags.at(-1);
    if (last) last[1] = `${last[1]} ${text.trim()}`;
    else
      broken.push({
        line,
        code: RESEARCH_CODES.entryUnreadable,
        params: { detail: 'outside_record' },
      });
  });
  if (current) {
    broken.push({
      line: (current as { line: number }).line,
      code: RESEARCH_CODES.entryUnreadable,
      params: { detail: 'unclosed_record' },
    });
  }
  return { format: 'ris', entries, broken };
}
