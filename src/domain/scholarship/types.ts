/**
 * Types of the scholarship domain: the program's rules as data, the schedule of a funded placed
 * student, and the refusals (each naming the rule of docs/rules.md it applies).
 *
 * Sources: 003 §3(1) support period (R10), 003 §3(2)1) 100,000 yen a month (R11), 003 §3(2)2)
 * three months to one year (R12), 003 §4 up to 30 students a year at 12 months (R14),
 * 003 §5(8), §6(2)2), §7(1) paid through the representative university after enrolment is
 * confirmed (R8), 003 §10(1) postponement or suspension for safety (R19).
 */
import { z } from 'zod';
import type { IsoDate, IsoMonth } from './dates.ts';
import { isoDateSchema } from './dates.ts';
import type { Refusal } from '../shared/refusal.ts';

/**
 * How a month that the stay covers only in part is counted.
 * - `full-if-over-half`: a full stipend when the stay covers more than half of the month's days,
 *   nothing otherwise;
 * - `pro-rata-days`: stipend × days covered ÷ days in the month (or ÷ the program's
 *   `partialMonthDaysPerMonth` when set, at most one month), rounded down to the yen;
 * - `calendar-months-only`: only months covered from their first to their last day are paid;
 * The kinds of the program's rules (src/domain/program/rules.ts `stipend.partialMonth.kind`):
 * - `whole-months`: completed months only — a calendar month is paid when the stay covers it
 *   from its first to its last day (months are confirmed and paid per calendar month, R8);
 * - `started-month`: any started month is paid in full.
 */
export const PARTIAL_MONTH_RULES = [
  'full-if-over-half',
  'pro-rata-days',
  'calendar-months-only',
  'whole-months',
  'started-month',
] as const;
export type PartialMonthRule = (typeof PARTIAL_MONTH_RULES)[number];

/** The rule ids a refusal names: rules of docs/rules.md, or PAID_ONCE (nothing is paid twice). */
export type ScholarshipRuleId = 'R8' | 'R10' | 'R12' | 'R14' | 'R19' | 'PAID_ONCE';

/**
 * A refusal of the scholarship rules: a code of `refusal-codes.ts` (`scholarship.*`) with its
 * params and the rule it applies; the reader's app writes the sentence.
 */
export type { Refusal } from '../shared/refusal.ts';

/** The part of a program's rules that the scholarship needs; every number is program data. */
export interface ScholarshipRules {
  /** R11 (003 §3(2)1)): the stipend of one month, in integer yen. */
  monthlyStipendJpy: number;
  /** R12 (003 §3(2)2)): the shortest supported stay, in months. */
  minMonths: number;
  /** R12 (003 §3(2)2)): the longest supported stay, in months; months beyond are not paid. */
  maxMonths: number;
  partialMonthRule: PartialMonthRule;
  /** With `pro-rata-days`: the days a month counts for (28–31); unset: the month's own days. */
  partialMonthDaysPerMonth?: number | undefined;
  /** The month the fiscal year starts in, 1–12 (Japan: 4, April–March). */
  fiscalYearStartMonth: number;
  /** R14 (003 §4): student-months per fiscal year (30 students × 12 months = 360). */
  studentMonthsCapPerFiscalYear: number;
  /** R10 (003 §3(1)): the longest support period of a project, in years. */
  maxSupportYears: number;
}

const positiveInt = z.number().int().positive();

/** zod: the scholarship rules of a program, checked when the funder officer edits them. */
export const scholarshipRulesSchema = z
  .object({
    monthlyStipendJpy: positiveInt,
    minMonths: positiveInt,
    maxMonths: positiveInt,
    partialMonthRule: z.enum(PARTIAL_MONTH_RULES),
    partialMonthDaysPerMonth: z.number().int().min(28).max(31).optional(),
    fiscalYearStartMonth: z.number().int().min(1).max(12),
    studentMonthsCapPerFiscalYear: z.number().int().nonnegative(),
    maxSupportYears: positiveInt,
  })
  .refine((r) => r.minMonths <= r.maxMonths, {
    message: 'minMonths must not exceed maxMonths',
    path: ['minMonths'],
  });

/** The support period of a project (R10), inclusive, and the date it was suspended, if it was. */
export interface SupportPeriod {
  start: IsoDate;
  end: IsoDate;
  /** R10 (003 §3(1) Note): support suspended from this date on; null when not suspended. */
  suspendedFrom?: IsoDate | null;
}

export const supportPeriodSchema = z.object({
  start: isoDateSchema,
  end: isoDateSchema,
  suspendedFrom: isoDateSchema.nullable().optional(),
});

/** A funded placed student's stay at the host, inclusive dates. */
export interface Stay {
  mobilityId: string;
  /** ISO 3166-1 alpha-2 country of the host institution (for R19). */
  hostCountry: string;
  start: IsoDate;
  end: IsoDate;
}

export const staySchema = z.object({
  mobilityId: z.string().min(1),
  hostCountry: z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'),
  start: isoDateSchema,
  end: isoDateSchema,
});

export type LineStatus = 'scheduled' | 'excluded';

/** One calendar month touched by a stay. */
export interface ScheduleLine {
  /** The student-month's identity, `stipend:<mobilityId>:<YYYY-MM>`; paid at most once. */
  key: string;
  mobilityId: string;
  hostCountry: string;
  month: IsoMonth;
  fiscalYear: number;
  /** Days of the month within the stay. */
  daysInStay: number;
  /** Days of the month within the stay and the (unsuspended) support period. */
  daysSupported: number;
  daysInMonth: number;
  /** Student-months this line counts for (1 for a full month; a fraction pro rata). */
  months: number;
  /** The same in exact integer units: `MONTH_UNITS` per month (see months.ts). */
  monthUnits: number;
  amountJpy: number;
  status: LineStatus;
  /** Why a month of the stay is paid in part or not at all. */
  note?: Refusal;
}

export interface FiscalYearTotal {
  fiscalYear: number;
  months: number;
  monthUnits: number;
  amountJpy: number;
}

export interface Schedule {
  mobilityId: string;
  hostCountry: string;
  stay: { start: IsoDate; end: IsoDate };
  monthlyStipendJpy: number;
  partialMonthRule: PartialMonthRule;
  /** With `pro-rata-days`: the days a month counts for, when the program sets them. */
  partialMonthDaysPerMonth: number | null;
  lines: ScheduleLine[];
  totalMonths: number;
  totalMonthUnits: number;
  totalJpy: number;
  byFiscalYear: FiscalYearTotal[];
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; refusal: Refusal };
