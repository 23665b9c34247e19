/**
 * Payment batches (R8 — 003 §5(8), §6(2), §7(1)): the representative officer of the sending
 * consortium builds a batch of payable student-months and trips, approves it and marks it paid.
 *
 * Paid at most once, whatever happens: a batch and its payment rows are written in ONE
 * transaction; each payment row claims its student-month (or trip) through the unique index
 * `payments_once` (mobility, kind, period), so no second batch can hold it; batch builds of a
 * consortium are serialised by a row lock on the consortium; the `Idempotency-Key` of the request
 * is unique per consortium (`payment_batches_idempotency`), so a retried request returns the batch
 * it already made. Marking paid is a single conditional update with its audit rows, in one
 * transaction. A crash at any point leaves the batch whole or absent.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  bankAccounts,
  consortia,
  institutions,
  mobilities,
  paymentBatches,
  payments,
} from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import {
  advisoriesInEffect,
  compareIso,
  fiscalYearOf,
  isoDateSchema,
  lastDayOfMonth,
  parseIsoMonth,
  planBatch,
  stipendKey,
  type Refusal,
  type ScheduleLine,
} from '#src/domain/scholarship/index.ts';
import { travelKey } from '#src/domain/travel/index.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, forbidden, notFound } from '../errors.ts';
import { todayIso, type MobilityMoney } from './context.ts';
import {
  loadAdvisories,
  loadLedger,
  loadProjectMobilities,
  payabilityState,
  scheduleOf,
  type Ledger,
} from './ledger.ts';
import { travelSummary } from './travel-view.ts';

/** Test hook: called at each step of a batch's transaction (a crash test throws from it). */
export const faults: { at: ((step: string) => void) | null } = { at: null };
const step = (name: string) => faults.at?.(name);

export const BATCH_STEPS = ['lock', 'plan', 'batch', 'payments', 'audit', 'done'] as const;
export const PAY_STEPS = ['pay-lock', 'pay-update', 'pay-audit', 'pay-done'] as const;

export type ItemInput =
  | { mobilityId: string; kind: 'stipend'; period: string }
  | { mobilityId: string; kind: 'travel'; period?: 'trip' | undefined };

interface Candidate {
  key: string;
  mobilityId: string;
  kind: 'stipend' | 'travel';
  period: string;
  amountJpy: number;
  fiscalYear: number;
  studentMonths: number;
}

export interface ItemRefusal {
  mobilityId: string;
  kind: string;
  period: string;
  refusals: Refusal[];
}

function uniqueViolation(error: unknown): string | null {
  for (let e: unknown = error, i = 0; e && i < 5; i++) {
    const x = e as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (x.code === '23505') return x.constraint ?? x.message ?? 'unique';
    e = x.cause;
  }
  return null;
}

async function loadConsortium(db: Db, consortiumId: string) {
  const [c] = await db.select().from(consortia).where(eq(consortia.id, consortiumId));
  if (!c) throw notFound('consortium', consortiumId);
  return c;
}

const mayManage = (ctx: ServiceContext, consortiumId: string) =>
  can(ctx.actor, 'payment:manage', { type: 'payment-batch', consortiumIds: [consortiumId] });

/** Which advisory (R19) holds a stipend month or the trip of a mobility on a day, if any. */
function heldBy(ledger: Ledger, country: string, kind: string, period: string, asOf: string) {
  return advisoriesInEffect(ledger.advisories, country, asOf).find((a) =>
    kind === 'travel' ? true : compareIso(lastDayOfMonth(parseIsoMonth(period)), a.from) >= 0,
  );
}

function travelCandidate(
  m: MobilityMoney,
  ledger: Ledger,
  asOf: string,
): { ok: true; item: Candidate } | { ok: false; refusals: Refusal[] } {
  const refusals: Refusal[] = [];
  const key = travelKey(m.mobility.id);
  const row = ledger.travels.get(m.mobility.id) ?? null;
  if (ledger.payments.has(key)) {
    const paid = ledger.payments.get(key)!.batchStatus === 'paid';
    refusals.push({
      rule: 'PAID_ONCE',
      code: paid ? 'ALREADY_PAID' : 'ALREADY_IN_BATCH',
      message: `the trip of mobility ${m.mobility.id} is already ${paid ? 'paid' : 'in an open payment batch'}`,
    });
  }
  const view = travelSummary(m, row);
  if (!row?.fareJpy || row.status !== 'receipted') {
    refusals.push({
      rule: 'R13' as Refusal['rule'],
      code: 'FARE_NOT_RECEIPTED',
      message: 'the coordinator has not yet receipted the fare of the trip',
    });
  } else if (view.fareCheck && !view.fareCheck.ok) {
    refusals.push(view.fareCheck.refusal as unknown as Refusal);
  }
  if (!(ledger.confirmedMonths.get(m.mobility.id)?.length ?? 0)) {
    refusals.push({
      rule: 'R8',
      code: 'ENROLMENT_NOT_CONFIRMED',
      message: `the host has not confirmed the enrolment of mobility ${m.mobility.id}`,
    });
  }
  const holding = heldBy(ledger, m.host.country, 'travel', 'trip', asOf);
  if (holding) {
    refusals.push({
      rule: 'R19',
      code: holding.level === 'suspend' ? 'COUNTRY_SUSPENDED' : 'COUNTRY_POSTPONED',
      message: `dispatch to ${holding.country} is held from ${holding.from}; payments resume when the advisory is lifted`,
      params: { country: holding.country, advisoryId: holding.id },
    });
  }
  if (refusals.length) return { ok: false, refusals };
  return {
    ok: true,
    item: {
      key,
      mobilityId: m.mobility.id,
      kind: 'travel',
      period: 'trip',
      amountJpy: row!.fareJpy!,
      fiscalYear: fiscalYearOf(m.stay.start, m.rules?.fiscalYearStartMonth ?? 4),
      studentMonths: 0,
    },
  };
}

/** Plans a batch of a project: what goes in, and what is refused with which rules. */
function plan(
  project: MobilityMoney[],
  ledger: Ledger,
  banked: Set<string>,
  items: ItemInput[] | undefined,
  asOf: string,
): { items: Candidate[]; refused: ItemRefusal[] } {
  const byId = new Map(project.map((m) => [m.mobility.id, m]));
  const refused: ItemRefusal[] = [];
  const wanted = items
    ? new Set(
        items.map((i) =>
          i.kind === 'travel' ? travelKey(i.mobilityId) : stipendKey(i.mobilityId, i.period),
        ),
      )
    : null;
  const lines: ScheduleLine[] = [];
  const trips: MobilityMoney[] = [];
  for (const i of items ?? []) {
    if (!byId.has(i.mobilityId)) {
      refused.push({
        mobilityId: i.mobilityId,
        kind: i.kind,
        period: i.kind === 'travel' ? 'trip' : i.period,
        refusals: [
          {
            rule: 'R8',
            code: 'NOT_IN_PROJECT',
            message: 'the mobility is not a funded placed mobility sent by this consortium',
          },
        ],
      });
    }
  }
  for (const m of project) {
    const result = scheduleOf(m);
    const scheduled = result.ok ? result.schedule.lines : [];
    if (wanted) {
      for (const i of items!.filter((x) => x.mobilityId === m.mobility.id)) {
        if (i.kind === 'travel') {
          trips.push(m);
          continue;
        }
        const line = scheduled.find((l) => l.month === i.period);
        if (line) lines.push(line);
        else
          refused.push({
            mobilityId: m.mobility.id,
            kind: 'stipend',
            period: i.period,
            refusals: [
              result.ok
                ? {
                    rule: 'R12',
                    code: 'NOT_SCHEDULED',
                    message: `${i.period} is not a month of the schedule`,
                  }
                : result.refusal,
            ],
          });
      }
    } else {
      // Every confirmed month not yet claimed by a batch, and every receipted trip.
      for (const l of scheduled) {
        if (ledger.confirmed.has(l.key) && !ledger.payments.has(l.key)) lines.push(l);
      }
      const t = ledger.travels.get(m.mobility.id);
      if (t?.status === 'receipted' && !ledger.payments.has(travelKey(m.mobility.id)))
        trips.push(m);
    }
  }
  const state = payabilityState(ledger, project, asOf);
  const planned = planBatch(lines, state);
  for (const r of planned.refused) {
    refused.push({
      mobilityId: r.line.mobilityId,
      kind: 'stipend',
      period: r.line.month,
      refusals: r.refusals,
    });
  }
  const out: Candidate[] = planned.items.map((l) => ({
    key: l.key,
    mobilityId: l.mobilityId,
    kind: 'stipend',
    period: l.month,
    amountJpy: l.amountJpy,
    fiscalYear: l.fiscalYear,
    studentMonths: l.months,
  }));
  for (const m of trips) {
    const verdict = travelCandidate(m, ledger, asOf);
    if (verdict.ok) out.push(verdict.item);
    else
      refused.push({
        mobilityId: m.mobility.id,
        kind: 'travel',
        period: 'trip',
        refusals: verdict.refusals,
      });
  }
  // Paid by bank transfer through the representative university: an account is needed (R8).
  const paid: Candidate[] = [];
  for (const c of out) {
    if (banked.has(c.mobilityId)) paid.push(c);
    else
      refused.push({
        mobilityId: c.mobilityId,
        kind: c.kind,
        period: c.period,
        refusals: [
          {
            rule: 'R8',
            code: 'NO_BANK_ACCOUNT',
            message: 'the student has no bank account on file with the representative university',
          },
        ],
      });
  }
  return { items: paid, refused };
}

/**
 * POST /payment-batches: builds a draft batch. With `items`, exactly those (any refusal refuses
 * the batch, naming each rule); without, every payable confirmed month and receipted trip.
 */
export async function createBatch(
  ctx: ServiceContext,
  input: {
    consortiumId: string;
    idempotencyKey: string | undefined;
    items?: ItemInput[] | undefined;
    transferDate?: string | undefined;
  },
): Promise<{
  created: boolean;
  batch: Awaited<ReturnType<typeof getBatch>>;
  refused: ItemRefusal[];
}> {
  const key = input.idempotencyKey?.trim() ?? '';
  if (!/^[\w.:-]{8,200}$/.test(key)) {
    throw new AppError(
      'validation_failed',
      'headers.idempotency-key: a batch is created with an Idempotency-Key header of 8–200 letters, digits, _ . : -',
      { issues: [{ field: 'headers.idempotency-key', message: 'required, 8–200 characters' }] },
    );
  }
  if (input.transferDate && !isoDateSchema.safeParse(input.transferDate).success) {
    throw new AppError('validation_failed', 'body.transferDate: expected a date YYYY-MM-DD', {
      issues: [{ field: 'body.transferDate', message: 'expected a date YYYY-MM-DD' }],
    });
  }
  const consortium = await loadConsortium(ctx.db, input.consortiumId);
  if (!mayManage(ctx, consortium.id))
    throw forbidden(
      'build a payment batch: only the representative officer of the sending consortium may (R8)',
    );
  if (!consortium.representativeId) {
    throw new AppError('rule_violation', 'R8: the consortium has no representative university', {
      refusals: [
        { rule: 'R8', code: 'NO_REPRESENTATIVE', message: 'no representative university' },
      ],
    });
  }
  const existingId = async (db: Db) => {
    const [b] = await db
      .select({ id: paymentBatches.id })
      .from(paymentBatches)
      .where(
        and(eq(paymentBatches.consortiumId, consortium.id), eq(paymentBatches.idempotencyKey, key)),
      );
    return b?.id ?? null;
  };
  const before = await existingId(ctx.db);
  if (before) return { created: false, batch: await getBatch(ctx, before), refused: [] };

  const asOf = todayIso();
  let outcome: { id: string; created: boolean; refused: ItemRefusal[] };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      step('lock');
      // Serialises batch builds of a consortium: the plan below sees every earlier claim.
      await tx.execute(sql`SELECT id FROM consortia WHERE id = ${consortium.id} FOR UPDATE`);
      const again = await existingId(tx);
      if (again) return { id: again, created: false, refused: [] };
      const project = await loadProjectMobilities(tx, { consortiumId: consortium.id });
      const ledger = await loadLedger(tx, project);
      const banked = new Set(
        project.length
          ? (
              await tx
                .select({ id: bankAccounts.mobilityId })
                .from(bankAccounts)
                .where(
                  inArray(
                    bankAccounts.mobilityId,
                    project.map((m) => m.mobility.id),
                  ),
                )
            ).map((r) => r.id)
          : [],
      );
      step('plan');
      const planned = plan(project, ledger, banked, input.items, asOf);
      if (input.items && planned.refused.length > 0) {
        const first = planned.refused[0]!;
        throw new AppError(
          'rule_violation',
          `${first.refusals[0]?.rule}: ${first.refusals[0]?.message} (${first.kind} ${first.period} of mobility ${first.mobilityId})`,
          {
            refusals: planned.refused.flatMap((r) =>
              r.refusals.map((x) => ({
                ...x,
                mobilityId: r.mobilityId,
                kind: r.kind,
                period: r.period,
              })),
            ),
            items: planned.refused,
          },
        );
      }
      if (planned.items.length === 0) {
        throw new AppError(
          'rule_violation',
          'nothing is payable: no confirmed, unpaid month or receipted trip',
          {
            refusals: planned.refused.flatMap((r) => r.refusals).slice(0, 50),
            items: planned.refused.slice(0, 50),
          },
        );
      }
      step('batch');
      const [batch] = await tx
        .insert(paymentBatches)
        .values({
          consortiumId: consortium.id,
          status: 'draft',
          idempotencyKey: key,
          transferDate: input.transferDate ?? null,
          createdBy: ctx.actor?.id ?? null,
        })
        .returning({ id: paymentBatches.id });
      step('payments');
      const rows = await tx
        .insert(payments)
        .values(
          planned.items.map((c) => ({
            batchId: batch!.id,
            mobilityId: c.mobilityId,
            kind: c.kind,
            period: c.period,
            amountJpy: c.amountJpy,
            fiscalYear: c.fiscalYear,
            studentMonths: c.studentMonths,
          })),
        )
        .returning({
          id: payments.id,
          mobilityId: payments.mobilityId,
          kind: payments.kind,
          period: payments.period,
          amountJpy: payments.amountJpy,
        });
      step('audit');
      await audit(tx, ctx, {
        action: 'payment-batch.create',
        resourceType: 'payment-batch',
        resourceId: batch!.id,
        details: {
          consortiumId: consortium.id,
          idempotencyKey: key,
          items: rows.length,
          totalJpy: rows.reduce((s, r) => s + r.amountJpy, 0),
        },
      });
      for (const r of rows) {
        await audit(tx, ctx, {
          action: 'payment.create',
          resourceType: 'payment',
          resourceId: r.id,
          details: {
            batchId: batch!.id,
            mobilityId: r.mobilityId,
            kind: r.kind,
            period: r.period,
            amountJpy: r.amountJpy,
          },
        });
      }
      step('done');
      return { id: batch!.id, created: true, refused: planned.refused };
    });
  } catch (error) {
    const violated = uniqueViolation(error);
    if (violated?.includes('payment_batches_idempotency')) {
      const id = await existingId(ctx.db);
      if (id) return { created: false, batch: await getBatch(ctx, id), refused: [] };
    }
    if (violated) {
      throw new AppError(
        'conflict',
        'PAID_ONCE: a student-month or trip of this batch was claimed by another batch meanwhile; nothing was stored',
        {
          refusals: [
            { rule: 'PAID_ONCE', code: 'ALREADY_IN_BATCH', message: 'claimed by another batch' },
          ],
        },
      );
    }
    throw error;
  }
  return {
    created: outcome.created,
    batch: await getBatch(ctx, outcome.id),
    refused: outcome.refused,
  };
}

async function loadBatch(ctx: ServiceContext, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('payment batch', id);
  const [b] = await ctx.db.select().from(paymentBatches).where(eq(paymentBatches.id, id));
  if (!b) throw notFound('payment batch', id);
  const readable =
    mayManage(ctx, b.consortiumId) ||
    can(ctx.actor, 'budget:read', { type: 'payment-batch', consortiumIds: [b.consortiumId] });
  if (!readable) throw notFound('payment batch', id);
  return b;
}

/** A batch with its items; never an account number (those are in the bank export only). */
export async function getBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  const items = await ctx.db
    .select({
      id: payments.id,
      mobilityId: payments.mobilityId,
      studentName: mobilities.studentName,
      hostId: mobilities.hostId,
      kind: payments.kind,
      period: payments.period,
      amountJpy: payments.amountJpy,
      fiscalYear: payments.fiscalYear,
      studentMonths: payments.studentMonths,
    })
    .from(payments)
    .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
    .where(eq(payments.batchId, id))
    .orderBy(asc(mobilities.studentName), asc(payments.kind), asc(payments.period));
  const manage = mayManage(ctx, b.consortiumId);
  return {
    id: b.id,
    consortiumId: b.consortiumId,
    status: b.status,
    idempotencyKey: b.idempotencyKey,
    transferDate: b.transferDate,
    paidOn: b.paidOn,
    createdBy: b.createdBy,
    approvedBy: b.approvedBy,
    createdAt: b.createdAt.toISOString(),
    items,
    count: items.length,
    totalJpy: items.reduce((s, i) => s + i.amountJpy, 0),
    may: {
      approve: manage && b.status === 'draft',
      pay: manage && b.status === 'approved',
      cancel: manage && (b.status === 'draft' || b.status === 'approved'),
      export:
        b.status !== 'cancelled' &&
        can(ctx.actor, 'bank:read', { type: 'bank-account', consortiumIds: [b.consortiumId] }),
    },
  };
}

export async function listBatches(ctx: ServiceContext, consortiumId: string) {
  await loadConsortium(ctx.db, consortiumId);
  if (
    !mayManage(ctx, consortiumId) &&
    !can(ctx.actor, 'budget:read', { type: 'payment-batch', consortiumIds: [consortiumId] })
  )
    throw forbidden('read the payment batches of this consortium');
  const rows = await ctx.db
    .select({
      id: paymentBatches.id,
      status: paymentBatches.status,
      transferDate: paymentBatches.transferDate,
      paidOn: paymentBatches.paidOn,
      createdAt: paymentBatches.createdAt,
      count: sql<number>`count(${payments.id})::int`,
      totalJpy: sql<number>`coalesce(sum(${payments.amountJpy}), 0)::bigint`,
    })
    .from(paymentBatches)
    .leftJoin(payments, eq(payments.batchId, paymentBatches.id))
    .where(eq(paymentBatches.consortiumId, consortiumId))
    .groupBy(paymentBatches.id)
    .orderBy(desc(paymentBatches.createdAt));
  return {
    consortiumId,
    items: rows.map((r) => ({
      ...r,
      count: Number(r.count),
      totalJpy: Number(r.totalJpy),
      createdAt: r.createdAt.toISOString(),
    })),
  };
}

/** R19: the items of a batch held by an advisory in effect today. */
async function heldItems(ctx: ServiceContext, batchId: string) {
  const rows = await ctx.db
    .select({
      mobilityId: payments.mobilityId,
      kind: payments.kind,
      period: payments.period,
      hostId: mobilities.hostId,
    })
    .from(payments)
    .innerJoin(mobilities, eq(mobilities.id, payments.mobilityId))
    .where(eq(payments.batchId, batchId));
  if (rows.length === 0) return [];
  const countries = new Map(
    (
      await ctx.db
        .select({ id: institutions.id, country: institutions.country })
        .from(institutions)
        .where(inArray(institutions.id, [...new Set(rows.map((r) => r.hostId))]))
    ).map((i) => [i.id, i.country]),
  );
  const ledger = { advisories: await loadAdvisories(ctx.db, []) } as Ledger;
  const asOf = todayIso();
  const held: ItemRefusal[] = [];
  for (const r of rows) {
    const a = heldBy(ledger, countries.get(r.hostId) ?? '', r.kind, r.period, asOf);
    if (a)
      held.push({
        mobilityId: r.mobilityId,
        kind: r.kind,
        period: r.period,
        refusals: [
          {
            rule: 'R19',
            code: a.level === 'suspend' ? 'COUNTRY_SUSPENDED' : 'COUNTRY_POSTPONED',
            message: `dispatch to ${a.country} is held from ${a.from}; payments resume when the advisory is lifted`,
            params: { country: a.country, advisoryId: a.id },
          },
        ],
      });
  }
  return held;
}

async function refuseHeld(ctx: ServiceContext, batchId: string) {
  const held = await heldItems(ctx, batchId);
  if (held.length) {
    throw new AppError('rule_violation', `R19: ${held[0]!.refusals[0]!.message}`, {
      refusals: held.flatMap((h) => h.refusals),
      items: held,
    });
  }
}

export async function approveBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  if (!mayManage(ctx, b.consortiumId)) throw forbidden('approve this payment batch (R8)');
  if (b.status === 'approved' || b.status === 'paid') return getBatch(ctx, id);
  if (b.status !== 'draft')
    throw new AppError('conflict', `the batch is ${b.status}; only a draft is approved`);
  await refuseHeld(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const done = await tx
      .update(paymentBatches)
      .set({ status: 'approved', approvedBy: ctx.actor?.id ?? null })
      .where(and(eq(paymentBatches.id, id), eq(paymentBatches.status, 'draft')))
      .returning({ id: paymentBatches.id });
    if (done.length === 0) return;
    await audit(tx, ctx, {
      action: 'payment-batch.approve',
      resourceType: 'payment-batch',
      resourceId: id,
    });
  });
  return getBatch(ctx, id);
}

/** Marks an approved batch paid: idempotent (a retry after a crash is a no-op); audits each payment. */
export async function markBatchPaid(
  ctx: ServiceContext,
  id: string,
  input: { paidOn?: string | undefined },
) {
  const b = await loadBatch(ctx, id);
  if (!mayManage(ctx, b.consortiumId)) throw forbidden('mark this payment batch paid (R8)');
  if (b.status === 'paid') return getBatch(ctx, id);
  if (b.status !== 'approved')
    throw new AppError(
      'conflict',
      `the batch is ${b.status}; only an approved batch is marked paid`,
    );
  const paidOn = input.paidOn ?? todayIso();
  if (!isoDateSchema.safeParse(paidOn).success)
    throw new AppError('validation_failed', 'body.paidOn: expected a date YYYY-MM-DD', {
      issues: [{ field: 'body.paidOn', message: 'expected a date YYYY-MM-DD' }],
    });
  await refuseHeld(ctx, id);
  await ctx.db.transaction(async (tx) => {
    step('pay-lock');
    const done = await tx
      .update(paymentBatches)
      .set({ status: 'paid', paidOn })
      .where(and(eq(paymentBatches.id, id), eq(paymentBatches.status, 'approved')))
      .returning({ id: paymentBatches.id });
    step('pay-update');
    if (done.length === 0) return;
    await audit(tx, ctx, {
      action: 'payment-batch.paid',
      resourceType: 'payment-batch',
      resourceId: id,
      details: { paidOn },
    });
    const rows = await tx.select().from(payments).where(eq(payments.batchId, id));
    for (const r of rows) {
      await audit(tx, ctx, {
        action: 'payment.paid',
        resourceType: 'payment',
        resourceId: r.id,
        details: {
          batchId: id,
          mobilityId: r.mobilityId,
          kind: r.kind,
          period: r.period,
          amountJpy: r.amountJpy,
          paidOn,
        },
      });
    }
    step('pay-audit');
  });
  step('pay-done');
  return getBatch(ctx, id);
}

/** Cancels a draft or approved batch: its student-months and trips are released, audited. */
export async function cancelBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  if (!mayManage(ctx, b.consortiumId)) throw forbidden('cancel this payment batch (R8)');
  if (b.status === 'cancelled') return getBatch(ctx, id);
  if (b.status === 'paid') throw new AppError('conflict', 'a paid batch cannot be cancelled');
  await ctx.db.transaction(async (tx) => {
    const released = await tx.delete(payments).where(eq(payments.batchId, id)).returning();
    await tx.update(paymentBatches).set({ status: 'cancelled' }).where(eq(paymentBatches.id, id));
    await audit(tx, ctx, {
      action: 'payment-batch.cancel',
      resourceType: 'payment-batch',
      resourceId: id,
    });
    for (const r of released) {
      await audit(tx, ctx, {
        action: 'payment.release',
        resourceType: 'payment',
        resourceId: r.id,
        details: { batchId: id, mobilityId: r.mobilityId, kind: r.kind, period: r.period },
      });
    }
  });
  return getBatch(ctx, id);
}
