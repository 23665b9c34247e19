/**
 * The implementation report (R20) as an A4 PDF — Japanese by default, as the funder reads it, in
 * another language on demand (Noto Sans JP: Latin, Cyrillic and Japanese in one face) — with bar
 * charts, and as an XLSX workbook with one sheet per table. Both are drawn from `reportTables`.
 */
import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { Language } from '#src/domain/shared/refusal.ts';
import { DOSSIER_FONT, preparePdfmake } from '../dossier/fonts.ts';
import { barChart } from '../profile/render.ts';
import { IMPLEMENTATION_LABELS } from './labels.ts';
import { reportTables, type Cell, type ImplementationInput, type Table } from './tables.ts';

const LOCALES: Record<Language, string> = { ja: 'ja-JP', ru: 'ru-RU', en: 'en-GB', fr: 'fr-FR' };

function tableContent(t: Table, none: string, format: (c: Cell) => string): Content[] {
  return [
    { text: t.title, style: 'h2' },
    t.rows.length === 0
      ? { text: none, color: '#666', margin: [0, 0, 0, 8] }
      : {
          table: {
            headerRows: 1,
            widths: t.columns.map((_, i) => (i === 0 ? '*' : 'auto')),
            body: [
              t.columns.map((c) => ({ text: c, bold: true, fillColor: '#eef3f9', fontSize: 8 })),
              ...t.rows.map((r) =>
                r.map((c) => ({
                  text: format(c),
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
export function implementationDefinition(
  r: ImplementationInput,
  language: Language,
): TDocumentDefinitions {
  const t = reportTables(r, language);
  const number = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
  const format = (c: Cell) => (typeof c === 'number' ? number.format(c) : c);
  const l = IMPLEMENTATION_LABELS[language];
  const none = l.empty;
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 50],
    info: { title: `${t.title} — ${t.project} — ${t.subtitle}` },
    defaultStyle: { font: DOSSIER_FONT, fontSize: 9, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      h2: { fontSize: 11.5, bold: true, margin: [0, 10, 0, 4] },
      h3: { fontSize: 10, bold: true },
    },
    content: [
      { text: t.title, color: '#555' },
      { text: t.project, style: 'h1' },
      { text: t.subtitle, fontSize: 12, margin: [0, 0, 0, 6] },
      {
        table: {
          widths: ['auto', '*'],
          body: t.meta.map(([k, v]) => [{ text: k, bold: true }, v]),
        },
        layout: 'noBorders',
        margin: [0, 0, 0, 6],
      },
      ...tableContent(t.keyFigures, none, format),
      // A chart stays on one page with its title.
      ...t.charts.map((c): Content => ({ stack: barChart(c.title, c.bars), unbreakable: true })),
      ...t.tables.flatMap((x) => tableContent(x, none, format)),
      ...t.narrative.flatMap((n): Content[] => [
        { text: n.title, style: 'h2' },
        n.text.trim() ? { text: n.text } : { text: l.notWritten, color: '#a33' },
      ]),
      { text: t.note, color: '#555', fontSize: 8, margin: [0, 12, 0, 0] },
    ],
    footer: (page: number, pages: number) => ({
      text: `${t.project} — ${t.subtitle} — ${page} / ${pages}`,
      fontSize: 7,
      color: '#666',
      alignment: 'center',
    }),
  };
}

export async function renderImplementationPdf(
  r: ImplementationInput,
  language: Language,
): Promise<Buffer> {
  return preparePdfmake().createPdf(implementationDefinition(r, language)).getBuffer();
}

/** The workbook: the key figures, then one sheet per table, numbers as numbers. */
export async function renderImplementationWorkbook(
  r: ImplementationInput,
  language: Language,
): Promise<Buffer> {
  const t = reportTables(r, language);
  const book = new ExcelJS.Workbook();
  book.creator = 'Kakehashi';
  const used = new Set<string>();
  for (const table of [t.keyFigures, ...t.tables]) {
    let name = table.title
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 28)
      .trim();
    while (used.has(name)) name = `${name.slice(0, 26)} ${used.size}`;
    used.add(name);
    const sheet = book.addWorksheet(name);
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((c, i) => {
      c.width = i === 0 ? 40 : 16;
    });
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
