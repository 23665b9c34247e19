/**
 * `column IN (…)` for a list of any length. drizzle's `inArray` sends one parameter per value:
 * a statement takes at most 65,535 parameters, and building a list of some 100,000 overflows
 * the stack. A long list travels instead as one array parameter, `column = ANY($1::type[])`,
 * which PostgreSQL plans as the same list. Short lists keep `inArray`'s SQL.
 */
import { Column, inArray, is, sql } from 'drizzle-orm';

/** Values from which a list is sent as one array parameter. */
export const LONG_LIST = 1_000;

/** `inArray`, with the same types, that takes a list of any length. */
export const inList = ((column: unknown, values: unknown) => {
  if (Array.isArray(values) && values.length > LONG_LIST && is(column, Column)) {
    return sql`${column} = ANY(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;
  }
  return inArray(column as never, values as never);
}) as typeof inArray;
