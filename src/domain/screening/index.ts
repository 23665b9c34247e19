/** Common screening across a consortium pair (R6, R16), and the hand-off to allocation. */
export * from './errors.ts';
export * from './grade-scales.ts';
export * from './rubric.ts';
export * from './consent.ts';
export * from './conflict.ts';
export * from './score.ts';
export * from './rank.ts';
export * from './allocation-instance.ts';
