/**
 * The record layouts of the Zengin 総合振込 (general transfer, 種別コード 21) file: fixed
 * records of 120 bytes — header (データ区分 1), data (2), trailer (8), end (9). "N" fields are
 * digits, right-aligned and zero-padded; "C" fields are half-width characters, left-aligned and
 * space-padded. The EDI variant of the data record (識別表示 "Y" with 20 bytes of EDI data in
 * place of the customer codes) is not produced.
 */

export type FieldKind = 'N' | 'C';

export interface FieldSpec {
  key: string;
  /** The field's name in the bank's specification. */
  label: string;
  width: number;
  kind: FieldKind;
}

export const RECORD_LENGTH = 120;

const f = (key: string, label: string, kind: FieldKind, width: number): FieldSpec => ({
  key,
  label,
  width,
  kind,
});

export const HEADER_FIELDS: readonly FieldSpec[] = [
  f('dataType', 'データ区分', 'N', 1),
  f('typeCode', '種別コード', 'N', 2),
  f('codeDivision', 'コード区分', 'N', 1),
  f('requesterCode', '振込依頼人コード', 'N', 10),
  f('requesterName', '振込依頼人名', 'C', 40),
  f('transferDate', '振込指定日', 'N', 4),
  f('bankCode', '仕向銀行番号', 'N', 4),
  f('bankName', '仕向銀行名', 'C', 15),
  f('branchCode', '仕向支店番号', 'N', 3),
  f('branchName', '仕向支店名', 'C', 15),
  f('accountType', '預金種目(依頼人)', 'N', 1),
  f('accountNumber', '口座番号(依頼人)', 'N', 7),
  f('dummy', 'ダミー', 'C', 17),
];

export const DATA_FIELDS: readonly FieldSpec[] = [
  f('dataType', 'データ区分', 'N', 1),
  f('bankCode', '被仕向銀行番号', 'N', 4),
  f('bankName', '被仕向銀行名', 'C', 15),
  f('branchCode', '被仕向支店番号', 'N', 3),
  f('branchName', '被仕向支店名', 'C', 15),
  f('clearingHouseCode', '手形交換所番号', 'N', 4),
  f('accountType', '預金種目', 'N', 1),
  f('accountNumber', '口座番号', 'N', 7),
  f('recipientName', '受取人名', 'C', 30),
  f('amountJpy', '振込金額', 'N', 10),
  f('newCode', '新規コード', 'N', 1),
  f('customerCode1', '顧客コード1', 'N', 10),
  f('customerCode2', '顧客コード2', 'N', 10),
  f('transferCategory', '振込指定区分', 'N', 1),
  f('identification', '識別表示', 'C', 1),
  f('dummy', 'ダミー', 'C', 7),
];

export const TRAILER_FIELDS: readonly FieldSpec[] = [
  f('dataType', 'データ区分', 'N', 1),
  f('totalCount', '合計件数', 'N', 6),
  f('totalAmount', '合計金額', 'N', 12),
  f('dummy', 'ダミー', 'C', 101),
];

export const END_FIELDS: readonly FieldSpec[] = [
  f('dataType', 'データ区分', 'N', 1),
  f('dummy', 'ダミー', 'C', 119),
];

/** 種別コード of a general transfer (総合振込). */
export const TYPE_CODE_GENERAL_TRANSFER = '21';
/** コード区分 0: JIS (the Shift_JIS single-byte set for files made on a PC). */
export const CODE_DIVISION_JIS = '0';
/** 振込指定区分 7: telegraphic transfer (電信扱). */
export const TRANSFER_CATEGORY_TELEGRAPHIC = '7';
