/**
 * A payment batch as CSV (UTF-8, with a byte-order mark by default so that spreadsheet programs
 * read Japanese correctly). Names are written as entered, not converted to half-width kana. A
 * text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is
 * prefixed with an apostrophe.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../formula.ts';
import type { ZenginBatch } from './types.ts';
import { ACCOUNT_TYPE_CODES } from './types.ts';

export const CSV_COLUMNS = [
  'transfer_date',
  'bank_code',
  'bank_name',
  'branch_code',
  'branch_name',
  'account_type',
  'account_type_code',
  'account_number',
  'recipient_name',
  'amount_jpy',
  'customer_code_1',
  'customer_code_2',
  'reference',
] as const;

const guard = (s: string | undefined): string => neutraliseFormula(s ?? '');

export function toCsv(batch: ZenginBatch, options: { bom?: boolean } = {}): string {
  const rows = batch.transfers.map((t) => [
    batch.transferDate,
    t.bankCode,
    guard(t.bankName),
    t.branchCode,
    guard(t.branchName),
    t.accountType,
    ACCOUNT_TYPE_CODES[t.accountType],
    t.accountNumber,
    guard(t.recipientName),
    String(t.amountJpy),
    t.customerCode1 ?? '',
    t.customerCode2 ?? '',
    guard(t.reference),
  ]);
  const body = stringify(rows, {
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows',
  });
  return (options.bom ?? true) ? `\uFEFF${body}` : body;
}
