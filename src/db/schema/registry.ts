/** Institutions (SCHAC ids), groupings, consortia and associations with membership over time, organisational units, liaison offices. */
import {
  boolean,
  date,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { foldedSql } from './search-fold.ts';
import { users } from './accounts.ts';

/** Names of an organisation or body in the languages it uses: { en, ja, ru, fr }. */
export type Names = Partial<Record<'en' | 'ja' | 'ru' | 'fr', string>>;

export const institutions = pgTable(
  'institutions',
  {
    /** SCHAC code as in Erasmus Without Paper: the institution's internet domain. */
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    names: jsonb('names').$type<Names>().notNull().default({}),
    type: text('type').notNull(),
    country: text('country').notNull(),
    city: text('city').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    website: text('website'),
    /**
     * Demo placeholders (e.g. association members the source documents do not name) are marked
     * invented.
     */
    invented: boolean('invented').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The ROR id, bare (`02956yf07`); unique where set. */
    ror: text('ror'),
    /** The Erasmus institution code in its official form (`F  GRENOBL55`); unique where set. */
    erasmusCode: text('erasmus_code'),
    /** The Participant Identification Code of the EU's funding portal (9 digits); unique where set. */
    pic: text('pic'),
    /** Names in every script, id and city, folded for search (src/db/schema/search-fold.ts). */
    searchText: text('search_text').generatedAlwaysAs(
      foldedSql(
        "id || ' ' || name || ' ' || coalesce(names->>'ja', '') || ' ' || coalesce(names->>'en', '') || ' ' || coalesce(names->>'ru', '') || ' ' || coalesce(names->>'fr', '') || ' ' || city",
      ),
    ),
  },
  (t) => [
    index('institutions_country_idx').on(t.country),
    index('institutions_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('institutions_name_idx').on(t.name, t.id),
    index('institutions_type_idx').on(t.type),
    uniqueIndex('institutions_ror_key')
      .on(t.ror)
      .where(sql`${t.ror} is not null`),
    uniqueIndex('institutions_erasmus_code_key')
      .on(t.erasmusCode)
      .where(sql`${t.erasmusCode} is not null`),
    uniqueIndex('institutions_pic_key')
      .on(t.pic)
      .where(sql`${t.pic} is not null`),
  ],
);

/** Groupings of institutions such as the tri-district model of source document 000. */
export const groupings = pgTable('groupings', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  kind: text('kind').notNull(),
  description: text('description'),
});

export const groupingMembers = pgTable(
  'grouping_members',
  {
    groupingId: text('grouping_id')
      .notNull()
      .references(() => groupings.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.groupingId, t.institutionId] })],
);

/**
 * Consortia, associations and alliances: parties made of institutions (003 §2(1); source documents
 * 001, 004).
 */
export const consortia = pgTable('consortia', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  kind: text('kind').notNull(),
  /** The country side of a one-sided consortium (e.g. JP, RU); null for bi-national bodies. */
  side: text('side'),
  /** The representative university (R8, 003 §5(8)). */
  representativeId: text('representative_id').references(() => institutions.id),
  foundedOn: date('founded_on'),
  description: text('description'),
  /** The representative university's responsible person (R8; 003 §6(5), §11). */
  responsiblePerson: text('responsible_person'),
  /** Demo records that are not in the source documents are marked as invented. */
  invented: boolean('invented').notNull().default(false),
});

export const consortiumMembers = pgTable(
  'consortium_members',
  {
    consortiumId: text('consortium_id')
      .notNull()
      .references(() => consortia.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
  },
  (t) => [primaryKey({ columns: [t.consortiumId, t.institutionId, t.joinedOn] })],
);

/**
 * Memberships proposed by one side and not yet in force: by the consortium or association (its
 * officers or secretariat) or by the university (its coordinator). Only the other side, or a
 * platform administrator, accepts; then the membership joins `consortium_members`, which holds
 * accepted memberships only, so nobody widens their own scope alone. Declined and withdrawn
 * proposals stay as the record of who asked.
 */
export const membershipProposals = pgTable(
  'membership_proposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    consortiumId: text('consortium_id')
      .notNull()
      .references(() => consortia.id, { onDelete: 'cascade' }),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id),
    joinedOn: date('joined_on').notNull(),
    /** The side that proposed: `consortium` or `institution`. */
    proposedBy: text('proposed_by').notNull(),
    proposedByUserId: uuid('proposed_by_user_id').references(() => users.id),
    /** `proposed`, then `accepted`, `declined` or `withdrawn`. */
    status: text('status').notNull().default('proposed'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('membership_proposals_open_key')
      .on(t.consortiumId, t.institutionId)
      .where(sql`${t.status} = 'proposed'`),
    index('membership_proposals_institution_idx').on(t.institutionId),
  ],
);

/** Faculties, graduate schools, master's and doctoral courses of an institution. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    names: jsonb('names').$type<Names>().notNull().default({}),
  },
  (t) => [index('org_units_institution_idx').on(t.institutionId)],
);

/**
 * Liaison offices (source document 002: Kanazawa's Irkutsk office; 003 §6(2): department, person,
 * contact).
 */
export const liaisonOffices = pgTable('liaison_offices', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: text('institution_id')
    .notNull()
    .references(() => institutions.id, { onDelete: 'cascade' }),
  consortiumId: text('consortium_id').references(() => consortia.id),
  name: text('name').notNull(),
  names: jsonb('names').$type<Names>().notNull().default({}),
  city: text('city').notNull(),
  country: text('country').notNull(),
  department: text('department'),
  person: text('person'),
  contact: text('contact'),
  openedOn: date('opened_on'),
});

/**
 * The e-mail domains of a university's students (`tohoku.ac.jp`, `s.tohoku.ac.jp`), kept by its
 * coordinator: an address of one of them may sign up as a student of that university. A domain
 * belongs to one university at most.
 */
export const institutionStudentDomains = pgTable(
  'institution_student_domains',
  {
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    /** Lower case, without `@`. */
    domain: text('domain').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('institution_student_domains_domain_key').on(t.domain),
    index('institution_student_domains_institution_idx').on(t.institutionId),
  ],
);

/**
 * Sign-ups waiting for their address to be confirmed: nothing else exists until the link of the
 * e-mail is opened. Only the SHA-256 of the link's token and the argon2 hash of the password are
 * kept; the row is marked used when the account is made.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    language: text('language').notNull(),
    passwordHash: text('password_hash').notNull(),
    institutionId: text('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('pending_sign_ups_token_key').on(t.tokenHash),
    index('pending_sign_ups_email_idx').on(sql`lower(${t.email})`),
  ],
);
