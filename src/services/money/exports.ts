/**
 * Bank exports of a batch: the Zengin 総合振込 file (fixed-length, half-width kana, Shift_JIS), CSV and
 * XLSX. They carry account numbers, so only the representative officer (`bank:read`) may download
 * them, and so may read a student's bank account.
 */
import { todayOf } from '#src/services/clock.ts';
import ExcelJS from 'exceljs';
import {
  bankAccountOf,
  bankAccountsOf,
  batchById,
  consortiumById,
  paymentsOfBatch,
  studentNamesOf,
} from '#src/db/queries/money/batches.ts';
import { payerAccountOf } from '#src/db/queries/money/payer.ts';
import { consortiumResource, requireAccess } from '../access.ts';
import {
  ACCOUNT_TYPE_CODES,
  ACCOUNT_TYPES,
  buildZenginFile,
  CSV_COLUMNS,
  toCsv,
  zenginBatchSchema,
  type AccountType,
  type ZenginBatch,
} from '#src/interop/zengin/index.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { conflict, notFound, ruleViolation } from '../errors.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import { SCHOLARSHIP_CODES as C } from '#src/domain/scholarship/refusal-codes.ts';
import { consortiumNames, institutionNames, mobilityLabels, oneName } from './names.ts';
import { loadMoneyContext, resourceOf } from './context.ts';

/** Account data of a consortium's students: its representative officer only (R8). */
const bankResource = (consortiumId: string | null) =>
  consortiumResource([consortiumId], 'bank-account');

/**
 * The requester of the transfer files of a consortium: its representative university's own
 * account (R8 — 003 §5(8), §6(2)3), §7(1)). Without one on file there is no file to give the bank.
 */
async function payerOf(ctx: ServiceContext, consortiumId: string) {
  const c = await consortiumById(ctx.db, consortiumId);
  if (!c?.representativeId) {
    throw ruleViolation([
      refusal(
        C.noRepresentative,
        { consortium: (await oneName(consortiumNames, ctx.db, consortiumId)) ?? {} },
        { rule: 'R8' },
      ),
    ]);
  }
  const account = await payerAccountOf(ctx.db, c.representativeId);
  if (!account) {
    throw conflict(
      refusal(
        C.noPayerAccount,
        {
          representative: (await oneName(institutionNames, ctx.db, c.representativeId)) ?? {},
        },
        { rule: 'R8' },
      ),
      `the representative university ${c.representativeId} has no payer account on file`,
    );
  }
  return account;
}

async function zenginBatchOf(ctx: ServiceContext, id: string): Promise<ZenginBatch> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('payment batch', id);
  const b = await batchById(ctx.db, id);
  if (!b) throw notFound('payment batch', id);
  requireAccess(ctx, 'bank:read', bankResource(b.consortiumId), {
    doing: 'export a payment batch: account data is for the representative officer only',
  });
  if (b.status === 'cancelled')
    throw conflict(refusal(C.batchCancelled, {}), 'a cancelled batch has no export');
  const requester = await payerOf(ctx, b.consortiumId);
  const items = await paymentsOfBatch(ctx.db, id);
  if (items.length === 0) throw conflict(refusal(C.batchEmpty, {}), 'the batch is empty');
  const ids = [...new Set(items.map((i) => i.mobilityId))];
  const accounts = await bankAccountsOf(ctx.db, ids);
  const names = await studentNamesOf(ctx.db, ids);
  const labels = await mobilityLabels(ctx.db, ids);
  // One transfer per student: the sum of their items in the batch.
  const transfers = ids.sort().map((mobilityId) => {
    const a = accounts.get(mobilityId);
    if (!a)
      throw conflict(
        refusal(
          C.noBankAccountForExport,
          { student: labels.get(mobilityId)?.student ?? { en: names.get(mobilityId) ?? '' } },
          { rule: 'R8' },
        ),
        `${names.get(mobilityId) ?? mobilityId} has no bank account on file`,
      );
    const mine = items.filter((i) => i.mobilityId === mobilityId);
    return {
      bankCode: a.bankCode,
      bankName: a.bankName,
      branchCode: a.branchCode,
      branchName: a.branchName,
      accountType: (ACCOUNT_TYPES as readonly string[]).includes(a.accountType)
        ? (a.accountType as AccountType)
        : 'ordinary',
      accountNumber: a.accountNumber,
      recipientName: a.holderKana,
      amountJpy: mine.reduce((s, i) => s + i.amountJpy, 0),
      reference: mine.map((i) => `${i.kind}:${i.period}`).join(' '),
    };
  });
  return zenginBatchSchema.parse({
    requester,
    transferDate: b.transferDate ?? b.paidOn ?? todayOf(ctx),
    transfers,
  }) as ZenginBatch;
}

export type ExportFormat = 'zengin' | 'csv' | 'xlsx';

export async function exportBatch(ctx: ServiceContext, id: string, format: ExportFormat) {
  const batch = await zenginBatchOf(ctx, id);
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, {
      action: 'payment-batch.download',
      resourceType: 'payment-batch',
      resourceId: id,
      details: { format },
    }),
  );
  if (format === 'zengin') {
    return {
      body: buildZenginFile(batch),
      contentType: 'text/plain; charset=Shift_JIS',
      filename: `batch-${id.slice(0, 8)}.zengin.txt`,
    };
  }
  if (format === 'csv') {
    return {
      body: Buffer.from(toCsv(batch), 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      filename: `batch-${id.slice(0, 8)}.csv`,
    };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('transfers');
  sheet.addRow([...CSV_COLUMNS]);
  for (const t of batch.transfers) {
    sheet.addRow([
      batch.transferDate,
      t.bankCode,
      t.bankName,
      t.branchCode,
      t.branchName,
      t.accountType,
      ACCOUNT_TYPE_CODES[t.accountType],
      t.accountNumber,
      t.recipientName,
      t.amountJpy,
      t.customerCode1 ?? '',
      t.customerCode2 ?? '',
      t.reference ?? '',
    ]);
  }
  return {
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `batch-${id.slice(0, 8)}.xlsx`,
  };
}

/** A student's bank account: the representative officer of the sending consortium only. */
export async function getBankAccount(ctx: ServiceContext, mobilityId: string) {
  const m = await loadMoneyContext(ctx.db, mobilityId, todayOf(ctx));
  requireAccess(ctx, 'bank:read', bankResource(m.sendingConsortiumId), {
    visibleBy: ['person:read', resourceOf(m)],
    doing: 'read a bank account: only the representative officer may',
  });
  const a = await bankAccountOf(ctx.db, mobilityId);
  if (!a) throw notFound('bank account of mobility', mobilityId);
  return a;
}
