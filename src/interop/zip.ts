/**
 * Checks a ZIP archive (an XLSX workbook is one) against size limits before anything parses it:
 * the entry count and the declared sizes from the central directory first, then every entry is
 * inflated with a cap on the bytes it may produce, because declared sizes can lie. Only stored
 * and deflated entries are read; ZIP64 archives are beyond every limit here and are refused.
 * Inflation runs on the thread pool (zlib's asynchronous API), not on the caller's thread.
 */
import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import { refusal, type Refusal } from '#src/domain/shared/refusal.ts';

const inflate = promisify(inflateRaw);

export interface ZipLimits {
  /** Most files the archive may hold. */
  maxEntries: number;
  /** Most bytes all entries may expand to, together. */
  maxUncompressedBytes: number;
  /** Most an entry may expand, as uncompressed ÷ compressed size… */
  maxRatio: number;
  /** …once it expands beyond this many bytes (small files compress well and are harmless). */
  ratioGraceBytes: number;
}

export type ZipVerdict =
  | { ok: true; entries: number; uncompressedBytes: number }
  | { ok: false; refusal: Refusal }
  | { ok: false; unreadable: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function findEndOfCentralDirectory(bytes: Buffer): number {
  // The record is 22 bytes, followed by a comment of at most 65,535 bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= stop; at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

interface Entry {
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const tooMany = (limits: ZipLimits, found: number): ZipVerdict => ({
  ok: false,
  refusal: refusal(LIMIT_CODES.archiveTooManyEntries, { limit: limits.maxEntries, found }),
});
const tooLarge = (limits: ZipLimits): ZipVerdict => ({
  ok: false,
  refusal: refusal(LIMIT_CODES.archiveTooLarge, { limitBytes: limits.maxUncompressedBytes }),
});
const tooCompressed = (limits: ZipLimits): ZipVerdict => ({
  ok: false,
  refusal: refusal(LIMIT_CODES.archiveRatio, { limit: limits.maxRatio }),
});
const beyondRatio = (limits: ZipLimits, uncompressed: number, compressed: number) =>
  uncompressed > limits.ratioGraceBytes && uncompressed > limits.maxRatio * compressed;

/** Reads the central directory: the entries, or why the archive is refused. */
function centralDirectory(bytes: Buffer, limits: ZipLimits): Entry[] | ZipVerdict {
  const end = findEndOfCentralDirectory(bytes);
  if (end < 0) return { ok: false, unreadable: 'no end of central directory' };
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    return tooMany(limits, count); // ZIP64: more entries or bytes than any limit here
  }
  if (count > limits.maxEntries) return tooMany(limits, count);
  if (offset + size > end) return { ok: false, unreadable: 'central directory out of bounds' };
  const entries: Entry[] = [];
  let declared = 0;
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) {
      return { ok: false, unreadable: 'broken central directory' };
    }
    const entry: Entry = {
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      uncompressed: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    if (entry.uncompressed === 0xffffffff || entry.compressed === 0xffffffff) {
      return tooLarge(limits);
    }
    declared += entry.uncompressed;
    if (declared > limits.maxUncompressedBytes) return tooLarge(limits);
    if (beyondRatio(limits, entry.uncompressed, entry.compressed)) return tooCompressed(limits);
    entries.push(entry);
    at +=
      46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

/** Is the archive within the limits? Declared sizes first, then the bytes entries really inflate to. */
export async function checkZip(bytes: Buffer, limits: ZipLimits): Promise<ZipVerdict> {
  const entries = centralDirectory(bytes, limits);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const entry of entries) {
    const local = entry.localOffset;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) {
      return { ok: false, unreadable: 'broken local header' };
    }
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + entry.compressed > bytes.length) {
      return { ok: false, unreadable: 'entry out of bounds' };
    }
    const data = bytes.subarray(start, start + entry.compressed);
    let length: number;
    if (entry.method === 0) {
      length = data.length;
    } else if (entry.method === 8) {
      // Never more than what is left of the budget (and never more than the ratio allows).
      const budget = limits.maxUncompressedBytes - total;
      const ratioCap = Math.max(limits.ratioGraceBytes, limits.maxRatio * entry.compressed);
      try {
        length = (
          await inflate(data, { maxOutputLength: Math.max(1, Math.min(budget, ratioCap) + 1) })
        ).length;
      } catch (error) {
        if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return budget <= ratioCap ? tooLarge(limits) : tooCompressed(limits);
        }
        return { ok: false, unreadable: 'entry does not inflate' };
      }
    } else {
      return { ok: false, unreadable: `compression method ${entry.method}` };
    }
    total += length;
    if (total > limits.maxUncompressedBytes) return tooLarge(limits);
    if (beyondRatio(limits, length, entry.compressed)) return tooCompressed(limits);
    if (length !== entry.uncompressed)
      return { ok: false, unreadable: 'size differs from declared' };
  }
  return { ok: true, entries: entries.length, uncompressedBytes: total };
}
