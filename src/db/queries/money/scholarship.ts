/** Enrolment confirmations (R8, 003 §6(2)2)), trips (R13) and the programs they are paid under. */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { enrolmentConfirmations, payments, programs, travels } from '../../schema.ts';
import type { TravelRow } from './ledger.ts';

export type NewTravel = Pick<
  typeof travels.$inferInsert,
  'mobilityId' | 'homeAirport' | 'hostAirport' | 'distanceKm'
>;
export type TravelChange = Partial<Omit<typeof travels.$inferInsert, 'mobilityId'>>;

export async function programExists(db: Db, programId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: programs.id })
    .from(programs)
    .where(eq(programs.id, programId));
  return Boolean(row);
}

/** Records a month as confirmed; false when it was confirmed already. */
export async function insertConfirmation(
  tx: Db,
  values: { mobilityId: string; month: string; confirmedBy: string | null },
): Promise<boolean> {
  const rows = await tx
    .insert(enrolmentConfirmations)
    .values(values)
    .onConflictDoNothing()
    .returning();
  return rows.length > 0;
}

export async function confirmationOf(db: Db, mobilityId: string, month: string) {
  const [row] = await db
    .select()
    .from(enrolmentConfirmations)
    .where(
      and(
        eq(enrolmentConfirmations.mobilityId, mobilityId),
        eq(enrolmentConfirmations.month, month),
      ),
    );
  return row ?? null;
}

export async function travelOf(db: Db, mobilityId: string): Promise<TravelRow | null> {
  const [row] = await db.select().from(travels).where(eq(travels.mobilityId, mobilityId));
  return row ?? null;
}

export async function insertTravel(tx: Db, values: NewTravel): Promise<TravelRow> {
  const [row] = await tx.insert(travels).values(values).returning();
  return row!;
}

export async function updateTravel(tx: Db, mobilityId: string, set: TravelChange): Promise<void> {
  await tx.update(travels).set(set).where(eq(travels.mobilityId, mobilityId));
}

/** Is the trip of a mobility in a payment batch (any status)? */
export async function tripInBatch(db: Db, mobilityId: string): Promise<boolean> {
  const rows = await db
    .select({ kind: payments.kind })
    .from(payments)
    .where(eq(payments.mobilityId, mobilityId));
  return rows.some((r) => r.kind === 'travel');
}
