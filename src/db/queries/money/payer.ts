/**
 * The account a representative university pays from (R8 — 003 §5(8), §6(2)3), §7(1)): the
 * requester of its Zengin transfer files.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../client.ts';
import { payerAccounts } from '../../schema.ts';
import {
  REQUESTER_ACCOUNT_TYPES,
  type RequesterAccountType,
  type ZenginRequester,
} from '#src/interop/zengin/index.ts';

export type PayerAccountRow = typeof payerAccounts.$inferSelect;

const isRequesterAccountType = (t: string): t is RequesterAccountType =>
  (REQUESTER_ACCOUNT_TYPES as readonly string[]).includes(t);

/** A payer account row as the requester of a transfer file (an unknown account type is an error). */
export function requesterOf(row: PayerAccountRow): ZenginRequester {
  if (!isRequesterAccountType(row.accountType))
    throw new Error(`payer account of ${row.institutionId}: unknown account type`);
  return {
    code: row.requesterCode,
    name: row.kanaName,
    bankCode: row.bankCode,
    bankName: row.bankName,
    branchCode: row.branchCode,
    branchName: row.branchName,
    accountType: row.accountType,
    accountNumber: row.accountNumber,
  };
}

/** The payer account of a university as a transfer file's requester, or null when none is on file. */
export async function payerAccountOf(
  db: Db,
  institutionId: string,
): Promise<ZenginRequester | null> {
  const [row] = await db
    .select()
    .from(payerAccounts)
    .where(eq(payerAccounts.institutionId, institutionId));
  return row ? requesterOf(row) : null;
}
