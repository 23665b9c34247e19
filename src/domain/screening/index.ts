/** Common screening across a consortium pair (R6, R16; issue 5, items 4 and 5). */
export * from './errors.ts';
export * from './grade-scales.ts';
export * from './rubric.ts';
export * from './consent.ts';
export * from './conflict.ts';
export * from './score.ts';
export * from './rank.ts';
export * from './allocation-instance.ts';
