/**
 * Publications, their import batches, and what the partnership profile reads of them: the
 * publications of a set of institutions (co-publications: at least one author matched to each)
 * and their counts per year and per theme, always computed from the records.
 */
import { and, asc, count, desc, eq, gte, lte, or, sql, type SQL } from 'drizzle-orm';
import { inList } from './in-list.ts';
import type { Db } from '../client.ts';
import {
  institutions,
  publicationImportBatches,
  publicationInstitutions,
  publications,
  users,
} from '../schema.ts';
import type { HeldRecord, Preview } from '../../domain/research/check.ts';
import type { MatchableInstitution } from '../../domain/research/match.ts';
import type {
  PublicationAuthor,
  PublicationType,
  SourceFormat,
} from '../../domain/research/publication.ts';

export type BatchRow = typeof publicationImportBatches.$inferSelect;
type PublicationRow = typeof publications.$inferSelect;

/** A publication as the research area and the partnership profile read it. */
export interface Publication {
  id: string;
  doi: string | null;
  title: string;
  year: number;
  venue: string | null;
  type: PublicationType;
  authors: PublicationAuthor[];
  themes: string[];
  sourceFormat: SourceFormat;
  invented: boolean;
  /** The institutions its authors are matched to. */
  institutionIds: string[];
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

async function withInstitutions(db: Db, rows: PublicationRow[]): Promise<Publication[]> {
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select()
        .from(publicationInstitutions)
        .where(inList(publicationInstitutions.publicationId, ids))
    : [];
  const by = new Map<string, string[]>();
  for (const l of links)
    by.set(l.publicationId, [...(by.get(l.publicationId) ?? []), l.institutionId]);
  return rows.map((r) => ({
    id: r.id,
    doi: r.doi,
    title: r.title,
    year: r.year,
    venue: r.venue,
    type: r.type as PublicationType,
    authors: r.authors,
    themes: r.themes,
    sourceFormat: r.sourceFormat as SourceFormat,
    invented: r.invented,
    institutionIds: (by.get(r.id) ?? []).sort(),
  }));
}

/** Every institution as affiliations are matched against: ROR id, names, SCHAC code. */
export async function matchableInstitutions(db: Db): Promise<MatchableInstitution[]> {
  return db
    .select({
      id: institutions.id,
      ror: institutions.ror,
      name: institutions.name,
      names: institutions.names,
    })
    .from(institutions);
}

/** The records already held of these works (same DOI, or same title key), for the duplicate check. */
export async function heldRecords(
  db: Db,
  dois: readonly string[],
  titleKeys: readonly string[],
): Promise<HeldRecord[]> {
  const conditions: SQL[] = [];
  if (dois.length) conditions.push(inList(publications.doi, [...new Set(dois)]));
  if (titleKeys.length) conditions.push(inList(publications.titleKey, [...new Set(titleKeys)]));
  if (!conditions.length) return [];
  return db
    .select({
      id: publications.id,
      doi: publications.doi,
      title: publications.title,
      year: publications.year,
    })
    .from(publications)
    .where(or(...conditions));
}

export type NewPublication = Omit<typeof publications.$inferInsert, 'id' | 'createdAt'> & {
  institutionIds: readonly string[];
};

/** Adds publications and their matched institutions; answers how many. */
export async function insertPublications(db: Db, rows: readonly NewPublication[]): Promise<number> {
  if (!rows.length) return 0;
  const inserted = await db
    .insert(publications)
    .values(rows.map(({ institutionIds: _ids, ...r }) => r))
    .returning({ id: publications.id });
  const links = inserted.flatMap((r, i) =>
    [...new Set(rows[i]!.institutionIds)].map((institutionId) => ({
      publicationId: r.id,
      institutionId,
    })),
  );
  if (links.length) await db.insert(publicationInstitutions).values(links);
  return inserted.length;
}

export async function insertBatch(
  db: Db,
  values: {
    institutionId: string;
    importedBy: string | null;
    fileName: string;
    sourceFormat: SourceFormat;
    preview: Preview;
    invented?: boolean;
  },
): Promise<BatchRow> {
  const [row] = await db.insert(publicationImportBatches).values(values).returning();
  return row!;
}

export async function batchById(db: Db, id: string): Promise<BatchRow | null> {
  const [row] = await db
    .select()
    .from(publicationImportBatches)
    .where(eq(publicationImportBatches.id, id));
  return row ?? null;
}

/**
 * Closes a batch still previewed (applied with how many it added, or discarded); false when it
 * was no longer open (another request closed it first).
 */
export async function closeBatch(
  db: Db,
  id: string,
  status: 'applied' | 'discarded',
  added: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(publicationImportBatches)
    .set({ status, added, appliedAt: status === 'applied' ? at : null })
    .where(
      and(eq(publicationImportBatches.id, id), eq(publicationImportBatches.status, 'previewed')),
    )
    .returning({ id: publicationImportBatches.id });
  return rows.length === 1;
}

/** A person's import batches, newest first. */
export function batchesOf(db: Db, userId: string) {
  return db
    .select({
      id: publicationImportBatches.id,
      institutionId: publicationImportBatches.institutionId,
      fileName: publicationImportBatches.fileName,
      sourceFormat: publicationImportBatches.sourceFormat,
      status: publicationImportBatches.status,
      added: publicationImportBatches.added,
      createdAt: publicationImportBatches.createdAt,
      appliedAt: publicationImportBatches.appliedAt,
      preview: publicationImportBatches.preview,
    })
    .from(publicationImportBatches)
    .where(eq(publicationImportBatches.importedBy, userId))
    .orderBy(desc(publicationImportBatches.createdAt));
}

export interface PublicationFilter {
  q?: string;
  year?: number;
  theme?: string;
  institutionId?: string;
  page: number;
  pageSize: number;
}

/** Publications, newest first, searched in title, venue, authors and DOI. */
export async function listPublications(db: Db, filter: PublicationFilter) {
  const conditions: SQL[] = [];
  if (filter.q?.trim()) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    conditions.push(
      or(
        sql`${publications.title} ILIKE ${pattern}`,
        sql`coalesce(${publications.venue}, '') ILIKE ${pattern}`,
        sql`coalesce(${publications.doi}, '') ILIKE ${pattern}`,
        sql`${publications.authors}::text ILIKE ${pattern}`,
      )!,
    );
  }
  if (filter.year) conditions.push(eq(publications.year, filter.year));
  if (filter.theme)
    conditions.push(sql`${publications.themes} @> ${JSON.stringify([filter.theme])}::jsonb`);
  if (filter.institutionId)
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${publicationInstitutions} pi WHERE pi.publication_id = ${publications.id} AND pi.institution_id = ${filter.institutionId})`,
    );
  const where = conditions.length ? and(...conditions) : undefined;
  const [total] = await db.select({ n: count() }).from(publications).where(where);
  const rows = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.year), asc(publications.title))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  return { total: total?.n ?? 0, items: await withInstitutions(db, rows) };
}

/** The years and themes publications carry (for the list's filters). */
export async function publicationFacets(db: Db) {
  const years = await db
    .selectDistinct({ year: publications.year })
    .from(publications)
    .orderBy(desc(publications.year));
  const t = db
    .select({ theme: sql<string>`jsonb_array_elements_text(${publications.themes})`.as('theme') })
    .from(publications)
    .as('t');
  const themes = await db.selectDistinct({ theme: t.theme }).from(t).orderBy(asc(t.theme));
  return { years: years.map((y) => y.year), themes: themes.map((r) => r.theme) };
}

export async function publicationById(db: Db, id: string): Promise<Publication | null> {
  const rows = await db.select().from(publications).where(eq(publications.id, id));
  return (await withInstitutions(db, rows))[0] ?? null;
}

export async function publicationByDoi(db: Db, doi: string): Promise<Publication | null> {
  const rows = await db.select().from(publications).where(eq(publications.doi, doi));
  return (await withInstitutions(db, rows))[0] ?? null;
}

export interface PublicationScope {
  institutionIds: readonly string[];
  fromYear?: number;
  toYear?: number;
}

/**
 * The ids of publications of the institutions within the years: matched to any of them, or with
 * `co`, matched to each of them (co-publications).
 */
function scopedIds(db: Db, scope: PublicationScope, co: boolean) {
  const ids = [...new Set(scope.institutionIds)];
  const yearConds: SQL[] = [];
  if (scope.fromYear) yearConds.push(gte(publications.year, scope.fromYear));
  if (scope.toYear) yearConds.push(lte(publications.year, scope.toYear));
  return db
    .select({ id: publicationInstitutions.publicationId })
    .from(publicationInstitutions)
    .innerJoin(publications, eq(publications.id, publicationInstitutions.publicationId))
    .where(and(inList(publicationInstitutions.institutionId, ids), ...yearConds))
    .groupBy(publicationInstitutions.publicationId)
    .having(
      co
        ? sql`count(DISTINCT ${publicationInstitutions.institutionId}) = ${ids.length}`
        : sql`true`,
    );
}

/**
 * The publications of a set of institutions within the years, newest first: with
 * `coPublications` (the default when two or more are given) those with at least one author
 * matched to each of them.
 */
export async function publicationsOfInstitutions(
  db: Db,
  scope: PublicationScope & { coPublications?: boolean },
): Promise<Publication[]> {
  if (!scope.institutionIds.length) return [];
  const co = scope.coPublications ?? scope.institutionIds.length > 1;
  const rows = await db
    .select()
    .from(publications)
    .where(inList(publications.id, scopedIds(db, scope, co)))
    .orderBy(desc(publications.year), asc(publications.title));
  return withInstitutions(db, rows);
}

export interface PublicationCounts {
  /** Publications of any of the institutions. */
  total: number;
  perYear: { year: number; n: number }[];
  perTheme: { theme: string; n: number }[];
  /** Publications with an author matched to each of the institutions (two or more given). */
  coPublications: {
    total: number;
    perYear: { year: number; n: number }[];
    perTheme: { theme: string; n: number }[];
  };
}

async function countsOf(db: Db, scope: PublicationScope, co: boolean) {
  const ids = scopedIds(db, scope, co);
  const perYear = await db
    .select({ year: publications.year, n: count() })
    .from(publications)
    .where(inList(publications.id, ids))
    .groupBy(publications.year)
    .orderBy(asc(publications.year));
  const t = db
    .select({ theme: sql<string>`jsonb_array_elements_text(${publications.themes})`.as('theme') })
    .from(publications)
    .where(inList(publications.id, ids))
    .as('t');
  const perTheme = await db
    .select({ theme: t.theme, n: count() })
    .from(t)
    .groupBy(t.theme)
    .orderBy(desc(count()), asc(t.theme));
  return {
    total: perYear.reduce((s, r) => s + r.n, 0),
    perYear: perYear.map((r) => ({ year: r.year, n: Number(r.n) })),
    perTheme: perTheme.map((r) => ({ theme: r.theme, n: Number(r.n) })),
  };
}

/**
 * Counts per year and per theme, computed from the records (never typed in): of publications of
 * any of the institutions, and of co-publications (an author matched to each of them; empty when
 * fewer than two are given).
 */
export async function publicationCounts(
  db: Db,
  scope: PublicationScope,
): Promise<PublicationCounts> {
  const empty = { total: 0, perYear: [], perTheme: [] };
  if (!scope.institutionIds.length) return { ...empty, coPublications: empty };
  const any = await countsOf(db, scope, false);
  const co = new Set(scope.institutionIds).size > 1 ? await countsOf(db, scope, true) : empty;
  return { ...any, coPublications: co };
}

/** The institution an identifier names: ROR id, Erasmus code, PIC or SCHAC code. */
export async function institutionByIdentifier(
  db: Db,
  kind: 'ror' | 'erasmus' | 'pic' | 'schac',
  value: string,
) {
  const column = {
    ror: institutions.ror,
    erasmus: institutions.erasmusCode,
    pic: institutions.pic,
    schac: institutions.id,
  }[kind];
  const [row] = await db
    .select({ id: institutions.id, name: institutions.name, names: institutions.names })
    .from(institutions)
    .where(eq(column, value));
  return row ?? null;
}

/** Institutions other than `exceptId` already holding one of these identifiers. */
export async function institutionsHoldingIdentifiers(
  db: Db,
  ids: { ror?: string | null; erasmusCode?: string | null; pic?: string | null },
  exceptId: string | null,
) {
  const conds: SQL[] = [];
  if (ids.ror) conds.push(eq(institutions.ror, ids.ror));
  if (ids.erasmusCode) conds.push(eq(institutions.erasmusCode, ids.erasmusCode));
  if (ids.pic) conds.push(eq(institutions.pic, ids.pic));
  if (!conds.length) return [];
  const rows = await db
    .select({
      id: institutions.id,
      name: institutions.name,
      names: institutions.names,
      ror: institutions.ror,
      erasmusCode: institutions.erasmusCode,
      pic: institutions.pic,
    })
    .from(institutions)
    .where(or(...conds));
  return rows.filter((r) => r.id !== exceptId);
}

/** The person holding an ORCID iD (id only: the service decides what the reader sees). */
export async function userByOrcid(db: Db, orcid: string) {
  const [row] = await db
    .select({ id: users.id, orcid: users.orcid, disabled: users.disabled })
    .from(users)
    .where(eq(users.orcid, orcid));
  return row ?? null;
}

/** Another person already holding this ORCID iD, or null. */
export async function orcidHolder(db: Db, orcid: string, exceptUserId: string) {
  const row = await userByOrcid(db, orcid);
  return row && row.id !== exceptUserId ? row : null;
}

export async function userOrcid(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ orcid: users.orcid }).from(users).where(eq(users.id, userId));
  return row?.orcid ?? null;
}

export async function saveUserOrcid(db: Db, userId: string, orcid: string | null) {
  await db.update(users).set({ orcid }).where(eq(users.id, userId));
}
