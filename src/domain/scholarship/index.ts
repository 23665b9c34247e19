/** Scholarships (R8, R10–R12, R14, R19): schedule, fiscal years, cap, payability, batches. */
export * from './types.ts';
export * from './dates.ts';
export * from './months.ts';
export * from './fiscal-year.ts';
export * from './schedule.ts';
export * from './cap.ts';
export * from './safety.ts';
export * from './payable.ts';
export * from './ledger.ts';
export * from './program.ts';
export * from './refusal-codes.ts';
