/** Eligibility of a student for a call, with a reason for every refusal. */
export * from './types.ts';
export * from './cefr.ts';
export { addMonths } from './dates.ts';
export * from './reason-messages.ts';
export * from './check-eligibility.ts';
export * from './ranking.ts';
