/** Funder programs, their versioned rules (R1–R20 as data) and project applications. */
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { foldedSql } from './search-fold.ts';
import type { ProjectApplication } from '../../domain/program/application.ts';
import type { ProgramRules } from '../../domain/program/rules.ts';
import type { DatedChecks, SupportState } from '../../domain/program/checks.ts';
import { institutions } from './registry.ts';
import type { Names } from './registry.ts';

/** A funder's support program; its rules (R1–R20) are data, filled in by the programs capability. */
export const programs = pgTable('programs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  funderId: text('funder_id')
    .notNull()
    .references(() => institutions.id),
  /** The program's rules as data (R1–R20), validated by src/domain/program (parsed on read). */
  rules: jsonb('rules').$type<ProgramRules>(),
});

/** Every edit of a program's rules is a new version (the funder officer edits; R1–R20 as data). */
export const programRuleVersions = pgTable(
  'program_rule_versions',
  {
    programId: text('program_id')
      .notNull()
      .references(() => programs.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<ProgramRules>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.programId, t.version] })],
);

/**
 * A project application by a consortium pair to a program (R15, 003 §6); content is the whole form.
 */
export const projectApplications = pgTable(
  'project_applications',
  {
    id: text('id').primaryKey(),
    programId: text('program_id')
      .notNull()
      .references(() => programs.id),
    status: text('status').notNull().default('draft'),
    homeConsortiumId: text('home_consortium_id'),
    partnerConsortiumId: text('partner_consortium_id'),
    representativeId: text('representative_id'),
    responsibleUserId: uuid('responsible_user_id'),
    content: jsonb('content').$type<ProjectApplication>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    outcome: text('outcome'),
    outcomeOn: date('outcome_on'),
    /**
     * R10: the selected project's support state (started, suspended, ended) as data: a
     * SupportState of src/domain/program/checks.ts, read through `supportOf` of
     * src/db/queries/programs.ts.
     */
    support: jsonb('support').$type<SupportState>(),
    /**
     * R18: the checks as they stood at submission (`DatedChecks`); a submitted application shows
     * these, never a re-run against a later day.
     */
    checks: jsonb('checks').$type<DatedChecks>(),
    /** The last explicit re-check of a submitted application (`DatedChecks`, with who asked). */
    recheck: jsonb('recheck').$type<DatedChecks>(),
    invented: boolean('invented').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The id and the project's title in every language, folded for search (./search-fold.ts),
     * each after a `|` so that a short search finds the start of any of them.
     */
    searchText: text('search_text').generatedAlwaysAs(
      foldedSql(
        "id || '|' || coalesce(content->'title'->>'ja', '') || '|' || coalesce(content->'title'->>'en', '') || '|' || coalesce(content->'title'->>'ru', '') || '|' || coalesce(content->'title'->>'fr', '')",
      ),
    ),
  },
  (t) => [
    index('project_applications_program_idx').on(t.programId, t.id),
    index('project_applications_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
