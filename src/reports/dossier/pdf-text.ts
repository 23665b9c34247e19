/**
 * A small text extractor for the PDFs pdfkit writes (used by the dossier tests; no PDF library is
 * installed and poppler's pdftotext may be absent). It reads the page MediaBoxes, inflates
 * FlateDecode streams, maps each Type0 font's resource name to its ToUnicode CMap (bfrange and
 * bfchar), and decodes the hex strings of `Tj`/`TJ` in every content stream in order.
 *
 * It is not a general PDF parser: it assumes pdfkit's layout (no object streams, no xref streams,
 * direct `/Length`), which is what pdfmake 0.3 produces.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

function parseObjects(pdf: Buffer): Map<number, PdfObject> {
  const latin = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(latin)) !== null) {
    const id = Number(m[1]);
    const start = re.lastIndex;
    const end = latin.indexOf('endobj', start);
    if (end < 0) break;
    const body = latin.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt >= 0 && /^stream\r?\n/.test(body.slice(streamAt))) {
      const dict = body.slice(0, streamAt);
      const dataStart = start + streamAt + (body[streamAt + 6] === '\r' ? 8 : 7);
      const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? NaN);
      let data = pdf.subarray(dataStart, dataStart + length);
      if (/\/Filter\s*\/FlateDecode/.test(dict)) data = inflateSync(data);
      objects.set(id, { dict, stream: data });
    } else {
      objects.set(id, { dict: body });
    }
    re.lastIndex = end + 6;
  }
  return objects;
}

/** glyph code (4 hex digits) → text, from a ToUnicode CMap. */
function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToText = (hex: string) => {
    const units: number[] = [];
    const clean = hex.replace(/\s+/g, '');
    for (let i = 0; i + 4 <= clean.length; i += 4) units.push(parseInt(clean.slice(i, i + 4), 16));
    return String.fromCharCode(...units);
  };
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = block[1] ?? '';
    for (const r of body.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]+>)/g,
    )) {
      const lo = parseInt(r[1] ?? '0', 16);
      const hi = parseInt(r[2] ?? '0', 16);
      const dst = r[3] ?? '';
      if (dst.startsWith('[')) {
        const entries = [...dst.matchAll(/<([0-9a-fA-F\s]+)>/g)].map((e) => hexToText(e[1] ?? ''));
        entries.forEach((t, i) => {
          if (lo + i <= hi) map.set(lo + i, t);
        });
      } else {
        const base = hexToText(dst.slice(1, -1));
        for (let c = lo; c <= hi; c++) {
          map.set(
            c,
            base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)),
          );
        }
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const r of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) {
      map.set(parseInt(r[1] ?? '0', 16), hexToText(r[2] ?? ''));
    }
  }
  return map;
}

export interface PdfText {
  /** MediaBox [x0, y0, x1, y1] of each page, in order */
  mediaBoxes: number[][];
  /** decoded text of each page: one entry per text-showing operator */
  pages: string[][];
  /** all text, runs joined with no separator and whitespace removed (for `includes` checks) */
  compact: string;
}

const ref = (dict: string, key: string): number | undefined => {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
};

/** Extracts MediaBoxes and text from a pdfkit PDF. */
export function extractPdfText(pdf: Buffer): PdfText {
  const objects = parseObjects(pdf);
  const fontMaps = new Map<number, Map<number, string>>();
  const fontMap = (fontId: number) => {
    let map = fontMaps.get(fontId);
    if (!map) {
      const font = objects.get(fontId);
      const cmapId = font ? ref(font.dict, 'ToUnicode') : undefined;
      const cmap = cmapId === undefined ? undefined : objects.get(cmapId)?.stream;
      map = cmap ? parseCMap(cmap.toString('latin1')) : new Map();
      fontMaps.set(fontId, map);
    }
    return map;
  };
  const resolveDict = (dict: string, key: string): string => {
    const inline = new RegExp(`/${key}\\s*<<`).exec(dict);
    if (inline) {
      let depth = 0;
      const from = inline.index + inline[0].length - 2;
      for (let i = from; i < dict.length - 1; i++) {
        if (dict.startsWith('<<', i)) {
          depth++;
          i++;
        } else if (dict.startsWith('>>', i)) {
          depth--;
          i++;
          if (depth === 0) return dict.slice(from, i + 1);
        }
      }
    }
    const id = ref(dict, key);
    return id === undefined ? '' : (objects.get(id)?.dict ?? '');
  };

  // pages in document order: walk the page tree from the catalog's /Pages
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  const pageIds: number[] = [];
  const walk = (id: number) => {
    const node = objects.get(id);
    if (!node) return;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)?.[1] ?? '';
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else pageIds.push(id);
  };
  const root = catalog ? ref(catalog.dict, 'Pages') : undefined;
  if (root !== undefined) walk(root);

  const mediaBoxes: number[][] = [];
  const pages: string[][] = [];
  for (const id of pageIds) {
    const page = objects.get(id);
    if (!page) continue;
    const box = /\/MediaBox\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? '';
    mediaBoxes.push(box.trim().split(/\s+/).map(Number));
    const resources = resolveDict(page.dict, 'Resources');
    const fontsDict = resolveDict(resources, 'Font');
    const fontsByName = new Map(
      [...fontsDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map((f) => [f[1] ?? '', Number(f[2])]),
    );
    const contentIds = (() => {
      const arr = /\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1];
      if (arr) return [...arr.matchAll(/(\d+) 0 R/g)].map((x) => Number(x[1]));
      const one = ref(page.dict, 'Contents');
      return one === undefined ? [] : [one];
    })();
    const runs: string[] = [];
    for (const cid of contentIds) {
      const content = objects.get(cid)?.stream?.toString('latin1') ?? '';
      let map = new Map<number, string>();
      const ops = /\/([\w.+-]+)\s+[\d.]+\s+Tf|(\[(?:[^\]]*)\])\s*TJ|<([0-9a-fA-F]*)>\s*Tj/g;
      let op: RegExpExecArray | null;
      while ((op = ops.exec(content)) !== null) {
        if (op[1] !== undefined) {
          const fontId = fontsByName.get(op[1]);
          map = fontId === undefined ? new Map() : fontMap(fontId);
          continue;
        }
        const hexes =
          op[2] !== undefined
            ? [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1] ?? '')
            : [op[3] ?? ''];
        let text = '';
        for (const hex of hexes) {
          for (let i = 0; i + 4 <= hex.length; i += 4)
            text += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
        }
        runs.push(text);
      }
    }
    pages.push(runs);
  }
  const compact = pages.flat().join('').replace(/\s+/g, '');
  return { mediaBoxes, pages, compact };
}
