import type { Db } from '#src/db/client.ts';
import { bankAccounts, paymentBatches } from '#src/db/schema.ts';
import { next } from './sequence.ts';

/** A student's bank account for a mobility (Japanese bank codes; the number is unique per call). */
export async function aBankAccount(
  db: Db,
  mobility: { id: string },
): Promise<{ accountNumber: string }> {
  const accountNumber = String(1_000_000 + next()).slice(-7);
  await db.insert(bankAccounts).values({
    mobilityId: mobility.id,
    bankCode: '0001',
    bankName: 'ﾃｽﾄｷﾞﾝｺｳ',
    branchCode: '001',
    branchName: 'ﾎﾝﾃﾝ',
    accountType: 'ordinary',
    accountNumber,
    holderKana: 'ﾃｽﾄ ﾀﾛｳ',
  });
  return { accountNumber };
}

/** A payment batch of a consortium (the representative university's, R8), a draft by default. */
export async function aPaymentBatch(
  db: Db,
  input: { consortium: { id: string }; status?: string; createdBy?: string },
): Promise<{ id: string }> {
  const [row] = await db
    .insert(paymentBatches)
    .values({
      consortiumId: input.consortium.id,
      status: input.status ?? 'draft',
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: paymentBatches.id });
  if (!row) throw new Error('could not create a payment batch');
  return row;
}
