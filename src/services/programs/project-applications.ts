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
  startSupport,
  supportPeriod,
  transitionSupport,
  type SupportEvent,
} from '#src/domain/program/checks.ts';
import { isOutcomeOverdue } from '#src/domain/program/calendar.ts';
import type { ProgramRules } from '#src/domain/program/rules.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { membersInForce } from '#src/db/queries/memberships.ts';
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
  projectApplicationRows,
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
  invalidInput,
  notFound,
  ruleViolation,
} from '../errors.ts';
import type { TaskPool } from '../tasks/pool.ts';
import { loadRules } from './rules.ts';

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

function view(row: AppRow, rules: ProgramRules | null, ctx: ServiceContext, names: Names) {
  const actor = ctx.actor;
  const app = projectApplicationSchema.parse(row.content);
  const checks = rules ? checkApplication(rules, app, { today: todayOf(ctx) }) : [];
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
        { today: instantOf(ctx), submitterUserId: actor?.id },
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
    budget: rules ? projectBudget(rules, app) : null,
    countdown: rules ? deadlineCountdown(rules, instantOf(ctx)) : null,
    support,
    supportPeriod: period,
    may: {
      edit: row.status === 'draft' && can(actor, 'application:edit', homeResource(row)),
      submit: !!submitter && submitRefusals.length === 0,
      review,
      decideOutcome: review && row.status === 'submitted',
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

export async function listApplications(ctx: ServiceContext, filter: { programId?: string }) {
  const rows = await projectApplicationRows(ctx.db, filter);
  const visible = rows.filter((r) => mayRead(ctx.actor, r));
  const names = await namesFor(ctx.db, visible);
  const ruleCache = new Map<string, ProgramRules | null>();
  const items = [];
  for (const r of visible) {
    if (!ruleCache.has(r.programId))
      ruleCache.set(r.programId, await loadRules(ctx.db, r.programId).catch(() => null));
    const { content: _content, ...v } = view(r, ruleCache.get(r.programId) ?? null, ctx, names);
    items.push({ ...v, checksFailed: v.checks.filter((c) => !c.ok).length });
  }
  return { items };
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
  return view(
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
  const verdict = checkSubmission(
    rules,
    { ...app, status: row.status as ProjectApplication['status'] },
    { today: now, submitterUserId: ctx.actor?.id },
  );
  const refusals = verdict.refusals.map(asRefusal);
  if (!can(ctx.actor, 'application:submit', homeResource(row))) {
    refusals.push(refusal('program.not_representative_officer', {}, { rule: '§11' }));
  }
  if (refusals.length > 0) throw ruleViolation(refusals);
  await ctx.db.transaction(async (tx) => {
    await updateProjectApplication(
      tx,
      id,
      {
        status: 'submitted',
        submittedAt: new Date(now),
        content: { ...app, status: 'submitted' },
        updatedAt: ctx.clock.now(),
      },
      'draft',
    );
    await audit(tx, ctx, {
      action: 'application.submit',
      resourceType: 'project-application',
      resourceId: id,
      before: { status: row.status },
      after: { status: 'submitted' },
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
  // The dossier names people: who took it is kept (its contents are not).
  await ctx.db.transaction(async (tx) =>
    audit(tx, ctx, {
      action: 'application.download',
      resourceType: 'project-application',
      resourceId: id,
      details: { lang },
    }),
  );
  if (!tasks) return renderDossier(application, rules, { lang });
  const pdf = await tasks.run(ctx.actor?.id ?? 'anonymous', 'dossier', {
    application,
    rules,
    lang,
  });
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}
