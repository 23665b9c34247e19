/**
 * The partnership profile as tables in one language: the key figures, then one table per part.
 * The PDF and the workbook are both drawn from these, so their figures agree to the unit.
 */
import { pickLocalized, type Language, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { PROFILE_LABELS } from './labels.ts';

type Money = { amountMinor: number; currency: string };

/** What the profile holds (the service's answer), as the documents read it. */
export interface ProfileInput {
  title: LocalizedText;
  since: string | null;
  partners: { id: string; name: LocalizedText }[];
  themes: { key: string; label: LocalizedText; publications: number; labs: number }[];
  agreements: {
    title: string;
    status: string;
    validFrom: string;
    validTo: string;
    invented: boolean;
  }[];
  mobility: {
    years: {
      year: number;
      directions: { homeId: string; hostId: string; students: number; months: number }[];
      students: number;
      months: number;
    }[];
    students: number;
    months: number;
  };
  jukebox: { years: { year: number; enrolments: number }[]; enrolments: number };
  publications: {
    total: number;
    perYear: { year: number; n: number }[];
    perYearAverage: number | null;
  };
  cotutelles: Record<'planned' | 'in_progress' | 'defended' | 'abandoned' | 'total', number>;
  labs: {
    title: LocalizedText;
    fundingInstrument: string | null;
    startsOn: string;
    fundedUntil: string | null;
    totals: Money[];
    invented: boolean;
  }[];
  programmes: {
    title: LocalizedText;
    kind: string;
    level: string;
    enrolled: number;
    graduated: number;
    invented: boolean;
  }[];
  visits: { total: number; byRole: { role: string; n: number }[]; teaching: number };
  events: {
    title: LocalizedText;
    startsOn: string;
    endsOn: string;
    city: string | null;
    invented: boolean;
  }[];
  plans: {
    title: LocalizedText;
    status: string;
    startsOn: string;
    endsOn: string;
    invented: boolean;
  }[];
}

export type Cell = string | number;
export interface Table {
  /** A short name (the workbook's sheet). */
  key: string;
  title: string;
  columns: string[];
  rows: Cell[][];
}

export interface ProfileTables {
  title: string;
  partners: string;
  since: string | null;
  keyFigures: Table;
  tables: Table[];
  /** Bars for the charts: students per year, co-publications per year. */
  charts: { title: string; bars: { label: string; value: number }[] }[];
  note: string;
}

const MINOR = (currency: string) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;

/** An amount in its currency, written for `language` (€250,000 / 250 000,00 €). */
export function formatMoney(m: Money, language: Language): string {
  const digits = MINOR(m.currency);
  return new Intl.NumberFormat(language, { style: 'currency', currency: m.currency }).format(
    m.amountMinor / 10 ** digits,
  );
}

export function profileTables(p: ProfileInput, language: Language): ProfileTables {
  const l = PROFILE_LABELS[language];
  const text = (t: LocalizedText) => pickLocalized(t, language);
  const mark = (s: string, invented: boolean) => (invented ? `${s} (${l.invented})` : s);
  const name = new Map(p.partners.map((x) => [x.id, text(x.name)]));
  const money = (ms: Money[]) => ms.map((m) => formatMoney(m, language)).join(' + ') || l.none;
  return {
    title: text(p.title),
    partners: p.partners.map((x) => text(x.name)).join(' · '),
    since: p.since,
    keyFigures: {
      key: 'summary',
      title: l.keyFigures,
      columns: [l.figure, l.value],
      rows: [
        [l.agreements, p.agreements.length],
        [`${l.mobility}: ${l.students}`, p.mobility.students],
        [`${l.mobility}: ${l.months}`, p.mobility.months],
        [l.jukebox, p.jukebox.enrolments],
        [l.publications, p.publications.total],
        [`${l.publications}: ${l.perYearAverage}`, p.publications.perYearAverage ?? 0],
        [`${l.cotutelles}: ${l.cotutelleStatus.in_progress}`, p.cotutelles.in_progress],
        [`${l.cotutelles}: ${l.cotutelleStatus.defended}`, p.cotutelles.defended],
        [`${l.cotutelles}: ${l.cotutelleStatus.total}`, p.cotutelles.total],
        [l.labs, p.labs.length],
        [l.programmes, p.programmes.length],
        [l.visits, p.visits.total],
        [l.events, p.events.length],
      ],
    },
    tables: [
      {
        key: 'agreements',
        title: l.agreements,
        columns: [l.agreements, l.period, l.status],
        rows: p.agreements.map((a) => [
          mark(a.title, a.invented),
          `${a.validFrom} – ${a.validTo}`,
          l.agreementStatus[a.status as keyof typeof l.agreementStatus] ?? a.status,
        ]),
      },
      {
        key: 'mobility',
        title: l.mobility,
        columns: [l.year, l.direction, l.students, l.months],
        rows: p.mobility.years.flatMap((y) =>
          y.directions.map((d) => [
            y.year,
            `${name.get(d.homeId) ?? d.homeId} → ${name.get(d.hostId) ?? d.hostId}`,
            d.students,
            d.months,
          ]),
        ),
      },
      {
        key: 'jukebox',
        title: l.jukebox,
        columns: [l.year, l.enrolments],
        rows: p.jukebox.years.map((y) => [y.year, y.enrolments]),
      },
      {
        key: 'publications',
        title: l.publications,
        columns: [l.year, l.publications],
        rows: p.publications.perYear.map((y) => [y.year, y.n]),
      },
      {
        key: 'themes',
        title: l.themes,
        columns: [l.theme, l.publications, l.labs],
        rows: p.themes.map((t) => [text(t.label), t.publications, t.labs]),
      },
      {
        key: 'cotutelles',
        title: l.cotutelles,
        columns: [l.status, l.value],
        rows: (['planned', 'in_progress', 'defended', 'abandoned', 'total'] as const).map((s) => [
          l.cotutelleStatus[s],
          p.cotutelles[s],
        ]),
      },
      {
        key: 'labs',
        title: l.labs,
        columns: [l.lab, l.funding, l.period],
        rows: p.labs.map((x) => [
          mark(text(x.title), x.invented) +
            (x.fundingInstrument ? ` — ${x.fundingInstrument}` : ''),
          money(x.totals),
          `${x.startsOn} – ${x.fundedUntil ?? ''}`,
        ]),
      },
      {
        key: 'programmes',
        title: l.programmes,
        columns: [l.programme, l.enrolled, l.graduated],
        rows: p.programmes.map((g) => [mark(text(g.title), g.invented), g.enrolled, g.graduated]),
      },
      {
        key: 'visits',
        title: l.visits,
        columns: [l.role, l.visits],
        rows: [
          ...p.visits.byRole.map((r) => [l.roles[r.role] ?? r.role, r.n] as Cell[]),
          [l.teachingVisits, p.visits.teaching],
        ],
      },
      {
        key: 'events',
        title: l.events,
        columns: [l.event, l.date],
        rows: p.events.map((e) => [
          mark(text(e.title), e.invented) + (e.city ? ` (${e.city})` : ''),
          e.startsOn === e.endsOn ? e.startsOn : `${e.startsOn} – ${e.endsOn}`,
        ]),
      },
      {
        key: 'plans',
        title: l.plans,
        columns: [l.plan, l.period, l.status],
        rows: p.plans.map((x) => [
          mark(text(x.title), x.invented),
          `${x.startsOn} – ${x.endsOn}`,
          l.planStatus[x.status as keyof typeof l.planStatus] ?? x.status,
        ]),
      },
    ],
    charts: [
      {
        title: l.mobilityChart,
        bars: p.mobility.years.map((y) => ({ label: String(y.year), value: y.students })),
      },
      {
        title: l.publicationsChart,
        bars: p.publications.perYear.map((y) => ({ label: String(y.year), value: y.n })),
      },
    ],
    note: l.computed,
  };
}
