import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { decodeZengin, encodeZengin, toZenginText } from './charset.ts';
import { toCsv } from './csv.ts';
import { ZenginError, buildZenginFile, parseZenginFile } from './file.ts';
import { DATA_FIELDS, END_FIELDS, HEADER_FIELDS, RECORD_LENGTH, TRAILER_FIELDS } from './layout.ts';
import type { ZenginBatch, ZenginTransfer } from './types.ts';
import { zenginBatchSchema } from './types.ts';

/** A demo batch: the representative university pays invented students (all data invented). */
const batch: ZenginBatch = {
  requester: {
    code: '1234567890',
    name: 'コクリツダイガクホウジン　トウホクダイガク',
    bankCode: '0125',
    bankName: 'シチジュウシチ',
    branchCode: '001',
    branchName: 'ホンテン',
    accountType: 'ordinary',
    accountNumber: '7654321',
  },
  transferDate: '2025-03-25',
  transfers: [
    {
      bankCode: '0001',
      bankName: 'ミズホ',
      branchCode: '100',
      branchName: 'トウキヨウエイギヨウブ',
      accountType: 'ordinary',
      accountNumber: '1111111',
      recipientName: 'ヤマダ　タロウ',
      amountJpy: 600_000,
      customerCode1: '2024090001',
      reference: 'stipend:m-demo-1:2024-09..2025-02',
    },
    {
      bankCode: '0005',
      bankName: 'ミツビシユーエフジェイ',
      branchCode: '200',
      branchName: 'センダイ',
      accountType: 'savings',
      accountNumber: '0022222',
      recipientName: 'すずき　はなこ',
      amountJpy: 100_000,
    },
    {
      bankCode: '0009',
      bankName: 'ﾐﾂｲｽﾐﾄﾓ',
      branchCode: '300',
      branchName: 'ｱｵﾊﾞﾄﾞｵﾘ',
      accountType: 'current',
      accountNumber: '3333333',
      recipientName: 'Campbell John',
      amountJpy: 32_258,
    },
  ],
};

function lines(file: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < file.length; at += RECORD_LENGTH + 2) {
    out.push(file.subarray(at, at + RECORD_LENGTH));
    expect(file.subarray(at + RECORD_LENGTH, at + RECORD_LENGTH + 2).toString('latin1')).toBe(
      '\r\n',
    );
  }
  return out;
}

describe('Zengin character set', () => {
  it('converts full-width katakana, hiragana and ASCII to the half-width set', () => {
    const conv = (s: string) => {
      const r = toZenginText(s);
      return r.ok ? r.text : `refused ${r.char}@${r.index}`;
    };
    expect(conv('ガッコウ')).toBe('ｶﾞﾂｺｳ');
    expect(conv('パーク・ヴィラ')).toBe('ﾊﾟ-ｸ.ｳﾞｲﾗ');
    expect(conv('きょうと')).toBe('ｷﾖｳﾄ');
    expect(conv('ｷｬﾝﾍﾞﾙ')).toBe('ｷﾔﾝﾍﾞﾙ');
    expect(conv('Ｓｍｉｔｈ　（ｊｒ．）')).toBe('SMITH (JR.)');
    expect(conv('「ｶ」¥\\')).toBe('｢ｶ｣¥¥');
    // Decomposed input (カ + combining voiced mark) is the same as ガ.
    expect(conv('カ\u3099')).toBe('ｶﾞ');
    expect(conv('東北')).toBe('refused 東@0');
    expect(conv('ヤマダ ヰ')).toBe('refused ヰ@4');
    expect(conv('José')).toBe('refused é@3');
    expect(conv('a_b')).toBe('refused _@1');
  });

  it('encodes half-width katakana as single Shift_JIS bytes 0xA1–0xDF and ASCII as itself', () => {
    expect([...encodeZengin('ｱ1A ﾟ¥')]).toEqual([0xb1, 0x31, 0x41, 0x20, 0xdf, 0x5c]);
    expect(decodeZengin(Uint8Array.from([0xb1, 0xde, 0x41, 0x5c]))).toBe('ｱﾞA¥');
    expect(() => encodeZengin('ア')).toThrow(RangeError);
    expect(() => decodeZengin(Uint8Array.from([0x82, 0xa0]))).toThrow(RangeError);
  });
});

describe('Zengin file', () => {
  it('the layouts are 120 bytes each', () => {
    for (const fields of [HEADER_FIELDS, DATA_FIELDS, TRAILER_FIELDS, END_FIELDS]) {
      expect(fields.reduce((s, f) => s + f.width, 0)).toBe(RECORD_LENGTH);
    }
  });

  it('the demo batch has fixed-length records of exactly 120 bytes (CR LF between)', () => {
    expect(zenginBatchSchema.safeParse(batch).success).toBe(true);
    const file = buildZenginFile(batch);
    expect(file.length).toBe(6 * 122);
    const recs = lines(file);
    expect(recs.map((r) => r.length)).toEqual([120, 120, 120, 120, 120, 120]);
    expect(recs.map((r) => String.fromCharCode(r[0] ?? 0))).toEqual(['1', '2', '2', '2', '8', '9']);
    const header = decodeZengin(recs[0]!);
    expect(header.slice(0, 14)).toBe('1210' + '1234567890');
    expect(header.slice(14, 54).trimEnd()).toBe('ｺｸﾘﾂﾀﾞｲｶﾞｸﾎｳｼﾞﾝ ﾄｳﾎｸﾀﾞｲｶﾞｸ');
    expect(header.slice(54, 58)).toBe('0325');
    const data = decodeZengin(recs[1]!);
    expect(data.slice(50, 80).trimEnd()).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(data.slice(80, 90)).toBe('0000600000');
    const trailer = decodeZengin(recs[4]!);
    expect(trailer.slice(0, 19)).toBe('8' + '000003' + '000000732258');
    expect(decodeZengin(recs[5]!)).toBe('9'.padEnd(120, ' '));
    const bare = buildZenginFile(batch, { lineEnding: 'none' });
    expect(bare.length).toBe(6 * 120);
  });

  it('a batch round-trips through the file', () => {
    for (const lineEnding of ['crlf', 'none'] as const) {
      const parsed = parseZenginFile(buildZenginFile(batch, { lineEnding }));
      expect(parsed.transferMonthDay).toBe('0325');
      expect(parsed.totalCount).toBe(3);
      expect(parsed.totalAmountJpy).toBe(732_258);
      expect(parsed.requester).toEqual({
        ...batch.requester,
        name: 'ｺｸﾘﾂﾀﾞｲｶﾞｸﾎｳｼﾞﾝ ﾄｳﾎｸﾀﾞｲｶﾞｸ',
        bankName: 'ｼﾁｼﾞﾕｳｼﾁ',
        branchName: 'ﾎﾝﾃﾝ',
      });
      expect(parsed.transfers.map((t) => t.recipientName)).toEqual([
        'ﾔﾏﾀﾞ ﾀﾛｳ',
        'ｽｽﾞｷ ﾊﾅｺ',
        'CAMPBELL JOHN',
      ]);
      expect(
        parsed.transfers.map(({ amountJpy, accountType, accountNumber, customerCode1 }) => ({
          amountJpy,
          accountType,
          accountNumber,
          customerCode1,
        })),
      ).toEqual([
        {
          amountJpy: 600_000,
          accountType: 'ordinary',
          accountNumber: '1111111',
          customerCode1: '2024090001',
        },
        {
          amountJpy: 100_000,
          accountType: 'savings',
          accountNumber: '0022222',
          customerCode1: undefined,
        },
        {
          amountJpy: 32_258,
          accountType: 'current',
          accountNumber: '3333333',
          customerCode1: undefined,
        },
      ]);
    }
  });

  it('random batches of kana names and amounts round-trip', () => {
    const kana = fc.constantFrom(
      ...'アイウエオカガキギサザシジタダチツテデトナハバパヒビピフマヤユヨラワンーッャュョぁあがぱ　ABCxyz019().-/'.split(
        '',
      ),
    );
    const transfer: fc.Arbitrary<ZenginTransfer> = fc.record({
      bankCode: fc.stringMatching(/^\d{4}$/),
      bankName: fc.constant('ﾃｽﾄ'),
      branchCode: fc.stringMatching(/^\d{3}$/),
      branchName: fc.constant('ﾎﾝﾃﾝ'),
      accountType: fc.constantFrom(
        'ordinary' as const,
        'current' as const,
        'savings' as const,
        'other' as const,
      ),
      accountNumber: fc.stringMatching(/^\d{7}$/),
      recipientName: fc.array(kana, { minLength: 1, maxLength: 15 }).map((a) => a.join('')),
      amountJpy: fc.integer({ min: 1, max: 9_999_999_999 }),
    });
    fc.assert(
      fc.property(fc.array(transfer, { minLength: 1, maxLength: 20 }), (transfers) => {
        const b = { ...batch, transfers };
        const file = buildZenginFile(b);
        expect(file.length).toBe((transfers.length + 3) * 122);
        const parsed = parseZenginFile(file);
        expect(parsed.totalAmountJpy).toBe(transfers.reduce((s, t) => s + t.amountJpy, 0));
        parsed.transfers.forEach((t, i) => {
          const want = transfers[i]!;
          const name = toZenginText(want.recipientName);
          expect(name.ok && name.text.trimEnd()).toBe(t.recipientName);
          expect([t.bankCode, t.branchCode, t.accountType, t.accountNumber, t.amountJpy]).toEqual([
            want.bankCode,
            want.branchCode,
            want.accountType,
            want.accountNumber,
            want.amountJpy,
          ]);
        });
      }),
      { numRuns: 100 },
    );
  });

  function refusal(b: ZenginBatch): ZenginError {
    try {
      buildZenginFile(b);
    } catch (e) {
      if (e instanceof ZenginError) return e;
      throw e;
    }
    throw new Error('not refused');
  }

  const withTransfer = (i: number, change: Partial<ZenginTransfer>): ZenginBatch => ({
    ...batch,
    transfers: batch.transfers.map((t, j) => (j === i ? { ...t, ...change } : t)),
  });

  it('refuses a name that half-width katakana cannot hold, naming the record and field', () => {
    const e = refusal(withTransfer(1, { recipientName: '鈴木　花子' }));
    expect(e).toMatchObject({
      record: 3,
      recordType: 'data',
      field: 'recipientName',
      transferIndex: 1,
    });
    expect(e.message).toMatch(
      /data record 3 \(transfer 2\), field recipientName \(受取人名\): "鈴"/,
    );
    const h = refusal({ ...batch, requester: { ...batch.requester, name: '東北大学' } });
    expect(h).toMatchObject({ record: 1, recordType: 'header', field: 'requesterName' });
  });

  it('refuses a name longer than its field instead of cutting it', () => {
    // 16 voiced kana are 32 half-width characters: the field holds 30.
    const e = refusal(withTransfer(0, { recipientName: 'ガ'.repeat(16) }));
    expect(e).toMatchObject({ field: 'recipientName', record: 2 });
    expect(e.message).toMatch(/32 half-width characters; the field holds 30/);
  });

  it('refuses bad numbers, naming the field', () => {
    expect(refusal(withTransfer(2, { accountNumber: '12-3456' }))).toMatchObject({
      field: 'accountNumber',
      record: 4,
    });
    expect(refusal(withTransfer(0, { bankCode: '12345' }))).toMatchObject({ field: 'bankCode' });
    expect(refusal(withTransfer(0, { amountJpy: 10_000_000_000 }))).toMatchObject({
      field: 'amountJpy',
    });
    expect(refusal(withTransfer(0, { amountJpy: 0 }))).toMatchObject({ field: 'amountJpy' });
    expect(refusal(withTransfer(0, { amountJpy: 1.5 }))).toMatchObject({ field: 'amountJpy' });
    expect(refusal({ ...batch, transfers: [] })).toMatchObject({ recordType: 'data' });
    expect(refusal({ ...batch, transferDate: '25 March' })).toMatchObject({
      field: 'transferDate',
    });
  });

  it('parsing refuses a broken file: length, record order, totals, foreign bytes', () => {
    const file = buildZenginFile(batch, { lineEnding: 'none' });
    expect(() => parseZenginFile(file.subarray(0, 719))).toThrow(/not a whole number/);
    const badTotal = Buffer.from(file);
    badTotal.write('9', 4 * 120 + 18, 'latin1');
    expect(() => parseZenginFile(badTotal)).toThrow(/合計金額/);
    const badOrder = Buffer.from(file);
    badOrder.write('8', 120, 'latin1');
    expect(() => parseZenginFile(badOrder)).toThrow(/データ区分/);
    const sjisKanji = Buffer.from(file);
    sjisKanji[2 * 120 + 60] = 0x93;
    expect(() => parseZenginFile(sjisKanji)).toThrow(ZenginError);
  });
});

describe('CSV', () => {
  it('lists the transfers with a header, a BOM and formula-safe text', () => {
    const csv = toCsv(withFormula());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({
      transfer_date: '2025-03-25',
      bank_code: '0001',
      account_type: 'ordinary',
      account_type_code: '1',
      account_number: '1111111',
      recipient_name: 'ヤマダ　タロウ',
      amount_jpy: '600000',
      customer_code_1: '2024090001',
    });
    expect(rows[2]?.recipient_name).toBe("'=HYPERLINK(1)");
    expect(toCsv(batch, { bom: false }).startsWith('transfer_date,')).toBe(true);
  });

  function withFormula(): ZenginBatch {
    return {
      ...batch,
      transfers: batch.transfers.map((t, i) =>
        i === 2 ? { ...t, recipientName: '=HYPERLINK(1)' } : t,
      ),
    };
  }
});
