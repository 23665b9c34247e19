import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntryInput {
  name: string;
  data: Buffer;
  /** 0 = stored, 8 = deflated (default) */
  method?: 0 | 8;
  /** The uncompressed size the headers declare (default: the real one); a bomb may lie. */
  declaredSize?: number;
}

/** A ZIP archive (an XLSX is one) written by hand, so tests can build archives that lie. */
export function buildZip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const method = entry.method ?? 8;
    const body = method === 8 ? deflateRawSync(entry.data, { level: 9 }) : entry.data;
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? entry.data.length;
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A workbook's parts with a first sheet of `sheetBytes` bytes of repeated cells: a zip bomb when large. */
export function bombWorkbook(sheetBytes: number, options: { lie?: boolean } = {}): Buffer {
  const part = (xml: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>${xml}`);
  const head =
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const tail = '</sheetData></worksheet>';
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const rows = Math.max(0, Math.floor((sheetBytes - head.length - tail.length) / row.length));
  // Filled outside the JavaScript heap: a big string would leave the test's garbage collector
  // work that shows up as pauses of the server under test.
  const sheet = Buffer.concat([
    Buffer.from(head),
    Buffer.alloc(rows * row.length, row),
    Buffer.from(tail),
  ]);
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: part(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: part(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="s" sheetId="1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheet,
      ...(options.lie ? { declaredSize: 1000 } : {}),
    },
  ]);
}
