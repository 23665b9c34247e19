/**
 * The one bridge from a program's rules (src/domain/program/rules.ts, edited by the funder
 * officer) to the scholarship rules: every amount of a schedule, a batch or the cap follows from
 * the program's data (R11 — 003 §3(2)1); R12 — §3(2)2); R10 — §3(1); R14 — §4; R20).
 */
import type { ProgramRules } from '../program/rules.ts';
import type { ScholarshipRules } from './types.ts';

export function scholarshipRulesOf(program: ProgramRules): ScholarshipRules {
  const partial = program.stipend.partialMonth;
  return {
    monthlyStipendJpy: program.stipend.monthlyAmount,
    minMonths: program.stayMonths.min,
    maxMonths: program.stayMonths.max,
    partialMonthRule: partial.kind,
    partialMonthDaysPerMonth: partial.kind === 'pro-rata-days' ? partial.daysPerMonth : undefined,
    fiscalYearStartMonth: program.fiscalYearStartMonth,
    studentMonthsCapPerFiscalYear: program.annualCap.studentMonths,
    maxSupportYears: program.supportPeriod.maxYears,
  };
}
