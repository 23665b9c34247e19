/**
 * Cotutelles (co-supervised doctorates), joint laboratories and projects, visits of staff, and
 * partnerships with their themes and strategic plans.
 *
 * A cotutelle's candidate and a named visitor are personal data: the records are read in full by
 * the coordinators of their institutions and by the person themself; everyone else sees counts.
 */
import {
  cotutelleInputSchema,
  labInputSchema,
  partnershipInputSchema,
  planInputSchema,
  visitInputSchema,
  VISITOR_ROLES,
  type CotutelleInput,
  type LabInput,
  type PartnershipInput,
  type PlanInput,
  type VisitInput,
  type VisitorRole,
} from '#src/domain/partnership/kinds.ts';
import { PARTNERSHIP_CODES } from '#src/domain/partnership/refusal-codes.ts';
import {
  cotutelleCounts,
  cotutelleProblems,
  fundedUntil,
  fundingTotals,
  labProblems,
  labTimeline,
  partnershipProblems,
  planProblems,
  themeLabel,
  visitProblems,
} from '#src/domain/partnership/rules.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import {
  eventExists,
  findCotutelle,
  findLab,
  findPartnership,
  findVisit,
  insertCotutelle,
  insertLab,
  insertPartnership,
  insertPlan,
  insertVisit,
  listCotutelleRows,
  listLabRows,
  listPartnershipRows,
  listVisitRows,
  plansOf,
  updateCotutelle,
  updateLab,
  updatePartnership,
  updateVisit,
  type CotutelleRow,
  type LabRow,
  type PartnershipRow,
  type VisitRow,
} from '#src/db/queries/partnership.ts';
import { todayOf } from '../clock.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import {
  manages,
  namesFor,
  refusedFields,
  requireManage,
  seesPersonal,
  uniq,
  unknownInstitutions,
  unknownPeople,
  type Scoped,
} from './common.ts';

const creator = (ctx: ServiceContext) => ctx.actor?.id ?? null;

// --------------------------------------------------------------------------------- cotutelles

const cotutelleScope = (c: {
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
  candidateUserId?: string | null;
}): Scoped => ({
  type: 'cotutelle',
  id: c.id,
  institutionIds: c.institutionIds,
  createdBy: c.createdBy ?? null,
  ownerUserId: c.candidateUserId ?? null,
});

async function cotutelleView(ctx: ServiceContext, c: CotutelleRow) {
  const names = await namesFor(ctx, uniq([...c.institutionIds, ...c.degreesFrom]), [
    c.candidateUserId,
    ...c.supervisors.map((s) => s.userId),
  ]);
  return {
    id: c.id,
    candidate: names.person({ userId: c.candidateUserId, guestName: c.candidateName }) ?? {},
    candidateUserId: c.candidateUserId,
    thesisTitle: c.thesisTitle,
    supervisors: c.supervisors.map((s) => ({
      institutionId: s.institutionId,
      institution: names.institution(s.institutionId),
      name: names.person(s) ?? {},
    })),
    agreementId: c.agreementId,
    startsOn: c.startsOn,
    defenceOn: c.defenceOn,
    status: c.status,
    degreesFrom: c.degreesFrom.map((id) => ({ id, name: names.institution(id) })),
    invented: c.invented,
    may: { manage: manages(ctx, cotutelleScope(c)) },
  };
}

/**
 * Cotutelles: counts by status for everyone (those started in `since` or later); the records
 * themselves only to readers in scope (their institutions' coordinators, the candidate).
 */
export async function listCotutelles(
  ctx: ServiceContext,
  query: { institutionId?: string; since?: number } = {},
) {
  const rows = await listCotutelleRows(
    ctx.db,
    query.institutionId ? [query.institutionId] : undefined,
  );
  const visible = rows.filter(
    (c) =>
      seesPersonal(ctx, cotutelleScope(c)) &&
      (query.since === undefined || Number(c.startsOn.slice(0, 4)) >= query.since),
  );
  return {
    counts: cotutelleCounts(rows, query.since),
    items: await Promise.all(visible.map((c) => cotutelleView(ctx, c))),
    may: {
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

export async function getCotutelle(ctx: ServiceContext, id: string) {
  const c = await findCotutelle(ctx.db, id);
  if (!c || !seesPersonal(ctx, cotutelleScope(c))) throw notFound('cotutelle', id);
  return cotutelleView(ctx, c);
}

async function cotutelleColumns(ctx: ServiceContext, raw: CotutelleInput) {
  const input = cotutelleInputSchema.parse(raw);
  const problems = cotutelleProblems(input, todayOf(ctx));
  problems.push(
    ...(await unknownInstitutions(
      ctx,
      input.supervisors.map((s) => s.institutionId),
      (i) => `supervisors.${i}.institutionId`,
    )),
    ...(await unknownInstitutions(ctx, input.degreesFrom, (i) => `degreesFrom.${i}`)),
    ...(await unknownPeople(ctx, [
      { person: input.candidate, field: 'candidate.userId' },
      ...input.supervisors.map((s, i) => ({ person: s, field: `supervisors.${i}.userId` })),
    ])),
  );
  if (problems.length) throw refusedFields(problems);
  return {
    candidateUserId: input.candidate.userId ?? null,
    candidateName: input.candidate.userId ? null : (input.candidate.guestName ?? null),
    thesisTitle: input.thesisTitle,
    supervisors: input.supervisors,
    institutionIds: uniq(input.supervisors.map((s) => s.institutionId)),
    agreementId: input.agreementId ?? null,
    startsOn: input.startsOn,
    defenceOn: input.defenceOn ?? null,
    status: input.status,
    degreesFrom: input.degreesFrom,
  };
}

export async function createCotutelle(ctx: ServiceContext, raw: CotutelleInput) {
  requireManage(
    ctx,
    cotutelleScope({ institutionIds: raw.supervisors.map((s) => s.institutionId) }),
    'record a cotutelle of these institutions',
  );
  const values = await cotutelleColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertCotutelle(tx, { ...values, createdBy: creator(ctx) });
    await audit(tx, ctx, {
      action: 'partnership.cotutelle-create',
      resourceType: 'cotutelle',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getCotutelle(ctx, id);
}

export async function updateCotutelleDetails(ctx: ServiceContext, id: string, raw: CotutelleInput) {
  const before = await findCotutelle(ctx.db, id);
  if (!before || !seesPersonal(ctx, cotutelleScope(before))) throw notFound('cotutelle', id);
  requireManage(ctx, cotutelleScope(before), 'change this cotutelle');
  requireManage(
    ctx,
    cotutelleScope({
      institutionIds: raw.supervisors.map((s) => s.institutionId),
      createdBy: before.createdBy,
    }),
    'name these institutions',
  );
  const values = await cotutelleColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updateCotutelle(tx, id, { ...values, updatedAt: ctx.clock.now() });
    const { id: _i, createdAt: _c, updatedAt: _u, createdBy: _b, invented: _v, ...old } = before;
    await audit(tx, ctx, {
      action: 'partnership.cotutelle-update',
      resourceType: 'cotutelle',
      resourceId: id,
      before: old,
      after: values,
    });
  });
  return getCotutelle(ctx, id);
}

// ----------------------------------------------------------------------------- joint labs

const labScope = (l: {
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
}): Scoped => ({
  type: 'joint laboratory',
  id: l.id,
  institutionIds: l.institutionIds,
  createdBy: l.createdBy ?? null,
});

async function labView(ctx: ServiceContext, l: LabRow) {
  const partnership = l.partnershipId ? await findPartnership(ctx.db, l.partnershipId) : undefined;
  const inScope = seesPersonal(ctx, labScope(l));
  const names = await namesFor(
    ctx,
    uniq([...l.institutionIds, ...l.people.map((p) => p.institutionId)]),
    inScope ? l.people.map((p) => p.userId) : [],
  );
  const funding =
    l.amountMinor !== null && l.currency
      ? { amountMinor: l.amountMinor, currency: l.currency }
      : null;
  return {
    id: l.id,
    kind: l.kind,
    title: l.title,
    description: l.description,
    partners: l.institutionIds.map((id) => ({ id, name: names.institution(id) })),
    fundingInstrument: l.fundingInstrument,
    funding,
    startsOn: l.startsOn,
    endsOn: l.endsOn,
    extensions: l.extensions,
    fundedUntil: fundedUntil(l),
    totals: fundingTotals({ funding, extensions: l.extensions }),
    timeline: labTimeline({ ...l, funding }),
    themes: l.themes.map((key) => ({ key, label: themeLabel(partnership?.themes ?? [], key) })),
    // People's names within scope; others see their roles and institutions.
    people: l.people.map((p) => ({
      role: p.role,
      institution: p.institutionId ? names.institution(p.institutionId) : null,
      name: inScope ? names.person(p) : null,
    })),
    partnershipId: l.partnershipId,
    invented: l.invented,
    may: { manage: manages(ctx, labScope(l)) },
  };
}

export async function listLabs(ctx: ServiceContext, query: { institutionId?: string } = {}) {
  const rows = await listLabRows(ctx.db, query.institutionId ? [query.institutionId] : undefined);
  return {
    items: await Promise.all(rows.map((l) => labView(ctx, l))),
    may: {
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

export async function getLab(ctx: ServiceContext, id: string) {
  const l = await findLab(ctx.db, id);
  if (!l) throw notFound('joint laboratory', id);
  return labView(ctx, l);
}

async function labColumns(ctx: ServiceContext, raw: LabInput) {
  const input = labInputSchema.parse(raw);
  const problems = labProblems(input);
  problems.push(
    ...(await unknownInstitutions(ctx, input.partnerIds, (i) => `partnerIds.${i}`)),
    ...(await unknownPeople(
      ctx,
      input.people.map((p, i) => ({ person: p, field: `people.${i}.userId` })),
    )),
  );
  if (input.partnershipId && !(await findPartnership(ctx.db, input.partnershipId)))
    problems.push(
      refusal(
        PARTNERSHIP_CODES.unknownRecord,
        { id: input.partnershipId },
        { field: 'partnershipId' },
      ),
    );
  if (problems.length) throw refusedFields(problems);
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    institutionIds: uniq(input.partnerIds),
    fundingInstrument: input.fundingInstrument ?? null,
    amountMinor: input.funding?.amountMinor ?? null,
    currency: input.funding?.currency ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    extensions: input.extensions,
    themes: input.themes,
    people: input.people,
    partnershipId: input.partnershipId ?? null,
  };
}

export async function createLab(ctx: ServiceContext, raw: LabInput) {
  requireManage(
    ctx,
    labScope({ institutionIds: raw.partnerIds }),
    'create a laboratory of these partners',
  );
  const values = await labColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertLab(tx, { ...values, createdBy: creator(ctx) });
    await audit(tx, ctx, {
      action: 'partnership.lab-create',
      resourceType: 'joint_lab',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getLab(ctx, id);
}

export async function updateLabDetails(ctx: ServiceContext, id: string, raw: LabInput) {
  const before = await findLab(ctx.db, id);
  if (!before) throw notFound('joint laboratory', id);
  requireManage(ctx, labScope(before), 'change this laboratory');
  requireManage(
    ctx,
    labScope({ institutionIds: raw.partnerIds, createdBy: before.createdBy }),
    'name these partners',
  );
  const values = await labColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updateLab(tx, id, { ...values, updatedAt: ctx.clock.now() });
    const { id: _i, createdAt: _c, updatedAt: _u, createdBy: _b, invented: _v, ...old } = before;
    await audit(tx, ctx, {
      action: 'partnership.lab-update',
      resourceType: 'joint_lab',
      resourceId: id,
      before: old,
      after: values,
    });
  });
  return getLab(ctx, id);
}

// ------------------------------------------------------------------------------------ visits

const visitScope = (v: {
  id?: string;
  fromId: string;
  toId: string;
  createdBy?: string | null;
  visitorUserId?: string | null;
}): Scoped => ({
  type: 'visit',
  id: v.id,
  institutionIds: [v.fromId, v.toId],
  createdBy: v.createdBy ?? null,
  ownerUserId: v.visitorUserId ?? null,
});

async function visitView(ctx: ServiceContext, v: VisitRow) {
  const names = await namesFor(ctx, [v.fromId, v.toId], [v.visitorUserId]);
  return {
    id: v.id,
    visitor: names.person({ userId: v.visitorUserId, guestName: v.guestName }) ?? {},
    role: v.role,
    from: { id: v.fromId, name: names.institution(v.fromId) },
    to: { id: v.toId, name: names.institution(v.toId) },
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    purpose: v.purpose,
    eventId: v.eventId,
    courses: v.courses,
    note: v.note,
    invented: v.invented,
    may: { manage: manages(ctx, visitScope(v)) },
  };
}

/** Visits: counts by role for everyone; the visits themselves to readers in scope. */
export async function listVisits(ctx: ServiceContext, query: { institutionId?: string } = {}) {
  const rows = await listVisitRows(ctx.db, query.institutionId ? [query.institutionId] : undefined);
  const byRole = Object.fromEntries(VISITOR_ROLES.map((r) => [r, 0])) as Record<
    VisitorRole,
    number
  >;
  for (const v of rows) byRole[v.role] += 1;
  const visible = rows.filter((v) => seesPersonal(ctx, visitScope(v)));
  return {
    counts: { total: rows.length, byRole },
    items: await Promise.all(visible.map((v) => visitView(ctx, v))),
    may: {
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

export async function getVisit(ctx: ServiceContext, id: string) {
  const v = await findVisit(ctx.db, id);
  if (!v || !seesPersonal(ctx, visitScope(v))) throw notFound('visit', id);
  return visitView(ctx, v);
}

async function visitColumns(ctx: ServiceContext, raw: VisitInput) {
  const input = visitInputSchema.parse(raw);
  const problems = visitProblems(input);
  problems.push(
    ...(await unknownInstitutions(ctx, [input.fromId], () => 'fromId')),
    ...(await unknownInstitutions(ctx, [input.toId], () => 'toId')),
    ...(await unknownPeople(ctx, [{ person: input.visitor, field: 'visitor.userId' }])),
  );
  if (input.eventId && !(await eventExists(ctx.db, input.eventId)))
    problems.push(
      refusal(PARTNERSHIP_CODES.unknownRecord, { id: input.eventId }, { field: 'eventId' }),
    );
  if (problems.length) throw refusedFields(problems);
  return {
    visitorUserId: input.visitor.userId ?? null,
    guestName: input.visitor.userId ? null : (input.visitor.guestName ?? null),
    role: input.role,
    fromId: input.fromId,
    toId: input.toId,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    purpose: input.purpose,
    eventId: input.eventId ?? null,
    courses: input.courses,
    note: input.note,
  };
}

export async function createVisit(ctx: ServiceContext, raw: VisitInput) {
  requireManage(
    ctx,
    visitScope({ fromId: raw.fromId, toId: raw.toId }),
    'record a visit of these institutions',
  );
  const values = await visitColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertVisit(tx, { ...values, createdBy: creator(ctx) });
    await audit(tx, ctx, {
      action: 'partnership.visit-create',
      resourceType: 'visit',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getVisit(ctx, id);
}

export async function updateVisitDetails(ctx: ServiceContext, id: string, raw: VisitInput) {
  const before = await findVisit(ctx.db, id);
  if (!before || !seesPersonal(ctx, visitScope(before))) throw notFound('visit', id);
  requireManage(ctx, visitScope(before), 'change this visit');
  requireManage(
    ctx,
    visitScope({ fromId: raw.fromId, toId: raw.toId, createdBy: before.createdBy }),
    'name these institutions',
  );
  const values = await visitColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updateVisit(tx, id, { ...values, updatedAt: ctx.clock.now() });
    const { id: _i, createdAt: _c, updatedAt: _u, createdBy: _b, invented: _v, ...old } = before;
    await audit(tx, ctx, {
      action: 'partnership.visit-update',
      resourceType: 'visit',
      resourceId: id,
      before: old,
      after: values,
    });
  });
  return getVisit(ctx, id);
}

// ----------------------------------------------------------------- partnerships and plans

const partnershipScope = (p: {
  id?: string;
  institutionIds: readonly string[];
  createdBy?: string | null;
}): Scoped => ({
  type: 'partnership',
  id: p.id,
  institutionIds: p.institutionIds,
  createdBy: p.createdBy ?? null,
});

async function partnershipView(ctx: ServiceContext, p: PartnershipRow) {
  const [plans, names] = await Promise.all([
    plansOf(ctx.db, [p.id]),
    namesFor(ctx, p.institutionIds, []),
  ]);
  return {
    id: p.id,
    title: p.title,
    institutions: p.institutionIds.map((id) => ({ id, name: names.institution(id) })),
    since: p.since,
    themes: p.themes,
    notes: p.notes,
    plans: plans.map((pl) => ({
      id: pl.id,
      title: pl.title,
      status: pl.status,
      startsOn: pl.startsOn,
      endsOn: pl.endsOn,
      fileUrl: pl.fileUrl,
      invented: pl.invented,
    })),
    invented: p.invented,
    may: { manage: manages(ctx, partnershipScope(p)) },
  };
}

export async function listPartnerships(
  ctx: ServiceContext,
  query: { institutionId?: string } = {},
) {
  const rows = await listPartnershipRows(
    ctx.db,
    query.institutionId ? [query.institutionId] : undefined,
  );
  return {
    items: await Promise.all(rows.map((p) => partnershipView(ctx, p))),
    may: {
      create:
        ctx.actor !== null &&
        (ctx.actor.platformAdmin || ctx.actor.roles.some((r) => r.role === 'coordinator')),
    },
  };
}

export async function getPartnership(ctx: ServiceContext, id: string) {
  const p = await findPartnership(ctx.db, id);
  if (!p) throw notFound('partnership', id);
  return partnershipView(ctx, p);
}

async function partnershipColumns(ctx: ServiceContext, raw: PartnershipInput) {
  const input = partnershipInputSchema.parse(raw);
  const problems = partnershipProblems(input);
  problems.push(
    ...(await unknownInstitutions(ctx, input.institutionIds, (i) => `institutionIds.${i}`)),
  );
  if (problems.length) throw refusedFields(problems);
  return {
    title: input.title,
    institutionIds: uniq(input.institutionIds),
    since: input.since ?? null,
    themes: input.themes,
    notes: input.notes,
  };
}

export async function createPartnership(ctx: ServiceContext, raw: PartnershipInput) {
  requireManage(
    ctx,
    partnershipScope({ institutionIds: raw.institutionIds }),
    'create a partnership of these institutions',
  );
  const values = await partnershipColumns(ctx, raw);
  const id = await ctx.db.transaction(async (tx) => {
    const id = await insertPartnership(tx, { ...values, createdBy: creator(ctx) });
    await audit(tx, ctx, {
      action: 'partnership.partnership-create',
      resourceType: 'partnership',
      resourceId: id,
      after: values,
    });
    return id;
  });
  return getPartnership(ctx, id);
}

export async function updatePartnershipDetails(
  ctx: ServiceContext,
  id: string,
  raw: PartnershipInput,
) {
  const before = await findPartnership(ctx.db, id);
  if (!before) throw notFound('partnership', id);
  requireManage(ctx, partnershipScope(before), 'change this partnership');
  requireManage(
    ctx,
    partnershipScope({ institutionIds: raw.institutionIds, createdBy: before.createdBy }),
    'name these institutions',
  );
  const values = await partnershipColumns(ctx, raw);
  await ctx.db.transaction(async (tx) => {
    await updatePartnership(tx, id, { ...values, updatedAt: ctx.clock.now() });
    const { id: _i, createdAt: _c, updatedAt: _u, createdBy: _b, invented: _v, ...old } = before;
    await audit(tx, ctx, {
      action: 'partnership.partnership-update',
      resourceType: 'partnership',
      resourceId: id,
      before: old,
      after: values,
    });
  });
  return getPartnership(ctx, id);
}

export async function addPlan(ctx: ServiceContext, partnershipId: string, raw: PlanInput) {
  const p = await findPartnership(ctx.db, partnershipId);
  if (!p) throw notFound('partnership', partnershipId);
  requireManage(ctx, partnershipScope(p), 'add a strategic plan to this partnership');
  const input = planInputSchema.parse(raw);
  const problems = planProblems(input);
  if (problems.length) throw refusedFields(problems);
  await ctx.db.transaction(async (tx) => {
    const values = {
      partnershipId,
      title: input.title,
      status: input.status,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      fileUrl: input.fileUrl ?? null,
    };
    const id = await insertPlan(tx, { ...values, createdBy: creator(ctx) });
    await audit(tx, ctx, {
      action: 'partnership.plan-create',
      resourceType: 'partnership',
      resourceId: partnershipId,
      details: { planId: id },
      after: values,
    });
  });
  return getPartnership(ctx, partnershipId);
}
