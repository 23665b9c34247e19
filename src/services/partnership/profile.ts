/**
 * The profile of a partnership: one page per pair (or group) of partners whose every figure is
 * computed from the records — agreements between them, mobilities each way per year, Jukebox
 * enrolments, events held together, co-publications per year and per theme, cotutelles by
 * status, laboratories with their funding and periods, degree programmes, visits, the strategic
 * plans. Nothing is typed in, and no person is named: the profile is public, as the partnership is.
 */
import { fundedUntil, fundingTotals } from '#src/domain/partnership/rules.ts';
import { LANGUAGES, type Language, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { languageOf } from '#src/db/queries/notify.ts';
import { renderProfilePdf, renderProfileWorkbook } from '#src/reports/profile/render.ts';
import { institutionNames } from '#src/db/queries/names.ts';
import {
  cotutelleCountsOf,
  degreeProgrammesOf,
  findPartnership,
  labsOf,
  plansOf,
  visitsOf,
} from '#src/db/queries/partnership.ts';
import {
  agreementsBetween,
  eventsTogether,
  flowsBetween,
  jukeboxBetween,
} from '#src/db/queries/partnership-profile.ts';
import { publicationCounts } from '#src/db/queries/research.ts';
import type { ServiceContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { sees } from '../events/common.ts';

/** A year's mobilities between the partners: students and months, each way. */
export interface FlowYear {
  year: number;
  /** One row per direction (home → host) that had stays that year. */
  directions: { homeId: string; hostId: string; students: number; months: number }[];
  students: number;
  months: number;
}

export async function partnershipProfile(ctx: ServiceContext, id: string) {
  const p = await findPartnership(ctx.db, id);
  if (!p) throw notFound('partnership', id);
  const ids = p.institutionIds;
  const [
    names,
    agreements,
    flows,
    jukebox,
    held,
    publications,
    cotutelles,
    labs,
    programmes,
    visits,
    plans,
  ] = await Promise.all([
    institutionNames(ctx.db, ids),
    agreementsBetween(ctx.db, ids),
    flowsBetween(ctx.db, ids),
    jukeboxBetween(ctx.db, ids),
    eventsTogether(ctx.db, ids),
    publicationCounts(ctx.db, { institutionIds: ids }),
    cotutelleCountsOf(ctx.db, ids),
    labsOf(ctx.db, ids),
    degreeProgrammesOf(ctx.db, ids),
    visitsOf(ctx.db, ids),
    plansOf(ctx.db, [p.id]),
  ]);
  // Only records of two or more partners belong to the partnership's profile.
  const shared = <T extends { partnerIds: readonly string[] }>(rows: T[]) =>
    rows.filter((r) => r.partnerIds.filter((i) => ids.includes(i)).length >= 2);
  const sharedLabs = shared(labs);
  const sharedProgrammes = shared(
    programmes.map((g) => ({ ...g, partnerIds: g.partners.map((x) => x.institutionId) })),
  );
  const sharedVisits = visits.filter(
    (v) => ids.includes(v.fromId) && ids.includes(v.toId) && v.fromId !== v.toId,
  );
  const events = held.filter((e) => sees(ctx, e));

  const years = [...new Set(flows.map((f) => f.year))].sort((a, b) => a - b);
  const flowYears: FlowYear[] = years.map((year) => {
    const directions = flows
      .filter((f) => f.year === year)
      .map(({ homeId, hostId, students, months }) => ({ homeId, hostId, students, months }));
    return {
      year,
      directions,
      students: directions.reduce((s, d) => s + d.students, 0),
      months: directions.reduce((s, d) => s + d.months, 0),
    };
  });
  const coPublications = ids.length > 1 ? publications.coPublications : publications;
  const firstYear = coPublications.perYear[0]?.year ?? null;
  const lastYear = coPublications.perYear.at(-1)?.year ?? null;

  return {
    id: p.id,
    title: p.title,
    since: p.since,
    invented: p.invented,
    partners: ids.map((i) => ({ id: i, name: names.get(i) ?? ({ en: i } as LocalizedText) })),
    themes: p.themes.map((t) => ({
      key: t.key,
      label: t.label,
      publications: coPublications.perTheme.find((x) => x.theme === t.key)?.n ?? 0,
      labs: sharedLabs.filter((l) => l.themes.includes(t.key)).length,
    })),
    agreements: agreements.map((a) => ({
      id: a.id,
      title: a.title,
      status: a.status,
      validFrom: a.validFrom,
      validTo: a.validTo,
      invented: a.invented,
    })),
    mobility: {
      years: flowYears,
      students: flowYears.reduce((s, y) => s + y.students, 0),
      months: flowYears.reduce((s, y) => s + y.months, 0),
    },
    jukebox: {
      years: [...new Set(jukebox.map((j) => j.year))].sort().map((year) => ({
        year,
        enrolments: jukebox.filter((j) => j.year === year).reduce((s, j) => s + j.n, 0),
      })),
      enrolments: jukebox.reduce((s, j) => s + j.n, 0),
    },
    publications: {
      total: coPublications.total,
      perYear: coPublications.perYear,
      firstYear,
      lastYear,
      /** Co-publications per year on average over the years from the first to the last. */
      perYearAverage:
        firstYear !== null && lastYear !== null
          ? Math.round((coPublications.total / (lastYear - firstYear + 1)) * 10) / 10
          : null,
    },
    cotutelles,
    labs: sharedLabs.map((l) => ({
      id: l.id,
      kind: l.kind,
      title: l.title,
      fundingInstrument: l.fundingInstrument,
      startsOn: l.startsOn,
      endsOn: l.endsOn,
      fundedUntil: fundedUntil(l),
      totals: fundingTotals({ funding: l.funding, extensions: l.extensions }),
      extensions: l.extensions.map((e) => ({
        amountMinor: e.amountMinor,
        currency: e.currency,
        startsOn: e.startsOn,
        endsOn: e.endsOn,
      })),
      themes: l.themes,
      invented: l.invented,
    })),
    programmes: sharedProgrammes.map((g) => ({
      id: g.id,
      kind: g.kind,
      title: g.title,
      level: g.level,
      status: g.status,
      startsOn: g.startsOn,
      enrolled: g.cohorts.reduce((s, c) => s + c.enrolled, 0),
      graduated: g.cohorts.reduce((s, c) => s + c.graduated, 0),
      invented: g.invented,
    })),
    visits: {
      total: sharedVisits.length,
      byRole: Object.entries(
        sharedVisits.reduce<Record<string, number>>((acc, v) => {
          acc[v.role] = (acc[v.role] ?? 0) + 1;
          return acc;
        }, {}),
      ).map(([role, n]) => ({ role, n })),
      teaching: sharedVisits.filter((v) => v.courseCount > 0).length,
    },
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      city: e.city,
      invented: e.invented,
    })),
    plans: plans.map((pl) => ({
      id: pl.id,
      title: pl.title,
      status: pl.status,
      startsOn: pl.startsOn,
      endsOn: pl.endsOn,
      invented: pl.invented,
    })),
  };
}

export type PartnershipProfile = Awaited<ReturnType<typeof partnershipProfile>>;

const languageOr = (value: string | null | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'en';

/** The language of a document: the one asked for, else the reader's, else English. */
async function documentLanguage(ctx: ServiceContext, lang: string | undefined) {
  if (lang) return languageOr(lang);
  return languageOr(ctx.actor ? await languageOf(ctx.db, ctx.actor.id) : null);
}

/** The profile as an A4 PDF in the reader's language. */
export async function partnershipProfilePdf(ctx: ServiceContext, id: string, lang?: string) {
  const profile = await partnershipProfile(ctx, id);
  const language = await documentLanguage(ctx, lang);
  return {
    body: await renderProfilePdf(profile, language),
    filename: `partnership-${language}.pdf`,
  };
}

/** The profile as an XLSX workbook, one sheet per table, in the reader's language. */
export async function partnershipProfileWorkbook(ctx: ServiceContext, id: string, lang?: string) {
  const profile = await partnershipProfile(ctx, id);
  const language = await documentLanguage(ctx, lang);
  return {
    body: await renderProfileWorkbook(profile, language),
    filename: `partnership-${language}.xlsx`,
  };
}
