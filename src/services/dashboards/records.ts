/**
 * The records behind a dashboard's figure — the stays of a year, a partner, a direction — read in
 * the reader's scope: everyone who may read the dashboard sees each stay's home, host, level,
 * dates and status; only a coordinator of the stay's home or host university (who manages
 * mobilities there) sees the student's name and opens the mobility. A funder sees counts and
 * stays, not students' names.
 */
import {
  allProgramsAndConsortia,
  consortiumRecord,
  institutionPlaces,
  institutionRecord,
  stayRecords,
  type RecordFilter,
  type StayScope,
} from '#src/db/queries/dashboards.ts';
import { programExists, storedProgramRules } from '#src/db/queries/agreements.ts';
import { consortiumNames, institutionNames, programNames } from '#src/db/queries/names.ts';
import { TOOK_PLACE } from '#src/domain/reports/implementation.ts';
import { startMonthFor } from '#src/domain/balance/academic-year.ts';
import { parseProgramRules } from '#src/domain/program/rules.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import {
  can,
  consortiumResource,
  institutionsResource,
  mobilityResource,
  programResource,
  requireAccess,
} from '../access.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { NEVER_A_STAY, type DashboardFilter, type DashboardKind } from './dashboards.ts';
import type { RecordQuery } from './tables.ts';

/** At most this many stays are listed behind one figure. */
export const RECORDS_LIMIT = 500;

interface ScopeFacts {
  scope: StayScope;
  startMonth: number;
  /** Whether a stay is sent (from the scope's side), for the `direction` of a figure. */
  homeCountry: string | null;
}

async function scopeFacts(
  ctx: ServiceContext,
  kind: DashboardKind,
  id: string,
): Promise<ScopeFacts> {
  if (kind === 'program') {
    if (!(await programExists(ctx.db, id))) throw notFound('program', id);
    requireAccess(ctx, 'dashboard:read', programResource(id, 'dashboard'));
    const stored = await storedProgramRules(ctx.db, id);
    const rules = stored ? parseProgramRules(stored) : null;
    return {
      scope: { kind, programId: id },
      startMonth: rules?.fiscalYearStartMonth ?? 4,
      homeCountry: rules?.consortium.homeCountry ?? 'JP',
    };
  }
  if (kind === 'consortium') {
    const c = await consortiumRecord(ctx.db, id);
    if (!c) throw notFound('consortium', id);
    requireAccess(ctx, 'dashboard:read', consortiumResource([id], 'dashboard'));
    const rep = c.representativeId ? await institutionRecord(ctx.db, c.representativeId) : null;
    return {
      scope: { kind, consortiumId: id, both: c.side === null },
      startMonth: startMonthFor(rep?.country ?? c.side ?? 'JP'),
      homeCountry: null,
    };
  }
  const i = await institutionRecord(ctx.db, id);
  if (!i) throw notFound('institution', id);
  requireAccess(ctx, 'dashboard:read', institutionsResource([id], 'dashboard'));
  return {
    scope: { kind, institutionId: id },
    startMonth: startMonthFor(i.country),
    homeCountry: null,
  };
}

/** May this reader see the student of a stay between `homeId` and `hostId`? */
function mayName(actor: Actor | null, homeId: string, hostId: string): boolean {
  return can(actor, 'mobility:manage', mobilityResource({ homeId, hostId, studentUserId: null }));
}

export interface RecordItem {
  /** The mobility, for readers who may open it; null otherwise. */
  id: string | null;
  home: { id: string; name: LocalizedText };
  host: { id: string; name: LocalizedText };
  /** The student's name, for readers who may see it; null otherwise. */
  student: string | null;
  level: string;
  startDate: string;
  months: number;
  status: string;
  year: number;
}

/** The stays behind one figure of a dashboard, within the reader's scope. */
export async function dashboardRecords(
  ctx: ServiceContext,
  kind: DashboardKind,
  id: string,
  filter: DashboardFilter,
  query: RecordQuery,
) {
  const facts = await scopeFacts(ctx, kind, id);
  // The figure's direction, relative to the scope: an institution sends its own students; a
  // program sends those of its home country (R9).
  const sent = query.direction === undefined ? undefined : query.direction === 'sent';
  const scope = facts.scope;
  const stayFilter: RecordFilter = {
    years: query.year !== undefined ? [query.year] : filter.years,
    partner: query.partner ?? filter.partner,
    level: query.level ?? filter.level,
    field: query.field ?? filter.field,
    statuses: query.tookPlace ? TOOK_PLACE : undefined,
    agreementId: query.agreement ?? null,
    ...(sent !== undefined && scope.kind === 'institution'
      ? { homeId: { is: sent, id: scope.institutionId } }
      : {}),
    ...(sent !== undefined && facts.homeCountry
      ? { homeCountry: { is: sent, country: facts.homeCountry } }
      : {}),
    ...(query.homeCountry ? { homeCountry: { is: true, country: query.homeCountry } } : {}),
    ...(query.hostCountry ? { hostCountry: query.hostCountry } : {}),
  };
  const rows = await stayRecords(ctx.db, scope, stayFilter, {
    startMonth: facts.startMonth,
    excluded: NEVER_A_STAY,
    limit: RECORDS_LIMIT + 1,
  });
  const places = await institutionPlaces(
    ctx.db,
    rows.flatMap((r) => [r.homeId, r.hostId]),
  );
  const nameOf = new Map(places.map((p) => [p.id, { ...p.names, en: p.names.en ?? p.name }]));
  const items: RecordItem[] = rows.slice(0, RECORDS_LIMIT).map((r) => {
    const named = mayName(ctx.actor, r.homeId, r.hostId);
    return {
      id: named ? r.id : null,
      home: { id: r.homeId, name: nameOf.get(r.homeId) ?? { en: r.homeId } },
      host: { id: r.hostId, name: nameOf.get(r.hostId) ?? { en: r.hostId } },
      student: named ? r.studentName : null,
      level: r.level,
      startDate: r.startDate,
      months: r.months,
      status: r.status,
      year: r.year,
    };
  });
  return { total: items.length, truncated: rows.length > RECORDS_LIMIT, items };
}

/** The dashboards this reader may open: programs, consortia and institutions of their roles. */
export async function myDashboards(ctx: ServiceContext) {
  const actor = ctx.actor;
  const out: { kind: DashboardKind; id: string }[] = [];
  if (!actor) return { items: [] };
  for (const r of actor.roles) {
    if (r.role === 'funder_officer' && r.scopeType === 'program')
      out.push({ kind: 'program', id: r.scopeId });
    if ((r.role === 'rep_officer' || r.role === 'secretariat') && r.scopeType !== 'program')
      out.push({ kind: 'consortium', id: r.scopeId });
    if (r.role === 'coordinator' && r.scopeType === 'institution')
      out.push({ kind: 'institution', id: r.scopeId });
  }
  // Administrators may open any dashboard: every program's and consortium's are listed.
  if (actor.platformAdmin) {
    const all = await allProgramsAndConsortia(ctx.db);
    out.push(...all.programIds.map((id) => ({ kind: 'program' as const, id })));
    out.push(...all.consortiumIds.map((id) => ({ kind: 'consortium' as const, id })));
  }
  const unique = [...new Map(out.map((o) => [`${o.kind}:${o.id}`, o])).values()];
  const ids = (kind: DashboardKind) => unique.filter((o) => o.kind === kind).map((o) => o.id);
  const names = new Map<string, LocalizedText>();
  for (const [kind, lookup] of [
    ['program', programNames],
    ['consortium', consortiumNames],
    ['institution', institutionNames],
  ] as const) {
    for (const [id, name] of await lookup(ctx.db, ids(kind))) names.set(`${kind}:${id}`, name);
  }
  return {
    items: unique.map((o) => ({ ...o, name: names.get(`${o.kind}:${o.id}`) ?? { en: o.id } })),
  };
}
