/**
 * Safety advisories (R19, 003 §10(1)): the funder officer records that dispatch to a country is
 * postponed or suspended from a date. Dispatches there are held and their payments stop: unpaid
 * items of open batches that the advisory holds are released from their batch (audited), and
 * nothing held can be paid until the advisory is lifted. Students and coordinators are told.
 */
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  advisoriesList,
  advisoryById,
  coordinatorsOf,
  insertAdvisory,
  mobilitiesHostedIn,
  setAdvisoryLifted,
  type AdvisoryRow,
} from '#src/db/queries/money/advisories.ts';
import { deletePayments, openPaymentsOf } from '#src/db/queries/money/batches.ts';
import { can, programResource, requireAccess } from '../access.ts';
import {
  SCHOLARSHIP_CODES as C,
  checkLift,
  compareIso,
  countryAdvisorySchema,
  isoDateSchema,
  lastDayOfMonth,
  parseIsoMonth,
  type AdvisoryLevel,
} from '#src/domain/scholarship/index.ts';
import type { Mailer } from '../notify/mailer.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, fieldIssues, invalidField, invalidInput, notFound } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { stayEnd } from './context.ts';
import { personNames, programNames } from './names.ts';

/** The advisories of a program: its funder officer records and lifts them (R19). */
const advisoryResource = (programId: string | null) => programResource(programId, 'advisory');

const mayManage = (ctx: ServiceContext, programId: string | null) =>
  can(ctx.actor, 'advisory:manage', advisoryResource(programId));

async function views(ctx: ServiceContext, rows: AdvisoryRow[]) {
  const programs = await programNames(
    ctx.db,
    rows.flatMap((a) => (a.programId ? [a.programId] : [])),
  );
  const people = await personNames(
    ctx.db,
    rows.flatMap((a) => (a.createdBy ? [a.createdBy] : [])),
  );
  return rows.map((a) => ({
    ...view(a, todayOf(ctx)),
    programName: a.programId ? (programs.get(a.programId) ?? null) : null,
    createdByName: a.createdBy ? (people.get(a.createdBy) ?? null) : null,
    may: { lift: !a.liftedOn && mayManage(ctx, a.programId) },
  }));
}

function view(a: AdvisoryRow, today: string) {
  return {
    id: a.id,
    programId: a.programId,
    country: a.country,
    level: a.level as AdvisoryLevel,
    from: a.fromDate,
    liftedOn: a.liftedOn,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    inEffect: a.fromDate <= today && (!a.liftedOn || today < a.liftedOn),
  };
}

export async function listAdvisories(ctx: ServiceContext, programId?: string) {
  const rows = await advisoriesList(ctx.db, programId);
  return {
    items: await views(ctx, rows),
    may: { record: programId ? mayManage(ctx, programId) : false },
  };
}

/** Mobilities of the program hosted in the country whose stay is not over by `from`. */
async function affected(db: Db, programId: string, country: string, from: string) {
  const rows = await mobilitiesHostedIn(db, programId, country);
  return rows.filter(
    (m) =>
      !['refused', 'withdrawn', 'recognised'].includes(m.status) &&
      compareIso(stayEnd(m.startDate, m.months), from) >= 0,
  );
}

async function recipients(db: Db, mobs: Awaited<ReturnType<typeof affected>>) {
  const insts = [...new Set(mobs.flatMap((m) => [m.homeId, m.hostId]))];
  return [
    ...mobs.flatMap((m) => (m.studentUserId ? [m.studentUserId] : [])),
    ...(await coordinatorsOf(db, insts)),
  ];
}

export async function recordAdvisory(
  ctx: ServiceContext,
  input: { programId: string; country: string; level: AdvisoryLevel; from: string; reason: string },
  mailer: Mailer | null,
) {
  requireAccess(ctx, 'advisory:manage', advisoryResource(input.programId), {
    doing: 'record a safety advisory: only the funder officer of the program may (R19)',
  });
  const parsed = countryAdvisorySchema.safeParse({
    id: 'new',
    country: input.country,
    level: input.level,
    from: input.from,
  });
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const mobs = await affected(ctx.db, input.programId, input.country, input.from);
  const { row, send } = await ctx.db.transaction(async (tx) => {
    const row = await insertAdvisory(tx, {
      programId: input.programId,
      country: input.country,
      level: input.level,
      fromDate: input.from,
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
        reason: row.reason,
      },
    });
    // Payments stop: release what the advisory holds from unpaid batches.
    const open = await openPaymentsOf(
      tx,
      mobs.map((m) => m.id),
    );
    const held = open.filter(
      (p) =>
        p.kind === 'travel' || compareIso(lastDayOfMonth(parseIsoMonth(p.period)), input.from) >= 0,
    );
    if (held.length) {
      await deletePayments(
        tx,
        held.map((p) => p.id),
      );
      for (const p of held) {
        await audit(tx, ctx, {
          action: 'payment.release',
          resourceType: 'payment',
          resourceId: p.id,
          details: { ...p, reason: 'R19', advisoryId: row.id },
        });
      }
    }
    const send = await notify(tx, await recipients(tx, mobs), {
      type: input.level === 'suspend' ? 'advisory.suspended' : 'advisory.postponed',
      params: { country: input.country, from: input.from, note: input.reason },
      data: { advisoryId: row.id, country: input.country, level: input.level, from: input.from },
    });
    return { row, send };
  });
  await send(mailer);
  const [out] = await views(ctx, [row]);
  return { ...out!, affectedMobilities: mobs.length };
}

export async function liftAdvisory(
  ctx: ServiceContext,
  id: string,
  input: { on?: string | undefined },
  mailer: Mailer | null,
) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('advisory', id);
  const a = await advisoryById(ctx.db, id);
  if (!a) throw notFound('advisory', id);
  requireAccess(ctx, 'advisory:manage', advisoryResource(a.programId), {
    doing: 'lift a safety advisory: only the funder officer of the program may (R19)',
  });
  if (a.liftedOn)
    throw conflict(
      refusal(C.advisoryAlreadyLifted, { on: a.liftedOn, country: a.country }, { rule: 'R19' }),
      `the advisory was lifted on ${a.liftedOn}`,
    );
  const on = input.on ?? todayOf(ctx);
  if (!isoDateSchema.safeParse(on).success)
    throw invalidField('body.on', refusal(C.notADate, { value: on }), 'expected a date YYYY-MM-DD');
  const early = checkLift({ from: a.fromDate }, on);
  if (early) throw invalidField('body.on', early, 'an advisory is lifted after it starts');
  const mobs = a.programId ? await affected(ctx.db, a.programId, a.country, a.fromDate) : [];
  const send = await ctx.db.transaction(async (tx) => {
    await setAdvisoryLifted(tx, id, on);
    await audit(tx, ctx, {
      action: 'advisory.lift',
      resourceType: 'advisory',
      resourceId: id,
      before: { liftedOn: a.liftedOn },
      after: { liftedOn: on },
    });
    return notify(tx, await recipients(tx, mobs), {
      type: 'advisory.lifted',
      params: { country: a.country, on },
      data: { advisoryId: id, country: a.country, liftedOn: on },
    });
  });
  await send(mailer);
  const row = await advisoryById(ctx.db, id);
  const [out] = await views(ctx, [row!]);
  return out!;
}
