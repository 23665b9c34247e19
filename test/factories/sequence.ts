/**
 * Unique values per call: one counter per process, so the same test run gives the same values in
 * the same order and a failure can be reproduced. Test files run in their own workers, each on
 * its own database, so counters never collide across files.
 */
let counter = 0;

/** The next number of the sequence (1, 2, 3, …). */
export function next(): number {
  counter += 1;
  return counter;
}

/** `prefix-7`: a readable unique id or name. */
export function unique(prefix: string): string {
  return `${prefix}-${next()}`;
}
