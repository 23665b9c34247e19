/**
 * The registry as people browse it: institutions with their districts, groupings, consortia and
 * associations with their members on a date and their liaison offices.
 */
import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { inList } from '../in-list.ts';
import type { INSTITUTION_TYPES } from '../../../domain/registry/institution.ts';
import type { Db } from '../../client.ts';
import {
  consortia,
  consortiumMembers,
  groupingMembers,
  groupings,
  institutions,
  liaisonOffices,
  type Names,
} from '../../schema.ts';
import { inForceCondition } from '../memberships.ts';
import { institutionNames } from '../names.ts';
import { foldText, searchCondition } from '../search.ts';

/** The enumerations the registry stores as text (checked on input). */
type InstitutionType = (typeof INSTITUTION_TYPES)[number];
type ConsortiumKind = 'consortium' | 'association' | 'alliance';

export interface InstitutionFilter {
  q?: string;
  country?: string;
  type?: string;
  district?: string;
  includePlaceholders?: boolean;
  /** The key (name, id) of the last row of the previous page. */
  after?: { name: string; id: string } | undefined;
  limit: number;
}

export interface GroupingRef {
  id: string;
  name: string;
  names: Names;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The districts (groupings of kind `district`) of each of these institutions. */
export async function districtsOf(db: Db, ids: string[]): Promise<Map<string, GroupingRef[]>> {
  const map = new Map<string, GroupingRef[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .select({
      institutionId: groupingMembers.institutionId,
      id: groupings.id,
      name: groupings.name,
      names: groupings.names,
    })
    .from(groupingMembers)
    .innerJoin(groupings, eq(groupings.id, groupingMembers.groupingId))
    .where(and(inList(groupingMembers.institutionId, ids), eq(groupings.kind, 'district')))
    .orderBy(asc(groupings.id));
  for (const { institutionId, ...ref } of rows) {
    map.set(institutionId, [...(map.get(institutionId) ?? []), ref]);
  }
  return map;
}

/**
 * One page of the institutions matching the filter, by name then id (the keyset order of
 * `institutions_name_idx`): `limit + 1` rows so the caller knows whether more follow, and the
 * number of all the matching institutions.
 */
export async function institutionPage(db: Db, filter: InstitutionFilter) {
  const conditions: SQL[] = [];
  if (filter.q && [...foldText(filter.q)].length >= 3) {
    // Names in every script, id and city, folded: the trigram index of search_text answers.
    conditions.push(searchCondition(sql`${institutions.searchText}`, filter.q));
  } else if (filter.q) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    conditions.push(
      or(
        ilike(institutions.name, pattern),
        ilike(institutions.id, pattern),
        ilike(institutions.city, pattern),
        sql`${institutions.names}::text ILIKE ${pattern}`,
      )!,
    );
  }
  if (!filter.includePlaceholders) conditions.push(eq(institutions.invented, false));
  if (filter.country) conditions.push(eq(institutions.country, filter.country.toUpperCase()));
  if (filter.type) conditions.push(eq(institutions.type, filter.type));
  if (filter.district) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM ${groupingMembers} gm WHERE gm.institution_id = ${institutions.id} AND gm.grouping_id = ${filter.district})`,
    );
  }
  const where = conditions.length ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(institutions).where(where);
  const after = filter.after
    ? sql`(${institutions.name}, ${institutions.id}) > (${filter.after.name}, ${filter.after.id})`
    : undefined;
  const rows = await db
    .select()
    .from(institutions)
    .where(and(where, after))
    .orderBy(asc(institutions.name), asc(institutions.id))
    .limit(filter.limit + 1);
  const districts = await districtsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => toInstitution(r, districts.get(r.id) ?? [])),
    total: Number(totalRow?.n ?? 0),
  };
}

function toInstitution(r: typeof institutions.$inferSelect, districts: GroupingRef[]) {
  return {
    id: r.id,
    name: r.name,
    names: r.names,
    type: r.type as InstitutionType,
    country: r.country,
    city: r.city,
    latitude: r.latitude,
    longitude: r.longitude,
    website: r.website,
    invented: r.invented,
    districts,
  };
}

/** One institution with its districts and its memberships over time; null when unknown. */
export async function loadInstitution(db: Db, id: string) {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  if (!row) return null;
  const districts = await districtsOf(db, [id]);
  const memberships = await db
    .select({
      id: consortia.id,
      name: consortia.name,
      names: consortia.names,
      kind: consortia.kind,
      joinedOn: consortiumMembers.joinedOn,
      leftOn: consortiumMembers.leftOn,
    })
    .from(consortiumMembers)
    .innerJoin(consortia, eq(consortia.id, consortiumMembers.consortiumId))
    .where(eq(consortiumMembers.institutionId, id))
    .orderBy(asc(consortia.name));
  return {
    ...toInstitution(row, districts.get(id) ?? []),
    identifiers: { ror: row.ror, erasmusCode: row.erasmusCode, pic: row.pic },
    consortia: memberships.map((m) => ({ ...m, kind: m.kind as ConsortiumKind })),
  };
}

export async function listGroupings(db: Db) {
  const rows = await db.select().from(groupings).orderBy(asc(groupings.id));
  const members = await db.select().from(groupingMembers);
  return {
    items: rows.map((g) => ({
      id: g.id,
      name: g.name,
      names: g.names,
      kind: g.kind,
      description: g.description,
      memberIds: members.filter((m) => m.groupingId === g.id).map((m) => m.institutionId),
    })),
  };
}

export async function listConsortia(
  db: Db,
  filter: { q?: string; kind?: string; page: number; pageSize: number; onDate: string },
) {
  const conditions: SQL[] = [];
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q.trim())}%`;
    conditions.push(
      or(ilike(consortia.name, pattern), sql`${consortia.names}::text ILIKE ${pattern}`)!,
    );
  }
  if (filter.kind) conditions.push(eq(consortia.kind, filter.kind));
  const where = conditions.length ? and(...conditions) : undefined;
  const [totalRow] = await db.select({ n: count() }).from(consortia).where(where);
  const rows = await db
    .select({
      id: consortia.id,
      name: consortia.name,
      names: consortia.names,
      kind: consortia.kind,
      side: consortia.side,
      representativeId: consortia.representativeId,
      invented: consortia.invented,
      memberCount: sql<number>`(SELECT count(*)::int FROM ${consortiumMembers} WHERE ${consortiumMembers.consortiumId} = ${consortia.id} AND ${inForceCondition(filter.onDate)})`,
    })
    .from(consortia)
    .where(where)
    .orderBy(asc(consortia.name))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const representatives = await institutionNames(
    db,
    rows.flatMap((r) => (r.representativeId ? [r.representativeId] : [])),
  );
  return {
    items: rows.map((r) => ({
      ...r,
      kind: r.kind as ConsortiumKind,
      representativeName: r.representativeId
        ? (representatives.get(r.representativeId) ?? null)
        : null,
      memberCount: Number(r.memberCount),
    })),
    total: Number(totalRow?.n ?? 0),
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** One consortium with its members over time, counted on `onDate`; null when unknown. */
export async function loadConsortium(db: Db, id: string, onDate: string) {
  const [row] = await db.select().from(consortia).where(eq(consortia.id, id)).limit(1);
  if (!row) return null;
  const members = await db
    .select({
      joinedOn: consortiumMembers.joinedOn,
      leftOn: consortiumMembers.leftOn,
      institution: {
        id: institutions.id,
        name: institutions.name,
        names: institutions.names,
        country: institutions.country,
        city: institutions.city,
        type: institutions.type,
        invented: institutions.invented,
      },
    })
    .from(consortiumMembers)
    .innerJoin(institutions, eq(institutions.id, consortiumMembers.institutionId))
    .where(eq(consortiumMembers.consortiumId, id))
    .orderBy(asc(institutions.country), asc(institutions.name));
  const [rep] = row.representativeId
    ? await db
        .select({ id: institutions.id, name: institutions.name, names: institutions.names })
        .from(institutions)
        .where(eq(institutions.id, row.representativeId))
    : [];
  const isCurrent = (m: { joinedOn: string; leftOn: string | null }) =>
    m.joinedOn <= onDate && (m.leftOn === null || m.leftOn > onDate);
  const current = members.filter(isCurrent);
  const memberCountBySide: Record<string, number> = {};
  for (const m of current) {
    memberCountBySide[m.institution.country] = (memberCountBySide[m.institution.country] ?? 0) + 1;
  }
  const offices = await db.select().from(liaisonOffices).where(eq(liaisonOffices.consortiumId, id));
  return {
    id: row.id,
    name: row.name,
    names: row.names,
    kind: row.kind as ConsortiumKind,
    side: row.side,
    foundedOn: row.foundedOn,
    responsiblePerson: row.responsiblePerson,
    at: onDate,
    memberCountBySide,
    liaisonOffices: offices.map((o) => ({
      id: o.id,
      institutionId: o.institutionId,
      name: o.name,
      names: o.names,
      city: o.city,
      country: o.country,
      department: o.department,
      person: o.person,
      contact: o.contact,
      openedOn: o.openedOn,
    })),
    description: row.description,
    invented: row.invented,
    representative: rep ?? null,
    memberCount: current.length,
    members: members.map((m) => ({
      ...m,
      institution: { ...m.institution, type: m.institution.type as InstitutionType },
    })),
  };
}
