export * from './fields.ts';
export * from './directory.ts';
export * from './derive.ts';
export * from './mentors.ts';
export * from './refusal-codes.ts';
