/**
 * The folded form of a text that search compares: compatibility-decomposed (NFKD: full-width
 * Latin becomes ASCII, accented letters become letter + mark), its combining marks
 * (U+0300–U+036F) and white space removed, lower-cased. `é` and `E` both match `e`; `Ё` matches
 * `е`; Japanese keeps its characters, and `山田太郎` finds `山田 太郎` (names are written with
 * or without a space between family and given name). Every function used is immutable, so the database keeps the folded text in
 * a generated column that a trigram index (pg_trgm) covers, and a query folds its words with the
 * same expression.
 */
import { sql, type SQL } from 'drizzle-orm';

/** The folding expression over a raw SQL expression (a column name in a generated column). */
export const foldedSql = (expression: string): SQL =>
  sql.raw(`lower(regexp_replace(normalize(${expression}, NFKD), '[\\u0300-\\u036f\\s]', '', 'g'))`);

/** The folding expression over a bound parameter (a query's words). */
export const foldParam = (value: string): SQL =>
  sql`lower(regexp_replace(normalize(${value}::text, NFKD), '[\\u0300-\\u036f\\s]', '', 'g'))`;
