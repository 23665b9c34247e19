/**
 * Project applications by a consortium pair to a program (R15, 003 §6): drafted and saved in the
 * home consortium's name, checked against the program's rules on every read, submitted by the
 * representative university's responsible person before the deadline (R18, 003 §11), decided by
 * the funder, whose selected projects then have a support period (R10). The A4 dossier renders
 * the application as PDF.
 */
import { instantOf, todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import type { Action } from '#src/domain/access/policy.ts';
import {
  projectApplicationSchema,
  type ProjectApplication,
} from '#src/domain/program/application.ts';
import {
  asRefusal,
  checkApplication,
  checkSubmission,
  deadlineCountdown,
  projectBudget,
  registryAgreementRecord,
  startSupport,
  supportPeriod,
  transitionSupport,
  type CheckContext,
  type DatedChecks,
  type RegistryAgreement,
  type RegistryMembers,
  type RegistryParty,
  type SupportEvent,
} from '#src/domain/program/checks.ts';
import { isOutcomeOverdue, localDate } from '#src/domain/program/calendar.ts';
import type { AgreementStatus } from '#src/domain/agreement/agreement.ts';
import { findAgreementById } from '#src/db/queries/agreements.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { membersInForce } from '#src/db/queries/memberships.ts';
import { consortiumRow } from '#src/db/queries/registry/institutions.ts';
import {
  consortiumNames,
  institutionNames,
  personNames,
  programNames,
} from '#src/db/queries/names.ts';
import {
  findProjectApplication,
  insertProjectApplication,
  projectApplicationExists,
  projectApplicationPage,
  supportOf,
  updateProjectApplication,
  type ProjectApplicationRow as AppRow,
} from '#src/db/queries/programs.ts';
import { renderDossier } from '#src/reports/dossier/render.ts';
import { can, projectApplicationResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  conflict,
  fieldIssues,
  forbidden,
  invalidField,
  invalidInput,
  notFound,
  ruleViolation,
} from '../errors.ts';
import type { TaskPool } from '../tasks/pool.ts';
import { loadRules } from './rules.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';

/**
 * What an application is written in the name of: its home consortium, whose officers (and the
 * coordinator of its representative university, a member of it) edit and submit it.
 */
const homeResource = (row: Pick<AppRow, 'homeConsortiumId' | 'representativeId' | 'programId'>) =>
  projectApplicationResource(
    {
      programId: row.programId,
      homeConsortiumId: row.homeConsortiumId,
      representativeId: row.representativeId,
    },
    'application',
  );

/**
 * Who may read an application: its editors, the officers of the partner consortium it names, and,
 * once submitted, the funder.
 */
const readResource = (row: AppRow) => projectApplicationResource(row);

/**
 * Refusals unless the actor writes in their own consortium's name: the home consortium is one
 * they represent, and the representative university named is a member of it today. A person
 * with no role that drafts applications is simply forbidden.
 */
async function requireOwnConsortium(
  ctx: ServiceContext,
  cols: ReturnType<typeof columnsOf>,
  programId: string,
): Promise<void> {
  const drafts = (ctx.actor?.roles ?? []).some(
    (r) => r.role === 'rep_officer' || r.role === 'coordinator',
  );
  if (!ctx.actor?.platformAdmin && !drafts) {
    throw forbidden('draft an application for a consortium you do not represent');
  }
  const home = cols.homeConsortiumId;
  const members = home ? await membersInForce(ctx.db, [home], todayOf(ctx)) : [];
  const refusals: Refusal[] = [];
  const homeName = home ? ((await consortiumNames(ctx.db, [home])).get(home) ?? { en: home }) : {};
  if (
    cols.representativeId &&
    home &&
    !members.some((m) => m.institutionId === cols.representativeId)
  ) {
    const rep = (await institutionNames(ctx.db, [cols.representativeId])).get(
      cols.representativeId,
    );
    refusals.push(
      refusal(
        'program.representative_not_member',
        { institution: rep ?? { en: cols.representativeId }, consortium: homeName },
        { field: 'content.outline.consortia.home.representativeId' },
      ),
    );
  }
  const representative = refusals.length === 0 ? cols.representativeId : null;
  if (
    !home ||
    !can(
      ctx.actor,
      'application:edit',
      homeResource({ ...cols, representativeId: representative, programId }),
    )
  ) {
    refusals.push(
      refusal(
        'program.not_own_consortium',
        { consortium: homeName },
        { field: 'content.outline.consortia.home.consortiumId' },
      ),
    );
  }
  if (refusals.length > 0) throw ruleViolation(refusals);
}

/** Editors read as editors; once submitted, the funder reads it as its reviewer. */
function readAction(actor: ServiceContext['actor'], row: AppRow): Action {
  return row.status !== 'draft' && !can(actor, 'application:edit', readResource(row))
    ? 'application:review'
    : 'application:edit';
}

function mayRead(actor: ServiceContext['actor'], row: AppRow): boolean {
  return can(actor, readAction(actor, row), readResource(row));
}

interface Names {
  programs: Map<string, LocalizedText>;
  consortia: Map<string, LocalizedText>;
  institutions: Map<string, LocalizedText>;
  people: Map<string, LocalizedText>;
}

/** The names of everything the applications reference, loaded once for all of them. */
async function namesFor(db: Db, rows: AppRow[]): Promise<Names> {
  const ids = (pick: (r: AppRow) => string | null) =>
    rows.map(pick).filter((x): x is string => !!x);
  const [progs, consortia, institutions, people] = await Promise.all([
    programNames(
      db,
      ids((r) => r.programId),
    ),
    consortiumNames(db, [...ids((r) => r.homeConsortiumId), ...ids((r) => r.partnerConsortiumId)]),
    institutionNames(
      db,
      ids((r) => r.representativeId),
    ),
    personNames(db, [
      ...ids((r) => r.responsibleUserId),
      ...rows.flatMap((r) => (supportOf(r)?.history ?? []).flatMap((h) => (h.by ? [h.by] : []))),
    ]),
  ]);
  return { programs: progs, consortia, institutions, people };
}

/** R2: the agreement of the registry an application names, as the checks read it; null when none. */
async function registryAgreement(db: Db, id: string): Promise<RegistryAgreement | null> {
  const loaded = await findAgreementById(db, id);
  if (!loaded) return null;
  const { row, state } = loaded;
  const refs = [
    { type: row.partyAType, id: row.partyAId },
    { type: row.partyBType, id: row.partyBId },
  ];
  const [institutions, consortia] = await Promise.all([
    institutionNames(
      db,
      refs.filter((r) => r.type === 'institution').map((r) => r.id),
    ),
    consortiumNames(
      db,
      refs.filter((r) => r.type === 'consortium').map((r) => r.id),
    ),
  ]);
  const party = (r: (typeof refs)[number]): RegistryParty => {
    const type = r.type === 'consortium' ? 'consortium' : 'institution';
    const names = type === 'consortium' ? consortia : institutions;
    return { type, id: r.id, name: names.get(r.id) ?? { en: r.id } };
  };
  return {
    id: row.id,
    status: row.status as AgreementStatus,
    parties: { A: party(refs[0]!), B: party(refs[1]!) },
    versions: state.versions,
  };
}

/**
 * What the registry knows that the checks read, on the day they are judged on: the agreement of
 * item 7 (R2) and the members of the consortia of item 2 on that day (R1).
 */
async function registryFacts(
  db: Db,
  app: ProjectApplication,
  onDay: string,
): Promise<Pick<CheckContext, 'agreement' | 'registryMembers'>> {
  const facts: Pick<CheckContext, 'agreement' | 'registryMembers'> = {};
  const agreementId = app.outline.agreement.registryAgreementId;
  if (agreementId !== undefined) facts.agreement = await registryAgreement(db, agreementId);
  const { home, partner } = app.outline.consortia;
  const ids = [home.consortiumId, partner.consortiumId].filter((x): x is string => !!x);
  const known = await consortiumNames(db, ids);
  if (known.size === 0) return facts;
  const memberships = await membersInForce(db, [...known.keys()], onDay);
  const rows = await Promise.all([...known.keys()].map((id) => consortiumRow(db, id)));
  const representatives = new Map(
    rows.flatMap((r) => (r?.representativeId ? [[r.id, r.representativeId] as const] : [])),
  );
  const repNames = await institutionNames(db, [...representatives.values()]);
  const side = (consortiumId: string | undefined): RegistryMembers | undefined => {
    if (consortiumId === undefined || !known.has(consortiumId)) return undefined;
    const rep = representatives.get(consortiumId);
    return {
      consortiumId,
      institutionIds: memberships
        .filter((m) => m.consortiumId === consortiumId)
        .map((m) => m.institutionId),
      representative: rep ? { id: rep, name: repNames.get(rep) ?? { en: rep } } : null,
    };
  };
  const registryMembers: NonNullable<CheckContext['registryMembers']> = {};
  const h = side(home.consortiumId);
  const p = side(partner.consortiumId);
  if (h) registryMembers.home = h;
  if (p) registryMembers.partner = p;
  facts.registryMembers = registryMembers;
  return facts;
}

/** When the application was submitted: the row's instant, else the one its content records. */
const submittedAtOf = (row: AppRow, app: ProjectApplication): string | undefined =>
  row.submittedAt?.toISOString() ?? app.submittedAt;

/**
 * The checks judged on `asOf` with what the registry knew on that day; `submittedAt` judges R18
 * on the submission (a submitted application), not on `asOf`.
 */
async function judge(
  db: Db,
  rules: ProgramRules,
  app: ProjectApplication,
  asOf: string,
  submittedAt?: string,
): Promise<{ checks: DatedChecks; facts: Pick<CheckContext, 'agreement' | 'registryMembers'> }> {
  const facts = await registryFacts(db, app, localDate(asOf, rules.call.utcOffset));
  const context: CheckContext = { today: asOf, ...facts };
  if (submittedAt !== undefined) context.submittedAt = submittedAt;
  return { checks: { asOf, results: checkApplication(rules, app, context) }, facts };
}

/**
 * A draft's checks are live, as of now. A submitted application shows the checks stored at its
 * submission (R18: never re-run against a later day), or, for one submitted before they were
 * stored, the checks judged on its submission instant; and its last explicit re-check.
 */
async function checksOf(
  ctx: ServiceContext,
  row: AppRow,
  app: ProjectApplication,
  rules: ProgramRules | null,
) {
  const now = instantOf(ctx);
  type Facts = Pick<CheckContext, 'agreement' | 'registryMembers'>;
  const none: { checks: DatedChecks; recheck: DatedChecks | null; facts: Facts } = {
    checks: { asOf: now, results: [] },
    recheck: null,
    facts: {},
  };
  if (!rules) return none;
  const submittedAt = submittedAtOf(row, app);
  if (row.status === 'draft' || submittedAt === undefined) {
    return { ...(await judge(ctx.db, rules, app, now)), recheck: null };
  }
  const stored = row.checks ?? (await judge(ctx.db, rules, app, submittedAt, submittedAt)).checks;
  const agreementId = app.outline.agreement.registryAgreementId;
  const facts: Facts =
    agreementId !== undefined ? { agreement: await registryAgreement(ctx.db, agreementId) } : {};
  return { checks: stored, recheck: row.recheck ?? null, facts };
}

async function view(row: AppRow, rules: ProgramRules | null, ctx: ServiceContext, names: Names) {
  const actor = ctx.actor;
  const app = projectApplicationSchema.parse(row.content);
  const { checks, recheck, facts } = await checksOf(ctx, row, app, rules);
  const recheckBy = recheck?.by
    ? ((await personNames(ctx.db, [recheck.by])).get(recheck.by) ?? null)
    : null;
  const stored = supportOf(row);
  const support = stored && {
    ...stored,
    history: stored.history.map((h) => ({
      ...h,
      byName: h.by ? (names.people.get(h.by) ?? null) : null,
    })),
  };
  const period = rules && support ? supportPeriod(rules, support.startedOn, todayOf(ctx)) : null;
  const review = row.status !== 'draft' && can(actor, 'application:review', readResource(row));
  // What submitting now would refuse, for whoever could press the button (003 §11, R18).
  const submitter =
    row.status === 'draft' && can(actor, 'application:submit', homeResource(row)) && rules;
  const submitRefusals = submitter
    ? checkSubmission(
        rules,
        { ...app, status: 'draft' },
        { today: checks.asOf, submitterUserId: actor?.id, ...facts },
      ).refusals.map(asRefusal)
    : [];
  const memberName = (id: string | null) => {
    if (!id) return null;
    const m = [
      ...app.outline.consortia.home.members,
      ...app.outline.consortia.partner.members,
    ].find((x) => x.institutionId === id);
    return names.institutions.get(id) ?? m?.name ?? { en: id };
  };
  const consortium = (id: string | null, side: 'home' | 'partner') =>
    id ? (names.consortia.get(id) ?? app.outline.consortia[side].name) : null;
  return {
    id: row.id,
    programId: row.programId,
    programName: names.programs.get(row.programId) ?? { en: row.programId },
    status: row.status as ProjectApplication['status'],
    title: app.title,
    homeConsortiumId: row.homeConsortiumId,
    homeConsortiumName: consortium(row.homeConsortiumId, 'home'),
    partnerConsortiumId: row.partnerConsortiumId,
    partnerConsortiumName: consortium(row.partnerConsortiumId, 'partner'),
    representativeId: row.representativeId,
    representativeName: memberName(row.representativeId),
    responsibleUserId: row.responsibleUserId,
    responsibleName: row.responsibleUserId
      ? (names.people.get(row.responsibleUserId) ?? app.responsiblePerson.name)
      : null,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    outcome: row.outcome as 'selected' | 'not-selected' | null,
    outcomeOn: row.outcomeOn,
    invented: row.invented,
    content: app,
    checks,
    recheck: recheck && { asOf: recheck.asOf, results: recheck.results, byName: recheckBy },
    registryAgreement: facts.agreement ? registryAgreementRecord(facts.agreement) : null,
    budget: rules ? projectBudget(rules, app) : null,
    countdown: rules ? deadlineCountdown(rules, instantOf(ctx)) : null,
    support,
    supportPeriod: period,
    may: {
      edit: row.status === 'draft' && can(actor, 'application:edit', homeResource(row)),
      submit: !!submitter && submitRefusals.length === 0,
      review,
      decideOutcome: review && row.status === 'submitted',
      // A submitted application's checks stay as of submission; the funder officer and the
      // responsible person may add a dated re-check.
      recheck:
        row.status !== 'draft' &&
        checks.results.length > 0 &&
        (review || (!!actor && row.responsibleUserId === actor.id)),
      // A change may be dated back within the period (R10), so the period's end today does not
      // rule it out; the transition checks the date given.
      suspend: review && support?.status === 'active' && (rules?.supportPeriod.maySuspend ?? false),
      reinstate: review && support?.status === 'suspended',
    },
    whyNot: {
      submit: submitRefusals,
      suspend:
        review && support?.status === 'active' && rules && !rules.supportPeriod.maySuspend
          ? refusal('program.suspension_not_allowed', {}, { rule: 'R10' })
          : null,
    },
  };
}

/** Which applications a list shows: of one program, searched, a page after `cursor`. */
export interface ApplicationListFilter {
  programId?: string | undefined;
  /** Words of the id or the project's title, in any language. */
  q?: string | undefined;
  /** At most this many applications (1–200; 50 when not given). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
}

/**
 * A page of the applications the actor may read, by id; `nextCursor` continues after the last
 * one. Rows are read by runs in the id order and those the actor may not read are passed over,
 * so a page is full unless it is the last.
 */
export async function listApplications(ctx: ServiceContext, filter: ApplicationListFilter) {
  const limit = filter.limit ?? 50;
  let afterId: string | undefined;
  if (filter.cursor !== undefined) {
    const key = decodeCursor(filter.cursor, ['string']);
    if (!key) throw badCursor();
    afterId = String(key[0]);
  }
  // One more than the page, to know whether another follows.
  const visible: AppRow[] = [];
  const run = Math.max(limit + 1, 100);
  for (;;) {
    const rows = await projectApplicationPage(ctx.db, { ...filter, afterId, limit: run });
    visible.push(...rows.filter((r) => mayRead(ctx.actor, r)));
    const last = rows[rows.length - 1];
    if (rows.length < run || !last || visible.length > limit) break;
    afterId = last.id;
  }
  const more = visible.length > limit;
  visible.splice(limit);
  const lastShown = visible[visible.length - 1];
  const nextCursor = more && lastShown ? encodeCursor([lastShown.id]) : null;
  const names = await namesFor(ctx.db, visible);
  const ruleCache = new Map<string, ProgramRules | null>();
  const items = [];
  for (const r of visible) {
    if (!ruleCache.has(r.programId))
      ruleCache.set(r.programId, await loadRules(ctx.db, r.programId).catch(() => null));
    const { content: _content, ...v } = await view(
      r,
      ruleCache.get(r.programId) ?? null,
      ctx,
      names,
    );
    items.push({ ...v, checksFailed: v.checks.results.filter((c) => !c.ok).length });
  }
  return { items, nextCursor };
}

/** The application, for those who may read it: anyone else learns nothing, not even that it exists. */
async function loadApplication(ctx: ServiceContext, id: string) {
  const row = await findProjectApplication(ctx.db, id);
  if (!row) throw notFound('project application', id);
  const action = readAction(ctx.actor, row);
  requireAccess(ctx, action, readResource(row), { visibleBy: [action, readResource(row)] });
  return row;
}

export async function getApplication(ctx: ServiceContext, id: string) {
  const row = await loadApplication(ctx, id);
  return await view(
    row,
    await loadRules(ctx.db, row.programId).catch(() => null),
    ctx,
    await namesFor(ctx.db, [row]),
  );
}

function parseApplication(
  input: unknown,
  id: string,
  programId: string,
  status: string,
): ProjectApplication {
  const parsed = projectApplicationSchema.safeParse({
    ...(input as object),
    id,
    programId,
    status,
  });
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'content'));
  return parsed.data;
}

/** R2: item 7 may name only an agreement the registry has (a field error otherwise). */
async function requireRegistryAgreement(db: Db, app: ProjectApplication): Promise<void> {
  const agreementId = app.outline.agreement.registryAgreementId;
  if (agreementId === undefined || (await findAgreementById(db, agreementId))) return;
  const field = 'content.outline.agreement.registryAgreementId';
  throw invalidField(
    field,
    refusal('program.agreement_not_in_registry', { agreementId }, { rule: 'R2', field }),
    `${field}: no agreement "${agreementId}" in the registry`,
  );
}

const columnsOf = (app: ProjectApplication) => ({
  homeConsortiumId: app.outline.consortia.home.consortiumId ?? null,
  partnerConsortiumId: app.outline.consortia.partner.consortiumId ?? null,
  representativeId: app.outline.consortia.home.representativeId || null,
  responsibleUserId:
    app.responsiblePerson.userId && /^[0-9a-f-]{36}$/.test(app.responsiblePerson.userId)
      ? app.responsiblePerson.userId
      : null,
});

/** A draft is saved as often as the form wants; the checks are recomputed on every read. */
export async function createApplication(
  ctx: ServiceContext,
  input: { id: string; programId: string; content: unknown },
) {
  await loadRules(ctx.db, input.programId);
  const app = parseApplication(input.content, input.id, input.programId, 'draft');
  const cols = columnsOf(app);
  await requireOwnConsortium(ctx, cols, input.programId);
  await requireRegistryAgreement(ctx.db, app);
  if (await projectApplicationExists(ctx.db, input.id))
    throw conflict(
      refusal('program.application_exists', { id: input.id }, { field: 'body.id' }),
      `body.id: application "${input.id}" already exists`,
    );
  await ctx.db.transaction(async (tx) => {
    await insertProjectApplication(tx, {
      id: input.id,
      programId: input.programId,
      status: 'draft',
      content: app,
      ...cols,
    });
    await audit(tx, ctx, {
      action: 'application.create',
      resourceType: 'project-application',
      resourceId: input.id,
      after: { status: 'draft', content: app },
    });
  });
  return getApplication(ctx, input.id);
}

export async function saveDraft(ctx: ServiceContext, id: string, content: unknown) {
  const row = await loadApplication(ctx, id);
  requireAccess(ctx, 'application:edit', homeResource(row), { doing: 'edit this application' });
  if (row.status !== 'draft')
    throw conflict(
      refusal('program.only_draft_changes', { status: row.status }),
      `the application is ${row.status}; only a draft can change`,
    );
  const app = parseApplication(content, id, row.programId, 'draft');
  // A saved draft stays in its writers' own consortium's name.
  await requireOwnConsortium(ctx, columnsOf(app), row.programId);
  await requireRegistryAgreement(ctx.db, app);
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(tx, id, {
      content: app,
      ...columnsOf(app),
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'application.save',
      resourceType: 'project-application',
      resourceId: id,
      before: { content: row.content },
      after: { content: app },
    });
  });
  return getApplication(ctx, id);
}

/**
 * Submission: every check of the program must pass, the deadline must not have passed (R18) and
 * only the representative university's responsible person may submit (003 §11). A refusal stores
 * nothing and names each rule.
 */
export async function submitApplication(ctx: ServiceContext, id: string, now = instantOf(ctx)) {
  const row = await loadApplication(ctx, id);
  const rules = await loadRules(ctx.db, row.programId);
  const app = projectApplicationSchema.parse(row.content);
  const facts = await registryFacts(ctx.db, app, localDate(now, rules.call.utcOffset));
  const verdict = checkSubmission(
    rules,
    { ...app, status: row.status as ProjectApplication['status'] },
    { today: now, submitterUserId: ctx.actor?.id, ...facts },
  );
  const refusals = verdict.refusals.map(asRefusal);
  if (!can(ctx.actor, 'application:submit', homeResource(row))) {
    refusals.push(refusal('program.not_representative_officer', {}, { rule: '§11' }));
  }
  if (refusals.length > 0) throw ruleViolation(refusals);
  const submitted: ProjectApplication = {
    ...app,
    status: 'submitted',
    submittedAt: now,
    ...(ctx.actor ? { submittedBy: ctx.actor.id } : {}),
  };
  // R18: the checks as they stand at submission are kept with their date; the view shows these.
  const checks: DatedChecks = {
    asOf: now,
    results: checkApplication(rules, submitted, { today: now, submittedAt: now, ...facts }),
  };
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(
      tx,
      id,
      {
        status: 'submitted',
        submittedAt: new Date(now),
        content: submitted,
        checks,
        recheck: null,
        updatedAt: ctx.clock.now(),
      },
      'draft',
    );
    await audit(tx, ctx, {
      action: 'application.submit',
      resourceType: 'project-application',
      resourceId: id,
      before: { status: row.status },
      after: { status: 'submitted', checksAsOf: now },
    });
  });
  return getApplication(ctx, id);
}

/**
 * An explicit re-check of a submitted application, by the funder officer or the responsible
 * person: the checks judged now against the registry as it stands (R18 still on the submission
 * instant), stored with their date beside those of the submission, which stay as they were.
 */
export async function recheckApplication(ctx: ServiceContext, id: string) {
  const row = await loadApplication(ctx, id);
  const responsible = ctx.actor !== null && row.responsibleUserId === ctx.actor?.id;
  if (!responsible) {
    requireAccess(ctx, 'application:review', readResource(row), {
      doing: 're-check this application',
      visibleBy: [readAction(ctx.actor, row), readResource(row)],
    });
  }
  const app = projectApplicationSchema.parse(row.content);
  const submittedAt = submittedAtOf(row, app);
  if (row.status === 'draft' || submittedAt === undefined)
    throw conflict(
      refusal('program.recheck_only_submitted', { status: row.status }, { rule: 'R18' }),
      'a draft is checked live; only a submitted application is re-checked',
    );
  const rules = await loadRules(ctx.db, row.programId);
  const now = instantOf(ctx);
  const { checks } = await judge(ctx.db, rules, app, now, submittedAt);
  const recheck: DatedChecks = { ...checks, ...(ctx.actor ? { by: ctx.actor.id } : {}) };
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(tx, id, { recheck, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: 'application.recheck',
      resourceType: 'project-application',
      resourceId: id,
      details: { refused: checks.results.filter((c) => !c.ok).length },
      before: { recheck: row.recheck ? { asOf: row.recheck.asOf } : null },
      after: { recheck: { asOf: now } },
    });
  });
  return getApplication(ctx, id);
}

/** The funder officer records the outcome (by the outcome date, R18) and starts the support period. */
export async function recordOutcome(
  ctx: ServiceContext,
  id: string,
  input: { outcome: 'selected' | 'not-selected'; on: string },
) {
  const row = await loadApplication(ctx, id);
  requireAccess(ctx, 'application:review', readResource(row), {
    doing: 'record the outcome of this application',
  });
  if (row.status !== 'submitted')
    throw conflict(
      refusal('program.only_submitted_gets_outcome', { status: row.status }),
      `the application is ${row.status}; only a submitted one gets an outcome`,
    );
  const rules = await loadRules(ctx.db, row.programId);
  const late = isOutcomeOverdue(rules, input.on);
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(tx, id, {
      status: input.outcome === 'selected' ? 'selected' : 'not-selected',
      outcome: input.outcome,
      outcomeOn: input.on,
      support:
        input.outcome === 'selected'
          ? startSupport(input.on, {
              by: ctx.actor?.id,
              recordedAt: ctx.clock.now().toISOString(),
            })
          : null,
      updatedAt: ctx.clock.now(),
    });
    await audit(tx, ctx, {
      action: 'application.outcome',
      resourceType: 'project-application',
      resourceId: id,
      details: { late },
      before: { status: row.status, outcome: row.outcome, outcomeOn: row.outcomeOn },
      after: {
        status: input.outcome === 'selected' ? 'selected' : 'not-selected',
        outcome: input.outcome,
        outcomeOn: input.on,
      },
    });
  });
  return { ...(await getApplication(ctx, id)), late };
}

/** R10: suspend, reinstate or end a selected project's support. */
export async function changeSupport(ctx: ServiceContext, id: string, event: SupportEvent) {
  const row = await loadApplication(ctx, id);
  requireAccess(ctx, 'application:review', readResource(row), { doing: 'manage this project' });
  const support = supportOf(row);
  if (!support)
    throw conflict(
      refusal('program.no_support_period', { status: row.status }, { rule: 'R10' }),
      'only a selected project has a support period',
    );
  const rules = await loadRules(ctx.db, row.programId);
  const next = transitionSupport(rules, support, {
    ...event,
    by: ctx.actor?.id,
    recordedAt: ctx.clock.now().toISOString(),
  });
  if (!next.ok) throw ruleViolation([next.refusal]);
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(tx, id, { support: next.state, updatedAt: ctx.clock.now() });
    await audit(tx, ctx, {
      action: `project.${event.type}`,
      resourceType: 'project-application',
      resourceId: id,
      details: { ...event },
      before: { support: row.support },
      after: { support: next.state },
    });
  });
  return getApplication(ctx, id);
}

/** The A4 dossier as PDF; rendered on a task worker when a pool is given (it is CPU-heavy). */
export async function dossierPdf(
  ctx: ServiceContext,
  id: string,
  lang: 'ja' | 'en',
  tasks?: TaskPool,
): Promise<Buffer> {
  const row = await loadApplication(ctx, id);
  const rules = await loadRules(ctx.db, row.programId);
  const application = projectApplicationSchema.parse(row.content);
  // The funder by its registry name, item 7 from the agreement registry (so its dates agree).
  const funderName = (await institutionNames(ctx.db, [rules.funderId])).get(rules.funderId);
  const agreementId = application.outline.agreement.registryAgreementId;
  const registry = agreementId !== undefined ? await registryAgreement(ctx.db, agreementId) : null;
  const agreement = registry ? registryAgreementRecord(registry) : null;
  // The dossier names people: who took it is kept (its contents are not).
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, {
      action: 'application.download',
      resourceType: 'project-application',
      resourceId: id,
      details: { lang },
    }),
  );
  const options = { lang, agreement, ...(funderName ? { funderName } : {}) };
  if (!tasks) return renderDossier(application, rules, options);
  const pdf = await tasks.run(ctx.actor?.id ?? 'anonymous', 'dossier', {
    application,
    rules,
    ...options,
  });
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
