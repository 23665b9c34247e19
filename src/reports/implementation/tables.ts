/**
 * The implementation report (R20) as tables in one language: key figures, then one table per
 * part. The PDF and the workbook are both drawn from these, so their figures agree to the yen and
 * the month — and with the page, which reads the same figures.
 */
import { ISCED_F_DETAILED } from '#src/domain/agreement/isced.ts';
import type { ImplementationFigures } from '#src/domain/reports/implementation.ts';
import type { NarrativeSections } from '#src/domain/reports/narrative.ts';
import { pickLocalized, type Language, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { IMPLEMENTATION_LABELS, type ImplementationLabels } from './labels.ts';

/** What the report holds (the service's answer), as the documents read it. */
export interface ImplementationInput {
  projectName: LocalizedText;
  fiscalYear: number;
  deadline: string;
  cutOff: string | null;
  state: 'draft' | 'submitted' | 'received';
  version: number;
  status: { status: 'not_started' | 'draft' | 'submitted' | 'received' | 'late' };
  figures: ImplementationFigures;
  figuresFrozen: boolean;
  narrative: NarrativeSections;
  names: { institutions: Record<string, LocalizedText> };
  versions: { version: number; submittedOn: string }[];
}

export type Cell = string | number;
export interface Table {
  /** A stable id (sheet order, tests). */
  id: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface ReportTables {
  title: string;
  subtitle: string;
  project: string;
  meta: [string, string][];
  keyFigures: Table;
  tables: Table[];
  charts: { title: string; bars: { label: string; value: number }[] }[];
  narrative: { title: string; text: string }[];
  note: string;
}

const pct = (rate: number | null): Cell => (rate === null ? '' : Math.round(rate * 1000) / 10);

function flowRows(
  rows: ImplementationFigures['byPartner'],
  label: (key: string) => string,
): Cell[][] {
  return rows.map((r) => [
    label(r.key),
    r.sentStudents,
    r.sentMonths,
    r.receivedStudents,
    r.receivedMonths,
  ]);
}

function flowTable(
  id: string,
  title: string,
  first: string,
  l: ImplementationLabels,
  rows: Cell[][],
): Table {
  return {
    id,
    title,
    columns: [
      first,
      `${l.sent}: ${l.students}`,
      `${l.sent}: ${l.months}`,
      `${l.received}: ${l.students}`,
      `${l.received}: ${l.months}`,
    ],
    rows,
  };
}

const sectionText = (text: NarrativeSections[keyof NarrativeSections], lang: Language) => {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  return pickLocalized(text, lang);
};

/** Every table of the report in `language`. */
export function reportTables(r: ImplementationInput, language: Language): ReportTables {
  const l = IMPLEMENTATION_LABELS[language];
  const f = r.figures;
  const name = (id: string) => pickLocalized(r.names.institutions[id], language) || id;
  const field = (code: string) =>
    code ? `${code} ${ISCED_F_DETAILED[code] ?? ''}`.trim() : l.empty;
  const recognised = f.recognition.reduce((n, x) => n + x.creditsRecognised, 0);
  const planned = f.recognition.reduce((n, x) => n + x.creditsPlanned, 0);
  const overall = planned > 0 ? recognised / planned : null;

  const keyFigures: Table = {
    id: 'key',
    title: l.keyFigures,
    columns: [l.figure, l.value],
    rows: [
      [`${l.sent}: ${l.students}`, f.students.sentStudents],
      [`${l.received}: ${l.students}`, f.students.receivedStudents],
      [`${l.sent}: ${l.months}`, f.students.sentMonths],
      [`${l.received}: ${l.months}`, f.students.receivedMonths],
      [`${l.sent}: ${l.monthsElapsed}`, f.studentMonthsElapsed.sent],
      [`${l.received}: ${l.monthsElapsed}`, f.studentMonthsElapsed.received],
      [`${l.scholarships}: ${l.spent} (JPY)`, f.scholarships.spentJpy],
      [`${l.scholarships}: ${l.months}`, f.scholarships.months],
      [`${l.travel}: ${l.spent} (JPY)`, f.travel.spentJpy],
      [`${l.travel}: ${l.trips}`, f.travel.trips],
      [`${l.cap}: ${l.capPaid}`, f.cap.paid],
      [`${l.rate} (%)`, pct(overall)],
      [l.eventsHeld, f.events.held],
      [l.participants, f.events.participants],
    ],
  };

  const tables: Table[] = [
    flowTable('partners', l.byPartner, l.partner, l, flowRows(f.byPartner, name)),
    flowTable(
      'levels',
      l.byLevel,
      l.level,
      l,
      flowRows(f.byLevel, (k) => l.levels[k] ?? k),
    ),
    flowTable('fields', l.byField, l.field, l, flowRows(f.byField, field)),
    flowTable(
      'durations',
      l.byDuration,
      l.duration,
      l,
      flowRows(f.byDuration, (k) => l.bands[k as keyof typeof l.bands] ?? k),
    ),
    flowTable(
      'components',
      l.byComponent,
      l.component,
      l,
      flowRows(f.byComponent, (k) => k || l.noComponent),
    ),
    {
      id: 'recognition',
      title: l.recognition,
      columns: [
        l.creditSystem,
        l.decided,
        l.full,
        l.partial,
        l.none,
        l.creditsPlanned,
        l.creditsRecognised,
        `${l.rate} (%)`,
      ],
      rows: f.recognition.map((x) => [
        x.creditSystem,
        x.decided,
        x.full,
        x.partial,
        x.none,
        x.creditsPlanned,
        x.creditsRecognised,
        pct(x.rate),
      ]),
    },
    {
      id: 'money',
      title: l.money,
      columns: [
        l.line,
        `${l.spent} (JPY)`,
        `${l.budget} (JPY)`,
        `${l.remaining} (JPY)`,
        l.payments,
        `${l.months} / ${l.trips}`,
      ],
      rows: [
        [
          l.scholarships,
          f.scholarships.spentJpy,
          f.scholarships.budgetJpy ?? '',
          f.scholarships.remainingJpy ?? '',
          f.scholarships.payments,
          f.scholarships.months,
        ],
        [
          l.travel,
          f.travel.spentJpy,
          f.travel.budgetJpy ?? '',
          f.travel.remainingJpy ?? '',
          f.travel.payments,
          f.travel.trips,
        ],
        [l.cap, f.cap.cap, f.cap.paid, f.cap.remaining, '', ''],
      ],
    },
    {
      id: 'balance',
      title: l.balance,
      columns: [
        '',
        `${l.sent}: ${l.students}`,
        `${l.received}: ${l.students}`,
        `${l.sent}: ${l.months}`,
        `${l.received}: ${l.months}`,
      ],
      rows: (
        [
          [`${l.thisYear} — ${l.planned}`, f.balance.fiscalYear.planned],
          [`${l.thisYear} — ${l.realised}`, f.balance.fiscalYear.realised],
          [`${l.cumulative} — ${l.planned}`, f.balance.cumulative.planned],
          [`${l.cumulative} — ${l.realised}`, f.balance.cumulative.realised],
        ] as const
      )
        .map(([label, x]): Cell[] => [
          label,
          x.sentStudents,
          x.receivedStudents,
          x.sentMonths,
          x.receivedMonths,
        ])
        .concat([
          [
            l.tolerance,
            f.balance.tolerance.students,
            f.balance.tolerance.students,
            f.balance.tolerance.months,
            f.balance.tolerance.months,
          ],
        ]),
    },
    {
      id: 'plan',
      title: l.plannedVsActual,
      columns: [
        '',
        `${l.plan}: ${l.students}`,
        `${l.actual}: ${l.students}`,
        `${l.plan}: ${l.months}`,
        `${l.actual}: ${l.months}`,
      ],
      rows: (['outbound', 'inbound'] as const).map((d) => [
        l[d],
        f.plannedVsActual.planned?.[d].students ?? '',
        f.plannedVsActual.actual[d].students,
        f.plannedVsActual.planned?.[d].studentMonths ?? '',
        f.plannedVsActual.actual[d].studentMonths,
      ]),
    },
    {
      id: 'advisories',
      title: l.advisories,
      columns: [l.country, l.level, l.from, l.until, l.days, l.staysConcerned],
      rows: f.advisories.map((a) => [
        a.country,
        l.advisoryLevels[a.level] ?? a.level,
        a.from,
        a.last,
        a.days,
        a.staysConcerned,
      ]),
    },
  ];

  const charts = [
    {
      title: `${l.chartPartners} — ${l.sent}`,
      bars: f.byPartner.map((b) => ({ label: name(b.key), value: b.sentStudents })),
    },
    {
      title: `${l.chartPartners} — ${l.received}`,
      bars: f.byPartner.map((b) => ({ label: name(b.key), value: b.receivedStudents })),
    },
    {
      title: l.chartDuration,
      bars: f.byDuration.map((b) => ({
        label: l.bands[b.key as keyof typeof l.bands] ?? b.key,
        value: b.sentStudents + b.receivedStudents,
      })),
    },
  ].filter((c) => c.bars.length > 0);

  const version = r.versions.find((v) => v.version === r.version);
  return {
    title: l.title,
    subtitle: l.fiscalYear(r.fiscalYear),
    project: pickLocalized(r.projectName, language),
    meta: [
      [l.period, `${f.period.start} – ${f.period.end}`],
      [l.cutOff, f.cutOff],
      [l.deadline, r.deadline],
      [l.status, l.states[r.status.status]],
      [l.version, String(r.version)],
      ...(r.figuresFrozen && version
        ? [[l.submittedOn, version.submittedOn] as [string, string]]
        : []),
    ],
    keyFigures,
    tables,
    charts,
    narrative: (
      ['self_evaluation', 'quality_assurance', 'issues_and_measures', 'plan'] as const
    ).map((s) => ({ title: l.sections[s], text: sectionText(r.narrative[s], language) })),
    note: r.figuresFrozen ? l.computed : `${l.draftNote} ${l.computed}`,
  };
}
