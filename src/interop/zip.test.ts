import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { bombWorkbook, buildZip } from '#test/support/zip.ts';
import { checkZip, type ZipLimits } from './zip.ts';

const limits: ZipLimits = {
  maxEntries: 10,
  maxUncompressedBytes: 1_000_000,
  maxRatio: 100,
  ratioGraceBytes: 100_000,
};

describe('checkZip', () => {
  it('accepts a real workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('s').addRow(['id', 'name']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const verdict = await checkZip(bytes, { ...limits, maxEntries: 100 });
    expect(verdict.ok).toBe(true);
  });

  it('refuses too many entries before reading any', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({
      name: `f${i}`,
      data: Buffer.from('x'),
    }));
    expect(await checkZip(buildZip(entries), limits)).toEqual({
      ok: false,
      refusal: { code: 'limits.archive_too_many_entries', params: { limit: 10, found: 11 } },
    });
  });

  it('refuses an archive that declares more than the size limit', async () => {
    const big = Buffer.alloc(600_000, 'a');
    const verdict = await checkZip(
      buildZip([
        { name: 'a', data: big, method: 0 },
        { name: 'b', data: big, method: 0 },
      ]),
      limits,
    );
    expect(verdict).toEqual({
      ok: false,
      refusal: { code: 'limits.archive_too_large', params: { limitBytes: 1_000_000 } },
    });
  });

  it('refuses an entry that expands beyond the ratio', async () => {
    const verdict = await checkZip(bombWorkbook(900_000), limits);
    expect(verdict).toEqual({
      ok: false,
      refusal: { code: 'limits.archive_ratio', params: { limit: 100 } },
    });
  });

  it('stops inflating a bomb that lies about its size at the limit', async () => {
    const verdict = await checkZip(bombWorkbook(50_000_000, { lie: true }), {
      ...limits,
      maxRatio: 1_000_000,
    });
    expect(verdict).toEqual({
      ok: false,
      refusal: { code: 'limits.archive_too_large', params: { limitBytes: 1_000_000 } },
    });
  });

  it('says why an archive cannot be read', async () => {
    expect(await checkZip(Buffer.from('not a zip at all'), limits)).toMatchObject({
      ok: false,
      unreadable: expect.any(String),
    });
    const small = bombWorkbook(2_000, { lie: true });
    expect(await checkZip(small, limits)).toMatchObject({
      ok: false,
      unreadable: expect.any(String),
    });
  });
});
