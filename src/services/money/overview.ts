/**
 * The payments desk of a representative officer: every funded placed mobility their consortium
 * sends, month by month — scheduled, confirmed by the host (R8), in a batch, paid — and whether
 * it may be paid now (with the rules that refuse it: R8, R10, R12, R14, R19, PAID_ONCE).
 */
import { todayOf } from '#src/services/clock.ts';
import { inArray } from 'drizzle-orm';
import { bankAccounts, consortia } from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import { checkPayable, dispatchStatus } from '#src/domain/scholarship/index.ts';
import { travelKey } from '#src/domain/travel/index.ts';
import type { ServiceContext } from '../context.ts';
import { forbidden, notFound } from '../errors.ts';
import { mobilityLabels } from './names.ts';
import { loadLedger, loadProjectMobilities, payabilityState, scheduleOf } from './ledger.ts';
import { eq } from 'drizzle-orm';

export async function paymentsOverview(ctx: ServiceContext, consortiumId: string) {
  const [c] = await ctx.db.select().from(consortia).where(eq(consortia.id, consortiumId));
  if (!c) throw notFound('consortium', consortiumId);
  const resource = { type: 'payments', consortiumIds: [consortiumId] };
  if (!can(ctx.actor, 'payment:manage', resource) && !can(ctx.actor, 'budget:read', resource))
    throw forbidden('see the payments of this consortium');
  const today = todayOf(ctx);
  const project = await loadProjectMobilities(ctx.db, { consortiumId }, today);
  const ledger = await loadLedger(ctx.db, project);
  const state = payabilityState(ledger, project, today);
  const banked = new Set(
    project.length
      ? (
          await ctx.db
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
      const label = labels.get(m.mobility.id);
      return {
        mobilityId: m.mobility.id,
        studentName: m.mobility.studentName,
        student: label?.student ?? { en: m.mobility.studentName },
        homeId: m.mobility.homeId,
        home: label?.home ?? { en: m.mobility.homeId },
        hostId: m.mobility.hostId,
        host: label?.host ?? { en: m.mobility.hostId },
        hostCountry: m.host.country,
        status: m.mobility.status,
        stay: { start: m.stay.start, end: m.stay.end },
        hasBankAccount: banked.has(m.mobility.id),
        dispatch: dispatchStatus(ledger.advisories, m.host.country, today),
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
