export * from './publication.ts';
export * from './check.ts';
export * from './match.ts';
export * from './parse.ts';
export { latexToText } from './latex.ts';
export { RESEARCH_CODES } from './refusal-codes.ts';
