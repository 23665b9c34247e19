/**
 * The payments desk of a representative officer: every funded placed mobility their consortium
 * sends, month by month — scheduled, confirmed by the host (R8), in a batch, paid — and whether
 * it may be paid now (with the rules that refuse it: R8, R10, R12, R14, R19, PAID_ONCE).
 */
import { todayOf } from '#src/services/clock.ts';
import { bankedMobilityIds, consortiumById } from '#src/db/queries/money/batches.ts';
import { consortiumResource, requireAccess } from '../access.ts';
import { checkPayable, stayDispatchStatus } from '#src/domain/scholarship/index.ts';
import { travelKey } from '#src/domain/travel/index.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';
import { mobilityHeading, mobilityLabels } from './names.ts';
import {
  advisedStayOf,
  loadLedger,
  loadProjectMobilities,
  payabilityState,
  scheduleOf,
} from './ledger.ts';

/** A page of the desk: at most `limit` mobilities (1–200; 50 when not given), after `cursor`. */
export interface DeskPage {
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/**
 * The desk a page of mobilities at a time, by start date then id. Whether a month may be paid
 * depends on the whole consortium's ledger (caps, payments made), so the ledger and the
 * payability state are computed over every mobility and only the rows shown are cut to a page.
 */
export async function paymentsOverview(
  ctx: ServiceContext,
  consortiumId: string,
  page: DeskPage = {},
) {
  const c = await consortiumById(ctx.db, consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  // The representative officer manages them; whoever reads the consortium's budget sees them.
  requireAccess(ctx, 'budget:read', consortiumResource([consortiumId], 'payments'), {
    doing: 'see the payments of this consortium',
  });
  const limit = page.limit ?? 50;
  let after: { startDate: string; id: string } | undefined;
  if (page.cursor !== undefined) {
    const key = decodeCursor(page.cursor, ['date', 'uuid']);
    if (!key) throw badCursor();
    after = { startDate: String(key[0]), id: String(key[1]) };
  }
  const today = todayOf(ctx);
  const all = await loadProjectMobilities(ctx.db, { consortiumId }, today);
  const ledger = await loadLedger(ctx.db, all);
  const state = payabilityState(ledger, all, today);
  const following = all
    .filter((m) => !after || keyOf(m) > after.startDate + ' ' + after.id)
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const project = following.slice(0, limit);
  const last = project[project.length - 1]?.mobility;
  const nextCursor =
    following.length > limit && last ? encodeCursor([last.startDate, last.id]) : null;
  const banked = await bankedMobilityIds(
    ctx.db,
    project.map((m) => m.mobility.id),
  );
  const labels = await mobilityLabels(
    ctx.db,
    project.map((m) => m.mobility.id),
  );
  return {
    consortiumId,
    representativeId: c.representativeId,
    asOf: today,
    nextCursor,
    mobilities: project.map((m) => {
      const result = scheduleOf(m);
      const travel = ledger.travels.get(m.mobility.id) ?? null;
      const tripPayment = ledger.payments.get(travelKey(m.mobility.id));
      return {
        ...mobilityHeading(m, labels.get(m.mobility.id)),
        status: m.mobility.status,
        stay: { start: m.stay.start, end: m.stay.end },
        hasBankAccount: banked.has(m.mobility.id),
        dispatch: stayDispatchStatus(ledger.advisories, advisedStayOf(m), today),
        refusal: result.ok ? null : result.refusal,
        totalJpy: result.ok ? result.schedule.totalJpy : 0,
        lines: result.ok
          ? result.schedule.lines.map((l) => {
              const p = ledger.payments.get(l.key);
              const verdict = checkPayable(l, state);
              return {
                month: l.month,
                fiscalYear: l.fiscalYear,
                amountJpy: l.amountJpy,
                status: l.status,
                confirmed: ledger.confirmed.has(l.key),
                payment: p ? { batchId: p.batchId, batchStatus: p.batchStatus } : null,
                payable: verdict.payable,
                rules: verdict.payable
                  ? []
                  : [...new Set(verdict.refusals.flatMap((r) => (r.rule ? [r.rule] : [])))],
                refusals: verdict.payable ? [] : verdict.refusals,
              };
            })
          : [],
        travel: travel
          ? {
              fareJpy: travel.fareJpy,
              status: travel.status,
              payment: tripPayment
                ? { batchId: tripPayment.batchId, batchStatus: tripPayment.batchStatus }
                : null,
            }
          : null,
      };
    }),
  };
}

/** The desk's order: start date (YYYY-MM-DD), then id; compared as one text. */
const keyOf = (m: { mobility: { startDate: string; id: string } }) =>
  `${m.mobility.startDate} ${m.mobility.id}`;
