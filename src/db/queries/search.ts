/**
 * Search over a folded text column (src/db/schema/search-fold.ts) in any script: the searched
 * words are folded by the database with the same expression as the column. Three characters or
 * more: a substring match, which the column's pg_trgm GIN index answers (Japanese needs no word
 * spaces; the folded text has none). Fewer: a match at the start of the text (a Japanese family
 * name, a given name elsewhere), which the index answers from its leading trigrams.
 */
import { sql, type SQL } from 'drizzle-orm';
import { foldParam } from '../schema/search-fold.ts';

/** The folded form as JavaScript computes it (to count characters; the database folds for real). */
export const foldText = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\s]/g, '')
    .toLowerCase();

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether a search for `q` is a substring match that the trigram index answers. */
export const searchesByTrigrams = (q: string): boolean =>
  [...foldText(escapeLike(q.trim()))].length >= 3;

/**
 * The rows whose folded column holds the words `q` (folded the same way). With `parts`, the
 * column folds several names each after a `|` (a person's name in each script, a title in each
 * language), and fewer than three characters match the start of any of them.
 */
export function searchCondition(column: SQL, q: string, options: { parts?: boolean } = {}): SQL {
  const words = escapeLike(q.trim());
  const folded = foldParam(words);
  if (searchesByTrigrams(q)) return sql`${column} LIKE '%' || ${folded} || '%'`;
  if (options.parts) {
    return sql`(${column} LIKE ${folded} || '%' OR ${column} LIKE '%|' || ${folded} || '%')`;
  }
  return sql`${column} LIKE ${folded} || '%'`;
}
