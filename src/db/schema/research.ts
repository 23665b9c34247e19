/**
 * Research collaboration: publications read from the files people already have (BibTeX, RIS,
 * CSL-JSON, Crossref, OpenAlex), the import batches they came in (previewed, then applied all or
 * nothing), and which institutions each publication's authors are matched to.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { users } from './accounts.ts';
import { institutions } from './registry.ts';
import type { PublicationAuthor } from '../../domain/research/publication.ts';
import type { Preview } from '../../domain/research/check.ts';

/**
 * One uploaded file: what its preview showed (good entries, duplicates, broken ones with their
 * lines) and whether it was applied. Only the person who imported it reads it.
 */
export const publicationImportBatches = pgTable(
  'publication_import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The institution whose staff's work is imported (the importer coordinates it). */
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    fileName: text('file_name').notNull(),
    sourceFormat: text('source_format').notNull(),
    /** previewed → applied, or discarded. */
    status: text('status').notNull().default('previewed'),
    preview: jsonb('preview').$type<Preview>().notNull(),
    /** How many publications applying it added. */
    added: integer('added').notNull().default(0),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
  },
  (t) => [index('publication_import_batches_by_idx').on(t.importedBy, t.createdAt)],
);

/** One publication: bibliographic data, public. */
export const publications = pgTable(
  'publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower case, without resolver prefix; unique where set. */
    doi: text('doi'),
    title: text('title').notNull(),
    /** The title as duplicates are compared (letters and digits, no accents or case). */
    titleKey: text('title_key').notNull(),
    year: integer('year').notNull(),
    venue: text('venue'),
    type: text('type').notNull(),
    /** The authors in order, each with ORCID iD, affiliation text and matched institution. */
    authors: jsonb('authors').$type<PublicationAuthor[]>().notNull(),
    /** Theme keys (`smart-cities`). */
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    sourceFormat: text('source_format').notNull(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
    batchId: uuid('batch_id').references(() => publicationImportBatches.id),
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('publications_doi_key')
      .on(t.doi)
      .where(sql`${t.doi} is not null`),
    index('publications_title_year_idx').on(t.titleKey, t.year),
    index('publications_year_idx').on(t.year),
  ],
);

/** The institutions a publication's authors are matched to (what co-publication counts read). */
export const publicationInstitutions = pgTable(
  'publication_institutions',
  {
    publicationId: uuid('publication_id')
      .notNull()
      .references(() => publications.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
  },
  (t) => [
    primaryKey({ columns: [t.publicationId, t.institutionId] }),
    index('publication_institutions_institution_idx').on(t.institutionId),
  ],
);
