/**
 * Annual implementation reports (R20, 003 §10(2)): one per project and fiscal year, drafted by
 * the representative university, submitted by its head and received by the funder. The figures
 * of every submitted version are frozen with it at the funder's cut-off; reopening needs the
 * funder's recorded decision and starts the next version, so earlier versions stay readable.
 */
import {
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImplementationFigures } from '../../domain/reports/implementation.ts';
import type { ReportHistoryEntry } from '../../domain/reports/lifecycle.ts';
import type { NarrativeSections } from '../../domain/reports/narrative.ts';
import { users } from './accounts.ts';
import { projectApplications } from './programs.ts';

/** The report of one project for one fiscal year, as it stands (its current version). */
export const implementationReports = pgTable(
  'implementation_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: text('project_id')
      .notNull()
      .references(() => projectApplications.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** draft → submitted → received (src/domain/reports/lifecycle.ts). */
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** The funder's cut-off: the figures count what the records say up to this day. */
    cutOff: date('cut_off'),
    cutOffSetBy: uuid('cut_off_set_by').references(() => users.id, { onDelete: 'set null' }),
    /** The narrative sections of the current version (texts per language). */
    narrative: jsonb('narrative').$type<NarrativeSections>().notNull().default({}),
    submittedOn: date('submitted_on'),
    receivedOn: date('received_on'),
    history: jsonb('history').$type<ReportHistoryEntry[]>().notNull().default([]),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('implementation_reports_once').on(t.projectId, t.fiscalYear)],
);

/** Each submitted version, frozen: its cut-off, figures and narrative as submitted. */
export const implementationReportVersions = pgTable(
  'implementation_report_versions',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => implementationReports.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    cutOff: date('cut_off').notNull(),
    figures: jsonb('figures').$type<ImplementationFigures>().notNull(),
    narrative: jsonb('narrative').$type<NarrativeSections>().notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedOn: date('submitted_on').notNull(),
    late: boolean('late').notNull().default(false),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.version] })],
);

/** The funder's recorded decisions to reopen a submitted report (the reason is required). */
export const implementationReportDecisions = pgTable('implementation_report_decisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => implementationReports.id, { onDelete: 'cascade' }),
  /** The version the decision reopened. */
  version: integer('version').notNull(),
  decidedOn: date('decided_on').notNull(),
  reason: text('reason').notNull(),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Reminders sent to the representative officers (30 and 7 days before the deadline), once each. */
export const implementationReportReminders = pgTable(
  'implementation_report_reminders',
  {
    projectId: text('project_id')
      .notNull()
      .references(() => projectApplications.id),
    fiscalYear: integer('fiscal_year').notNull(),
    daysBefore: integer('days_before').notNull(),
    sentOn: date('sent_on').notNull(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fiscalYear, t.daysBefore] })],
);
