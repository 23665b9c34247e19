/**
 * The database schema, one file per area under schema/; this file gathers them for Drizzle and for
 * imports (`#src/db/schema.ts`). Migrations are generated from it (drizzle-kit generate) and a test
 * fails when the two disagree (test/db/schema-drift.test.ts).
 */
export * from './schema/registry.ts';
export * from './schema/accounts.ts';
export * from './schema/programs.ts';
export * from './schema/agreements.ts';
export * from './schema/calls.ts';
export * from './schema/allocation.ts';
export * from './schema/money.ts';
export * from './schema/mobility.ts';
export * from './schema/sso.ts';
export * from './schema/alumni.ts';
export * from './schema/events.ts';
export * from './schema/research.ts';
export * from './schema/partnership.ts';
export * from './schema/reports.ts';
export * from './schema/ewp.ts';
export * from './schema/jobs.ts';
