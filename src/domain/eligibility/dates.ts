/** Pure calendar arithmetic on ISO dates (`YYYY-MM-DD`); no clock, no time zone. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertIsoDate(value: string, name: string): void {
  const m = ISO_DATE.exec(value);
  if (!m) throw new RangeError(`${name}: expected an ISO date YYYY-MM-DD, got "${value}"`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    throw new RangeError(`${name}: "${value}" is not a calendar date`);
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * `date` plus `months` calendar months; the day is clamped to the month's length
 * (`2027-01-31` + 1 → `2027-02-28`).
 */
export function addMonths(date: string, months: number): string {
  assertIsoDate(date, 'date');
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
