/**
 * A child process for the kill -9 test (crash.test.ts): it pays the confirmed student-months of
 * the demo consortium in small batches — build (sometimes retrying the previous Idempotency-Key),
 * approve, mark paid — as fast as it can, until nothing is payable. The parent kills it at random.
 * argv: database URL, the representative officer's user id.
 */
import { systemClock } from '#src/services/clock.ts';
import { sql } from 'drizzle-orm';
import { openPostgres } from '#src/db/client.ts';
import { AppError } from '#src/services/errors.ts';
import { approveBatch, createBatch, markBatchPaid } from '#src/services/money/batches.ts';

const [url, repId] = process.argv.slice(2);
const database = await openPostgres(url!, 2);
const ctx = {
  db: database.db,
  actor: {
    id: repId!,
    platformAdmin: false,
    roles: [
      {
        role: 'rep_officer' as const,
        scopeType: 'consortium' as const,
        scopeId: 'tohoku-jr-japan',
      },
    ],
  },
  clock: systemClock,
  requestId: `crash-worker-${process.pid}`,
};
const rows = <T>(r: unknown): T[] => (r as { rows?: T[] }).rows ?? (r as T[]);

process.stdout.write('ready\n');
// Finish what a killed predecessor left: approve and pay open batches.
for (const b of rows<{ id: string; status: string }>(
  await database.db.execute(
    sql`SELECT id, status FROM payment_batches WHERE status IN ('draft', 'approved')`,
  ),
)) {
  if (b.status === 'draft') await approveBatch(ctx, b.id);
  await markBatchPaid(ctx, b.id, {});
}
for (let i = 0; ; i++) {
  const open = rows<{ mobility_id: string; month: string }>(
    await database.db.execute(sql`
      SELECT c.mobility_id, c.month FROM enrolment_confirmations c
      JOIN bank_accounts a ON a.mobility_id = c.mobility_id
      WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.mobility_id = c.mobility_id AND p.kind = 'stipend' AND p.period = c.month)
      ORDER BY c.mobility_id, c.month LIMIT 3`),
  );
  if (open.length === 0) break;
  const key = `crash-${process.pid}-${i}`;
  let batch;
  try {
    batch = await createBatch(ctx, {
      consortiumId: 'tohoku-jr-japan',
      idempotencyKey: key,
      items: open.map((o) => ({
        mobilityId: o.mobility_id,
        kind: 'stipend' as const,
        period: o.month,
      })),
    });
  } catch (error) {
    // Months the schedule does not pay (R10, R12) or the cap refuses: leave them and stop.
    if (error instanceof AppError && error.code === 'rule_violation') break;
    throw error;
  }
  // A client retrying after a lost response gets the same batch.
  if (i % 2 === 0) await createBatch(ctx, { consortiumId: 'tohoku-jr-japan', idempotencyKey: key });
  await approveBatch(ctx, batch.batch.id);
  await markBatchPaid(ctx, batch.batch.id, {});
}
await database.close();
process.stdout.write('done\n');
