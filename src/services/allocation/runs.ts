import { and, count, eq, inArray, isNull, or } from 'drizzle-orm';
import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  agreements,
  allocationRuns,
  callApplications,
  calls,
  institutions,
  mobilities,
  studentProfiles,
  users,
} from '#src/db/schema.ts';
import { can } from '#src/domain/access/can.ts';
import { allocationResource, mayRunAllocations } from '#src/domain/allocation/access.ts';
import { allocate } from '#src/domain/allocation/allocate.ts';
import {
  explain,
  explanationRefusals,
  type StudentExplanation,
} from '#src/domain/allocation/explain.ts';
import {
  checkFeasible,
  summarize,
  type AllocationSummary,
} from '#src/domain/allocation/feasibility.ts';
import { PUBLISH_CODES, SCOPE_CODES } from '#src/domain/allocation/refusal-codes.ts';
import { validateInstance } from '#src/domain/allocation/schema.ts';
import type {
  AllocationInstance,
  AllocationResult,
  Mechanism,
} from '#src/domain/allocation/types.ts';
import {
  refusal,
  type LocalizedText,
  type MessageParam,
  type Refusal,
} from '#src/domain/shared/refusal.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  AppError,
  conflict,
  fieldIssues,
  forbidden,
  invalidField,
  invalidInput,
  notFound,
  ruleViolation,
} from '../errors.ts';
import { createHighsSolver } from './highs-solver.ts';
import { runNames, type RunNames } from './names.ts';
import { checkPlacesAgainstCap } from '../money/scholarship.ts';
import {
  callTitles,
  consortiumNames,
  institutionNames,
  personNames,
} from '#src/db/queries/names.ts';
import { membersInForce, membershipsOfInForce } from '#src/db/queries/memberships.ts';
import { loadSendingConsortia, mayManageCall } from '../calls/load.ts';
import { notify } from '../notify/notify.ts';
import type { Mailer } from '../notify/mailer.ts';

/**
 * R14 (003 §4): publishing funded places must keep every fiscal year within the program's cap in
 * student-months, counted with what the sending consortium has already committed.
 */
async function checkCap(
  db: Db,
  today: string,
  programId: string,
  instance: AllocationInstance,
  assignments: readonly { student: string; host: string }[],
  startDate: string,
): Promise<void> {
  const students = new Map(instance.students.map((s) => [s.id, s]));
  const consortiumOf = new Map(instance.universities.map((u) => [u.id, u.consortium]));
  const countryOf = new Map(
    (
      await db.select({ id: institutions.id, country: institutions.country }).from(institutions)
    ).map((r) => [r.id, r.country]),
  );
  const byConsortium = new Map<
    string,
    { key: string; hostCountry: string; startDate: string; months: number }[]
  >();
  for (const a of assignments) {
    const s = students.get(a.student);
    const consortium = s ? consortiumOf.get(s.home) : null;
    if (!s?.funded || !consortium) continue;
    byConsortium.set(consortium, [
      ...(byConsortium.get(consortium) ?? []),
      { key: s.id, hostCountry: countryOf.get(a.host) ?? 'XX', startDate, months: s.months },
    ]);
  }
  const refusals: Refusal[] = [];
  for (const [consortiumId, places] of byConsortium) {
    const verdict = await checkPlacesAgainstCap(db, { programId, consortiumId, places }, today);
    if (!verdict.ok) {
      const { fiscalYear, requested, remaining, cap } = (verdict.refusal.params ?? {}) as Record<
        string,
        MessageParam
      >;
      const consortium = (await consortiumNames(db, [consortiumId])).get(consortiumId) ?? {
        en: consortiumId,
      };
      refusals.push(
        refusal(
          PUBLISH_CODES.capExceeded,
          {
            consortium,
            fiscalYear: fiscalYear ?? null,
            requested: requested ?? null,
            remaining: remaining ?? null,
            cap: cap ?? null,
          },
          { rule: 'R14' },
        ),
      );
    }
  }
  if (refusals.length > 0) throw ruleViolation(refusals);
}

export const MECHANISMS: Mechanism[] = ['2s-ttc', 'optimal', 'serial-dictatorship'];

const resourceOf = allocationResource;

/** The instance, or the 400 naming its first offending field (`body.instance.students[1]…`). */
function parseOr400(input: unknown): AllocationInstance {
  const v = validateInstance(input);
  if (v.ok) return v.instance;
  if (v.issue) throw invalidInput(fieldIssues({ issues: [v.issue] }, 'body.instance'));
  const field = v.path === '(instance)' ? 'body.instance' : `body.instance.${v.path}`;
  throw invalidField(field, v.refusal ?? refusal('custom'), v.message);
}

/**
 * Runs the three mechanisms on one instance — from a call's hand-off or an uploaded file — so a
 * coordinator compares them side by side (placed, months, first choices, balance per unit).
 */
export async function createRun(
  ctx: ServiceContext,
  input: { instance: unknown; callId?: string | null },
) {
  const instance = parseOr400(input.instance);
  if (!can(ctx.actor, 'allocation:run', resourceOf(instance))) {
    throw forbidden('run an allocation for universities you do not coordinate');
  }
  const outOfScope = await scopeRefusals(ctx, instance, input.callId ?? null);
  if (outOfScope.length > 0) throw ruleViolation(outOfScope);
  const solver = createHighsSolver({ timeLimitSeconds: 60 });
  const results: Record<string, unknown> = {};
  for (const mechanism of MECHANISMS) {
    const started = performance.now();
    const outcome = await allocate(instance, { mechanism, solver });
    const seconds = (performance.now() - started) / 1000;
    const violations = checkFeasible(instance, outcome.result);
    if (violations.length) {
      throw new AppError('internal', `${mechanism} returned an infeasible result`, {
        violations: violations.slice(0, 5),
      });
    }
    results[mechanism] = {
      result: { ...outcome.result, stats: { ...outcome.result.stats, seconds } },
      summary: summarize(instance, outcome.result.assignments),
      explanations: explain(instance, outcome),
    };
  }
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(allocationRuns)
      .values({
        callId: input.callId ?? null,
        instance: instance as unknown as Record<string, unknown>,
        results,
        createdBy: ctx.actor?.id ?? null,
      })
      .returning({ id: allocationRuns.id });
    await audit(tx, ctx, {
      action: 'allocation.run',
      resourceType: 'allocation-run',
      resourceId: row!.id,
      details: { callId: input.callId ?? null, students: instance.students.length },
    });
    return row!.id;
  });
  return getRun(ctx, id);
}

interface StoredResult {
  result: AllocationResult;
  summary: AllocationSummary;
  explanations: StudentExplanation[];
}

/** A mechanism's stored result as the API says it: names beside the units, codes beside the text. */
function resultView(instance: AllocationInstance, stored: StoredResult, names: RunNames) {
  const prefsCount = new Map(instance.students.map((s) => [s.id, s.prefs.length]));
  const nameOf = (id: string): LocalizedText => names.universities[id] ?? { en: id };
  return {
    result: stored.result,
    summary: {
      ...stored.summary,
      balance: stored.summary.balance.map((row) => ({
        ...row,
        name: names.units[row.unit] ?? { en: row.unit },
      })),
    },
    explanations: stored.explanations.map((e) => ({
      ...e,
      ...explanationRefusals(e, {
        objective: stored.result.objective,
        prefsCount: prefsCount.get(e.student) ?? 0,
        nameOf,
      }),
    })),
  };
}

/**
 * Whom an instance may place: an allocation turns its students into nominations under their home's
 * agreements, so an actor may only allocate students they stand for. On a call, the actor manages
 * the call and the students are its applications from their own homes; uploaded, every student's
 * home is a university the actor coordinates or a member today of a consortium they represent.
 */
async function scopeRefusals(
  ctx: ServiceContext,
  instance: AllocationInstance,
  callId: string | null,
): Promise<Refusal[]> {
  const actor = ctx.actor;
  if (actor?.platformAdmin) return [];
  const today = todayOf(ctx);
  const refusals: Refusal[] = [];
  let inScope: (student: { id: string; home: string }) => boolean;
  if (callId) {
    const [call] = await ctx.db.select().from(calls).where(eq(calls.id, callId));
    if (!call) throw notFound('call', callId);
    const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
    if (!mayManageCall(actor, call, sending, today)) {
      const title = (await callTitles(ctx.db, [call.id])).get(call.id) ?? { en: call.id };
      return [refusal(SCOPE_CODES.callNotManaged, { call: title }, { field: 'body.callId' })];
    }
    const homes = new Map(
      (
        await ctx.db
          .select({ id: callApplications.id, homeId: callApplications.homeId })
          .from(callApplications)
          .where(eq(callApplications.callId, call.id))
      ).map((a) => [a.id, a.homeId]),
    );
    inScope = (s) => homes.get(s.id) === s.home;
  } else {
    const roles = actor?.roles ?? [];
    const coordinated = roles
      .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
      .map((r) => r.scopeId);
    const represented = roles
      .filter((r) => r.role === 'rep_officer' && r.scopeType === 'consortium')
      .map((r) => r.scopeId);
    const homes = new Set([
      ...coordinated,
      ...(await membersInForce(ctx.db, represented, today)).map((m) => m.institutionId),
    ]);
    inScope = (s) => homes.has(s.home);
  }
  const outside = instance.students.filter((s) => !inScope(s));
  if (outside.length > 0) {
    const names = await institutionNames(
      ctx.db,
      outside.map((s) => s.home),
    );
    refusals.push(
      refusal(
        SCOPE_CODES.studentsOutOfScope,
        {
          count: outside.length,
          students: outside.slice(0, 20).map((s) => s.id),
          homes: [...new Set(outside.map((s) => s.home))].map((h) => names.get(h) ?? { en: h }),
        },
        { field: 'body.instance.students' },
      ),
    );
  }
  return refusals;
}

/** Why publishing this run would certainly fail, before anyone tries. */
async function publishRefusals(
  db: Db,
  row: { publishedMechanism: string | null },
  instance: AllocationInstance,
): Promise<Refusal[]> {
  if (row.publishedMechanism) {
    return [refusal(PUBLISH_CODES.alreadyPublished, { mechanism: row.publishedMechanism })];
  }
  const unknown = await unknownInstitutions(db, instance);
  return unknown.length > 0
    ? [refusal(PUBLISH_CODES.unknownInstitutions, { institutions: unknown })]
    : [];
}

/** The instance's universities the registry does not hold (nominations need them). */
async function unknownInstitutions(db: Db, instance: AllocationInstance): Promise<string[]> {
  const ids = [...new Set(instance.universities.map((u) => u.id))];
  const known = new Set(
    (
      await db
        .select({ id: institutions.id })
        .from(institutions)
        .where(inArray(institutions.id, ids))
    ).map((r) => r.id),
  );
  return ids.filter((x) => !known.has(x));
}

export async function getRun(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, id));
  if (!row) throw notFound('allocation run', id);
  const instance = row.instance as unknown as AllocationInstance;
  const mayRun = can(ctx.actor, 'allocation:run', resourceOf(instance));
  if (!mayRun) throw notFound('allocation run', id);
  const [nominated] = await ctx.db
    .select({ n: count() })
    .from(mobilities)
    .where(eq(mobilities.allocationRunId, id));
  const names = await runNames(ctx.db, instance);
  const stored = row.results as Partial<Record<Mechanism, StoredResult>>;
  const results = Object.fromEntries(
    MECHANISMS.flatMap((m) => {
      const r = stored[m];
      return r ? [[m, resultView(instance, r, names)] as const] : [];
    }),
  );
  const call = row.callId
    ? ((await callTitles(ctx.db, [row.callId])).get(row.callId) ?? null)
    : null;
  const createdByName = row.createdBy
    ? ((await personNames(ctx.db, [row.createdBy])).get(row.createdBy) ?? null)
    : null;
  const refusals = await publishRefusals(ctx.db, row, instance);
  return {
    id: row.id,
    callId: row.callId,
    call,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName,
    nominations: Number(nominated?.n ?? 0),
    publishedMechanism: row.publishedMechanism as Mechanism | null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    instance: {
      students: instance.students.length,
      universities: instance.universities.length,
      agreements: instance.agreements.length,
      rules: instance.rules,
    },
    names,
    results,
    may: { run: mayRun, publish: mayRun && refusals.length === 0 },
    publishRefusals: refusals,
  };
}

export async function listRuns(ctx: ServiceContext) {
  const rows = (await ctx.db.select().from(allocationRuns)).filter((r) =>
    can(ctx.actor, 'allocation:run', resourceOf(r.instance as unknown as AllocationInstance)),
  );
  const titles = await callTitles(
    ctx.db,
    rows.flatMap((r) => (r.callId ? [r.callId] : [])),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      callId: r.callId,
      call: r.callId ? (titles.get(r.callId) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      publishedMechanism: r.publishedMechanism as Mechanism | null,
    })),
    may: { run: mayRunAllocations(ctx.actor) },
  };
}

/**
 * Publishing one mechanism's result turns its places into nominations (mobilities in state
 * `nominated`), once: a run is published at most once.
 */
export async function publishRun(
  ctx: ServiceContext,
  id: string,
  input: { mechanism: Mechanism; startDate: string },
  mailer?: Mailer | null,
) {
  let sendMail: (m: Mailer | null) => Promise<void> = async () => undefined;
  const [row] = await ctx.db.select().from(allocationRuns).where(eq(allocationRuns.id, id));
  if (!row) throw notFound('allocation run', id);
  const instance = row.instance as unknown as AllocationInstance;
  if (!can(ctx.actor, 'allocation:run', resourceOf(instance))) throw notFound('allocation run', id);
  if (row.publishedMechanism) {
    throw conflict(
      refusal(PUBLISH_CODES.alreadyPublished, { mechanism: row.publishedMechanism }),
      `this run was already published (${row.publishedMechanism})`,
    );
  }
  // Scope is checked again: a membership may have ended since the run was made.
  const outOfScope = await scopeRefusals(ctx, instance, row.callId);
  if (outOfScope.length > 0) throw ruleViolation(outOfScope);
  const chosen = (row.results as Partial<Record<Mechanism, StoredResult>>)[input.mechanism];
  if (!chosen) {
    throw invalidField(
      'body.mechanism',
      refusal(PUBLISH_CODES.noResult, { mechanism: input.mechanism }),
      `no result for ${input.mechanism}`,
    );
  }
  const unknown = await unknownInstitutions(ctx.db, instance);
  if (unknown.length) {
    throw conflict(
      refusal(PUBLISH_CODES.unknownInstitutions, { institutions: unknown }),
      `add these institutions to the registry before publishing: ${unknown.join(', ')}`,
    );
  }
  const students = new Map(instance.students.map((s) => [s.id, s]));
  const [call] = row.callId
    ? await ctx.db.select().from(calls).where(eq(calls.id, row.callId))
    : [];
  // From a call, the students are its applications: nominations carry the student's account.
  const applications = new Map(
    call
      ? (
          await ctx.db
            .select({
              id: callApplications.id,
              userId: callApplications.studentUserId,
              name: users.displayName,
              level: studentProfiles.level,
            })
            .from(callApplications)
            .innerJoin(users, eq(users.id, callApplications.studentUserId))
            .leftJoin(studentProfiles, eq(studentProfiles.userId, callApplications.studentUserId))
            .where(eq(callApplications.callId, call.id))
        ).map((a) => [a.id, a])
      : [],
  );
  if (call?.programId)
    await checkCap(
      ctx.db,
      todayOf(ctx),
      call.programId,
      instance,
      chosen.result.assignments,
      input.startDate,
    );
  const created = await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(allocationRuns)
      .set({ publishedMechanism: input.mechanism, publishedAt: ctx.clock.now() })
      .where(and(eq(allocationRuns.id, id), isNull(allocationRuns.publishedMechanism)))
      .returning({ id: allocationRuns.id });
    if (claimed.length === 0) {
      const [now] = await tx
        .select({ mechanism: allocationRuns.publishedMechanism })
        .from(allocationRuns)
        .where(eq(allocationRuns.id, id));
      throw conflict(
        refusal(PUBLISH_CODES.alreadyPublished, { mechanism: now?.mechanism ?? null }),
        'this run was already published',
      );
    }
    let n = 0;
    for (const a of chosen.result.assignments) {
      const s = students.get(a.student);
      if (!s) continue;
      const agreementId = await agreementFor(tx, s.home, a.host, input.startDate);
      const application = applications.get(s.id);
      await tx.insert(mobilities).values({
        agreementId,
        homeId: s.home,
        hostId: a.host,
        studentName: application?.name ?? s.id,
        studentUserId: application?.userId ?? null,
        callId: row.callId,
        allocationRunId: id,
        funded: s.funded,
        level: application?.level ?? 'unspecified',
        startDate: input.startDate,
        months: s.months,
        status: 'nominated',
      });
      n++;
    }
    const nominated = [...applications.values()].filter((a) =>
      chosen.result.assignments.some((x) => x.student === a.id),
    );
    const hostNames = await institutionNames(
      tx,
      chosen.result.assignments.map((x) => x.host),
    );
    const sends: ((m: Mailer | null) => Promise<void>)[] = [];
    for (const application of nominated) {
      const host = chosen.result.assignments.find((x) => x.student === application.id)!.host;
      sends.push(
        await notify(tx, [application.userId], {
          type: 'allocation.nominated',
          params: { call: call?.title ?? {}, host: hostNames.get(host) ?? { en: host } },
          data: { runId: id },
        }),
      );
    }
    sendMail = async (m) => {
      for (const send of sends) await send(m);
    };
    await audit(tx, ctx, {
      action: 'allocation.publish',
      resourceType: 'allocation-run',
      resourceId: id,
      details: { mechanism: input.mechanism, nominations: n },
    });
    return n;
  });
  await sendMail(mailer ?? null);
  const run = await getRun(ctx, id);
  return { ...run, nominations: created };
}

/**
 * The agreement a nomination falls under: between the two institutions, or the consortia they are
 * members of when the stay starts.
 */
async function agreementFor(
  tx: Db,
  home: string,
  host: string,
  startDate: string,
): Promise<string | null> {
  const homeConsortia = (await membershipsOfInForce(tx, [home], startDate)).map(
    (r) => r.consortiumId,
  );
  const hostConsortia = (await membershipsOfInForce(tx, [host], startDate)).map(
    (r) => r.consortiumId,
  );
  const a = [home, ...homeConsortia];
  const b = [host, ...hostConsortia];
  const [row] = await tx
    .select({ id: agreements.id })
    .from(agreements)
    .where(
      or(
        and(inArray(agreements.partyAId, a), inArray(agreements.partyBId, b)),
        and(inArray(agreements.partyAId, b), inArray(agreements.partyBId, a)),
      ),
    )
    .limit(1);
  return row?.id ?? null;
}
