/**
 * Builds and parses the Zengin 総合振込 file (layout.ts): one header, a data record per
 * transfer, a trailer with the count and the total, an end record; each 120 bytes of Shift_JIS
 * single-byte characters (charset.ts), separated by CR LF unless asked otherwise (banks accept
 * both; with CR LF a line is 122 bytes).
 *
 * Anything that cannot be written exactly is refused with a ZenginError naming the record and
 * the field — never truncated, so a payee's name or an amount is never silently altered.
 */
import { decodeZengin, encodeZengin, toZenginText } from './charset.ts';
import type { FieldSpec } from './layout.ts';
import {
  CODE_DIVISION_JIS,
  DATA_FIELDS,
  END_FIELDS,
  HEADER_FIELDS,
  RECORD_LENGTH,
  TRAILER_FIELDS,
  TRANSFER_CATEGORY_TELEGRAPHIC,
  TYPE_CODE_GENERAL_TRANSFER,
} from './layout.ts';
import type { AccountType, RequesterAccountType, ZenginBatch, ZenginTransfer } from './types.ts';
import { ACCOUNT_TYPE_CODES } from './types.ts';

export type RecordType = 'header' | 'data' | 'trailer' | 'end';

export class ZenginError extends Error {
  constructor(
    message: string,
    /** 1-based position of the record in the file. */
    readonly record: number,
    readonly recordType: RecordType,
    /** The field's key (layout.ts), e.g. `recipientName`; null for a whole-record problem. */
    readonly field: string | null,
    /** 0-based index of the transfer in the batch, for data records. */
    readonly transferIndex: number | null = null,
  ) {
    super(message);
    this.name = 'ZenginError';
  }
}

interface Where {
  record: number;
  recordType: RecordType;
  transferIndex: number | null;
}

const describe = (w: Where, spec: FieldSpec): string =>
  `${w.recordType} record ${w.record}${w.transferIndex === null ? '' : ` (transfer ${w.transferIndex + 1})`}, field ${spec.key} (${spec.label})`;

type Values = Readonly<Record<string, string | number | undefined>>;

function writeRecord(fields: readonly FieldSpec[], values: Values, w: Where): Buffer {
  let text = '';
  for (const spec of fields) {
    const raw = values[spec.key];
    if (spec.kind === 'N') {
      if (typeof raw === 'number' && (!Number.isSafeInteger(raw) || raw < 0)) {
        throw new ZenginError(
          `${describe(w, spec)}: ${raw} is not a whole non-negative number`,
          w.record,
          w.recordType,
          spec.key,
          w.transferIndex,
        );
      }
      const s = raw === undefined ? '' : String(raw);
      if (!/^\d*$/.test(s)) {
        throw new ZenginError(
          `${describe(w, spec)}: "${s}" is not digits`,
          w.record,
          w.recordType,
          spec.key,
          w.transferIndex,
        );
      }
      if (s.length > spec.width) {
        throw new ZenginError(
          `${describe(w, spec)}: ${s} has more than ${spec.width} digits`,
          w.record,
          w.recordType,
          spec.key,
          w.transferIndex,
        );
      }
      text += s.padStart(spec.width, '0');
    } else {
      const conv = toZenginText(raw === undefined ? '' : String(raw));
      if (!conv.ok) {
        throw new ZenginError(
          `${describe(w, spec)}: "${conv.char}" (at ${conv.index}) cannot be written in half-width katakana, upper-case letters, digits or ( ) - . / , ｢ ｣ ¥`,
          w.record,
          w.recordType,
          spec.key,
          w.transferIndex,
        );
      }
      if (conv.text.length > spec.width) {
        throw new ZenginError(
          `${describe(w, spec)}: "${conv.text}" is ${conv.text.length} half-width characters; the field holds ${spec.width}`,
          w.record,
          w.recordType,
          spec.key,
          w.transferIndex,
        );
      }
      text += conv.text.padEnd(spec.width, ' ');
    }
  }
  const bytes = encodeZengin(text);
  if (bytes.length !== RECORD_LENGTH) {
    throw new ZenginError(
      `${w.recordType} record ${w.record} is ${bytes.length} bytes, not ${RECORD_LENGTH}`,
      w.record,
      w.recordType,
      null,
      w.transferIndex,
    );
  }
  return bytes;
}

export interface BuildOptions {
  /** 'crlf' (default): CR LF after each record; 'none': records back to back. */
  lineEnding?: 'crlf' | 'none';
}

/** The Zengin file of a batch, as bytes. */
export function buildZenginFile(batch: ZenginBatch, options: BuildOptions = {}): Buffer {
  if (batch.transfers.length === 0) {
    throw new ZenginError('a transfer file holds at least one transfer', 2, 'data', null);
  }
  const dateMatch = /^\d{4}-(\d{2})-(\d{2})$/.exec(batch.transferDate);
  if (!dateMatch) {
    throw new ZenginError(
      `header record 1, field transferDate (振込指定日): "${batch.transferDate}" is not YYYY-MM-DD`,
      1,
      'header',
      'transferDate',
    );
  }
  const r = batch.requester;
  const records: Buffer[] = [
    writeRecord(
      HEADER_FIELDS,
      {
        dataType: '1',
        typeCode: TYPE_CODE_GENERAL_TRANSFER,
        codeDivision: CODE_DIVISION_JIS,
        requesterCode: r.code,
        requesterName: r.name,
        transferDate: `${dateMatch[1]}${dateMatch[2]}`,
        bankCode: r.bankCode,
        bankName: r.bankName,
        branchCode: r.branchCode,
        branchName: r.branchName,
        accountType: ACCOUNT_TYPE_CODES[r.accountType],
        accountNumber: r.accountNumber,
      },
      { record: 1, recordType: 'header', transferIndex: null },
    ),
  ];
  let total = 0;
  batch.transfers.forEach((t, i) => {
    const where: Where = { record: i + 2, recordType: 'data', transferIndex: i };
    if (!Number.isSafeInteger(t.amountJpy) || t.amountJpy <= 0) {
      throw new ZenginError(
        `${describe(where, DATA_FIELDS[9] as FieldSpec)}: ${t.amountJpy} is not a positive whole number of yen`,
        where.record,
        'data',
        'amountJpy',
        i,
      );
    }
    total += t.amountJpy;
    records.push(
      writeRecord(
        DATA_FIELDS,
        {
          dataType: '2',
          bankCode: t.bankCode,
          bankName: t.bankName,
          branchCode: t.branchCode,
          branchName: t.branchName,
          clearingHouseCode: '',
          accountType: ACCOUNT_TYPE_CODES[t.accountType],
          accountNumber: t.accountNumber,
          recipientName: t.recipientName,
          amountJpy: t.amountJpy,
          newCode: '0',
          customerCode1: t.customerCode1,
          customerCode2: t.customerCode2,
          transferCategory: TRANSFER_CATEGORY_TELEGRAPHIC,
          identification: '',
        },
        where,
      ),
    );
  });
  const trailerAt = batch.transfers.length + 2;
  records.push(
    writeRecord(
      TRAILER_FIELDS,
      { dataType: '8', totalCount: batch.transfers.length, totalAmount: total },
      { record: trailerAt, recordType: 'trailer', transferIndex: null },
    ),
    writeRecord(
      END_FIELDS,
      { dataType: '9' },
      { record: trailerAt + 1, recordType: 'end', transferIndex: null },
    ),
  );
  if (options.lineEnding === 'none') return Buffer.concat(records);
  const crlf = Buffer.from('\r\n', 'latin1');
  return Buffer.concat(records.flatMap((rec) => [rec, crlf]));
}

/** What a Zengin file holds (the year of the transfer day is not in the file). */
export interface ParsedZenginFile {
  requester: ZenginBatch['requester'];
  /** 振込指定日 as MMDD. */
  transferMonthDay: string;
  transfers: ZenginTransfer[];
  totalCount: number;
  totalAmountJpy: number;
}

function splitRecords(buffer: Uint8Array): Uint8Array[] {
  const withCrlf = RECORD_LENGTH + 2;
  const isCrlf =
    buffer.length % withCrlf === 0 &&
    buffer.length > 0 &&
    Array.from({ length: buffer.length / withCrlf }, (_, i) => i).every(
      (i) =>
        buffer[i * withCrlf + RECORD_LENGTH] === 0x0d &&
        buffer[i * withCrlf + RECORD_LENGTH + 1] === 0x0a,
    );
  const step = isCrlf ? withCrlf : RECORD_LENGTH;
  if (buffer.length === 0 || buffer.length % step !== 0) {
    throw new ZenginError(
      `the file is ${buffer.length} bytes: not a whole number of ${RECORD_LENGTH}-byte records (${withCrlf} with CR LF)`,
      1,
      'header',
      null,
    );
  }
  const out: Uint8Array[] = [];
  for (let at = 0; at < buffer.length; at += step)
    out.push(buffer.subarray(at, at + RECORD_LENGTH));
  return out;
}

function readRecord(fields: readonly FieldSpec[], text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let at = 0;
  for (const spec of fields) {
    out[spec.key] = text.slice(at, at + spec.width);
    at += spec.width;
  }
  return out;
}

const ACCOUNT_TYPE_OF = new Map<string, AccountType>(
  Object.entries(ACCOUNT_TYPE_CODES).map(([k, v]) => [v, k as AccountType]),
);

/** Parses a Zengin 総合振込 file, checking its structure, its digits and its trailer totals. */
export function parseZenginFile(buffer: Uint8Array): ParsedZenginFile {
  const raw = splitRecords(buffer);
  const n = raw.length;
  const kindOf = (i: number): RecordType =>
    i === 0 ? 'header' : i === n - 1 ? 'end' : i === n - 2 ? 'trailer' : 'data';
  const texts = raw.map((bytes, i) => {
    try {
      return decodeZengin(bytes);
    } catch (e) {
      throw new ZenginError(`record ${i + 1}: ${(e as Error).message}`, i + 1, kindOf(i), null);
    }
  });
  const expected: Record<RecordType, string> = { header: '1', data: '2', trailer: '8', end: '9' };
  if (n < 4)
    throw new ZenginError(
      `a file has a header, data, a trailer and an end record; this one has ${n} records`,
      1,
      'header',
      null,
    );
  const records = texts.map((text, i) => {
    const kind = kindOf(i);
    const fields =
      kind === 'header'
        ? HEADER_FIELDS
        : kind === 'data'
          ? DATA_FIELDS
          : kind === 'trailer'
            ? TRAILER_FIELDS
            : END_FIELDS;
    if (text.charAt(0) !== expected[kind]) {
      throw new ZenginError(
        `record ${i + 1}: データ区分 is "${text.charAt(0)}", expected ${expected[kind]} (${kind})`,
        i + 1,
        kind,
        'dataType',
      );
    }
    const values = readRecord(fields, text);
    for (const spec of fields) {
      if (spec.kind === 'N' && !/^\d+$/.test(values[spec.key] ?? '')) {
        throw new ZenginError(
          `${kind} record ${i + 1}, field ${spec.key} (${spec.label}): "${values[spec.key]}" is not digits`,
          i + 1,
          kind,
          spec.key,
        );
      }
    }
    return values;
  });
  const header = records[0] as Record<string, string>;
  if (header.typeCode !== TYPE_CODE_GENERAL_TRANSFER) {
    throw new ZenginError(
      `header record 1, field typeCode (種別コード): "${header.typeCode}" is not 21 (総合振込)`,
      1,
      'header',
      'typeCode',
    );
  }
  const accountType = (code: string, i: number, kind: RecordType): AccountType => {
    const t = ACCOUNT_TYPE_OF.get(code);
    if (!t)
      throw new ZenginError(
        `${kind} record ${i + 1}, field accountType (預金種目): unknown code "${code}"`,
        i + 1,
        kind,
        'accountType',
      );
    return t;
  };
  const optionalCode = (s: string | undefined): string | undefined => {
    const v = (s ?? '').replace(/^0+/, '');
    return v === '' ? undefined : v;
  };
  const transfers: ZenginTransfer[] = records.slice(1, n - 2).map((d, j) => {
    const t: ZenginTransfer = {
      bankCode: d.bankCode ?? '',
      bankName: (d.bankName ?? '').trimEnd(),
      branchCode: d.branchCode ?? '',
      branchName: (d.branchName ?? '').trimEnd(),
      accountType: accountType(d.accountType ?? '', j + 1, 'data'),
      accountNumber: d.accountNumber ?? '',
      recipientName: (d.recipientName ?? '').trimEnd(),
      amountJpy: Number(d.amountJpy),
    };
    const c1 = optionalCode(d.customerCode1);
    const c2 = optionalCode(d.customerCode2);
    if (c1 !== undefined) t.customerCode1 = c1;
    if (c2 !== undefined) t.customerCode2 = c2;
    return t;
  });
  const trailer = records[n - 2] as Record<string, string>;
  const totalCount = Number(trailer.totalCount);
  const totalAmountJpy = Number(trailer.totalAmount);
  if (totalCount !== transfers.length) {
    throw new ZenginError(
      `trailer record ${n - 1}, field totalCount (合計件数): ${totalCount}, but the file has ${transfers.length} data records`,
      n - 1,
      'trailer',
      'totalCount',
    );
  }
  const sum = transfers.reduce((s, t) => s + t.amountJpy, 0);
  if (totalAmountJpy !== sum) {
    throw new ZenginError(
      `trailer record ${n - 1}, field totalAmount (合計金額): ${totalAmountJpy}, but the data records add up to ${sum}`,
      n - 1,
      'trailer',
      'totalAmount',
    );
  }
  const requesterType = accountType(header.accountType ?? '', 0, 'header');
  if (requesterType === 'savings') {
    throw new ZenginError(
      'header record 1, field accountType (預金種目(依頼人)): savings (4) is not a payer account type',
      1,
      'header',
      'accountType',
    );
  }
  return {
    requester: {
      code: header.requesterCode ?? '',
      name: (header.requesterName ?? '').trimEnd(),
      bankCode: header.bankCode ?? '',
      bankName: (header.bankName ?? '').trimEnd(),
      branchCode: header.branchCode ?? '',
      branchName: (header.branchName ?? '').trimEnd(),
      accountType: requesterType as RequesterAccountType,
      accountNumber: header.accountNumber ?? '',
    },
    transferMonthDay: header.transferDate ?? '',
    transfers,
    totalCount,
    totalAmountJpy,
  };
}
