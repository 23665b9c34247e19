import { and, asc, eq } from 'drizzle-orm';
import { instantOf, todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import { programRuleVersions, programs, projectApplications } from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import type { Actor } from '#src/domain/access/policy.ts';
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
  type SupportState,
} from '#src/domain/program/checks.ts';
import { isOutcomeOverdue } from '#src/domain/program/calendar.ts';
import {
  parseProgramRules,
  programRulesSchema,
  type ProgramRules,
} from '#src/domain/program/rules.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { membersInForce } from '#src/db/queries/memberships.ts';
import {
  consortiumNames,
  institutionNames,
  orgName,
  personNames,
  programNames,
} from '#src/db/queries/names.ts';
import { renderDossier } from '#src/reports/dossier/render.ts';
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

type ProgramRow = typeof programs.$inferSelect;

function programView(p: ProgramRow, funders: Map<string, LocalizedText>, now: string) {
  const rules = p.rules ? parseProgramRules(p.rules) : null;
  return {
    id: p.id,
    name: p.name,
    names: orgName(p.name, p.names ?? {}),
    funderId: p.funderId,
    funderName: funders.get(p.funderId) ?? { en: p.funderId },
    version: rules?.version ?? null,
    rules,
    countdown: rules ? deadlineCountdown(rules, now) : null,
  };
}

export async function listPrograms(ctx: ServiceContext) {
  const db = ctx.db;
  const rows = await db.select().from(programs).orderBy(asc(programs.id));
  const funders = await institutionNames(
    db,
    rows.map((p) => p.funderId),
  );
  return { items: rows.map((p) => programView(p, funders, instantOf(ctx))) };
}

export async function loadRules(db: Db, programId: string): Promise<ProgramRules> {
  const [p] = await db.select().from(programs).where(eq(programs.id, programId));
  if (!p) throw notFound('program', programId);
  if (!p.rules)
    throw conflict(
      refusal('program.no_rules', { program: orgName(p.name, p.names ?? {}) }),
      `program "${programId}" has no rules yet`,
    );
  return parseProgramRules(p.rules);
}

type RuleValue = string | number | boolean | null | (string | number)[];

/** The leaves of a rules object by dotted path (`stipend.monthlyAmount`, `travel.fareCeilings[0].maxYen`). */
function leaves(value: unknown, path: string, out: Map<string, RuleValue>): Map<string, RuleValue> {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    out.set(path, value as (string | number)[]);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else if (value === undefined) {
    out.set(path, null);
  } else {
    out.set(path, value as string | number | boolean | null);
  }
  return out;
}

/** What a version changed, field by field, against the one before (id and version aside). */
export function ruleChanges(before: unknown, after: unknown) {
  const a = leaves(before, '', new Map());
  const b = leaves(after, '', new Map());
  const changes: { path: string; from: RuleValue; to: RuleValue }[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    if (path === 'id' || path === 'version') continue;
    const from = a.get(path) ?? null;
    const to = b.get(path) ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ path, from, to });
  }
  return changes;
}

export async function getProgram(ctx: ServiceContext, id: string) {
  const { db, actor } = ctx;
  const [p] = await db.select().from(programs).where(eq(programs.id, id));
  if (!p) throw notFound('program', id);
  const versions = await db
    .select()
    .from(programRuleVersions)
    .where(eq(programRuleVersions.programId, id))
    .orderBy(asc(programRuleVersions.version));
  const [funders, people] = await Promise.all([
    institutionNames(db, [p.funderId]),
    personNames(
      db,
      versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])),
    ),
  ]);
  return {
    ...programView(p, funders, instantOf(ctx)),
    versions: versions
      .map((v, i) => ({
        version: v.version,
        createdBy: v.createdBy,
        createdByName: v.createdBy ? (people.get(v.createdBy) ?? null) : null,
        createdAt: v.createdAt.toISOString(),
        changes: i === 0 ? [] : ruleChanges(versions[i - 1]!.rules, v.rules),
      }))
      .reverse(),
    may: { editRules: can(actor, 'program:write', { type: 'program', programIds: [id] }) },
  };
}

/** The funder officer edits the rules; each edit is a new version (R1–R20 are data). */
export async function updateProgramRules(ctx: ServiceContext, id: string, input: unknown) {
  if (!can(ctx.actor, 'program:write', { type: 'program', programIds: [id] }))
    throw forbidden('edit this program');
  const current = await getProgram(ctx, id);
  const parsed = programRulesSchema.safeParse({
    ...(input as object),
    id,
    version: (current.rules?.version ?? 0) + 1,
  });
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const rules = parsed.data;
  await ctx.db.transaction(async (tx) => {
    await tx.update(programs).set({ rules }).where(eq(programs.id, id));
    await tx
      .insert(programRuleVersions)
      .values({ programId: id, version: rules.version, rules, createdBy: ctx.actor?.id ?? null });
    await audit(tx, ctx, {
      action: 'program.rules',
      resourceType: 'program',
      resourceId: id,
      details: { version: rules.version },
      before: { rules: current.rules ?? null },
      after: { rules },
    });
  });
  return getProgram(ctx, id);
}

type AppRow = typeof projectApplications.$inferSelect;

/**
 * What an application is written in the name of: its home consortium, whose officers (and the
 * coordinator of its representative university, a member of it) edit and submit it.
 */
function homeResource(row: Pick<AppRow, 'homeConsortiumId' | 'representativeId' | 'programId'>) {
  return {
    type: 'application',
    consortiumIds: row.homeConsortiumId ? [row.homeConsortiumId] : [],
    institutionIds: row.representativeId ? [row.representativeId] : [],
    programIds: [row.programId],
  };
}

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

/**
 * Who may read an application: its editors, the officers of the partner consortium it names, and,
 * once submitted, the funder.
 */
function resourceOf(row: AppRow) {
  return {
    type: 'application',
    consortiumIds: [row.homeConsortiumId, row.partnerConsortiumId].filter((x): x is string => !!x),
    institutionIds: row.representativeId ? [row.representativeId] : [],
    programIds: [row.programId],
  };
}

function mayRead(actor: Actor | null, row: AppRow): boolean {
  const r = resourceOf(row);
  return (
    can(actor, 'application:edit', r) ||
    (row.status !== 'draft' && can(actor, 'application:review', r))
  );
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
      ...rows.flatMap((r) =>
        ((r.support as SupportState | null)?.history ?? []).flatMap((h) => (h.by ? [h.by] : [])),
      ),
    ]),
  ]);
  return { programs: progs, consortia, institutions, people };
}

function view(row: AppRow, rules: ProgramRules | null, ctx: ServiceContext, names: Names) {
  const actor = ctx.actor;
  const app = projectApplicationSchema.parse(row.content);
  const checks = rules ? checkApplication(rules, app, { today: todayOf(ctx) }) : [];
  const stored = row.support as SupportState | null;
  const support = stored && {
    ...stored,
    history: stored.history.map((h) => ({
      ...h,
      byName: h.by ? (names.people.get(h.by) ?? null) : null,
    })),
  };
  const period = rules && support ? supportPeriod(rules, support.startedOn, todayOf(ctx)) : null;
  const review = row.status !== 'draft' && can(actor, 'application:review', resourceOf(row));
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
  const rows = await ctx.db
    .select()
    .from(projectApplications)
    .where(filter.programId ? eq(projectApplications.programId, filter.programId) : undefined)
    .orderBy(asc(projectApplications.id));
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

async function loadApplication(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(projectApplications)
    .where(eq(projectApplications.id, id));
  // Someone who may not read it learns nothing, not even that it exists.
  if (!row || !mayRead(ctx.actor, row)) throw notFound('project application', id);
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
  const [exists] = await ctx.db
    .select({ id: projectApplications.id })
    .from(projectApplications)
    .where(eq(projectApplications.id, input.id));
  if (exists)
    throw conflict(
      refusal('program.application_exists', { id: input.id }, { field: 'body.id' }),
      `body.id: application "${input.id}" already exists`,
    );
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(projectApplications)
      .values({ id: input.id, programId: input.programId, status: 'draft', content: app, ...cols });
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
  if (!can(ctx.actor, 'application:edit', homeResource(row)))
    throw forbidden('edit this application');
  if (row.status !== 'draft')
    throw conflict(
      refusal('program.only_draft_changes', { status: row.status }),
      `the application is ${row.status}; only a draft can change`,
    );
  const app = parseApplication(content, id, row.programId, 'draft');
  // A saved draft stays in its writers' own consortium's name.
  await requireOwnConsortium(ctx, columnsOf(app), row.programId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(projectApplications)
      .set({ content: app, ...columnsOf(app), updatedAt: ctx.clock.now() })
      .where(eq(projectApplications.id, id));
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
    await tx
      .update(projectApplications)
      .set({
        status: 'submitted',
        submittedAt: new Date(now),
        content: { ...app, status: 'submitted' },
        updatedAt: ctx.clock.now(),
      })
      .where(and(eq(projectApplications.id, id), eq(projectApplications.status, 'draft')));
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
  if (!can(ctx.actor, 'application:review', resourceOf(row)))
    throw forbidden('record the outcome of this application');
  if (row.status !== 'submitted')
    throw conflict(
      refusal('program.only_submitted_gets_outcome', { status: row.status }),
      `the application is ${row.status}; only a submitted one gets an outcome`,
    );
  const rules = await loadRules(ctx.db, row.programId);
  const late = isOutcomeOverdue(rules, input.on);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(projectApplications)
      .set({
        status: input.outcome === 'selected' ? 'selected' : 'not-selected',
        outcome: input.outcome,
        outcomeOn: input.on,
        support:
          input.outcome === 'selected'
            ? (startSupport(input.on, {
                by: ctx.actor?.id,
                recordedAt: ctx.clock.now().toISOString(),
              }) as unknown as Record<string, unknown>)
            : null,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(projectApplications.id, id));
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
  if (!can(ctx.actor, 'application:review', resourceOf(row)))
    throw forbidden('manage this project');
  if (!row.support)
    throw conflict(
      refusal('program.no_support_period', { status: row.status }, { rule: 'R10' }),
      'only a selected project has a support period',
    );
  const rules = await loadRules(ctx.db, row.programId);
  const next = transitionSupport(rules, row.support as unknown as SupportState, {
    ...event,
    by: ctx.actor?.id,
    recordedAt: ctx.clock.now().toISOString(),
  });
  if (!next.ok) throw ruleViolation([next.refusal]);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(projectApplications)
      .set({
        support: next.state as unknown as Record<string, unknown>,
        updatedAt: ctx.clock.now(),
      })
      .where(eq(projectApplications.id, id));
    await audit(tx, ctx, {
      action: `project.${event.type}`,
      resourceType: 'project-application',
      resourceId: id,
      details: { ...event },
      before: { support: row.support },
      after: { support: next.state as unknown as Record<string, unknown> },
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
