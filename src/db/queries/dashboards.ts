/**
 * The dashboards' aggregations, grouped in SQL: stays per year, direction, partner, level and
 * length; payments per project, fiscal year and kind; recognition decisions per year, credit
 * system and outcome; members of a consortium over time. The use cases turn these groups into
 * figures with the pure helpers of `src/domain/reports` and `src/domain/balance`, so that the
 * dashboards count as the implementation report does.
 *
 * Years are named by their first calendar year and start in `startMonth` (a program's fiscal year:
 * April in Japan); a stay belongs, whole, to the year in which it starts.
 */
import { and, asc, eq, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { inList } from './in-list.ts';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../client.ts';
import {
  agreements,
  agreementVersions,
  consortia,
  consortiumMembers,
  countryAdvisories,
  institutions,
  mobilities,
  paymentBatches,
  payments,
  programs,
  recognitionDecisions,
} from '../schema.ts';

/** The scope a dashboard reads: a program's stays, a consortium's members' or an institution's. */
export type StayScope =
  | { kind: 'program'; programId: string }
  /**
   * A consortium's members' stays: between two members (`both`, an association or alliance of
   * both countries), or from or to a member (a one-sided consortium, e.g. a project's Japanese
   * side, whose members exchange with the other side).
   */
  | { kind: 'consortium'; consortiumId: string; both: boolean }
  | { kind: 'institution'; institutionId: string };

export interface StayFilter {
  /** Years (by their first calendar year) the stays start in; empty or absent: every year. */
  years?: readonly number[];
  /** An institution on either side of the stay. */
  partner?: string | null;
  level?: string | null;
  /** ISCED-F 2013 field of study of the stay. */
  field?: string | null;
}

/** An integer constant written into the SQL (so that a GROUP BY repeats the same expression). */
const int = (n: number) => sql.raw(String(Math.trunc(n)));

/** The year (by its first calendar year) of a date column, the year starting in `startMonth`. */
export const yearOfSql = (column: SQL | typeof mobilities.startDate, startMonth: number) =>
  sql<number>`(extract(year from ${column})::int - case when extract(month from ${column})::int < ${int(startMonth)} then 1 else 0 end)`;

const home = alias(institutions, 'home');
const host = alias(institutions, 'host');

/** Both sides were members of the consortium on the day the stay started. */
const memberOnStart = (
  consortiumId: string,
  side: typeof mobilities.homeId | typeof mobilities.hostId,
) =>
  sql`exists (select 1 from ${consortiumMembers} cm where cm.consortium_id = ${consortiumId} and cm.institution_id = ${side} and cm.joined_on <= ${mobilities.startDate} and (cm.left_on is null or cm.left_on > ${mobilities.startDate}))`;

function scopeCondition(scope: StayScope): SQL {
  switch (scope.kind) {
    case 'program':
      return sql`${mobilities.agreementId} in (select ${agreements.id} from ${agreements} where ${agreements.programId} = ${scope.programId})`;
    case 'institution':
      return or(
        eq(mobilities.homeId, scope.institutionId),
        eq(mobilities.hostId, scope.institutionId),
      )!;
    case 'consortium': {
      const home = memberOnStart(scope.consortiumId, mobilities.homeId);
      const host = memberOnStart(scope.consortiumId, mobilities.hostId);
      return scope.both ? and(home, host)! : or(home, host)!;
    }
  }
}

function stayConditions(
  scope: StayScope,
  filter: StayFilter,
  startMonth: number,
  excluded: readonly string[],
): SQL {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (excluded.length) conditions.push(sql`${mobilities.status} not in ${excluded}`);
  if (filter.years?.length) {
    conditions.push(inList(yearOfSql(mobilities.startDate, startMonth), [...filter.years]) as SQL);
  }
  if (filter.partner) {
    conditions.push(
      or(eq(mobilities.homeId, filter.partner), eq(mobilities.hostId, filter.partner))!,
    );
  }
  if (filter.level) conditions.push(eq(mobilities.level, filter.level));
  if (filter.field) conditions.push(eq(mobilities.iscedField, filter.field));
  return and(...conditions)!;
}

/** A group of stays with the same year, agreement, home, host, level, length and status. */
export interface StayGroup {
  year: number;
  agreementId: string | null;
  homeId: string;
  hostId: string;
  homeCountry: string;
  hostCountry: string;
  level: string;
  /** ISCED-F 2013 field of study; null when not recorded. */
  field: string | null;
  months: number;
  status: string;
  students: number;
}

/** What stays may be grouped by beyond year, length and status. */
export type StayDimension = 'agreement' | 'pair' | 'countries' | 'level' | 'field';
export const EVERY_STAY_DIMENSION: readonly StayDimension[] = [
  'agreement',
  'pair',
  'countries',
  'level',
  'field',
];

/**
 * The stays of a scope grouped by year, length, status and the dimensions `by` names (every one
 * when absent: agreement, home and host, their countries, level and field); those in `excluded`
 * states left out (refused and withdrawn nominations never become stays). A dimension not
 * grouped by reads as null (agreement, field) or '' (home, host, countries, level), so that a
 * dashboard reads only as many groups as its tables need.
 */
export async function stayGroups(
  db: Db,
  scope: StayScope,
  filter: StayFilter,
  options: {
    startMonth: number;
    excluded: readonly string[];
    by?: readonly StayDimension[];
  },
): Promise<StayGroup[]> {
  const by = new Set(options.by ?? EVERY_STAY_DIMENSION);
  const year = yearOfSql(mobilities.startDate, options.startMonth);
  const none = sql<string>`''`;
  const nothing = sql<string | null>`null::text`;
  const agreementId = by.has('agreement') ? mobilities.agreementId : nothing;
  const homeId = by.has('pair') ? mobilities.homeId : none;
  const hostId = by.has('pair') ? mobilities.hostId : none;
  const homeCountry = by.has('countries') ? home.country : none;
  const hostCountry = by.has('countries') ? host.country : none;
  const level = by.has('level') ? mobilities.level : none;
  const field = by.has('field') ? mobilities.iscedField : nothing;
  const columns = [
    ...(by.has('agreement') ? [mobilities.agreementId] : []),
    ...(by.has('pair') ? [mobilities.homeId, mobilities.hostId] : []),
    ...(by.has('countries') ? [home.country, host.country] : []),
    ...(by.has('level') ? [mobilities.level] : []),
    ...(by.has('field') ? [mobilities.iscedField] : []),
  ];
  const select = db
    .select({
      year,
      agreementId,
      homeId,
      hostId,
      homeCountry,
      hostCountry,
      level,
      field,
      months: mobilities.months,
      status: mobilities.status,
      students: sql<number>`count(*)::int`,
    })
    .from(mobilities);
  const joined = by.has('countries')
    ? select
        .innerJoin(home, eq(home.id, mobilities.homeId))
        .innerJoin(host, eq(host.id, mobilities.hostId))
    : select;
  const rows = await joined
    .where(stayConditions(scope, filter, options.startMonth, options.excluded))
    .groupBy(year, ...columns, mobilities.months, mobilities.status)
    .orderBy(year, ...(by.has('pair') ? [mobilities.homeId, mobilities.hostId] : []));
  return rows.map((r) => ({
    ...r,
    agreementId: r.agreementId ?? null,
    field: r.field ?? null,
    year: Number(r.year),
    students: Number(r.students),
  }));
}

/** What a dashboard's filters offer: the years, levels and fields of its stays, and their pairs. */
export interface StayOptions {
  years: number[];
  levels: string[];
  fields: string[];
  /** Every home and host (with their countries) that exchange stays in the scope. */
  pairs: { homeId: string; hostId: string; homeCountry: string; hostCountry: string }[];
}

/**
 * The years, levels, fields and home–host pairs of a scope's stays (whatever the filters say), in
 * one reading: distinct values only, never the stays themselves. With `only: 'levels and fields'`,
 * the years and pairs are left empty (a caller that has grouped every stay of the scope already
 * knows them).
 */
export async function stayOptions(
  db: Db,
  scope: StayScope,
  options: { startMonth: number; excluded: readonly string[]; only?: 'levels and fields' },
): Promise<StayOptions> {
  const year = yearOfSql(mobilities.startDate, options.startMonth);
  const sets = options.only
    ? sql`(${mobilities.level}), (${mobilities.iscedField})`
    : sql`(${year}), (${mobilities.level}), (${mobilities.iscedField}), (${mobilities.homeId}, ${mobilities.hostId})`;
  const result = await db.execute(sql`
    with found as (
      select ${options.only ? sql`null::int` : year} as year, ${mobilities.level} as level,
        ${mobilities.iscedField} as field,
        ${options.only ? sql`null::text` : mobilities.homeId} as home_id,
        ${options.only ? sql`null::text` : mobilities.hostId} as host_id,
        ${options.only ? sql`1` : sql`grouping(${year})`} as no_year,
        grouping(${mobilities.level}) as no_level, grouping(${mobilities.iscedField}) as no_field
      from ${mobilities}
      where ${stayConditions(scope, {}, options.startMonth, options.excluded)}
      group by grouping sets (${sets})
    )
    select found.*, home.country as home_country, host.country as host_country
    from found
    left join ${institutions} home on home.id = found.home_id
    left join ${institutions} host on host.id = found.host_id`);
  const rows = (
    result as unknown as {
      rows: {
        year: number | null;
        level: string | null;
        field: string | null;
        home_id: string | null;
        host_id: string | null;
        home_country: string | null;
        host_country: string | null;
        no_year: number;
        no_level: number;
        no_field: number;
      }[];
    }
  ).rows;
  const out: StayOptions = { years: [], levels: [], fields: [], pairs: [] };
  for (const r of rows) {
    if (Number(r.no_year) === 0) out.years.push(Number(r.year));
    else if (Number(r.no_level) === 0) out.levels.push(r.level!);
    else if (Number(r.no_field) === 0) {
      if (r.field !== null) out.fields.push(r.field);
    } else {
      out.pairs.push({
        homeId: r.home_id!,
        hostId: r.host_id!,
        homeCountry: r.home_country!,
        hostCountry: r.host_country!,
      });
    }
  }
  return out;
}

/** One stay behind a figure: what a reader of the dashboard may see of it. */
export interface StayRecord {
  id: string;
  agreementId: string | null;
  homeId: string;
  hostId: string;
  homeCountry: string;
  hostCountry: string;
  studentName: string;
  studentUserId: string | null;
  level: string;
  startDate: string;
  months: number;
  status: string;
  year: number;
}

/** What selects the stays behind one figure, beyond the dashboard's filters. */
export interface RecordFilter extends StayFilter {
  statuses?: readonly string[];
  agreementId?: string | null;
  /** Stays from (or not from) this home institution. */
  homeId?: { is: boolean; id: string };
  /** Stays from (or not from) a home institution in this country. */
  homeCountry?: { is: boolean; country: string };
  hostCountry?: string;
}

/** The stays behind a figure (at most `limit`), oldest first. */
export async function stayRecords(
  db: Db,
  scope: StayScope,
  filter: RecordFilter,
  options: { startMonth: number; excluded: readonly string[]; limit: number },
): Promise<StayRecord[]> {
  const conditions = [stayConditions(scope, filter, options.startMonth, options.excluded)];
  if (filter.statuses?.length) conditions.push(inList(mobilities.status, [...filter.statuses]));
  if (filter.agreementId) conditions.push(eq(mobilities.agreementId, filter.agreementId));
  if (filter.homeId) {
    conditions.push(
      filter.homeId.is
        ? eq(mobilities.homeId, filter.homeId.id)
        : ne(mobilities.homeId, filter.homeId.id),
    );
  }
  if (filter.homeCountry) {
    conditions.push(
      filter.homeCountry.is
        ? eq(home.country, filter.homeCountry.country)
        : ne(home.country, filter.homeCountry.country),
    );
  }
  if (filter.hostCountry) conditions.push(eq(host.country, filter.hostCountry));
  const rows = await db
    .select({
      id: mobilities.id,
      agreementId: mobilities.agreementId,
      homeId: mobilities.homeId,
      hostId: mobilities.hostId,
      homeCountry: home.country,
      hostCountry: host.country,
      studentName: mobilities.studentName,
      studentUserId: mobilities.studentUserId,
      level: mobilities.level,
      startDate: mobilities.startDate,
      months: mobilities.months,
      status: mobilities.status,
      year: yearOfSql(mobilities.startDate, options.startMonth),
    })
    .from(mobilities)
    .innerJoin(home, eq(home.id, mobilities.homeId))
    .innerJoin(host, eq(host.id, mobilities.hostId))
    .where(and(...conditions))
    .orderBy(asc(mobilities.startDate), asc(mobilities.homeId), asc(mobilities.id))
    .limit(options.limit);
  return rows.map((r) => ({ ...r, year: Number(r.year) }));
}

/** The place of institutions, for the map: city and coordinates. */
export async function institutionPlaces(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: institutions.id,
      name: institutions.name,
      names: institutions.names,
      country: institutions.country,
      city: institutions.city,
      latitude: institutions.latitude,
      longitude: institutions.longitude,
    })
    .from(institutions)
    .where(inList(institutions.id, [...new Set(ids)]));
}

/** The agreements of a program, with their parties. */
export async function programAgreements(db: Db, programId: string) {
  return db
    .select({
      id: agreements.id,
      partyAType: agreements.partyAType,
      partyAId: agreements.partyAId,
      partyBType: agreements.partyBType,
      partyBId: agreements.partyBId,
      programId: agreements.programId,
    })
    .from(agreements)
    .where(eq(agreements.programId, programId));
}

/** Agreements by id, with their parties, program and current content (title, tolerance). */
export async function agreementParties(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: agreements.id,
      partyAType: agreements.partyAType,
      partyAId: agreements.partyAId,
      partyBType: agreements.partyBType,
      partyBId: agreements.partyBId,
      programId: agreements.programId,
      status: agreements.status,
      content: agreementVersions.content,
    })
    .from(agreements)
    .leftJoin(
      agreementVersions,
      and(
        eq(agreementVersions.agreementId, agreements.id),
        eq(agreementVersions.version, agreements.currentVersion),
      ),
    )
    .where(inList(agreements.id, [...new Set(ids)]))
    .orderBy(asc(agreements.createdAt));
}

/**
 * Payments of a program's stays per paying consortium, fiscal year (of the month) and kind; the
 * fiscal years, partner and level of the filter select them (the years are the payments' own).
 */
export async function paymentGroups(db: Db, programId: string, filter: StayFilter = {}) {
  const conditions: SQL[] = [
    scopeCondition({ kind: 'program', programId }),
    // Paid: what a batch marked paid carries.
    eq(paymentBatches.status, 'paid'),
  ];
  if (filter.years?.length) conditions.push(inList(payments.fiscalYear, [...filter.years]));
  if (filter.partner) {
    conditions.push(
      or(eq(mobilities.homeId, filter.partner), eq(mobilities.hostId, filter.partner))!,
    );
  }
  if (filter.level) conditions.push(eq(mobilities.level, filter.level));
  if (filter.field) conditions.push(eq(mobilities.iscedField, filter.field));
  const rows = await db
    .select({
      consortiumId: paymentBatches.consortiumId,
      fiscalYear: payments.fiscalYear,
      kind: payments.kind,
      amountJpy: sql<number>`coalesce(sum(${payments.amountJpy}), 0)::bigint`,
      studentMonths: sql<number>`coalesce(sum(${payments.studentMonths}), 0)::float8`,
      payments: sql<number>`count(*)::int`,
    })
    .from(payments)
    .innerJoin(paymentBatches, eq(paymentBatches.id, payments.batchId))
    .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
    .where(and(...conditions))
    .groupBy(paymentBatches.consortiumId, payments.fiscalYear, payments.kind)
    .orderBy(paymentBatches.consortiumId, payments.fiscalYear, payments.kind);
  return rows.map((r) => ({
    ...r,
    amountJpy: Number(r.amountJpy),
    studentMonths: Number(r.studentMonths),
    payments: Number(r.payments),
  }));
}

/**
 * Recognition decisions (R7) on a scope's stays, grouped by the year they were decided in, the
 * home credit system and the outcome, with planned and recognised home credits summed.
 */
export async function recognitionGroups(
  db: Db,
  scope: StayScope,
  filter: StayFilter,
  startMonth: number,
) {
  const decidedOn = sql`(${recognitionDecisions.decidedAt} at time zone 'UTC')::date`;
  const year = yearOfSql(decidedOn, startMonth);
  const system = sql<string>`${recognitionDecisions.decision}->'creditsPlanned'->>'system'`;
  const outcome = sql<string>`${recognitionDecisions.decision}->>'outcome'`;
  const conditions: SQL[] = [scopeCondition(scope)];
  // An institution recognises the credits of its own students (R7): the home side decides.
  if (scope.kind === 'institution') conditions.push(eq(mobilities.homeId, scope.institutionId));
  if (filter.years?.length) conditions.push(inList(year, [...filter.years]) as SQL);
  if (filter.partner) {
    conditions.push(
      or(eq(mobilities.homeId, filter.partner), eq(mobilities.hostId, filter.partner))!,
    );
  }
  if (filter.level) conditions.push(eq(mobilities.level, filter.level));
  if (filter.field) conditions.push(eq(mobilities.iscedField, filter.field));
  const rows = await db
    .select({
      year,
      creditSystem: system,
      outcome,
      decisions: sql<number>`count(*)::int`,
      creditsPlanned: sql<number>`coalesce(sum((${recognitionDecisions.decision}->'creditsPlanned'->>'value')::float8), 0)`,
      creditsRecognised: sql<number>`coalesce(sum((${recognitionDecisions.decision}->'creditsRecognised'->>'value')::float8), 0)`,
    })
    .from(recognitionDecisions)
    .innerJoin(mobilities, eq(mobilities.id, recognitionDecisions.mobilityId))
    .where(and(...conditions))
    .groupBy(year, system, outcome)
    .orderBy(year, system, outcome);
  return rows.map((r) => ({
    year: Number(r.year),
    creditSystem: r.creditSystem ?? '',
    outcome: r.outcome as 'full' | 'partial' | 'none',
    decisions: Number(r.decisions),
    creditsPlanned: Number(r.creditsPlanned),
    creditsRecognised: Number(r.creditsRecognised),
  }));
}

/** A program's safety advisories (R19), and those of every program. */
export async function programAdvisories(db: Db, programId: string) {
  return db
    .select({
      id: countryAdvisories.id,
      programId: countryAdvisories.programId,
      country: countryAdvisories.country,
      level: countryAdvisories.level,
      from: countryAdvisories.fromDate,
      until: countryAdvisories.untilDate,
      liftedOn: countryAdvisories.liftedOn,
      reason: countryAdvisories.reason,
    })
    .from(countryAdvisories)
    .where(or(eq(countryAdvisories.programId, programId), isNull(countryAdvisories.programId)))
    .orderBy(asc(countryAdvisories.fromDate), asc(countryAdvisories.country));
}

/**
 * Members of a consortium in force at the end of each year from `fromYear` to `toYear` (the day
 * before the next year starts), per country; and how many joined and left within each year.
 */
export async function membersOverTime(
  db: Db,
  consortiumId: string,
  range: { fromYear: number; toYear: number; startMonth: number },
) {
  const end = sql`(make_date(y, ${int(range.startMonth)}, 1) + interval '1 year' - interval '1 day')::date`;
  const start = sql`make_date(y, ${int(range.startMonth)}, 1)`;
  const result = await db.execute(sql`
    select y::int as year, i.country as country,
      count(*) filter (where m.joined_on <= ${end} and (m.left_on is null or m.left_on > ${end}))::int as members,
      count(*) filter (where m.joined_on between ${start} and ${end})::int as joined,
      count(*) filter (where m.left_on between ${start} and ${end})::int as left
    from generate_series(${int(range.fromYear)}, ${int(range.toYear)}) as y
    cross join ${consortiumMembers} m
    join ${institutions} i on i.id = m.institution_id
    where m.consortium_id = ${consortiumId}
    group by y, i.country
    order by y, i.country`);
  return (
    result as unknown as {
      rows: { year: number; country: string; members: number; joined: number; left: number }[];
    }
  ).rows.map((r) => ({
    year: Number(r.year),
    country: r.country,
    members: Number(r.members),
    joined: Number(r.joined),
    left: Number(r.left),
  }));
}

/** The first year (by its first calendar year) any member joined the consortium. */
export async function firstMembershipDate(db: Db, consortiumId: string): Promise<string | null> {
  const [row] = await db
    .select({ first: sql<string | null>`min(${consortiumMembers.joinedOn})` })
    .from(consortiumMembers)
    .where(eq(consortiumMembers.consortiumId, consortiumId));
  return row?.first ?? null;
}

/** A consortium's record: its names, kind, side and representative university. */
export async function consortiumRecord(db: Db, id: string) {
  const [row] = await db
    .select({
      id: consortia.id,
      name: consortia.name,
      names: consortia.names,
      kind: consortia.kind,
      side: consortia.side,
      representativeId: consortia.representativeId,
    })
    .from(consortia)
    .where(eq(consortia.id, id));
  return row ?? null;
}

/** Consortia by id (names, side) — the Japanese party of a program's agreements, say. */
export async function consortiumRecords(db: Db, ids: readonly string[]) {
  if (!ids.length) return [];
  return db
    .select({
      id: consortia.id,
      name: consortia.name,
      names: consortia.names,
      side: consortia.side,
    })
    .from(consortia)
    .where(inList(consortia.id, [...new Set(ids)]));
}

/** An institution's record: its names and country. */
export async function institutionRecord(db: Db, id: string) {
  const [row] = await institutionPlaces(db, [id]);
  return row ?? null;
}

/** Every program and consortium, for the platform's administrators' list of dashboards. */
export async function allProgramsAndConsortia(db: Db) {
  const [p, c] = await Promise.all([
    db.select({ id: programs.id }).from(programs).orderBy(asc(programs.id)),
    db.select({ id: consortia.id }).from(consortia).orderBy(asc(consortia.id)),
  ]);
  return { programIds: p.map((r) => r.id), consortiumIds: c.map((r) => r.id) };
}
