/**
 * Academic years differ by country: Japan April–March, Russia and France September–June
 * (dates are stored; years are derived per side). A year is named by its starting calendar year.
 */
export const ACADEMIC_YEAR_START_MONTH: Record<string, number> = {
  JP: 4,
  RU: 9,
  FR: 9,
  IN: 7,
};
export const DEFAULT_ACADEMIC_YEAR_START_MONTH = 9;

export const startMonthFor = (country: string, table = ACADEMIC_YEAR_START_MONTH) =>
  table[country.toUpperCase()] ?? DEFAULT_ACADEMIC_YEAR_START_MONTH;

/** The academic year (by its starting calendar year) that contains `date` (YYYY-MM-DD). */
export function academicYearOf(date: string, startMonth: number): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return month >= startMonth ? year : year - 1;
}
