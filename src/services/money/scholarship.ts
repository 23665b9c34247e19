/**
 * Use cases of the scholarship: a mobility's schedule (R10–R12), the host's enrolment
 * confirmations (R8, 003 §6(2)2)), and the budget against the cap (R14, 003 §4) per fiscal year.
 */
import { todayOf } from '#src/services/clock.ts';
import { rulesOn } from '#src/domain/program/rules.ts';
import { annualCapInFiscalYear, fiscalYearStart } from '#src/domain/program/calendar.ts';
import { consortiaWithRepresentatives, consortiumById } from '#src/db/queries/money/batches.ts';
import {
  confirmationOf,
  insertConfirmation,
  programExists,
} from '#src/db/queries/money/scholarship.ts';
import {
  budgetResource,
  can,
  enrolmentResource,
  programResource,
  requireAccess,
} from '../access.ts';
import {
  SCHOLARSHIP_CODES as C,
  buildSchedule,
  capStatus,
  checkPayable,
  checkPlacesWithinCap,
  scholarshipRulesOf,
  stayEndDate,
  stayDispatchStatus,
  fiscalYearOf,
  fromMonthUnits,
  isoMonthSchema,
  toMonthUnits,
  type ScheduleLine,
} from '#src/domain/scholarship/index.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { fieldIssues, invalidField, invalidInput, notFound, ruleViolation } from '../errors.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { loadMoneyContext, resourceOf, type MobilityMoney } from './context.ts';
import {
  advisedStayOf,
  loadLedger,
  loadProjectMobilities,
  payabilityState,
  scheduleOf,
  type Ledger,
} from './ledger.ts';
import { travelSummary } from './travel-view.ts';
import { orgName } from '#src/db/queries/names.ts';
import {
  consortiumNames,
  institutionNames,
  mobilityHeading,
  mobilityLabels,
  oneName,
  programNames,
} from './names.ts';

function lineView(
  line: ScheduleLine,
  ledger: Ledger,
  m: MobilityMoney,
  project: MobilityMoney[],
  mayConfirm: boolean,
  today: string,
) {
  const payment = ledger.payments.get(line.key);
  const verdict = checkPayable(line, payabilityState(ledger, project, today));
  const confirmed = ledger.confirmed.has(line.key);
  const confirmable = mayConfirm && !confirmed && line.status === 'scheduled';
  const notStarted = confirmable ? monthNotStarted(line.month, today) : null;
  return {
    month: line.month,
    fiscalYear: line.fiscalYear,
    daysInStay: line.daysInStay,
    daysSupported: line.daysSupported,
    daysInMonth: line.daysInMonth,
    months: line.months,
    amountJpy: line.amountJpy,
    status: line.status,
    note: line.note ?? null,
    confirmed: ledger.confirmed.has(line.key),
    payment: payment
      ? { id: payment.id, batchId: payment.batchId, batchStatus: payment.batchStatus }
      : null,
    payable: verdict.payable,
    refusals: verdict.payable ? [] : verdict.refusals,
    mobilityId: m.mobility.id,
    /** The reader may confirm this month now (R8); otherwise `confirmRefusal` says why not, when it is a rule. */
    mayConfirm: confirmable && !notStarted,
    confirmRefusal: notStarted,
  };
}

/** GET /mobilities/{id}/scholarship: the schedule from the program's data, line by line. */
export async function getScholarship(ctx: ServiceContext, mobilityId: string) {
  const m = await loadMoneyContext(ctx.db, mobilityId, todayOf(ctx));
  requireAccess(ctx, 'person:read', resourceOf(m));
  const project = m.sendingConsortiumId
    ? await loadProjectMobilities(ctx.db, { consortiumId: m.sendingConsortiumId }, todayOf(ctx))
    : [m];
  const ledger = await loadLedger(
    ctx.db,
    project.some((p) => p.mobility.id === m.mobility.id) ? project : [...project, m],
  );
  const result = scheduleOf(m);
  const today = todayOf(ctx);
  const label = (await mobilityLabels(ctx.db, [m.mobility.id])).get(m.mobility.id);
  const may = {
    confirm: can(ctx.actor, 'enrolment:confirm', confirmerResource(m)),
    pay: can(ctx.actor, 'payment:manage', resourceOf(m)),
  };
  return {
    ...mobilityHeading(m, label),
    programId: m.programId,
    programName: await oneName(programNames, ctx.db, m.programId),
    funded: m.mobility.funded,
    status: m.mobility.status,
    sendingConsortiumId: m.sendingConsortiumId,
    sendingConsortiumName: await oneName(consortiumNames, ctx.db, m.sendingConsortiumId),
    representativeId: m.representativeId,
    representativeName: await oneName(institutionNames, ctx.db, m.representativeId),
    stay: { start: m.stay.start, end: m.stay.end, months: m.mobility.months },
    supportPeriod: m.support,
    rules: m.program
      ? {
          monthlyStipendJpy: m.program.stipend.monthlyAmount,
          currency: m.program.stipend.currency,
          partialMonth: m.program.stipend.partialMonth,
          stayMonths: m.program.stayMonths,
          fiscalYearStartMonth: m.program.fiscalYearStartMonth,
          capPerFiscalYear: m.program.annualCap.studentMonths,
          supportYears: m.program.supportPeriod.maxYears,
        }
      : null,
    dispatch: stayDispatchStatus(ledger.advisories, advisedStayOf(m), today),
    schedule: result.ok
      ? {
          partialMonthRule: result.schedule.partialMonthRule,
          partialMonthDaysPerMonth: result.schedule.partialMonthDaysPerMonth,
          totalJpy: result.schedule.totalJpy,
          totalMonths: result.schedule.totalMonths,
          byFiscalYear: result.schedule.byFiscalYear.map((y) => ({
            fiscalYear: y.fiscalYear,
            months: y.months,
            amountJpy: y.amountJpy,
          })),
          lines: result.schedule.lines.map((l) =>
            lineView(l, ledger, m, project, may.confirm, today),
          ),
        }
      : null,
    refusal: result.ok ? null : result.refusal,
    travel: travelSummary(m, ledger.travels.get(m.mobility.id) ?? null),
    may,
  };
}

/** Who may confirm the months of a mobility (R8): the host and the sending consortium. */
const confirmerResource = (m: MobilityMoney) =>
  enrolmentResource({
    id: m.mobility.id,
    hostId: m.mobility.hostId,
    sendingConsortiumId: m.sendingConsortiumId,
  });

/** R8: a month is confirmed once it has started (none: it has). */
function monthNotStarted(month: string, today: string): Refusal | null {
  return month > today.slice(0, 7)
    ? refusal(C.monthNotStarted, { month }, { rule: 'R8', field: 'body.month' })
    : null;
}

/**
 * R8 (003 §6(2)2)): the host confirms the student's enrolment for a month — the coordinator of
 * the HOST institution, or the representative officer of the sending consortium. Idempotent.
 */
export async function confirmEnrolment(ctx: ServiceContext, mobilityId: string, month: string) {
  const parsed = isoMonthSchema.safeParse(month);
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body.month'));
  const m = await loadMoneyContext(ctx.db, mobilityId, todayOf(ctx));
  requireAccess(ctx, 'enrolment:confirm', confirmerResource(m), {
    visibleBy: ['person:read', resourceOf(m)],
    doing:
      'confirm enrolment: only the host institution’s coordinator or the representative officer may (R8)',
  });
  if (month < m.stay.start.slice(0, 7) || month > m.stay.end.slice(0, 7)) {
    throw invalidField(
      'body.month',
      refusal(C.monthNotInStay, { month, start: m.stay.start, end: m.stay.end }),
      `${month} is not a month of the stay ${m.stay.start}–${m.stay.end}`,
    );
  }
  const notStarted = monthNotStarted(month, todayOf(ctx));
  if (notStarted) throw ruleViolation([notStarted]);
  const created = await ctx.db.transaction(async (tx) => {
    const inserted = await insertConfirmation(tx, {
      mobilityId,
      month,
      confirmedBy: ctx.actor?.id ?? null,
    });
    if (inserted) {
      await audit(tx, ctx, {
        action: 'enrolment.confirm',
        resourceType: 'mobility',
        resourceId: mobilityId,
        details: { month },
        after: { [`enrolment.${month}`]: 'confirmed' },
      });
    }
    return inserted;
  });
  const row = await confirmationOf(ctx.db, mobilityId, month);
  return {
    created,
    mobilityId,
    month,
    confirmedBy: row?.confirmedBy ?? null,
  };
}

interface YearFigures {
  fiscalYear: number;
  cap: number;
  committedMonths: number;
  confirmedMonths: number;
  inBatchMonths: number;
  paidMonths: number;
  remainingMonths: number;
  overBy: number;
  stipend: { committedJpy: number; confirmedJpy: number; inBatchJpy: number; paidJpy: number };
  travel: { committedJpy: number; paidJpy: number };
}

function emptyYear(fiscalYear: number): YearFigures & { units: Record<string, number> } {
  return {
    fiscalYear,
    cap: 0,
    committedMonths: 0,
    confirmedMonths: 0,
    inBatchMonths: 0,
    paidMonths: 0,
    remainingMonths: 0,
    overBy: 0,
    stipend: { committedJpy: 0, confirmedJpy: 0, inBatchJpy: 0, paidJpy: 0 },
    travel: { committedJpy: 0, paidJpy: 0 },
    units: { committed: 0, confirmed: 0, inBatch: 0, paid: 0 },
  };
}

/** Figures per fiscal year of some mobilities (one project, or all of a program). */
function figures(
  project: MobilityMoney[],
  ledger: Ledger,
  capOf: (fiscalYear: number) => number,
): YearFigures[] {
  const years = new Map<number, ReturnType<typeof emptyYear>>();
  const year = (fy: number) => {
    let y = years.get(fy);
    if (!y) years.set(fy, (y = emptyYear(fy)));
    return y;
  };
  for (const m of project) {
    const result = scheduleOf(m);
    if (result.ok) {
      for (const l of result.schedule.lines) {
        if (l.status !== 'scheduled') continue;
        const y = year(l.fiscalYear);
        y.units.committed! += l.monthUnits;
        y.stipend.committedJpy += l.amountJpy;
        if (ledger.confirmed.has(l.key)) {
          y.units.confirmed! += l.monthUnits;
          y.stipend.confirmedJpy += l.amountJpy;
        }
      }
    }
    const t = ledger.travels.get(m.mobility.id);
    if (t?.fareJpy && m.rules) {
      year(fiscalYearOf(m.stay.start, m.rules.fiscalYearStartMonth)).travel.committedJpy +=
        t.fareJpy;
    }
  }
  const ids = new Set(project.map((m) => m.mobility.id));
  for (const p of ledger.payments.values()) {
    if (!ids.has(p.mobilityId)) continue;
    const y = year(p.fiscalYear);
    if (p.kind === 'travel') {
      if (p.batchStatus === 'paid') y.travel.paidJpy += p.amountJpy;
      continue;
    }
    if (p.batchStatus === 'paid') {
      y.units.paid! += toMonthUnits(p.studentMonths);
      y.stipend.paidJpy += p.amountJpy;
    } else {
      y.units.inBatch! += toMonthUnits(p.studentMonths);
      y.stipend.inBatchJpy += p.amountJpy;
    }
  }
  return [...years.values()]
    .sort((a, b) => a.fiscalYear - b.fiscalYear)
    .map(({ units, ...y }) => {
      const committed = fromMonthUnits(units.committed!);
      const cap = capOf(y.fiscalYear);
      const status = capStatus(cap, committed, fromMonthUnits(units.paid!));
      return {
        ...y,
        cap,
        committedMonths: round(committed),
        confirmedMonths: round(fromMonthUnits(units.confirmed!)),
        inBatchMonths: round(fromMonthUnits(units.inBatch!)),
        paidMonths: round(status.paid),
        remainingMonths: round(status.remaining),
        overBy: round(status.overBy),
      };
    });
}

const round = (n: number) => Math.round(n * 100) / 100;

function sumYears(lists: YearFigures[][]): YearFigures[] {
  const years = new Map<number, YearFigures>();
  for (const y of lists.flat()) {
    const t = years.get(y.fiscalYear);
    if (!t) {
      years.set(y.fiscalYear, structuredClone(y));
      continue;
    }
    t.cap += y.cap;
    for (const k of [
      'committedMonths',
      'confirmedMonths',
      'inBatchMonths',
      'paidMonths',
      'remainingMonths',
      'overBy',
    ] as const)
      t[k] = round(t[k] + y[k]);
    for (const k of ['committedJpy', 'confirmedJpy', 'inBatchJpy', 'paidJpy'] as const)
      t.stipend[k] += y.stipend[k];
    t.travel.committedJpy += y.travel.committedJpy;
    t.travel.paidJpy += y.travel.paidJpy;
  }
  return [...years.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

/**
 * R14 (003 §4): the budget of a program per fiscal year and project (sending consortium):
 * stipends and travel committed, confirmed, in a batch and paid, against the cap. The funder
 * officer sees every project of the program; a representative officer sees their own.
 */
export async function programBudget(
  ctx: ServiceContext,
  programId: string,
  query: { fiscalYear?: number; consortiumId?: string },
) {
  if (!(await programExists(ctx.db, programId))) throw notFound('program', programId);
  const all = await loadProjectMobilities(
    ctx.db,
    { programId, ...(query.consortiumId ? { consortiumId: query.consortiumId } : {}) },
    todayOf(ctx),
  );
  const byProject = new Map<string, MobilityMoney[]>();
  for (const m of all) {
    if (!m.sendingConsortiumId) continue;
    const list = byProject.get(m.sendingConsortiumId) ?? [];
    list.push(m);
    byProject.set(m.sendingConsortiumId, list);
  }
  const funder = can(ctx.actor, 'budget:read', programResource(programId, 'budget'));
  const visible = [...byProject.keys()].filter(
    (c) => funder || can(ctx.actor, 'budget:read', budgetResource([c])),
  );
  // The funder officer reads every project; a representative officer their own (none yet: empty).
  if (!funder && visible.length === 0) {
    if (query.consortiumId)
      requireAccess(ctx, 'budget:read', budgetResource([query.consortiumId]), {
        doing: 'read this budget',
      });
    else
      requireAccess(ctx, 'budget:read', programResource(programId, 'budget'), {
        doing: 'read the budget of this program',
      });
  }
  // The header shows the rules of the fiscal year asked for (its first day) or of today; each
  // year's figures carry the cap in force when that year began (R14 over time).
  const versions = all.find((m) => m.programVersions.length > 0)?.programVersions ?? [];
  const current = rulesOn(versions, todayOf(ctx));
  const rules =
    query.fiscalYear && current
      ? rulesOn(versions, fiscalYearStart(current, query.fiscalYear))
      : current;
  const cap = rules?.annualCap.studentMonths ?? 0;
  const capOf = (fy: number) => annualCapInFiscalYear(versions, fy);
  const names = new Map((await consortiaWithRepresentatives(ctx.db)).map((c) => [c.id, c]));
  const reps = await institutionNames(
    ctx.db,
    [...names.values()].flatMap((c) => (c.rep ? [c.rep] : [])),
  );
  const projects = [];
  for (const consortiumId of visible.sort()) {
    const project = byProject.get(consortiumId)!;
    const ledger = await loadLedger(ctx.db, project);
    let years = figures(project, ledger, capOf);
    if (query.fiscalYear) years = years.filter((y) => y.fiscalYear === query.fiscalYear);
    const c = names.get(consortiumId);
    projects.push({
      consortiumId,
      name: c?.name ?? consortiumId,
      names: c?.names ?? {},
      consortium: c ? orgName(c.name, c.names) : { en: consortiumId },
      representativeId: c?.rep ?? null,
      representative: c?.rep ? (reps.get(c.rep) ?? { en: c.rep }) : null,
      mobilities: project.length,
      years,
    });
  }
  const fiscalYears = [
    ...new Set(projects.flatMap((p) => p.years.map((y) => y.fiscalYear))),
  ].sort();
  return {
    programId,
    programName: (await oneName(programNames, ctx.db, programId)) ?? { en: programId },
    fiscalYear: query.fiscalYear ?? null,
    fiscalYears,
    capPerFiscalYear: cap,
    monthlyStipendJpy: rules?.stipend.monthlyAmount ?? null,
    partialMonth: rules?.stipend.partialMonth ?? null,
    projects,
    totals: sumYears(projects.map((p) => p.years)),
  };
}

/** The budget of one consortium's projects, across the programs it takes part in. */
export async function consortiumBudget(
  ctx: ServiceContext,
  consortiumId: string,
  query: { fiscalYear?: number },
) {
  const c = await consortiumById(ctx.db, consortiumId);
  if (!c) throw notFound('consortium', consortiumId);
  const mobs = await loadProjectMobilities(ctx.db, { consortiumId }, todayOf(ctx));
  const programIds = [...new Set(mobs.flatMap((m) => (m.programId ? [m.programId] : [])))].sort();
  requireAccess(ctx, 'budget:read', budgetResource([consortiumId], programIds), {
    doing: 'read the budget of this consortium',
  });
  const out = [];
  for (const programId of programIds) {
    out.push(await programBudget(ctx, programId, { ...query, consortiumId }));
  }
  return {
    consortiumId,
    consortiumName: orgName(c.name, c.names as LocalizedText),
    programs: out,
  };
}

/**
 * R14 (003 §4) when places are published: would these new placements of a consortium's project
 * commit more student-months in a fiscal year than the program's cap? For the allocation's
 * publish step; `places` are the stays about to become mobilities.
 */
export async function checkPlacesAgainstCap(
  db: ServiceContext['db'],
  input: {
    programId: string;
    consortiumId: string;
    places: { key: string; hostCountry: string; startDate: string; months: number }[];
  },
  today: string,
) {
  const project = await loadProjectMobilities(
    db,
    { programId: input.programId, consortiumId: input.consortiumId },
    today,
  );
  const sample = project.find((m) => m.rules && m.support);
  if (!sample?.rules || !sample.support) return { ok: true as const, after: [] };
  // A new stay is governed by the rules in force when it starts; the cap by those in force today.
  const versions = sample.programVersions;
  const capRules = rulesOn(versions, today);
  const committed = new Map<number, number>();
  for (const m of project) {
    const r = scheduleOf(m);
    if (!r.ok) continue;
    for (const y of r.schedule.byFiscalYear)
      committed.set(y.fiscalYear, (committed.get(y.fiscalYear) ?? 0) + y.months);
  }
  const places = input.places.flatMap((p) => {
    const r = buildSchedule(
      {
        mobilityId: p.key,
        hostCountry: p.hostCountry,
        start: p.startDate,
        end: stayEndDate(p.startDate, p.months),
      },
      scholarshipRulesOf(rulesOn(versions, p.startDate) ?? sample.program!),
      sample.support!,
    );
    return r.ok ? [r.schedule] : [];
  });
  const verdict = checkPlacesWithinCap({
    capPerFiscalYear:
      capRules?.annualCap.studentMonths ?? sample.rules.studentMonthsCapPerFiscalYear,
    committedByFiscalYear: committed,
    places,
  });
  if (verdict.ok) return { ok: true as const, after: [...verdict.after.entries()] };
  const p = verdict.refusal.params;
  return {
    ok: false as const,
    // The English `message` is for logs of the publishing step; people read the code.
    refusal: {
      ...verdict.refusal,
      message: `fiscal year ${String(p.fiscalYear)}: publishing these places commits ${String(p.requested)} student-months but only ${String(p.remaining)} of the cap of ${String(p.cap)} remain`,
    } as Refusal & { message: string },
    after: [...verdict.after.entries()],
  };
}
