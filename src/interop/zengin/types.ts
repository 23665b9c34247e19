/**
 * A payment batch as the bank sees it: who pays (the representative university's account,
 * R8 — 003 §5(8), §6(2)3), §7(1)), on which day, and one transfer per payee.
 */
import { z } from 'zod';

export const REQUESTER_ACCOUNT_TYPES = ['ordinary', 'current', 'other'] as const;
export const ACCOUNT_TYPES = ['ordinary', 'current', 'savings', 'other'] as const;
export type RequesterAccountType = (typeof REQUESTER_ACCOUNT_TYPES)[number];
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** 預金種目: 1 普通 (ordinary), 2 当座 (current), 4 貯蓄 (savings), 9 その他 (other). */
export const ACCOUNT_TYPE_CODES: Readonly<Record<AccountType, string>> = {
  ordinary: '1',
  current: '2',
  savings: '4',
  other: '9',
};

export interface ZenginRequester {
  /** 振込依頼人コード: the customer code the bank assigned, up to 10 digits. */
  code: string;
  /** 振込依頼人名: the payer's name in kana (converted to half-width). */
  name: string;
  bankCode: string;
  bankName: string;
  branchCode: string;
  branchName: string;
  accountType: RequesterAccountType;
  accountNumber: string;
}

export interface ZenginTransfer {
  /** 被仕向銀行番号, 4 digits. */
  bankCode: string;
  bankName: string;
  /** 被仕向支店番号, 3 digits. */
  branchCode: string;
  branchName: string;
  accountType: AccountType;
  /** 口座番号, up to 7 digits. */
  accountNumber: string;
  /** 受取人名: the account holder's name in kana (converted to half-width). */
  recipientName: string;
  /** Integer yen, 1 – 9,999,999,999. */
  amountJpy: number;
  /** 顧客コード1/2: up to 10 digits each, for reconciliation (e.g. a payment number). */
  customerCode1?: string;
  customerCode2?: string;
  /** Ours, not the bank's: e.g. the student-month key; written to CSV, not to the Zengin file. */
  reference?: string;
}

export interface ZenginBatch {
  requester: ZenginRequester;
  /** The transfer day, `YYYY-MM-DD` (the file keeps MMDD). */
  transferDate: string;
  transfers: ZenginTransfer[];
}

const digits = (max: number, exact = false) =>
  z.string().regex(exact ? new RegExp(`^\\d{${max}}$`) : new RegExp(`^\\d{1,${max}}$`), {
    message: exact ? `expected ${max} digits` : `expected 1 to ${max} digits`,
  });

export const zenginTransferSchema = z.object({
  bankCode: digits(4, true),
  bankName: z.string(),
  branchCode: digits(3, true),
  branchName: z.string(),
  accountType: z.enum(ACCOUNT_TYPES),
  accountNumber: digits(7),
  recipientName: z.string().min(1),
  amountJpy: z.number().int().min(1).max(9_999_999_999),
  customerCode1: digits(10).optional(),
  customerCode2: digits(10).optional(),
  reference: z.string().optional(),
});

export const zenginBatchSchema = z.object({
  requester: z.object({
    code: digits(10),
    name: z.string().min(1),
    bankCode: digits(4, true),
    bankName: z.string(),
    branchCode: digits(3, true),
    branchName: z.string(),
    accountType: z.enum(REQUESTER_ACCOUNT_TYPES),
    accountNumber: digits(7),
  }),
  transferDate: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/),
  transfers: z.array(zenginTransferSchema).min(1),
});
