/**
 * Exact student-month arithmetic. A pro-rata month is `days ÷ daysInMonth` with 28 ≤ daysInMonth
 * ≤ 31, so every share is a whole number of units of 1/377,580 month (377,580 = lcm(28, 29, 30,
 * 31)). Sums and cap comparisons are done in these integer units: no floating-point drift when
 * thousands of partial months are added up against the R14 cap.
 */

export const MONTH_UNITS = 377_580;

/** Months (possibly fractional, from storage or the API) to integer units, rounded to the unit. */
export function toMonthUnits(months: number): number {
  return Math.round(months * MONTH_UNITS);
}

export function fromMonthUnits(units: number): number {
  return units / MONTH_UNITS;
}

/** The units of `days` out of a month of `daysInMonth` days (exact). */
export function unitsOfDays(days: number, daysInMonth: number): number {
  return (days * MONTH_UNITS) / daysInMonth;
}

/** The stipend for `units` of a month, rounded down to the yen (never more than the rule). */
export function amountOfUnits(monthlyStipendJpy: number, units: number): number {
  return Math.floor((monthlyStipendJpy * units) / MONTH_UNITS);
}
