/**
 * Flow charts of the dossier, drawn with pdfmake vector shapes (canvas) and text laid over them:
 * - the scholarship and payment flow of 003 §6(2)2) (R8: paid through the representative
 *   university after the host confirms enrolment);
 * - the implementation flow of 003 §6(2)1), a chain of steps.
 */
import type { CanvasElement, Content } from 'pdfmake/interfaces.js';

const LINE = '#1f3a5f';
const FILL = '#eef3f9';
const ACCENT_FILL = '#fdf3e1';
const ACCENT = '#a05a00';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  lines: string[];
  accent?: boolean;
}

export interface Label {
  x: number;
  y: number;
  w: number;
  text: string;
  accent?: boolean;
}

type Point = { x: number; y: number };

/** An arrow along `points`, with a filled head at the last point. */
export function arrow(points: Point[], color = LINE): CanvasElement[] {
  const last = points[points.length - 1];
  const prev = points[points.length - 2];
  if (!last || !prev) return [];
  const len = Math.hypot(last.x - prev.x, last.y - prev.y) || 1;
  const ux = (last.x - prev.x) / len;
  const uy = (last.y - prev.y) / len;
  const size = 6;
  const base = { x: last.x - ux * size, y: last.y - uy * size };
  const head: Point[] = [
    last,
    { x: base.x - uy * size * 0.55, y: base.y + ux * size * 0.55 },
    { x: base.x + uy * size * 0.55, y: base.y - ux * size * 0.55 },
  ];
  return [
    { type: 'polyline', lineWidth: 1.2, lineColor: color, points: [...points.slice(0, -1), base] },
    { type: 'polyline', closePath: true, lineWidth: 0.5, lineColor: color, color, points: head },
  ];
}

function boxShape(b: Box): CanvasElement {
  return {
    type: 'rect',
    x: b.x,
    y: b.y,
    w: b.w,
    h: b.h,
    r: 4,
    lineWidth: 1,
    lineColor: b.accent ? ACCENT : LINE,
    color: b.accent ? ACCENT_FILL : FILL,
  };
}

/**
 * A chart: the canvas first, then each box's text and each label laid over it at the same
 * coordinates (relative positions measured back from the bottom of the canvas).
 */
export function chart(
  height: number,
  shapes: CanvasElement[],
  boxes: Box[],
  labels: Label[],
): Content {
  const over = (x: number, y: number, w: number, content: Content): Content => ({
    relativePosition: { x, y: y - height },
    columns: [{ width: w, stack: [content] }],
  });
  return {
    unbreakable: true,
    margin: [0, 4, 0, 8],
    stack: [
      { canvas: [...boxes.map(boxShape), ...shapes], width: 0, height },
      ...boxes.map((b) =>
        over(b.x + 4, b.y + 4, b.w - 8, {
          stack: [
            { text: b.title, bold: true, fontSize: 8.5, alignment: 'center' },
            ...b.lines.map((l) => ({
              text: l,
              fontSize: 7,
              alignment: 'center' as const,
              color: '#333333',
            })),
          ],
        }),
      ),
      ...labels.map((l) =>
        over(l.x, l.y, l.w, { text: l.text, fontSize: 7, color: l.accent ? ACCENT : LINE }),
      ),
    ],
  } as Content;
}

export interface PaymentFlowText {
  funder: string;
  funderLines: string[];
  representative: string;
  representativeLines: string[];
  members: string;
  memberLines: string[];
  host: string;
  hostLines: string[];
  students: string;
  studentLines: string[];
  step1: string;
  step2: string;
  step3: string;
  step4: string;
  step5: string;
}

/**
 * 003 §6(2)2): funder → representative university → member universities → students, with the
 * host's confirmation of enrolment going back to the representative university before payment.
 *
 *   [Funder]
 *      │ (1)
 *   [Representative] ◀──── (3) ───┐
 *      │ (4)                       │
 *   [Members]              [Host universities]
 *      │ (5)                       ▲
 *   [Students] ──── (2) ───────────┘
 */
export function paymentFlowChart(t: PaymentFlowText, width = 495): Content {
  const colW = Math.min(250, width * 0.5);
  const hostX = width - 200;
  const hostW = 200;
  const h = 46;
  const gap = 34;
  const row = (i: number) => i * (h + gap);
  const boxes: Box[] = [
    { x: 0, y: row(0), w: colW, h, title: t.funder, lines: t.funderLines },
    { x: 0, y: row(1), w: colW, h, title: t.representative, lines: t.representativeLines },
    { x: 0, y: row(2), w: colW, h, title: t.members, lines: t.memberLines },
    { x: 0, y: row(3), w: colW, h, title: t.students, lines: t.studentLines },
    { x: hostX, y: row(2), w: hostW, h, title: t.host, lines: t.hostLines, accent: true },
  ];
  const cx = colW / 2;
  const hostCx = hostX + hostW / 2;
  const repMid = row(1) + h / 2;
  const studentsMid = row(3) + h / 2;
  const shapes = [
    ...arrow([
      { x: cx, y: row(0) + h },
      { x: cx, y: row(1) },
    ]),
    ...arrow([
      { x: cx, y: row(1) + h },
      { x: cx, y: row(2) },
    ]),
    ...arrow([
      { x: cx, y: row(2) + h },
      { x: cx, y: row(3) },
    ]),
    ...arrow([
      { x: colW, y: studentsMid },
      { x: hostCx, y: studentsMid },
      { x: hostCx, y: row(2) + h },
    ]),
    ...arrow(
      [
        { x: hostCx, y: row(2) },
        { x: hostCx, y: repMid },
        { x: colW, y: repMid },
      ],
      ACCENT,
    ),
  ];
  const labels: Label[] = [
    { x: cx + 6, y: row(0) + h + 11, w: colW / 2, text: t.step1 },
    { x: colW + 8, y: studentsMid - 11, w: hostCx - colW - 12, text: t.step2 },
    { x: colW + 8, y: repMid - 11, w: hostCx - colW - 12, text: t.step3, accent: true },
    { x: cx + 6, y: row(1) + h + 11, w: colW / 2, text: t.step4 },
    { x: cx + 6, y: row(2) + h + 11, w: colW / 2, text: t.step5 },
  ];
  return chart(row(3) + h, shapes, boxes, labels);
}

/** 003 §6(2)1): the flow of implementation, as a chain of boxes (two rows when long). */
export function implementationFlowChart(steps: string[], width = 495): Content {
  if (steps.length === 0) return { text: '' };
  const perRow = Math.min(steps.length, 5);
  const gap = 18;
  const w = (width - gap * (perRow - 1)) / perRow;
  const h = 40;
  const rowGap = 24;
  const boxes: Box[] = steps.map((s, i) => ({
    x: (i % perRow) * (w + gap),
    y: Math.floor(i / perRow) * (h + rowGap),
    w,
    h,
    title: `${i + 1}`,
    lines: [s],
  }));
  const shapes: CanvasElement[] = [];
  for (let i = 1; i < boxes.length; i++) {
    const a = boxes[i - 1];
    const b = boxes[i];
    if (!a || !b) continue;
    if (a.y === b.y) {
      shapes.push(
        ...arrow([
          { x: a.x + a.w, y: a.y + h / 2 },
          { x: b.x, y: b.y + h / 2 },
        ]),
      );
    } else {
      const midY = a.y + h + rowGap / 2;
      shapes.push(
        ...arrow([
          { x: a.x + a.w / 2, y: a.y + h },
          { x: a.x + a.w / 2, y: midY },
          { x: b.x + b.w / 2, y: midY },
          { x: b.x + b.w / 2, y: b.y },
        ]),
      );
    }
  }
  const rows = Math.ceil(steps.length / perRow);
  return chart(rows * h + (rows - 1) * rowGap, shapes, boxes, []);
}
