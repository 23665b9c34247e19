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
import { mobilityHeading, mobilityLabels } from './names.ts';
import {
  advisedStayOf,
  loadLedger,
  loadProjectMobilities,
  payabilityState,
  scheduleOf,
} from './ledger.ts';

export async function paymentsOverview(ctx: ServiceContext, consortiumId: string) {
  const c = await consortiumById(ctx.db, consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  // The representative officer manages them; whoever reads the consortium's budget sees them.
  requireAccess(ctx, 'budget:read', consortiumResource([consortiumId], 'payments'), {
    doing: 'see the payments of this consortium',
  });
  const today = todayOf(ctx);
  const project = await loadProjectMobilities(ctx.db, { consortiumId }, today);
  const ledger = await loadLedger(ctx.db, project);
  const state = payabilityState(ledger, project, today);
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
