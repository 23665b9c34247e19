/**
 * Dashboards, each read in its reader's scope (`dashboard:read`):
 * - a program's, for its funder officers: flows per fiscal year, balance per project (R4, 003
 *   §5(4)), scholarships against the cap and the budget (R14, 003 §4), recognition (R7, 003
 *   §5(7)), safety advisories in force (R19);
 * - a consortium's, association's or alliance's, for its officers and secretariat: members over
 *   time, flows between member countries, events held and their participants;
 * - an institution's, for its international office: incoming and outgoing per partner and year,
 *   balance per agreement (R4), recognition (R7).
 *
 * The counting is the implementation report's (R20, `src/domain/reports/implementation.ts`): a
 * stay belongs, whole, to the fiscal year in which it starts; it counts as a flow when its status
 * says it took place (`TOOK_PLACE`); the balance is `buildLedger` over every stay not refused or
 * withdrawn (planned) and those that took place (realised); duration bands are `durationBand`'s.
 * The groups are counted in SQL (`src/db/queries/dashboards.ts`).
 */
import {
  agreementParties,
  consortiumRecord,
  consortiumRecords,
  firstMembershipDate,
  institutionPlaces,
  institutionRecord,
  membersOverTime,
  paymentGroups,
  programAdvisories,
  recognitionGroups,
  stayGroups,
  stayOptions,
  type StayGroup,
  type StayDimension,
  type StayOptions,
  type StayScope,
} from '#src/db/queries/dashboards.ts';
import { eventParticipation } from '#src/db/queries/events.ts';
import { programNames } from '#src/db/queries/names.ts';
import { programExists, storedProgramRules } from '#src/db/queries/agreements.ts';
import { startMonthFor } from '#src/domain/balance/academic-year.ts';
import {
  buildLedgerFromGroups,
  type Flow,
  type Ledger,
  type Tolerance,
} from '#src/domain/balance/ledger.ts';
import { annualScholarshipBudget, parseProgramRules } from '#src/domain/program/rules.ts';
import {
  DURATION_BANDS,
  TOOK_PLACE,
  durationBand,
  type DurationBand,
} from '#src/domain/reports/implementation.ts';
import { capStatus } from '#src/domain/scholarship/cap.ts';
import { fiscalYearOf, fiscalYearRange } from '#src/domain/scholarship/fiscal-year.ts';
import { fromMonthUnits, toMonthUnits } from '#src/domain/scholarship/months.ts';
import { advisoryWindow, isInEffect, type AdvisoryLevel } from '#src/domain/scholarship/safety.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import type { MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import {
  consortiumResource,
  institutionsResource,
  programResource,
  requireAccess,
} from '../access.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import type { Cell, RecordQuery, Table } from './tables.ts';

/** Nominations that never become stays: left out of every figure, planned ones included. */
export const NEVER_A_STAY = ['refused', 'withdrawn'] as const;

export type DashboardKind = 'program' | 'consortium' | 'institution';

export interface DashboardFilter {
  years: number[];
  partner: string | null;
  level: string | null;
  /** ISCED-F 2013 field of study. */
  field: string | null;
}

/** A place on the map: a city, with the institutions in it. */
export interface MapPlace {
  id: string;
  city: string;
  country: string;
  latitude: number;
  longitude: number;
}

export interface MapFlow {
  from: string;
  to: string;
  students: number;
  months: number;
}

export interface Dashboard {
  kind: DashboardKind;
  id: string;
  name: LocalizedText;
  /** The month years start in (a program's fiscal year; Japan: April). */
  startMonth: number;
  today: string;
  filter: DashboardFilter;
  /** What the filters offer: the years with records, the partners, the levels. */
  options: {
    years: number[];
    partners: { id: string; name: LocalizedText }[];
    levels: string[];
    fields: string[];
  };
  tables: Table[];
  map: { places: MapPlace[]; flows: MapFlow[] };
}

const tookPlace = (status: string) => TOOK_PLACE.includes(status as MobilityState);
const round2 = (n: number) => Math.round(n * 100) / 100;
const sumMonths = (a: number, b: number) => fromMonthUnits(toMonthUnits(a) + toMonthUnits(b));

const emptyFlow = (): Flow => ({
  sentStudents: 0,
  receivedStudents: 0,
  sentMonths: 0,
  receivedMonths: 0,
});

function addGroup(flow: Flow, sent: boolean, g: StayGroup): void {
  const months = fromMonthUnits(toMonthUnits(g.months) * g.students);
  if (sent) {
    flow.sentStudents += g.students;
    flow.sentMonths = sumMonths(flow.sentMonths, months);
  } else {
    flow.receivedStudents += g.students;
    flow.receivedMonths = sumMonths(flow.receivedMonths, months);
  }
}

const link = (n: number, records: RecordQuery): Cell => ({ n, records });

/**
 * On an institution's dashboard, the partners (and the agreements) with the most stays are shown
 * in full, at most this many; the rows of the others are counted (`omitted`) and downloaded.
 */
export const DASHBOARD_TOP_ROWS_OF = 50;

/** The `n` keys with the largest counts (ties by key). */
const first = (counts: Map<string, number>, n: number) =>
  [...counts].sort(([a, x], [b, y]) => y - x || a.localeCompare(b)).slice(0, n);

const omitted = (n: number): { omitted?: number } => (n > 0 ? { omitted: n } : {});

/** The R4 ledger of some groups (a group of n stays is n entries, dated in its year). */
function ledgerOf(
  groups: readonly StayGroup[],
  sent: (g: StayGroup) => boolean,
  startMonth: number,
  tolerance: Tolerance,
) {
  return buildLedgerFromGroups(
    groups.map((g) => ({
      outgoing: sent(g),
      startDate: fiscalYearRange(g.year, startMonth).start,
      months: g.months,
      realised: tookPlace(g.status),
      students: g.students,
    })),
    startMonth,
    tolerance,
  );
}

/** The balance table rows of one ledger (one row per year, the R4 warnings counted). */
function balanceRows(label: Cell, ledger: Ledger, records: RecordQuery): Cell[][] {
  return ledger.years.map((row) => {
    const warnings = ledger.warnings.filter((w) => w.academicYear === row.academicYear).length;
    const y = { ...records, year: row.academicYear };
    return [
      label,
      row.academicYear,
      link(row.planned.sentStudents, { ...y, direction: 'sent' }),
      link(row.planned.receivedStudents, { ...y, direction: 'received' }),
      link(row.realised.sentStudents, { ...y, direction: 'sent', tookPlace: true }),
      link(row.realised.receivedStudents, { ...y, direction: 'received', tookPlace: true }),
      round2(row.realised.sentMonths),
      round2(row.realised.receivedMonths),
      warnings,
    ];
  });
}

const BALANCE_COLUMNS = [
  'fiscal_year',
  'planned_sent_students',
  'planned_received_students',
  'realised_sent_students',
  'realised_received_students',
  'realised_sent_months',
  'realised_received_months',
  'r4_warnings',
];

/** Flows per year: students and months sent and received (stays that took place). */
function flowsTable(
  id: string,
  groups: readonly StayGroup[],
  sent: (g: StayGroup) => boolean,
): Table {
  const byYear = new Map<number, Flow>();
  for (const g of groups) {
    if (!tookPlace(g.status)) continue;
    let f = byYear.get(g.year);
    if (!f) byYear.set(g.year, (f = emptyFlow()));
    addGroup(f, sent(g), g);
  }
  return {
    id,
    columns: [
      'fiscal_year',
      'sent_students',
      'sent_months',
      'received_students',
      'received_months',
    ],
    rows: [...byYear]
      .sort(([a], [b]) => a - b)
      .map(([year, f]) => [
        year,
        link(f.sentStudents, { year, direction: 'sent', tookPlace: true }),
        round2(f.sentMonths),
        link(f.receivedStudents, { year, direction: 'received', tookPlace: true }),
        round2(f.receivedMonths),
      ]),
  };
}

/** Stays that took place per duration band (`durationBand`: under 1, 1 to 3, over 3 months). */
function durationTable(groups: readonly StayGroup[], sent: (g: StayGroup) => boolean): Table {
  const rows = new Map<DurationBand, Flow>(DURATION_BANDS.map((b) => [b, emptyFlow()]));
  for (const g of groups)
    if (tookPlace(g.status)) addGroup(rows.get(durationBand(g.months))!, sent(g), g);
  return {
    id: 'duration',
    columns: [
      'duration_band',
      'sent_students',
      'sent_months',
      'received_students',
      'received_months',
    ],
    rows: [...rows].map(([band, f]) => [
      band,
      f.sentStudents,
      round2(f.sentMonths),
      f.receivedStudents,
      round2(f.receivedMonths),
    ]),
  };
}

/** The map and its table: stays that took place, from the home's city to the host's. */
async function cityFlows(
  ctx: ServiceContext,
  groups: readonly StayGroup[],
): Promise<{ table: Table; map: Dashboard['map'] }> {
  const done = groups.filter((g) => tookPlace(g.status));
  const places = await institutionPlaces(
    ctx.db,
    done.flatMap((g) => [g.homeId, g.hostId]),
  );
  const placeOf = new Map(places.map((p) => [p.id, p]));
  const key = (id: string) => {
    const p = placeOf.get(id);
    return p ? `${p.country}:${p.city}` : id;
  };
  const mapPlaces = new Map<string, MapPlace>();
  const flows = new Map<string, MapFlow>();
  for (const g of done) {
    const from = placeOf.get(g.homeId);
    const to = placeOf.get(g.hostId);
    if (!from || !to) continue;
    for (const p of [from, to]) {
      if (p.latitude === null || p.longitude === null) continue;
      mapPlaces.set(key(p.id), {
        id: key(p.id),
        city: p.city,
        country: p.country,
        latitude: p.latitude,
        longitude: p.longitude,
      });
    }
    const k = `${key(g.homeId)}→${key(g.hostId)}`;
    let f = flows.get(k);
    if (!f) flows.set(k, (f = { from: key(g.homeId), to: key(g.hostId), students: 0, months: 0 }));
    f.students += g.students;
    f.months = sumMonths(f.months, fromMonthUnits(toMonthUnits(g.months) * g.students));
  }
  const list = [...flows.values()]
    .map((f) => ({ ...f, months: round2(f.months) }))
    .sort(
      (a, b) => b.students - a.students || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
    );
  const city = (id: string) => {
    const p = mapPlaces.get(id);
    return p ? `${p.city} (${p.country})` : id;
  };
  return {
    map: { places: [...mapPlaces.values()], flows: list },
    table: {
      id: 'city_flows',
      columns: ['from_city', 'to_city', 'students', 'months'],
      rows: list.map((f) => [city(f.from), city(f.to), f.students, f.months]),
    },
  };
}

/**
 * A dashboard's stays grouped by `by` under its filters, and what its filters offer. Without
 * filters the groups hold every stay of the scope: their years and pairs are the filters' own,
 * and only the levels and fields are read besides.
 */
async function readStays(
  ctx: ServiceContext,
  scope: StayScope,
  filter: DashboardFilter,
  options: { startMonth: number; excluded: readonly string[] },
  by: readonly StayDimension[],
): Promise<[StayGroup[], StayOptions]> {
  const unfiltered = !filter.years.length && !filter.partner && !filter.level && !filter.field;
  if (!unfiltered || !by.includes('pair')) {
    return Promise.all([
      stayGroups(ctx.db, scope, filter, { ...options, by }),
      stayOptions(ctx.db, scope, options),
    ]);
  }
  const [groups, kinds] = await Promise.all([
    stayGroups(ctx.db, scope, filter, { ...options, by }),
    stayOptions(ctx.db, scope, { ...options, only: 'levels and fields' }),
  ]);
  const pairs = new Map<string, StayOptions['pairs'][number]>();
  for (const g of groups) {
    const key = `${g.homeId}\u0000${g.hostId}`;
    if (!pairs.has(key)) pairs.set(key, g);
  }
  return [
    groups,
    {
      ...kinds,
      years: [...new Set(groups.map((g) => g.year))],
      pairs: [...pairs.values()].map((g) => ({
        homeId: g.homeId,
        hostId: g.hostId,
        homeCountry: g.homeCountry,
        hostCountry: g.hostCountry,
      })),
    },
  ];
}

/** What the filters offer, from every stay of the scope (whatever the filters say). */
async function filterOptions(
  ctx: ServiceContext,
  all: StayOptions,
  partnerOf: (pair: StayOptions['pairs'][number]) => string,
) {
  const years = [...new Set(all.years)].sort((a, b) => a - b);
  const levels = [...new Set(all.levels)].sort();
  const fields = [...new Set(all.fields)].sort();
  const partnerIds = [...new Set(all.pairs.map(partnerOf))];
  const places = await institutionPlaces(ctx.db, partnerIds);
  const partners = places
    .map((p) => ({ id: p.id, name: { ...p.names, en: p.names.en ?? p.name } }))
    .sort((a, b) => (a.name.en ?? a.id).localeCompare(b.name.en ?? b.id));
  return { years, levels, partners, fields };
}

/** Names of institutions as cells. */
async function nameCells(ctx: ServiceContext, ids: readonly string[]) {
  const places = await institutionPlaces(ctx.db, ids);
  return new Map<string, Cell>(
    places.map((p) => [p.id, { names: { ...p.names, en: p.names.en ?? p.name } }]),
  );
}

/** Recognition (R7) per year and home credit system: rate = recognised ÷ planned credits. */
function recognitionTable(groups: Awaited<ReturnType<typeof recognitionGroups>>): Table {
  const rows = new Map<
    string,
    {
      year: number;
      system: string;
      full: number;
      partial: number;
      none: number;
      planned: number;
      recognised: number;
    }
  >();
  for (const g of groups) {
    const k = `${g.year}|${g.creditSystem}`;
    let r = rows.get(k);
    if (!r) {
      rows.set(
        k,
        (r = {
          year: g.year,
          system: g.creditSystem,
          full: 0,
          partial: 0,
          none: 0,
          planned: 0,
          recognised: 0,
        }),
      );
    }
    r[g.outcome] += g.decisions;
    r.planned += g.creditsPlanned;
    r.recognised += g.creditsRecognised;
  }
  const round4 = (n: number) => Number(n.toFixed(4));
  return {
    id: 'recognition',
    columns: [
      'fiscal_year',
      'credit_system',
      'decisions',
      'full',
      'partial',
      'none',
      'credits_planned',
      'credits_recognised',
      'recognition_rate',
    ],
    rows: [...rows.values()].map((r) => [
      r.year,
      r.system,
      r.full + r.partial + r.none,
      r.full,
      r.partial,
      r.none,
      round4(r.planned),
      round4(r.recognised),
      r.planned > 0 ? round4(r.recognised / r.planned) : null,
    ]),
  };
}

// ── The program's dashboard (funder) ──────────────────────────────────────────────────────────

export async function programDashboard(
  ctx: ServiceContext,
  programId: string,
  filter: DashboardFilter,
): Promise<Dashboard> {
  if (!(await programExists(ctx.db, programId))) throw notFound('program', programId);
  requireAccess(ctx, 'dashboard:read', programResource(programId, 'dashboard'));
  const today = todayOf(ctx);
  const stored = await storedProgramRules(ctx.db, programId);
  const rules = stored ? parseProgramRules(stored) : null;
  const startMonth = rules?.fiscalYearStartMonth ?? 4;
  // R9: students are dispatched from the program's home country; the others are received.
  const homeCountry = rules?.consortium.homeCountry ?? 'JP';
  const tolerance: Tolerance = rules
    ? { students: rules.balanceTolerance.students, months: rules.balanceTolerance.studentMonths }
    : { students: 0, months: 0 };
  const scope: StayScope = { kind: 'program', programId };
  const options = { startMonth, excluded: NEVER_A_STAY };
  const [groups, all] = await readStays(ctx, scope, filter, options, [
    'agreement',
    'pair',
    'countries',
  ]);
  const sent = (g: { homeCountry: string }) => g.homeCountry === homeCountry;
  const partnerOf = (g: { homeCountry: string; homeId: string; hostId: string }) =>
    sent(g) ? g.hostId : g.homeId;

  // The projects: the program's agreements by their party on the home side (the Japanese
  // consortium of 003 §2(1)); a project without stays under the filters has no balance rows.
  const agreements = await agreementParties(ctx.db, [
    ...new Set(groups.map((g) => g.agreementId).filter((x): x is string => !!x)),
  ]);
  const consortia = await consortiumRecords(
    ctx.db,
    agreements.flatMap((a) =>
      [
        a.partyAType === 'consortium' ? a.partyAId : null,
        a.partyBType === 'consortium' ? a.partyBId : null,
      ].filter((x): x is string => !!x),
    ),
  );
  const sideOf = new Map(consortia.map((c) => [c.id, c]));
  const projectOf = new Map<string, string>();
  for (const a of agreements) {
    const parties = [a.partyAId, a.partyBId];
    const home = parties.find((p) => sideOf.get(p)?.side === homeCountry) ?? a.partyAId;
    projectOf.set(a.id, home);
  }
  const projectIds = [...new Set(projectOf.values())].sort();
  const projectName = new Map<string, Cell>(
    projectIds.map((id) => {
      const c = sideOf.get(id);
      return [id, { names: c ? { ...c.names, en: c.names.en ?? c.name } : { en: id } }];
    }),
  );

  const balanceTable: Table = {
    id: 'balance',
    columns: ['project', ...BALANCE_COLUMNS],
    rows: projectIds.flatMap((project) => {
      const ledger = ledgerOf(
        groups.filter((g) => g.agreementId && projectOf.get(g.agreementId) === project),
        sent,
        startMonth,
        tolerance,
      );
      return balanceRows(projectName.get(project) ?? project, ledger, {});
    }),
  };

  // R14: scholarship months paid per project and fiscal year (of the month) against the cap;
  // the budget is the cap × the monthly stipend (R11 × R14).
  const paid = await paymentGroups(ctx.db, programId, filter);
  const spendRows = new Map<
    string,
    {
      project: string;
      year: number;
      months: number;
      stipend: number;
      trips: number;
      travel: number;
    }
  >();
  for (const p of paid) {
    const k = `${p.consortiumId}|${p.fiscalYear}`;
    let r = spendRows.get(k);
    if (!r)
      spendRows.set(
        k,
        (r = {
          project: p.consortiumId,
          year: p.fiscalYear,
          months: 0,
          stipend: 0,
          trips: 0,
          travel: 0,
        }),
      );
    if (p.kind === 'stipend') {
      r.months = sumMonths(r.months, p.studentMonths);
      r.stipend += p.amountJpy;
    } else {
      r.trips += p.payments;
      r.travel += p.amountJpy;
    }
  }
  const spendNames = new Map(
    (
      await consortiumRecords(
        ctx.db,
        [...spendRows.values()].map((r) => r.project),
      )
    ).map((c) => [c.id, { names: { ...c.names, en: c.names.en ?? c.name } } as Cell]),
  );
  const capMonths = rules?.annualCap.studentMonths ?? null;
  const budget = rules ? annualScholarshipBudget(rules) : null;
  const spendTable: Table = {
    id: 'spend',
    columns: [
      'project',
      'fiscal_year',
      'stipend_months_paid',
      'cap_student_months',
      'cap_remaining',
      'stipend_jpy',
      'stipend_budget_jpy',
      'travel_trips',
      'travel_jpy',
    ],
    rows: [...spendRows.values()]
      .sort((a, b) => a.project.localeCompare(b.project) || a.year - b.year)
      .map((r) => {
        const cap = capMonths === null ? null : capStatus(capMonths, r.months, r.months);
        return [
          spendNames.get(r.project) ?? r.project,
          r.year,
          round2(r.months),
          capMonths,
          cap ? cap.remaining : null,
          r.stipend,
          budget,
          r.trips,
          r.travel,
        ];
      }),
  };

  const recognition = recognitionTable(await recognitionGroups(ctx.db, scope, filter, startMonth));

  // R19: advisories in force today.
  const advisories = (await programAdvisories(ctx.db, programId)).filter((a) =>
    isInEffect({ ...a, level: a.level as AdvisoryLevel }, today),
  );
  const advisoryTable: Table = {
    id: 'advisories',
    columns: ['country', 'advisory_level', 'from', 'last_day'],
    rows: advisories.map((a) => [
      a.country,
      a.level,
      a.from,
      advisoryWindow({ ...a, level: a.level as AdvisoryLevel })?.last ?? null,
    ]),
  };

  const { table: cityTable, map } = await cityFlows(ctx, groups);
  const names = await programNames(ctx.db, [programId]);
  return {
    kind: 'program',
    id: programId,
    name: names.get(programId) ?? { en: programId },
    startMonth,
    today,
    filter,
    options: await filterOptions(ctx, all, partnerOf),
    tables: [
      flowsTable('flows', groups, sent),
      durationTable(groups, sent),
      balanceTable,
      spendTable,
      recognition,
      advisoryTable,
      cityTable,
    ],
    map,
  };
}

// ── A consortium's, association's or alliance's dashboard ────────────────────────────────────

export async function consortiumDashboard(
  ctx: ServiceContext,
  consortiumId: string,
  filter: DashboardFilter,
): Promise<Dashboard> {
  const consortium = await consortiumRecord(ctx.db, consortiumId);
  if (!consortium) throw notFound('consortium', consortiumId);
  requireAccess(ctx, 'dashboard:read', consortiumResource([consortiumId], 'dashboard'));
  const today = todayOf(ctx);
  // Years follow the representative university's calendar; Japan's fiscal year without one.
  const representative = consortium.representativeId
    ? await institutionRecord(ctx.db, consortium.representativeId)
    : null;
  const startMonth = startMonthFor(representative?.country ?? consortium.side ?? 'JP');
  const scope: StayScope = { kind: 'consortium', consortiumId, both: consortium.side === null };
  const options = { startMonth, excluded: NEVER_A_STAY };
  const [groups, all] = await readStays(ctx, scope, filter, options, ['pair', 'countries']);

  // Members over time: from the first membership to this year.
  const thisYear = fiscalYearOf(today, startMonth);
  const first = await firstMembershipDate(ctx.db, consortiumId);
  const fromYear = first ? fiscalYearOf(first, startMonth) : thisYear;
  const members = await membersOverTime(ctx.db, consortiumId, {
    fromYear,
    toYear: thisYear,
    startMonth,
  });
  const membersTable: Table = {
    id: 'members',
    columns: ['fiscal_year', 'country', 'members', 'joined', 'left'],
    rows: members
      .filter((m) => !filter.years.length || filter.years.includes(m.year))
      .map((m) => [m.year, m.country, m.members, m.joined, m.left]),
  };

  // Flows between member countries (stays that took place).
  const countryRows = new Map<string, { year: number; from: string; to: string; flow: Flow }>();
  for (const g of groups) {
    if (!tookPlace(g.status)) continue;
    const k = `${g.year}|${g.homeCountry}|${g.hostCountry}`;
    let r = countryRows.get(k);
    if (!r)
      countryRows.set(
        k,
        (r = { year: g.year, from: g.homeCountry, to: g.hostCountry, flow: emptyFlow() }),
      );
    addGroup(r.flow, true, g);
  }
  const countryTable: Table = {
    id: 'country_flows',
    columns: ['fiscal_year', 'from_country', 'to_country', 'students', 'months'],
    rows: [...countryRows.values()]
      .sort((a, b) => a.year - b.year || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
      .map((r) => [
        r.year,
        r.from,
        r.to,
        link(r.flow.sentStudents, {
          year: r.year,
          homeCountry: r.from,
          hostCountry: r.to,
          tookPlace: true,
        }),
        round2(r.flow.sentMonths),
      ]),
  };

  // Events organised or hosted by the consortium, or held for it, by today.
  const range = filter.years.length
    ? {
        from: fiscalYearRange(Math.min(...filter.years), startMonth).start,
        to: fiscalYearRange(Math.max(...filter.years), startMonth).end,
      }
    : { from: '1900-01-01', to: today };
  const events = (
    await eventParticipation(ctx.db, {
      from: range.from,
      to: range.to < today ? range.to : today,
      consortiumId,
    })
  ).filter(
    (e) => !filter.years.length || filter.years.includes(fiscalYearOf(e.startsOn, startMonth)),
  );
  const eventsByYear = new Map<number, { events: number; confirmed: number; checkedIn: number }>();
  for (const e of events) {
    const y = fiscalYearOf(e.startsOn, startMonth);
    let r = eventsByYear.get(y);
    if (!r) eventsByYear.set(y, (r = { events: 0, confirmed: 0, checkedIn: 0 }));
    r.events += 1;
    r.confirmed += Number(e.confirmed);
    r.checkedIn += Number(e.checkedIn);
  }
  const eventYearTable: Table = {
    id: 'events_by_year',
    columns: ['fiscal_year', 'events', 'participants_registered', 'participants_checked_in'],
    rows: [...eventsByYear]
      .sort(([a], [b]) => a - b)
      .map(([year, r]) => [year, r.events, r.confirmed, r.checkedIn]),
  };
  const eventTable: Table = {
    id: 'events',
    columns: [
      'date',
      'event',
      'kind',
      'city',
      'participants_registered',
      'participants_checked_in',
    ],
    rows: events.map((e) => [
      e.startsOn,
      { names: e.title as LocalizedText },
      e.kind,
      e.city ?? null,
      Number(e.confirmed),
      Number(e.checkedIn),
    ]),
  };

  const { table: cityTable, map } = await cityFlows(ctx, groups);
  return {
    kind: 'consortium',
    id: consortiumId,
    name: { ...consortium.names, en: consortium.names.en ?? consortium.name },
    startMonth,
    today,
    filter,
    options: await filterOptions(ctx, all, (g) => g.hostId),
    tables: [membersTable, countryTable, eventYearTable, eventTable, cityTable],
    map,
  };
}

// ── An institution's dashboard (its international office) ────────────────────────────────────

export async function institutionDashboard(
  ctx: ServiceContext,
  institutionId: string,
  filter: DashboardFilter,
  view: DashboardOptions = {},
): Promise<Dashboard> {
  const institution = await institutionRecord(ctx.db, institutionId);
  if (!institution) throw notFound('institution', institutionId);
  requireAccess(ctx, 'dashboard:read', institutionsResource([institutionId], 'dashboard'));
  const today = todayOf(ctx);
  const startMonth = startMonthFor(institution.country);
  const scope: StayScope = { kind: 'institution', institutionId };
  const options = { startMonth, excluded: NEVER_A_STAY };
  const [groups, all] = await readStays(ctx, scope, filter, options, ['agreement', 'pair']);
  const sent = (g: { homeId: string }) => g.homeId === institutionId;
  const partnerOf = (g: { homeId: string; hostId: string }) => (sent(g) ? g.hostId : g.homeId);

  // Incoming and outgoing per partner and year (stays that took place): the partners with the
  // most such stays in full, the others counted (the download holds every row).
  const partnerRows = new Map<string, { year: number; partner: string; flow: Flow }>();
  const staysWith = new Map<string, number>();
  for (const g of groups) {
    if (!tookPlace(g.status)) continue;
    const partner = partnerOf(g);
    staysWith.set(partner, (staysWith.get(partner) ?? 0) + g.students);
    const k = `${g.year}|${partner}`;
    let r = partnerRows.get(k);
    if (!r) partnerRows.set(k, (r = { year: g.year, partner, flow: emptyFlow() }));
    addGroup(r.flow, sent(g), g);
  }
  const shownPartners = new Set(
    view.full ? staysWith.keys() : first(staysWith, DASHBOARD_TOP_ROWS_OF).map(([id]) => id),
  );
  const partnerList = [...partnerRows.values()].filter((r) => shownPartners.has(r.partner));
  const names = await nameCells(ctx, [...shownPartners]);
  const partnerTable: Table = {
    id: 'partners',
    columns: [
      'fiscal_year',
      'partner',
      'outgoing_students',
      'outgoing_months',
      'incoming_students',
      'incoming_months',
    ],
    rows: partnerList
      .sort((a, b) => a.year - b.year || a.partner.localeCompare(b.partner))
      .map((r) => {
        const q = { year: r.year, partner: r.partner, tookPlace: true };
        return [
          r.year,
          names.get(r.partner) ?? r.partner,
          link(r.flow.sentStudents, { ...q, direction: 'sent' }),
          round2(r.flow.sentMonths),
          link(r.flow.receivedStudents, { ...q, direction: 'received' }),
          round2(r.flow.receivedMonths),
        ];
      }),
    ...omitted(partnerRows.size - partnerList.length),
  };

  // Balance per agreement (R4), from the institution's side: the program's tolerance when the
  // agreement is under a program, else the agreement's own. The agreements with the most stays
  // in full, the others counted.
  const byAgreement = new Map<string, StayGroup[]>();
  const staysUnder = new Map<string, number>();
  for (const g of groups) {
    if (!g.agreementId) continue;
    let list = byAgreement.get(g.agreementId);
    if (!list) byAgreement.set(g.agreementId, (list = []));
    list.push(g);
    staysUnder.set(g.agreementId, (staysUnder.get(g.agreementId) ?? 0) + g.students);
  }
  const shownAgreements = view.full
    ? [...staysUnder.keys()]
    : first(staysUnder, DASHBOARD_TOP_ROWS_OF).map(([id]) => id);
  const yearsOf = (id: string) => new Set(byAgreement.get(id)!.map((g) => g.year)).size;
  const hiddenBalanceRows = [...byAgreement.keys()]
    .filter((id) => !shownAgreements.includes(id))
    .reduce((n, id) => n + yearsOf(id), 0);
  const agreements = await agreementParties(ctx.db, shownAgreements);
  const programTolerance = new Map<string, Tolerance | null>();
  const balanceRowsAll: Cell[][] = [];
  for (const a of agreements) {
    let tolerance: Tolerance = a.content?.balanceTolerance ?? { students: 0, months: 0 };
    if (a.programId) {
      if (!programTolerance.has(a.programId)) {
        const stored = await storedProgramRules(ctx.db, a.programId);
        const t = stored ? parseProgramRules(stored).balanceTolerance : null;
        programTolerance.set(
          a.programId,
          t ? { students: t.students, months: t.studentMonths } : null,
        );
      }
      tolerance = programTolerance.get(a.programId) ?? tolerance;
    }
    const ledger = ledgerOf(byAgreement.get(a.id) ?? [], sent, startMonth, tolerance);
    balanceRowsAll.push(...balanceRows(a.content?.title ?? a.id, ledger, { agreement: a.id }));
  }
  const balanceTable: Table = {
    id: 'agreement_balance',
    columns: ['agreement', ...BALANCE_COLUMNS],
    rows: balanceRowsAll,
    ...omitted(hiddenBalanceRows),
  };

  const recognition = recognitionTable(await recognitionGroups(ctx.db, scope, filter, startMonth));
  const { table: cityTable, map } = await cityFlows(ctx, groups);
  return {
    kind: 'institution',
    id: institutionId,
    name: { ...institution.names, en: institution.names.en ?? institution.name },
    startMonth,
    today,
    filter,
    options: await filterOptions(ctx, all, partnerOf),
    tables: [
      flowsTable('flows', groups, sent),
      partnerTable,
      balanceTable,
      recognition,
      durationTable(groups, sent),
      cityTable,
    ],
    map,
  };
}

/** How a dashboard is read: on its page (long tables cut), or to download a table (in full). */
export interface DashboardOptions {
  /** Every row of every table (a download), not only the first ones. */
  full?: boolean;
}

export const DASHBOARDS: Record<
  DashboardKind,
  (
    ctx: ServiceContext,
    id: string,
    filter: DashboardFilter,
    view?: DashboardOptions,
  ) => Promise<Dashboard>
> = {
  program: programDashboard,
  consortium: consortiumDashboard,
  institution: institutionDashboard,
};

/** The filter of a query: `years` as `2015,2016`, a partner's id, a level, a field. */
export function dashboardFilter(query: {
  years?: string | undefined;
  partner?: string | undefined;
  level?: string | undefined;
  field?: string | undefined;
}): DashboardFilter {
  const years = (query.years ?? '')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n >= 1900 && n <= 2200);
  return {
    years: [...new Set(years)].sort((a, b) => a - b),
    partner: query.partner || null,
    level: query.level || null,
    field: query.field || null,
  };
}
