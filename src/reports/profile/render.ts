/**
 * The partnership profile as an A4 PDF in the reader's language (Noto Sans JP: Latin, Cyrillic
 * and Japanese in one face) and as an XLSX workbook with one sheet per table. Both are drawn from
 * `profileTables`, so their figures agree with each other and with the page.
 */
import ExcelJS from 'exceljs';
import type { CanvasElement, Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Language } from '#src/domain/shared/refusal.ts';
import { DOSSIER_FONT, preparePdfmake } from '../dossier/fonts.ts';
import { PROFILE_LABELS } from './labels.ts';
import { profileTables, type ProfileInput, type Table } from './tables.ts';

const WIDTH = 475;
const BAR = '#1f5f8b';

/** A bar chart drawn with pdfmake shapes, the values written over the bars, the labels below. */
export function barChart(title: string, bars: { label: string; value: number }[]): Content[] {
  if (bars.length === 0) return [];
  const height = 110;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = WIDTH / bars.length;
  const w = Math.min(36, slot * 0.7);
  const canvas: CanvasElement[] = [
    { type: 'line', x1: 0, y1: height, x2: WIDTH, y2: height, lineWidth: 0.5, lineColor: '#666' },
    ...bars.map((b, i) => {
      const h = (b.value / max) * (height - 14);
      return {
        type: 'rect' as const,
        x: i * slot + (slot - w) / 2,
        y: height - h,
        w,
        h,
        color: BAR,
      };
    }),
  ];
  const labels = (pick: (b: { label: string; value: number }) => string, y: number): Content => ({
    relativePosition: { x: 0, y },
    columns: bars.map((b) => ({ text: pick(b), width: slot, alignment: 'center', fontSize: 7 })),
    columnGap: 0,
  });
  return [
    { text: title, style: 'h3', margin: [0, 8, 0, 4] },
    {
      stack: [{ canvas }, labels((b) => String(b.value), -height - 2), labels((b) => b.label, 2)],
      margin: [0, 0, 0, 16],
    },
  ];
}

function tableContent(t: Table, none: string): Content[] {
  return [
    { text: t.title, style: 'h2' },
    t.rows.length === 0
      ? { text: none, color: '#666', margin: [0, 0, 0, 8] }
      : {
          table: {
            headerRows: 1,
            widths: t.columns.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [
              t.columns.map((c) => ({ text: c, bold: true, fillColor: '#eef3f9' })),
              ...t.rows.map((r) =>
                r.map((c) => ({
                  text: String(c),
                  alignment: typeof c === 'number' ? ('right' as const) : ('left' as const),
                })),
              ),
            ],
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 10],
        },
  ];
}

/** The document definition (exported for tests). */
export function profileDefinition(p: ProfileInput, language: Language): TDocumentDefinitions {
  const l = PROFILE_LABELS[language];
  const t = profileTables(p, language);
  return {
    pageSize: 'A4',
    pageMargins: [60, 60, 60, 50],
    info: { title: `${l.title} — ${t.title}` },
    defaultStyle: { font: DOSSIER_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true },
    },
    content: [
      { text: l.title, color: '#555' },
      { text: t.title, style: 'h1' },
      { text: `${l.partners}: ${t.partners}` },
      ...(t.since ? [{ text: `${l.since}: ${t.since}` }] : []),
      ...tableContent(t.keyFigures, l.none),
      ...t.charts.flatMap((c) => barChart(c.title, c.bars)),
      ...t.tables.flatMap((x) => tableContent(x, l.none)),
      { text: t.note, color: '#555', fontSize: 8, margin: [0, 12, 0, 0] },
    ],
    footer: (page: number, pages: number) => ({
      text: `${t.title} — ${page} / ${pages}`,
      fontSize: 7,
      color: '#666',
      alignment: 'center',
    }),
  };
}

export async function renderProfilePdf(p: ProfileInput, language: Language): Promise<Buffer> {
  return preparePdfmake().createPdf(profileDefinition(p, language)).getBuffer();
}

/** The workbook: the key figures, then one sheet per table, numbers as numbers. */
export async function renderProfileWorkbook(p: ProfileInput, language: Language): Promise<Buffer> {
  const t = profileTables(p, language);
  const book = new ExcelJS.Workbook();
  book.creator = 'Kakehashi';
  for (const table of [t.keyFigures, ...t.tables]) {
    const sheet = book.addWorksheet(
      table.title
        .replace(/[\\/?*[\]:]/g, ' ')
        .slice(0, 31)
        .trim(),
    );
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 48 : 18;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
