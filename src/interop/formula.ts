/**
 * A text cell that a spreadsheet program would run as a formula — one starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return (OWASP's CSV injection rule) — is written with a leading
 * apostrophe, so that it is shown, not run. Every CSV the product writes goes through it.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** `csv-stringify`'s cast option: strings neutralised, the rest as the library writes them. */
export const csvCast = { string: (value: string) => neutraliseFormula(value) };
