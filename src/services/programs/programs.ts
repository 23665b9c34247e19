/**
 * Funder programs: the public list and page of each program with its rules and their versions,
 * and the funder officer's edits of the rules (R1–R20 as data; each edit is a new version).
 * Project applications to a program are in project-applications.ts.
 */
import { instantOf, todayOf } from '#src/services/clock.ts';
import { deadlineCountdown } from '#src/domain/program/checks.ts';
import { effectiveFromProblem, programRulesSchema } from '#src/domain/program/rules.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import { institutionNames, orgName, personNames } from '#src/db/queries/names.ts';
import {
  findProgram,
  listProgramRows,
  rulesOf,
  ruleVersionsOf,
  saveProgramRules,
  type ProgramRow,
} from '#src/db/queries/programs.ts';
import { can, programResource, requireAccess } from '../access.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { fieldIssues, invalidField, invalidInput, notFound } from '../errors.ts';
import { ruleChanges } from './rules.ts';

/** Loaders other areas read (money reads a mobility's program rules). */
export { loadRules, ruleChanges } from './rules.ts';
/** The use cases of project applications, where the routes find them. */
export {
  changeSupport,
  createApplication,
  dossierPdf,
  getApplication,
  listApplications,
  recheckApplication,
  recordOutcome,
  saveDraft,
  submitApplication,
} from './project-applications.ts';

function programView(p: ProgramRow, funders: Map<string, LocalizedText>, now: string) {
  const rules = rulesOf(p);
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

/** The public list of programs (no scope: programs and their rules are public). */
export async function listPrograms(ctx: ServiceContext) {
  const db = ctx.db;
  const rows = await listProgramRows(db);
  const funders = await institutionNames(
    db,
    rows.map((p) => p.funderId),
  );
  return { items: rows.map((p) => programView(p, funders, instantOf(ctx))) };
}

/** One program with its rules' versions (public); `may` says whether the actor edits the rules. */
export async function getProgram(ctx: ServiceContext, id: string) {
  const { db, actor } = ctx;
  const p = await findProgram(db, id);
  if (!p) throw notFound('program', id);
  const versions = await ruleVersionsOf(db, id);
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
    may: { editRules: can(actor, 'program:write', programResource(id)) },
  };
}

/** The funder officer edits the rules; each edit is a new version (R1–R20 are data). */
export async function updateProgramRules(ctx: ServiceContext, id: string, input: unknown) {
  requireAccess(ctx, 'program:write', programResource(id), { doing: 'edit this program' });
  const current = await getProgram(ctx, id);
  // An edit governs from the day the officer names, today unless told otherwise: it never reaches
  // back into what the previous version governed unless dated so (rules hold over time).
  const given = input as { effectiveFrom?: unknown };
  const parsed = programRulesSchema.safeParse({
    ...(input as object),
    id,
    version: (current.rules?.version ?? 0) + 1,
    effectiveFrom: given.effectiveFrom ?? (current.rules ? todayOf(ctx) : undefined),
  });
  if (!parsed.success) throw invalidInput(fieldIssues(parsed.error, 'body'));
  const rules = parsed.data;
  const early = effectiveFromProblem(current.rules, rules.effectiveFrom);
  if (early)
    throw invalidField(
      'body.effectiveFrom',
      refusal('program.effective_before_previous', early),
      `a new version governs from ${early.previous} or later`,
    );
  await ctx.db.transaction(async (tx) => {
    await saveProgramRules(tx, id, rules, ctx.actor?.id ?? null);
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
