/**
 * Calls for applications: created and edited by a coordinator or rep officer of a sending
 * consortium (`call:manage`), listed publicly with their deadlines (R18, 003 §8–9), and as an
 * iCalendar feed of the deadlines.
 */
import { todayOf } from '#src/services/clock.ts';
import { findAgreementById } from '#src/db/queries/agreements.ts';
import { callAgreementRefusal } from '#src/domain/agreement/dispatch.ts';
import { stayEndDate } from '#src/domain/scholarship/index.ts';
import { loadRules } from '../programs/rules.ts';
import type { z } from 'zod';
import type { Db } from '#src/db/client.ts';
import {
  callExists,
  callsByDeadline,
  callsByOpening,
  documentsOf,
  hostsOf,
  insertCall,
  institutionInfo,
  loadSendingConsortia,
  programExists,
  rubricOf,
  updateCallRow,
  type CallRow,
  type CallValues,
} from '#src/db/queries/calls/calls.ts';
import { rubricProblems } from '#src/domain/screening/index.ts';
import { deadlinesCalendar } from '#src/interop/ical/deadlines.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  conflict,
  fieldIssues,
  invalidField,
  invalidInput,
  notFound,
  type FieldIssue,
} from '../errors.ts';
import { refusal, type LocalizedText } from '#src/domain/shared/refusal.ts';
import { consortiumNames, orgName, programNames } from '#src/db/queries/names.ts';
import { applyEligibility } from './applications.ts';
import { can, requireAccess } from '../access.ts';
import {
  callManagersResource,
  callResource,
  mayManageCall,
  mayReadApplicants,
  mayScore,
} from './access.ts';
import { loadCall, todayForCall } from './call-record.ts';
import { plainRubric, requireConsent } from './consent.ts';

export { callContentSchema, type CallContent } from '#src/domain/calls/call-content.ts';
import type { CALL_STATUSES } from '#src/domain/calls/call-content.ts';
import { callContentSchema, type CallContent } from '#src/domain/calls/call-content.ts';

/**
 * Invalid input as field issues: zod's codes, and for the checks of this area (`custom` issues
 * carrying `params.refusal`) the refusal code, so that the reader's app can say each in words.
 */
export function issuesOf(error: z.ZodError, root = 'body'): FieldIssue[] {
  return fieldIssues(error, root).map((issue, i) => {
    const raw = error.issues[i] as { code: string; params?: { refusal?: unknown } };
    const code = raw.code === 'custom' ? raw.params?.refusal : undefined;
    return typeof code === 'string' ? { ...issue, code, params: {} } : issue;
  });
}

function parseContent(input: unknown): CallContent {
  const parsed = callContentSchema.safeParse(input);
  if (!parsed.success) throw invalidInput(issuesOf(parsed.error));
  const rubric = parsed.data.rubric;
  if (rubric) {
    const problems = rubricProblems(plainRubric(rubric));
    if (problems.length > 0) {
      throw invalidField(
        'body.rubric',
        refusal('calls.invalid_rubric', { count: problems.length }),
        problems.join('; '),
      );
    }
  }
  return parsed.data;
}

/** What the catalogue and the call page show. */
async function present(db: Db, row: CallRow, today: string) {
  const [view] = await presentAll(db, [{ row, today }]);
  return view!;
}

/** Whether a published call takes applications on `today` (its program's day, R18). */
const isOpen = (row: CallRow, today: string) =>
  row.status === 'published' && row.opens <= today && today <= row.closes;

/**
 * What the catalogue and the call page show, for several calls at once: the names of their
 * hosts, consortia and programs are read in one query each, whatever the number of calls.
 */
async function presentAll(db: Db, calls: readonly { row: CallRow; today: string }[]) {
  const hostsByCall = calls.map(({ row }) => hostsOf(row));
  const [info, consortia, programs] = await Promise.all([
    institutionInfo(db, [...new Set(hostsByCall.flat().map((h) => h.institutionId))]),
    consortiumNames(db, [
      ...new Set(
        calls.flatMap(({ row }, i) => [
          ...row.sendingConsortiumIds,
          ...hostsByCall[i]!.flatMap((h) => (h.consortiumId ? [h.consortiumId] : [])),
        ]),
      ),
    ]),
    programNames(db, [
      ...new Set(calls.flatMap(({ row }) => (row.programId ? [row.programId] : []))),
    ]),
  ]);
  const consortium = (id: string): LocalizedText => consortia.get(id) ?? { en: id };
  return calls.map(({ row, today }, i) =>
    viewOf(row, today, hostsByCall[i]!, {
      info,
      consortium,
      program: row.programId ? (programs.get(row.programId) ?? { en: row.programId }) : null,
    }),
  );
}

function viewOf(
  row: CallRow,
  today: string,
  hosts: ReturnType<typeof hostsOf>,
  names: {
    info: Awaited<ReturnType<typeof institutionInfo>>;
    consortium: (id: string) => LocalizedText;
    program: LocalizedText | null;
  },
) {
  const { info, consortium, program } = names;
  const open = isOpen(row, today);
  const daysLeft = open
    ? Math.round((Date.parse(row.closes) - Date.parse(today)) / 86_400_000)
    : null;
  const rubric = rubricOf(row);
  return {
    id: row.id,
    programId: row.programId,
    program,
    agreementId: row.agreementId,
    title: row.title,
    description: row.description,
    sendingConsortiumIds: row.sendingConsortiumIds,
    sendingConsortia: row.sendingConsortiumIds.map((id) => ({ id, name: consortium(id) })),
    hosts: hosts.map((h) => {
      const inst = info.get(h.institutionId);
      return {
        ...h,
        name: inst?.name ?? h.institutionId,
        names: inst?.names ?? {},
        displayName: inst ? orgName(inst.name, inst.names) : { en: h.institutionId },
        consortium: h.consortiumId ? consortium(h.consortiumId) : null,
        country: inst?.country ?? null,
        city: inst?.city ?? null,
      };
    }),
    opens: row.opens,
    closes: row.closes,
    nominationDeadline: row.nominationDeadline,
    departureFrom: row.departureFrom,
    departureTo: row.departureTo,
    stayMonthsMin: row.stayMonthsMin,
    stayMonthsMax: row.stayMonthsMax,
    maxRankedHosts: row.maxRankedHosts,
    documents: documentsOf(row),
    rubric: rubric
      ? {
          id: rubric.id,
          scoreScale: rubric.scoreScale,
          criteria: rubric.criteria,
          minReviewers: rubric.minReviewers,
          passMark: rubric.passMark,
          gradeScales: rubric.gradeScales.map((s) => ({
            id: s.id,
            label: s.label,
            min: s.min,
            max: s.max,
            formula: s.formula,
          })),
        }
      : null,
    status: row.status as (typeof CALL_STATUSES)[number],
    open,
    daysLeft,
    today,
    invented: row.invented,
  };
}

/** The public catalogue: open calls (default) or all published ones, soonest deadline first. */
/**
 * The catalogue. With `allocatable`, only the calls the signed-in person may hand to allocation
 * (`allocation:run` over the call: its managers and allocators), for choosing one by its title.
 */
export async function listCalls(
  ctx: ServiceContext,
  query: { status?: 'open' | 'all'; allocatable?: boolean | undefined },
) {
  const rows = await callsByDeadline(ctx.db);
  // Each program's day is read once (R18: a call's deadlines are its program's days).
  const days = new Map<string | null, Promise<string>>();
  const todayFor = (row: CallRow) => {
    if (!days.has(row.programId)) days.set(row.programId, todayForCall(ctx, row));
    return days.get(row.programId)!;
  };
  const shown: { row: CallRow; today: string }[] = [];
  for (const row of rows) {
    if (row.status !== 'published') continue;
    const today = await todayFor(row);
    if ((query.status ?? 'open') === 'open' && !isOpen(row, today)) continue;
    if (query.allocatable) {
      const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
      if (!can(ctx.actor, 'allocation:run', callResource(row, sending, todayOf(ctx)))) continue;
    }
    shown.push({ row, today });
  }
  return { items: await presentAll(ctx.db, shown) };
}

/**
 * One call; `may` says what the signed-in actor may do with it. A published call is public; one
 * not published exists only for its managers.
 */
export async function getCall(ctx: ServiceContext, id: string) {
  const row = await loadCall(ctx.db, id);
  const sending = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
  if (row.status !== 'published') {
    const managers = callManagersResource(row, sending, todayOf(ctx));
    requireAccess(ctx, 'call:manage', managers, { visibleBy: ['call:manage', managers] });
  }
  const manage = mayManageCall(ctx.actor, row, sending, todayOf(ctx));
  const view = await present(ctx.db, row, await todayForCall(ctx, row));
  const readApplicants = mayReadApplicants(ctx.actor, row, sending, todayOf(ctx));
  const eligibility = await applyEligibility(ctx, row);
  return {
    ...view,
    /** The rubric as stored (panel, anchors), for its managers' edit form; else null. */
    storedRubric: manage ? rubricOf(row) : null,
    may: {
      manage,
      edit: manage,
      apply: eligibility?.status === 'eligible' && view.open,
      score: mayScore(ctx.actor, row, sending, todayOf(ctx)),
      screen: readApplicants && rubricOf(row) !== null,
      readApplicants,
    },
    /** Why the signed-in student may not apply (R18, R9, R3…): shown instead of the form. */
    applyRefusals: eligibility?.refusals ?? [],
    /** The signed-in student's eligibility, shown before the form; null for anyone else. */
    eligibility,
  };
}

async function checkReferences(db: Db, content: CallContent) {
  if (!(await programExists(db, content.programId))) throw notFound('program', content.programId);
  if (content.agreementId) {
    const agreement = await findAgreementById(db, content.agreementId);
    if (!agreement) throw notFound('agreement', content.agreementId);
    // R2, 003 §5(2): a call open to students names an agreement that carries every stay it can
    // lead to, from the first possible departure to the last possible return; a draft may be
    // prepared while the agreement is still being signed.
    if (content.status !== 'draft') {
      // Without a departure window the stays are not known yet (publishing checks each one):
      // the agreement must then be signed and not have run out when the call opens.
      const start = content.departureFrom ?? content.opens;
      const window = content.departureFrom
        ? {
            start,
            end: stayEndDate(
              content.departureTo ?? start,
              content.stayMonthsMax ?? (await loadRules(db, content.programId)).stayMonths.max,
            ),
          }
        : { start: content.opens, end: content.opens, fromAnyDay: true };
      const problem = callAgreementRefusal(agreement.state, window);
      if (problem)
        throw invalidField(
          'body.agreementId',
          problem,
          `R2: the agreement does not carry the stays of this call (${window.start} to ${window.end})`,
        );
    }
  }
  const hosts = await institutionInfo(
    db,
    content.hosts.map((h) => h.institutionId),
  );
  content.hosts.forEach((h, i) => {
    if (!hosts.has(h.institutionId)) {
      throw invalidField(
        `body.hosts[${i}].institutionId`,
        refusal('calls.unknown_institution', { id: h.institutionId }),
        `no institution "${h.institutionId}"`,
      );
    }
  });
  // R16: a rubric is used only once the agreement's consent on common screening is present.
  if (content.rubric) await requireConsent(db, plainRubric(content.rubric));
}

const values = (content: CallContent): CallValues => ({
  programId: content.programId,
  agreementId: content.agreementId,
  title: content.title,
  description: content.description,
  sendingConsortiumIds: content.sendingConsortiumIds,
  hosts: content.hosts,
  opens: content.opens,
  closes: content.closes,
  nominationDeadline: content.nominationDeadline,
  departureFrom: content.departureFrom,
  departureTo: content.departureTo,
  stayMonthsMin: content.stayMonthsMin,
  stayMonthsMax: content.stayMonthsMax,
  maxRankedHosts: content.maxRankedHosts,
  documents: content.documents,
  rubric: content.rubric,
  status: content.status,
});

export async function createCall(ctx: ServiceContext, id: string, input: unknown) {
  const content = parseContent(input);
  const sending = await loadSendingConsortia(ctx.db, content.sendingConsortiumIds);
  requireAccess(
    ctx,
    'call:manage',
    callManagersResource({ ...content, id }, sending, todayOf(ctx)),
    {
      doing: 'open calls for consortia you do not represent',
    },
  );
  if (await callExists(ctx.db, id)) {
    throw conflict(
      refusal('calls.call_exists', { id }, { field: 'body.id' }),
      `call "${id}" already exists`,
    );
  }
  await checkReferences(ctx.db, content);
  await ctx.db.transaction(async (tx) => {
    await insertCall(tx, id, values(content), ctx.actor?.id ?? null);
    await audit(tx, ctx, {
      action: 'call.create',
      resourceType: 'call',
      resourceId: id,
      after: values(content),
    });
  });
  return getCall(ctx, id);
}

export async function updateCall(ctx: ServiceContext, id: string, input: unknown) {
  const row = await loadCall(ctx.db, id);
  const before = await loadSendingConsortia(ctx.db, row.sendingConsortiumIds);
  requireAccess(ctx, 'call:manage', callManagersResource(row, before, todayOf(ctx)), {
    doing: 'edit this call',
  });
  const content = parseContent(input);
  const after = await loadSendingConsortia(ctx.db, content.sendingConsortiumIds);
  requireAccess(
    ctx,
    'call:manage',
    callManagersResource({ ...row, ...values(content) }, after, todayOf(ctx)),
    { doing: 'move a call to consortia you do not represent' },
  );
  await checkReferences(ctx.db, content);
  await ctx.db.transaction(async (tx) => {
    await updateCallRow(tx, id, values(content));
    await audit(tx, ctx, {
      action: 'call.update',
      resourceType: 'call',
      resourceId: id,
      before: row,
      after: { ...row, ...values(content) },
    });
  });
  return getCall(ctx, id);
}

const ICS_LABELS: Record<
  string,
  { name: string; opens: string; closes: string; nomination: string }
> = {
  en: {
    name: 'Kakehashi call deadlines',
    opens: 'applications open',
    closes: 'application deadline',
    nomination: 'nomination deadline',
  },
  ja: {
    name: 'Kakehashi 公募締切',
    opens: '応募受付開始',
    closes: '応募締切',
    nomination: '推薦締切',
  },
  ru: {
    name: 'Kakehashi: сроки конкурсов',
    opens: 'начало приёма заявок',
    closes: 'окончание приёма заявок',
    nomination: 'срок номинации',
  },
  fr: {
    name: 'Kakehashi : échéances des appels',
    opens: 'ouverture des candidatures',
    closes: 'date limite de candidature',
    nomination: 'date limite de nomination',
  },
};

/** The iCalendar feed of every published call's dates (R18). */
export async function callsCalendar(
  db: Db,
  lang: 'en' | 'ja' | 'ru' | 'fr',
  origin: string | null,
) {
  const rows = await callsByOpening(db);
  const labels = ICS_LABELS[lang] ?? (ICS_LABELS.en as (typeof ICS_LABELS)[string]);
  return deadlinesCalendar(
    rows
      .filter((r) => r.status === 'published')
      .map((r) => ({
        id: r.id,
        title: r.title[lang] ?? r.title.en ?? r.id,
        opens: r.opens,
        closes: r.closes,
        nominationDeadline: r.nominationDeadline,
        url: origin ? `${origin}/calls/${encodeURIComponent(r.id)}` : null,
      })),
    {
      name: labels.name,
      labels: { opens: labels.opens, closes: labels.closes, nominationDeadline: labels.nomination },
    },
  );
}
