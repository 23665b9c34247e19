/**
 * What safety advisories hold in a payment batch (R19, 003 §10(1)): the stipend months that
 * overlap an advisory's window and the trip departing in it, for stays the advisory concerns,
 * until it is over or the funder officer records an override for the mobility (see
 * src/domain/scholarship/safety.ts). Checked when a batch is built, approved and marked paid.
 */
import type { Db } from '#src/db/client.ts';
import { mobilitiesByIds } from '#src/db/queries/money/advisories.ts';
import { batchItemsWithHostCountry } from '#src/db/queries/money/batches.ts';
import { overrideKeysOf } from '#src/db/queries/money/ledger.ts';
import {
  advisoryRefusal,
  holdingAdvisory,
  type AdvisedItem,
  type Refusal,
} from '#src/domain/scholarship/index.ts';
import { loadMoneyContexts, type MobilityMoney } from './context.ts';
import { advisedStayOf, loadAdvisories, type Ledger } from './ledger.ts';

const itemOf = (kind: string, period: string): AdvisedItem =>
  kind === 'travel' ? { kind: 'travel' } : { kind: 'stipend', month: period };

/** R19: why the trip of a mobility is held on `asOf`, or null when it is not. */
export function tripHold(m: MobilityMoney, ledger: Ledger, asOf: string): Refusal | null {
  const a = holdingAdvisory(
    ledger.advisories,
    ledger.stays.get(m.mobility.id) ?? advisedStayOf(m),
    { kind: 'travel' },
    asOf,
    ledger.overrides,
  );
  return a ? advisoryRefusal(a) : null;
}

/** R19: the items of a batch an advisory holds on `asOf`, each with the advisory's refusal. */
export async function heldItemsOfBatch(
  db: Db,
  batchId: string,
  asOf: string,
): Promise<{ mobilityId: string; kind: string; period: string; refusals: Refusal[] }[]> {
  const rows = await batchItemsWithHostCountry(db, batchId);
  if (rows.length === 0) return [];
  const ids = [...new Set(rows.map((r) => r.mobilityId))];
  const contexts = await loadMoneyContexts(db, await mobilitiesByIds(db, ids), asOf);
  const stays = new Map(contexts.map((c) => [c.mobility.id, advisedStayOf(c)]));
  const programIds = [...new Set(contexts.flatMap((c) => (c.programId ? [c.programId] : [])))];
  const advisories = await loadAdvisories(db, programIds);
  const overrides = await overrideKeysOf(db, ids);
  const held = [];
  for (const r of rows) {
    const stay = stays.get(r.mobilityId);
    if (!stay) continue;
    const a = holdingAdvisory(advisories, stay, itemOf(r.kind, r.period), asOf, overrides);
    if (a)
      held.push({
        mobilityId: r.mobilityId,
        kind: r.kind,
        period: r.period,
        refusals: [advisoryRefusal(a)],
      });
  }
  return held;
}
