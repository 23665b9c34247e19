/**
 * Safety advisories (R19, 003 §10(1)): the funder officer records that dispatch to a country is
 * postponed or suspended from a date, until a date when one is known (src/domain/scholarship/
 * safety.ts defines the window: [from, until], cut to [from, liftedOn) by a lift). It concerns the
 * stays of the program in that country that overlap the window and are still going; it holds
 * their stipend months overlapping the window and their trip departing in it — a batch neither
 * takes, approves nor pays them (batches.ts, advisory-holds.ts) — until it is lifted or over, or
 * until the funder officer records an override for a mobility, with a reason. Open batches are
 * left as they are: their held items refuse the approval and the payment, naming each student.
 * Posting, lifting and overriding tell everyone whose work changes: the students, the
 * coordinators of their home and host institutions, and the representative officers of the
 * consortia that pay (R8).
 */
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  advisoriesList,
  advisoryById,
  coordinatorsOf,
  insertAdvisory,
  insertOverride,
  mobilitiesByIds,
  mobilitiesHostedIn,
  overrideOf,
  overridesOf,
  repOfficersOf,
  setAdvisoryLifted,
  type AdvisoryRow,
} from '#src/db/queries/money/advisories.ts';
import { advisoryOf } from '#src/db/queries/money/ledger.ts';
import { can, programResource, requireAccess } from '../access.ts';
import {
  SCHOLARSHIP_CODES as C,
  advisoryWindow,
  checkLift,
  checkUntil,
  concernsStay,
  countryAdvisorySchema,
  isOver,
  isoDateSchema,
  type AdvisoryLevel,
  type CountryAdvisory,
} from '#src/domain/scholarship/index.ts';
import type { Mailer } from '../notify/mailer.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  conflict,
  fieldIssues,
  invalidField,
  invalidInput,
  notFound,
  ruleViolation,
} from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { loadMoneyContexts, type MobilityMoney } from './context.ts';
import { advisedStayOf } from './ledger.ts';
import { mobilityLabels, personNames, programNames, unknownLabel } from './names.ts';

/** The advisories of a program: its funder officer records and lifts them (R19). */
const advisoryResource = (programId: string | null) => programResource(programId, 'advisory');

const mayManage = (ctx: ServiceContext, programId: string | null) =>
  can(ctx.actor, 'advisory:manage', advisoryResource(programId));

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/** The stays of the program that an advisory concerns (R19), with their money context. */
async function affected(
  db: Db,
  advisory: CountryAdvisory,
  programId: string | null,
  today: string,
): Promise<MobilityMoney[]> {
  if (!programId) return [];
  const rows = await mobilitiesHostedIn(db, programId, advisory.country);
  const contexts = await loadMoneyContexts(db, rows, today);
  return contexts.filter((m) => concernsStay(advisory, advisedStayOf(m)));
}

/**
 * Everyone whose work an advisory changes for these stays: the students, the coordinators of
 * their home and host institutions, and the representative officers of the paying consortia.
 */
async function recipients(db: Db, mobs: readonly MobilityMoney[]) {
  const insts = [...new Set(mobs.flatMap((m) => [m.mobility.homeId, m.mobility.hostId]))];
  const payers = [
    ...new Set(mobs.flatMap((m) => (m.sendingConsortiumId ? [m.sendingConsortiumId] : []))),
  ];
  return [
    ...mobs.flatMap((m) => (m.mobility.studentUserId ? [m.mobility.studentUserId] : [])),
    ...(await coordinatorsOf(db, insts)),
    ...(await repOfficersOf(db, payers)),
  ];
}

async function views(ctx: ServiceContext, rows: AdvisoryRow[]) {
  const today = todayOf(ctx);
  const programs = await programNames(
    ctx.db,
    rows.flatMap((a) => (a.programId ? [a.programId] : [])),
  );
  const overrides = await overridesOf(
    ctx.db,
    rows.map((a) => a.id),
  );
  const people = await personNames(ctx.db, [
    ...rows.flatMap((a) => (a.createdBy ? [a.createdBy] : [])),
    ...overrides.flatMap((o) => (o.decidedBy ? [o.decidedBy] : [])),
  ]);
  // The stays each advisory that still holds concerns, for the funder officer's overrides.
  const concerned = new Map<string, MobilityMoney[]>();
  for (const a of rows) {
    const advisory = advisoryOf(a);
    if (!isOver(advisory, today) && mayManage(ctx, a.programId))
      concerned.set(a.id, await affected(ctx.db, advisory, a.programId, today));
  }
  const labels = await mobilityLabels(ctx.db, [
    ...overrides.map((o) => o.mobilityId),
    ...[...concerned.values()].flat().map((m) => m.mobility.id),
  ]);
  const label = (id: string) => labels.get(id) ?? unknownLabel();
  return rows.map((a) => {
    const advisory = advisoryOf(a);
    const mine = overrides.filter((o) => o.advisoryId === a.id);
    const overridden = new Set(mine.map((o) => o.mobilityId));
    const manage = mayManage(ctx, a.programId);
    return {
      ...view(a, today),
      programName: a.programId ? (programs.get(a.programId) ?? null) : null,
      createdByName: a.createdBy ? (people.get(a.createdBy) ?? null) : null,
      overrides: mine.map((o) => ({
        mobilityId: o.mobilityId,
        student: label(o.mobilityId).student,
        host: label(o.mobilityId).host,
        reason: o.reason,
        decidedAt: o.decidedAt.toISOString(),
        decidedByName: o.decidedBy ? (people.get(o.decidedBy) ?? null) : null,
      })),
      /** Stays it holds (to the funder officer, while it holds): who, where, and when. */
      stays: (concerned.get(a.id) ?? []).map((m) => ({
        mobilityId: m.mobility.id,
        student: label(m.mobility.id).student,
        host: label(m.mobility.id).host,
        start: m.stay.start,
        end: m.stay.end,
        overridden: overridden.has(m.mobility.id),
      })),
      may: {
        lift: !a.liftedOn && manage,
        override: manage && !isOver(advisory, today),
      },
    };
  });
}

function view(a: AdvisoryRow, today: string) {
  const advisory = advisoryOf(a);
  const window = advisoryWindow(advisory);
  return {
    id: a.id,
    programId: a.programId,
    country: a.country,
    level: a.level as AdvisoryLevel,
    from: a.fromDate,
    until: a.untilDate,
    liftedOn: a.liftedOn,
    /** The last day it covers (inclusive); null: until lifted; the window is empty when lifted on `from`. */
    lastDay: window ? window.last : null,
    empty: window === null,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    /** It still holds what its window covers (not lifted, not over). */
    inEffect: !isOver(advisory, today),
  };
}

export async function listAdvisories(ctx: ServiceContext, programId?: string) {
  const rows = await advisoriesList(ctx.db, programId);
  return {
    items: await views(ctx, rows),
    may: { record: programId ? mayManage(ctx, programId) : false },
  };
}

async function loadAdvisory(ctx: ServiceContext, id: string, doing: string) {
  if (!isUuid(id)) throw notFound('advisory', id);
  const a = await advisoryById(ctx.db, id);
  if (!a) throw notFound('advisory', id);
  requireAccess(ctx, 'advisory:manage', advisoryResource(a.programId), { doing });
  return a;
}

async function viewOf(ctx: ServiceContext, id: string) {
  const row = await advisoryById(ctx.db, id);
  const [out] = await views(ctx, [row!]);
  return out!;
}

export async function recordAdvisory(
  ctx: ServiceContext,
  input: {
    programId: string;
    country: string;
    level: AdvisoryLevel;
    from: string;
    until?: string | null | undefined;
    reason: string;
  },
  mailer: Mailer | null,
) {
  requireAccess(ctx, 'advisory:manage', advisoryResource(input.programId), {
    doing: 'record a safety advisory: only the funder officer of the program may (R19)',
  });
  const until = input.until || null;
  if (until && isoDateSchema.safeParse(input.from).success) {
    const early = checkUntil({ from: input.from }, until);
    if (early) throw invalidField('body.until', early, 'an advisory ends on or after it starts');
  }
  const parsed = countryAdvisorySchema.safeParse({
    id: 'new',
    country: input.country,
    level: input.level,
    from: input.from,
    until,
  });
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const today = todayOf(ctx);
  const advisory: CountryAdvisory = {
    id: 'new',
    country: input.country,
    level: input.level,
    from: input.from,
    until,
    programId: input.programId,
  };
  const mobs = await affected(ctx.db, advisory, input.programId, today);
  const { row, send } = await ctx.db.transaction(async (tx) => {
    const row = await insertAdvisory(tx, {
      programId: input.programId,
      country: input.country,
      level: input.level,
      fromDate: input.from,
      untilDate: until,
      reason: input.reason,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'advisory.record',
      resourceType: 'advisory',
      resourceId: row.id,
      after: {
        programId: row.programId,
        country: row.country,
        level: row.level,
        fromDate: row.fromDate,
        untilDate: row.untilDate,
        reason: row.reason,
      },
      details: { mobilities: mobs.map((m) => m.mobility.id) },
    });
    const send = await notify(tx, await recipients(tx, mobs), {
      type: input.level === 'suspend' ? 'advisory.suspended' : 'advisory.postponed',
      params: {
        country: input.country,
        from: input.from,
        note: input.reason,
        ...(until ? { until, context: 'until' } : {}),
      },
      data: {
        advisoryId: row.id,
        country: input.country,
        level: input.level,
        from: input.from,
        until,
      },
    });
    return { row, send };
  });
  await send(mailer);
  return { ...(await viewOf(ctx, row.id)), affectedMobilities: mobs.length };
}

export async function liftAdvisory(
  ctx: ServiceContext,
  id: string,
  input: { on?: string | undefined },
  mailer: Mailer | null,
) {
  const a = await loadAdvisory(
    ctx,
    id,
    'lift a safety advisory: only the funder officer of the program may (R19)',
  );
  if (a.liftedOn)
    throw conflict(
      refusal(C.advisoryAlreadyLifted, { on: a.liftedOn, country: a.country }, { rule: 'R19' }),
      `the advisory was lifted on ${a.liftedOn}`,
    );
  const on = input.on ?? todayOf(ctx);
  if (!isoDateSchema.safeParse(on).success)
    throw invalidField('body.on', refusal(C.notADate, { value: on }), 'expected a date YYYY-MM-DD');
  const early = checkLift({ from: a.fromDate }, on);
  if (early) throw invalidField('body.on', early, 'an advisory is lifted on or after it starts');
  // Everyone the advisory concerned before the lift is told it is lifted.
  const mobs = await affected(ctx.db, advisoryOf(a), a.programId, todayOf(ctx));
  const send = await ctx.db.transaction(async (tx) => {
    await setAdvisoryLifted(tx, id, on);
    await audit(tx, ctx, {
      action: 'advisory.lift',
      resourceType: 'advisory',
      resourceId: id,
      before: { liftedOn: a.liftedOn },
      after: { liftedOn: on },
      details: { mobilities: mobs.map((m) => m.mobility.id) },
    });
    return notify(tx, await recipients(tx, mobs), {
      type: 'advisory.lifted',
      params: { country: a.country, on },
      data: { advisoryId: id, country: a.country, liftedOn: on },
    });
  });
  await send(mailer);
  return viewOf(ctx, id);
}

/**
 * R19: the funder officer decides, with a reason, that an advisory no longer holds the payments
 * of one mobility it concerns; recorded once, audited, and told to those whose work changes.
 */
export async function overrideAdvisory(
  ctx: ServiceContext,
  id: string,
  input: { mobilityId: string; reason: string },
  mailer: Mailer | null,
) {
  const a = await loadAdvisory(
    ctx,
    id,
    'override a safety advisory: only the funder officer of the program may (R19)',
  );
  const reason = input.reason.trim();
  if (reason.length < 3)
    throw invalidField(
      'body.reason',
      refusal(C.overrideReasonRequired, { minimum: 3 }, { rule: 'R19' }),
      'an override states its reason (at least 3 letters)',
    );
  const [row] = isUuid(input.mobilityId) ? await mobilitiesByIds(ctx.db, [input.mobilityId]) : [];
  if (!row) throw notFound('mobility', input.mobilityId);
  const today = todayOf(ctx);
  const [m] = await loadMoneyContexts(ctx.db, [row], today);
  const advisory = advisoryOf(a);
  if (!m || isOver(advisory, today) || !concernsStay(advisory, advisedStayOf(m)))
    throw ruleViolation([
      refusal(C.advisoryNotConcerned, { country: a.country, from: a.fromDate }, { rule: 'R19' }),
    ]);
  const before = await overrideOf(ctx.db, id, row.id);
  if (before)
    throw conflict(
      refusal(C.advisoryAlreadyOverridden, { on: before.decidedAt.toISOString() }, { rule: 'R19' }),
      'an override is already recorded for this mobility',
    );
  const send = await ctx.db.transaction(async (tx) => {
    const o = await insertOverride(tx, {
      advisoryId: id,
      mobilityId: row.id,
      reason,
      decidedBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'advisory.override',
      resourceType: 'advisory',
      resourceId: id,
      after: { mobilityId: row.id, reason },
      details: { overrideId: o.id },
    });
    return notify(tx, await recipients(tx, [m]), {
      type: 'advisory.overridden',
      params: { country: a.country, from: a.fromDate, reason },
      data: { advisoryId: id, mobilityId: row.id, country: a.country },
    });
  });
  await send(mailer);
  return viewOf(ctx, id);
}
