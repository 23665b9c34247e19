/**
 * Travel use cases (R13, 003 §3(3)): read the trip, override an airport with a reason, quote and
 * receipt the fare (checked against the program's ceiling per distance band), and the funder
 * officer's approval of a fare above its ceiling. The payment itself is a batch item (batches.ts),
 * paid once like a stipend month (payments: kind 'travel', period 'trip').
 */
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  insertTravel,
  travelOf,
  tripInBatch,
  updateTravel,
} from '#src/db/queries/money/scholarship.ts';
import {
  can,
  consortiumResource,
  institutionsResource,
  programResource,
  requireAccess,
} from '../access.ts';
import { TRAVEL_CODES as T, checkFare, fareCeilingsOf } from '#src/domain/travel/index.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, invalidField, ruleViolation } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { findAirportByIata } from '../travel/airports.ts';
import { loadMoneyContext, resourceOf, type MobilityMoney } from './context.ts';
import { planTrip, travelSummary } from './travel-view.ts';
import { mobilityLabels, namedParties } from './names.ts';

/** The mobility, when the reader may read it (a mobility they may not read does not exist). */
async function readable(ctx: ServiceContext, mobilityId: string): Promise<MobilityMoney> {
  const m = await loadMoneyContext(ctx.db, mobilityId, todayOf(ctx));
  requireAccess(ctx, 'person:read', resourceOf(m));
  return m;
}

/** The trip as its coordinators (home and host) manage it. */
const coordinatorResource = (m: MobilityMoney) =>
  institutionsResource([m.mobility.homeId, m.mobility.hostId], 'mobility');

/**
 * R8, 003 §5(8), §6(2): the representative university of the sending consortium pays the trip,
 * so its representative officer may enter the fare it pays, as the coordinators may.
 */
const payerResource = (m: MobilityMoney) => consortiumResource([m.sendingConsortiumId], 'mobility');

/** May the actor quote the fare: a coordinator of the trip, or the paying consortium's officer. */
const mayQuote = (ctx: ServiceContext, m: MobilityMoney) =>
  can(ctx.actor, 'mobility:manage', coordinatorResource(m)) ||
  (m.sendingConsortiumId !== null && can(ctx.actor, 'payment:manage', payerResource(m)));

export async function getTravel(ctx: ServiceContext, mobilityId: string) {
  const m = await readable(ctx, mobilityId);
  const row = await travelOf(ctx.db, mobilityId);
  const paid = await tripInBatch(ctx.db, mobilityId);
  const summary = travelSummary(m, row);
  const label = (await mobilityLabels(ctx.db, [mobilityId])).get(mobilityId);
  const inBatch = Boolean(paid);
  const coordinator = can(ctx.actor, 'mobility:manage', coordinatorResource(m));
  const quoter = mayQuote(ctx, m);
  const funder = can(ctx.actor, 'program:write', programResource(m.programId));
  return {
    ...summary,
    ...namedParties(m, label),
    may: {
      edit: coordinator && !inBatch,
      quote: quoter && !inBatch,
      approve: funder && summary.status === 'awaiting_approval',
    },
    /** Why the reader, who could otherwise, may not change the trip now. */
    editRefusal:
      (coordinator || quoter) && inBatch ? refusal(T.tripInBatch, {}, { rule: 'PAID_ONCE' }) : null,
    inBatch,
  };
}

async function ensureRow(tx: Db, m: MobilityMoney) {
  const existing = await travelOf(tx, m.mobility.id);
  if (existing) return existing;
  const plan = planTrip(m, null);
  if (!plan.home?.iata || !plan.host?.iata || plan.distanceKm === null) {
    throw conflict(
      refusal(T.airportsUnknown, {}, { rule: 'R13' }),
      'the nearest airports are unknown: the institutions have no coordinates; set both airports',
    );
  }
  return insertTravel(tx, {
    mobilityId: m.mobility.id,
    homeAirport: plan.home.iata,
    hostAirport: plan.host.iata,
    distanceKm: plan.distanceKm,
  });
}

/** A coordinator overrides an airport (R13: the nearest by default) — with a reason. */
export async function setAirports(
  ctx: ServiceContext,
  mobilityId: string,
  input: { homeAirport?: string; hostAirport?: string; reason?: string },
) {
  const m = await readable(ctx, mobilityId);
  requireAccess(ctx, 'mobility:manage', coordinatorResource(m), {
    doing: 'change the airports of this trip (coordinators of the home or host institution)',
  });
  const plan = planTrip(m, null);
  const home = input.homeAirport ? findAirportByIata(input.homeAirport) : plan.home;
  const host = input.hostAirport ? findAirportByIata(input.hostAirport) : plan.host;
  if (!home?.iata)
    throw invalidField(
      'body.homeAirport',
      refusal(T.unknownAirport, { iata: input.homeAirport ?? '' }),
      `no airport with IATA code "${input.homeAirport ?? ''}"`,
    );
  if (!host?.iata)
    throw invalidField(
      'body.hostAirport',
      refusal(T.unknownAirport, { iata: input.hostAirport ?? '' }),
      `no airport with IATA code "${input.hostAirport ?? ''}"`,
    );
  const overriding = home.iata !== plan.home?.iata || host.iata !== plan.host?.iata;
  const reason = input.reason?.trim() ?? '';
  if (overriding && reason.length < 3) {
    throw invalidField(
      'body.reason',
      refusal(T.overrideNeedsReason, { minimum: 3 }, { rule: 'R13' }),
      'an airport other than the nearest needs a reason (R13)',
    );
  }
  if (await tripInBatch(ctx.db, mobilityId))
    throw conflict(
      refusal(T.tripInBatch, {}, { rule: 'PAID_ONCE' }),
      'the trip is already in a payment batch; it cannot change',
    );
  const distanceKm = planTrip(m, { homeAirport: home.iata, hostAirport: host.iata }).distanceKm!;
  await ctx.db.transaction(async (tx) => {
    const previous = await ensureRow(tx, m);
    const change = {
      homeAirport: home.iata!,
      hostAirport: host.iata!,
      overrideReason: overriding ? reason : null,
      distanceKm,
      // A new distance may change the band: a previous approval no longer holds.
      approvedAboveCeilingBy: null,
    };
    await updateTravel(tx, mobilityId, change);
    await audit(tx, ctx, {
      action: 'travel.airports',
      resourceType: 'mobility',
      resourceId: mobilityId,
      details: {
        homeAirport: home.iata,
        hostAirport: host.iata,
        reason: overriding ? reason : null,
      },
      before: pick(previous, change),
      after: change,
    });
  });
  return getTravel(ctx, mobilityId);
}

/**
 * A coordinator of the trip, or the representative officer of the consortium that pays it (R8),
 * quotes the fare (and later gives the receipt). A fare that is not an economy
 * round trip or not a positive amount is refused (R13, nothing stored); a fare above the
 * program's ceiling is stored as awaiting the funder officer's approval and is not payable.
 */
export async function quoteFare(
  ctx: ServiceContext,
  mobilityId: string,
  input: { amountJpy: number; cabin?: string; roundTrip?: boolean; receiptRef?: string | null },
) {
  const m = await readable(ctx, mobilityId);
  if (!mayQuote(ctx, m))
    requireAccess(ctx, 'mobility:manage', coordinatorResource(m), {
      doing:
        'quote the fare of this trip (coordinators of the home or host institution, or the representative officer of the paying consortium)',
    });
  if (await tripInBatch(ctx.db, mobilityId))
    throw conflict(
      refusal(T.tripInBatch, {}, { rule: 'PAID_ONCE' }),
      'the trip is already in a payment batch; it cannot change',
    );
  await ctx.db.transaction(async (tx) => {
    const row = await ensureRow(tx, m);
    const verdict = checkFare(
      {
        amountJpy: input.amountJpy,
        distanceKm: row.distanceKm,
        cabin: (input.cabin ?? 'economy') as 'economy',
        roundTrip: input.roundTrip ?? true,
      },
      fareCeilingsOf(m.programId, m.program),
    );
    if (!verdict.ok && verdict.refusal.code !== T.aboveCeiling) {
      throw ruleViolation([verdict.refusal]);
    }
    const receiptRef = input.receiptRef?.trim() || null;
    // An approval holds for the fare approved; a different fare needs a new one.
    const approvedBy =
      row.approvedAboveCeilingBy && row.fareJpy === input.amountJpy
        ? row.approvedAboveCeilingBy
        : null;
    const status =
      !verdict.ok && !approvedBy ? 'awaiting_approval' : receiptRef ? 'receipted' : 'quoted';
    await updateTravel(tx, mobilityId, {
      fareJpy: input.amountJpy,
      receiptRef,
      status,
      approvedAboveCeilingBy: approvedBy,
    });
    await audit(tx, ctx, {
      action: 'travel.fare',
      resourceType: 'mobility',
      resourceId: mobilityId,
      before: {
        fareJpy: row.fareJpy,
        receiptRef: row.receiptRef,
        status: row.status,
        approvedAboveCeilingBy: row.approvedAboveCeilingBy,
      },
      after: { fareJpy: input.amountJpy, receiptRef, status, approvedAboveCeilingBy: approvedBy },
    });
  });
  return getTravel(ctx, mobilityId);
}

/** R13: the funder officer approves a fare above its band's ceiling (the fare as quoted). */
export async function approveFare(
  ctx: ServiceContext,
  mobilityId: string,
  input: { reason: string },
) {
  const m = await readable(ctx, mobilityId);
  requireAccess(ctx, 'program:write', programResource(m.programId), {
    doing: 'approve a fare above its ceiling: only the funder officer may (R13)',
  });
  const row = await travelOf(ctx.db, mobilityId);
  if (!row?.fareJpy || row.status !== 'awaiting_approval')
    throw conflict(
      refusal(T.noFareAwaitingApproval, {}, { rule: 'R13' }),
      'no fare above its ceiling awaits approval',
    );
  await ctx.db.transaction(async (tx) => {
    await updateTravel(tx, mobilityId, {
      approvedAboveCeilingBy: ctx.actor?.id ?? null,
      status: row.receiptRef ? 'receipted' : 'quoted',
    });
    await audit(tx, ctx, {
      action: 'travel.approve-above-ceiling',
      resourceType: 'mobility',
      resourceId: mobilityId,
      details: { fareJpy: row.fareJpy, reason: input.reason },
      before: { status: row.status, approvedAboveCeilingBy: row.approvedAboveCeilingBy },
      after: {
        status: row.receiptRef ? 'receipted' : 'quoted',
        approvedAboveCeilingBy: ctx.actor?.id ?? null,
      },
    });
  });
  return getTravel(ctx, mobilityId);
}

/** The fields of `row` that `change` sets: what they were before it. */
function pick(row: Record<string, unknown>, change: Record<string, unknown>) {
  return Object.fromEntries(Object.keys(change).map((k) => [k, row[k] ?? null]));
}
