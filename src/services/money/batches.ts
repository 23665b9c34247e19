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
import { checkpoint } from '../checkpoints.ts';
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  bankedMobilityIds,
  batchById,
  batchIdByKey,
  batchItems,
  batchesOf,
  cancelBatchRows,
  consortiumById,
  insertBatch,
  insertPayments,
  lockConsortium,
  paymentsOfBatch,
  updateBatchStatus,
} from '#src/db/queries/money/batches.ts';
import { can, consortiumResource, requireAccess } from '../access.ts';
import {
  SCHOLARSHIP_CODES as C,
  fiscalYearOf,
  isoDateSchema,
  planBatch,
  stipendKey,
  type Refusal,
  type ScheduleLine,
} from '#src/domain/scholarship/index.ts';
import { TRAVEL_CODES as T, travelKey } from '#src/domain/travel/index.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, invalidField, notFound, ruleViolation, type AppError } from '../errors.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { consortiumNames, mobilityLabels, oneName, personNames, unknownLabel } from './names.ts';
import { stayEnd, type MobilityMoney } from './context.ts';
import { heldItemsOfBatch, tripHold } from './advisory-holds.ts';
import { mobilityStays } from '#src/db/queries/agreements.ts';
import { dispatchVerdicts } from '../agreements/dispatch.ts';
import {
  loadLedger,
  loadProjectMobilities,
  payabilityState,
  scheduleOf,
  type Ledger,
} from './ledger.ts';
import { travelSummary } from './travel-view.ts';

/** The checkpoints of building a batch and of paying one, in order (see checkpoints.ts). */
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

type BatchStatus = 'draft' | 'approved' | 'paid' | 'cancelled';

export interface ItemRefusal {
  mobilityId: string;
  kind: string;
  period: string;
  refusals: Refusal[];
}

/** A refused item as people read it: the student and the host university beside the ids. */
export interface NamedItemRefusal extends ItemRefusal {
  student: LocalizedText;
  host: LocalizedText;
}

/** Refused items with the names of their student and host. */
async function named(db: Db, items: readonly ItemRefusal[]): Promise<NamedItemRefusal[]> {
  const labels = await mobilityLabels(
    db,
    items.map((i) => i.mobilityId),
  );
  return items.map((i) => {
    const label = labels.get(i.mobilityId) ?? unknownLabel();
    return { ...i, student: label.student, host: label.host };
  });
}

/**
 * The 422 of refused batch items: every refusal, each naming its student and period in its
 * params (so that a list of them never reads as identical lines), and the items themselves.
 */
async function refusedItems(
  db: Db,
  items: readonly ItemRefusal[],
  lead?: Refusal,
): Promise<AppError> {
  const list = await named(db, items);
  const refusals = list.flatMap((r) =>
    r.refusals.map((x) => ({
      ...x,
      params: { ...x.params, student: r.student, host: r.host, kind: r.kind, period: r.period },
    })),
  );
  const error = ruleViolation(lead ? [lead, ...refusals] : refusals);
  error.details.items = list;
  return error;
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
  const c = await consortiumById(db, consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  return c;
}

/** The batches of a consortium as an access resource (its representative officer, R8). */
const batchesResource = (consortiumId: string) =>
  consortiumResource([consortiumId], 'payment batch');

const mayManage = (ctx: ServiceContext, consortiumId: string) =>
  can(ctx.actor, 'payment:manage', batchesResource(consortiumId));

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
    refusals.push(refusal(paid ? T.alreadyPaid : T.alreadyInBatch, {}, { rule: 'PAID_ONCE' }));
  }
  const view = travelSummary(m, row);
  if (view.fareCheck && !view.fareCheck.ok) {
    refusals.push(view.fareCheck.refusal);
  } else if (!row?.fareJpy || row.status !== 'receipted') {
    refusals.push(refusal(T.fareNotReceipted, {}, { rule: 'R13' }));
  }
  if (!(ledger.confirmedMonths.get(m.mobility.id)?.length ?? 0)) {
    refusals.push(refusal(T.enrolmentNotConfirmed, {}, { rule: 'R8' }));
  }
  const held = tripHold(m, ledger, asOf);
  if (held) refusals.push(held);
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
        refusals: [refusal(C.notInProject, {}, { rule: 'R8' })],
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
                ? refusal(C.notScheduled, { month: i.period }, { rule: 'R12' })
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
        refusals: [refusal(C.noBankAccount, {}, { rule: 'R8' })],
      });
  }
  return { items: paid, refused };
}

/**
 * R2, 003 §5(2): the items of mobilities whose stay has no qualifying agreement, judged on the
 * registry now (an agreement terminated or run out since the nomination no longer carries it).
 */
export async function agreementRefusals(
  db: Db,
  items: readonly { mobilityId: string; kind: string; period: string }[],
): Promise<ItemRefusal[]> {
  const stays = await mobilityStays(
    db,
    items.map((i) => i.mobilityId),
  );
  const verdicts = await dispatchVerdicts(
    db,
    stays.map((m) => ({
      home: m.homeId,
      host: m.hostId,
      level: m.level,
      start: m.startDate,
      end: stayEnd(m.startDate, m.months),
    })),
  );
  const refusalOf = new Map<string, Refusal>();
  stays.forEach((m, i) => {
    const v = verdicts[i]!;
    if (!v.ok) refusalOf.set(m.id, v.refusal);
  });
  return items.flatMap((i) => {
    const r = refusalOf.get(i.mobilityId);
    return r ? [{ mobilityId: i.mobilityId, kind: i.kind, period: i.period, refusals: [r] }] : [];
  });
}

/** A plan with the items of mobilities without a qualifying agreement moved to the refused (R2). */
async function withAgreements(
  db: Db,
  planned: { items: Candidate[]; refused: ItemRefusal[] },
): Promise<{ items: Candidate[]; refused: ItemRefusal[] }> {
  const unagreed = await agreementRefusals(db, planned.items);
  if (unagreed.length === 0) return planned;
  const out = new Set(unagreed.map((u) => u.mobilityId));
  return {
    items: planned.items.filter((c) => !out.has(c.mobilityId)),
    refused: [...planned.refused, ...unagreed],
  };
}

/** R2: approving or paying a batch re-checks the agreement of every item. */
async function refuseUnagreed(ctx: ServiceContext, batchId: string) {
  const refused = await agreementRefusals(ctx.db, await batchItems(ctx.db, batchId));
  if (refused.length) throw await refusedItems(ctx.db, refused);
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
  refused: NamedItemRefusal[];
}> {
  const key = input.idempotencyKey?.trim() ?? '';
  if (!/^[\w.:-]{8,200}$/.test(key)) {
    throw invalidField(
      'headers.idempotency-key',
      refusal(C.idempotencyKeyRequired, { minimum: 8, maximum: 200 }),
      'a batch is created with an Idempotency-Key header of 8–200 letters, digits, _ . : -',
    );
  }
  if (input.transferDate && !isoDateSchema.safeParse(input.transferDate).success) {
    throw invalidField(
      'body.transferDate',
      refusal(C.notADate, { value: input.transferDate }),
      'expected a date YYYY-MM-DD',
    );
  }
  const consortium = await loadConsortium(ctx.db, input.consortiumId);
  requireAccess(ctx, 'payment:manage', batchesResource(consortium.id), {
    doing:
      'build a payment batch: only the representative officer of the sending consortium may (R8)',
  });
  if (!consortium.representativeId) {
    throw ruleViolation([
      refusal(
        C.noRepresentative,
        { consortium: (await oneName(consortiumNames, ctx.db, consortium.id)) ?? {} },
        { rule: 'R8' },
      ),
    ]);
  }
  const existingId = (db: Db) => batchIdByKey(db, consortium.id, key);
  const before = await existingId(ctx.db);
  if (before) return { created: false, batch: await getBatch(ctx, before), refused: [] };

  const asOf = todayOf(ctx);
  let outcome: { id: string; created: boolean; refused: ItemRefusal[] };
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      checkpoint('lock');
      // Serialises batch builds of a consortium: the plan below sees every earlier claim.
      await lockConsortium(tx, consortium.id);
      const again = await existingId(tx);
      if (again) return { id: again, created: false, refused: [] };
      const project = await loadProjectMobilities(tx, { consortiumId: consortium.id }, asOf);
      const ledger = await loadLedger(tx, project);
      const banked = await bankedMobilityIds(
        tx,
        project.map((m) => m.mobility.id),
      );
      checkpoint('plan');
      const planned = await withAgreements(tx, plan(project, ledger, banked, input.items, asOf));
      if (input.items && planned.refused.length > 0) {
        throw await refusedItems(tx, planned.refused);
      }
      if (planned.items.length === 0) {
        throw await refusedItems(
          tx,
          planned.refused.slice(0, 50),
          refusal(C.nothingPayable, { refused: planned.refused.length }),
        );
      }
      checkpoint('batch');
      const batchId = await insertBatch(tx, {
        consortiumId: consortium.id,
        idempotencyKey: key,
        transferDate: input.transferDate ?? null,
        createdBy: ctx.actor?.id ?? null,
      });
      checkpoint('payments');
      const rows = await insertPayments(
        tx,
        planned.items.map((c) => ({
          batchId,
          mobilityId: c.mobilityId,
          kind: c.kind,
          period: c.period,
          amountJpy: c.amountJpy,
          fiscalYear: c.fiscalYear,
          studentMonths: c.studentMonths,
        })),
      );
      checkpoint('audit');
      await audit(tx, ctx, {
        action: 'payment-batch.create',
        resourceType: 'payment-batch',
        resourceId: batchId,
        details: {
          consortiumId: consortium.id,
          idempotencyKey: key,
          items: rows.length,
          totalJpy: rows.reduce((s, r) => s + r.amountJpy, 0),
        },
        after: { status: 'draft' },
      });
      for (const r of rows) {
        await audit(tx, ctx, {
          action: 'payment.create',
          resourceType: 'payment',
          resourceId: r.id,
          details: {
            batchId: batchId,
            mobilityId: r.mobilityId,
            kind: r.kind,
            period: r.period,
            amountJpy: r.amountJpy,
          },
        });
      }
      checkpoint('done');
      return { id: batchId, created: true, refused: planned.refused };
    });
  } catch (error) {
    const violated = uniqueViolation(error);
    if (violated?.includes('payment_batches_idempotency')) {
      const id = await existingId(ctx.db);
      if (id) return { created: false, batch: await getBatch(ctx, id), refused: [] };
    }
    if (violated) {
      throw conflict(
        refusal(C.claimedMeanwhile, {}, { rule: 'PAID_ONCE' }),
        'PAID_ONCE: a student-month or trip of this batch was claimed by another batch meanwhile; nothing was stored',
      );
    }
    throw error;
  }
  return {
    created: outcome.created,
    batch: await getBatch(ctx, outcome.id),
    refused: await named(ctx.db, outcome.refused),
  };
}

/**
 * A batch its reader may see: the representative officer (who manages it) and whoever reads the
 * consortium's budget; to anyone else it does not exist.
 */
async function loadBatch(ctx: ServiceContext, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('payment batch', id);
  const b = await batchById(ctx.db, id);
  if (!b) throw notFound('payment batch', id);
  const resource = { ...batchesResource(b.consortiumId), id };
  requireAccess(ctx, 'budget:read', resource, { visibleBy: ['budget:read', resource] });
  return b;
}

/** A batch with its items; never an account number (those are in the bank export only). */
export async function getBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  const items = await batchItems(ctx.db, id);
  const manage = mayManage(ctx, b.consortiumId);
  const labels = await mobilityLabels(
    ctx.db,
    items.map((i) => i.mobilityId),
  );
  const people = await personNames(
    ctx.db,
    [b.createdBy, b.approvedBy].filter((x): x is string => Boolean(x)),
  );
  const held =
    manage && (b.status === 'draft' || b.status === 'approved') ? await heldItems(ctx, b.id) : [];
  return {
    id: b.id,
    consortiumId: b.consortiumId,
    consortiumName: (await oneName(consortiumNames, ctx.db, b.consortiumId)) ?? {},
    status: b.status as BatchStatus,
    idempotencyKey: b.idempotencyKey,
    transferDate: b.transferDate,
    paidOn: b.paidOn,
    createdBy: b.createdBy,
    createdByName: b.createdBy ? (people.get(b.createdBy) ?? null) : null,
    approvedBy: b.approvedBy,
    approvedByName: b.approvedBy ? (people.get(b.approvedBy) ?? null) : null,
    createdAt: b.createdAt.toISOString(),
    items: items.map(({ studentName, hostId, ...i }) => {
      const label = labels.get(i.mobilityId);
      return {
        ...i,
        kind: i.kind as 'stipend' | 'travel',
        studentName,
        hostId,
        student: label?.student ?? { en: studentName },
        home: label?.home ?? {},
        host: label?.host ?? { en: hostId },
      };
    }),
    count: items.length,
    totalJpy: items.reduce((s, i) => s + i.amountJpy, 0),
    /** R19: items an advisory in effect holds; while any is held, the batch is neither approved nor paid. */
    held: await named(ctx.db, held),
    may: {
      approve: manage && b.status === 'draft' && held.length === 0,
      pay: manage && b.status === 'approved' && held.length === 0,
      cancel: manage && (b.status === 'draft' || b.status === 'approved'),
      export:
        b.status !== 'cancelled' &&
        can(ctx.actor, 'bank:read', consortiumResource([b.consortiumId], 'bank-account')),
    },
  };
}

/** A page of the batches list: at most `limit` (1–200; 50 when not given), after `cursor`. */
export interface BatchListPage {
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/** A page of a consortium's batches, newest first; `nextCursor` continues after the last one. */
export async function listBatches(
  ctx: ServiceContext,
  consortiumId: string,
  page: BatchListPage = {},
) {
  await loadConsortium(ctx.db, consortiumId);
  requireAccess(ctx, 'budget:read', batchesResource(consortiumId), {
    doing: 'read the payment batches of this consortium',
  });
  const limit = page.limit ?? 50;
  let after: { createdAt: string; id: string } | undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor, ['instant', 'uuid']);
    if (!key) throw badCursor();
    after = { createdAt: String(key[0]), id: String(key[1]) };
  }
  const fetched = await batchesOf(ctx.db, consortiumId, { after, limit });
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  return {
    consortiumId,
    items: rows.map(({ key: _key, ...r }) => ({
      ...r,
      status: r.status as BatchStatus,
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: fetched.length > limit && last ? encodeCursor([last.key, last.id]) : null,
  };
}

/** R19: the items of a batch an advisory holds today (see advisory-holds.ts). */
const heldItems = (ctx: ServiceContext, batchId: string): Promise<ItemRefusal[]> =>
  heldItemsOfBatch(ctx.db, batchId, todayOf(ctx));

async function refuseHeld(ctx: ServiceContext, batchId: string) {
  const held = await heldItems(ctx, batchId);
  if (held.length) throw await refusedItems(ctx.db, held);
}

export async function approveBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  requireAccess(ctx, 'payment:manage', batchesResource(b.consortiumId), {
    doing: 'approve this payment batch (R8)',
  });
  if (b.status === 'approved' || b.status === 'paid') return getBatch(ctx, id);
  if (b.status !== 'draft')
    throw conflict(
      refusal(C.batchNotDraft, { status: b.status }),
      `the batch is ${b.status}; only a draft is approved`,
    );
  await refuseHeld(ctx, id);
  await refuseUnagreed(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const done = await updateBatchStatus(tx, id, 'draft', {
      status: 'approved',
      approvedBy: ctx.actor?.id ?? null,
    });
    if (!done) return;
    await audit(tx, ctx, {
      action: 'payment-batch.approve',
      resourceType: 'payment-batch',
      resourceId: id,
      before: { status: 'draft', approvedBy: null },
      after: { status: 'approved', approvedBy: ctx.actor?.id ?? null },
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
  requireAccess(ctx, 'payment:manage', batchesResource(b.consortiumId), {
    doing: 'mark this payment batch paid (R8)',
  });
  if (b.status === 'paid') return getBatch(ctx, id);
  if (b.status !== 'approved')
    throw conflict(
      refusal(C.batchNotApproved, { status: b.status }),
      `the batch is ${b.status}; only an approved batch is marked paid`,
    );
  const paidOn = input.paidOn ?? todayOf(ctx);
  if (!isoDateSchema.safeParse(paidOn).success)
    throw invalidField(
      'body.paidOn',
      refusal(C.notADate, { value: paidOn }),
      'expected a date YYYY-MM-DD',
    );
  await refuseHeld(ctx, id);
  await refuseUnagreed(ctx, id);
  await ctx.db.transaction(async (tx) => {
    checkpoint('pay-lock');
    const done = await updateBatchStatus(tx, id, 'approved', { status: 'paid', paidOn });
    checkpoint('pay-update');
    if (!done) return;
    await audit(tx, ctx, {
      action: 'payment-batch.paid',
      resourceType: 'payment-batch',
      resourceId: id,
      before: { status: 'approved', paidOn: null },
      after: { status: 'paid', paidOn },
    });
    const rows = await paymentsOfBatch(tx, id);
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
    checkpoint('pay-audit');
  });
  checkpoint('pay-done');
  return getBatch(ctx, id);
}

/** Cancels a draft or approved batch: its student-months and trips are released, audited. */
export async function cancelBatch(ctx: ServiceContext, id: string) {
  const b = await loadBatch(ctx, id);
  requireAccess(ctx, 'payment:manage', batchesResource(b.consortiumId), {
    doing: 'cancel this payment batch (R8)',
  });
  if (b.status === 'cancelled') return getBatch(ctx, id);
  if (b.status === 'paid')
    throw conflict(refusal(C.batchPaid, {}), 'a paid batch cannot be cancelled');
  await ctx.db.transaction(async (tx) => {
    const released = await cancelBatchRows(tx, id);
    await audit(tx, ctx, {
      action: 'payment-batch.cancel',
      resourceType: 'payment-batch',
      resourceId: id,
      before: { status: b.status },
      after: { status: 'cancelled' },
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
