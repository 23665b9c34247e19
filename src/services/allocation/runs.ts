import { todayOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  applicationHomes,
  applicationsWithStudents,
  callRow,
  claimPublication,
  insertNomination,
  insertRun,
  institutionCountries,
  nominationCount,
  runRow,
  runsForList,
} from '#src/db/queries/allocation.ts';
import { existingInstitutionIds } from '#src/db/queries/registry/institutions.ts';
import { can, requireAccess } from '../access.ts';
import { allocationResource, mayRunAllocations } from '#src/domain/allocation/access.ts';
import { PUBLISH_CODES, SCOPE_CODES } from '#src/domain/allocation/refusal-codes.ts';
import {
  MECHANISMS,
  type AllocationInstance,
  type Mechanism,
} from '#src/domain/allocation/types.ts';
import {
  refusal,
  type LocalizedText,
  type MessageParam,
  type Refusal,
} from '#src/domain/shared/refusal.ts';
import { stayEndDate } from '#src/domain/scholarship/dates.ts';
import { dispatchVerdicts } from '../agreements/dispatch.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import {
  conflict,
  invalidInput,
  invalidField,
  notFound,
  ruleViolation,
  tooBusy,
} from '../errors.ts';
import { LIMIT_CODES } from '#src/domain/shared/refusal-codes.ts';
import {
  unpackInstance,
  unpackResults,
  type PackedInstance,
  type PackedResults,
} from './compute.ts';
import { runNames } from './names.ts';
import { resultsView, runJson } from './view.ts';
import type { Progress, TaskPool } from '../tasks/pool.ts';
import type { JobHandler, JobQueue } from '../tasks/queue.ts';
import { loadActor } from '../auth/sessions.ts';
import type { Clock } from '../clock.ts';
import { checkPlacesAgainstCap } from '../money/scholarship.ts';
import {
  callTitles,
  consortiumNames,
  institutionNames,
  personNames,
} from '#src/db/queries/names.ts';
import { membersInForce } from '#src/db/queries/memberships.ts';
import { loadSendingConsortia } from '#src/db/queries/calls/calls.ts';
import { mayManageCall } from '../calls/access.ts';
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
  const countryOf = await institutionCountries(db);
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

const resourceOf = allocationResource;

/** What a refused run was, for the log. */
const RUN = { doing: 'run an allocation for universities you do not coordinate' };

/** Who a heavy task counts against (the per-person limit of the task pool). */
const ownerOf = (ctx: ServiceContext) => ctx.actor?.id ?? 'anonymous';

/** A request for a run: the instance is checked in full on the task worker. */
interface RunInput {
  instance: unknown;
  callId: string | null;
}

/** The universities of an instance when they have the shape the format gives them. */
function universitiesOf(instance: unknown): AllocationInstance['universities'] | null {
  const list = (instance as { universities?: unknown } | null)?.universities;
  if (!Array.isArray(list)) return null;
  const ok = list.every((u: unknown) => {
    const { id, consortium } = (u ?? {}) as { id?: unknown; consortium?: unknown };
    return typeof id === 'string' && (consortium == null || typeof consortium === 'string');
  });
  return ok ? (list as AllocationInstance['universities']) : null;
}

/**
 * The request's body, and whether the actor may run it (403) on this call (404), at once. The
 * instance itself is checked on the worker; one whose universities are malformed is left to it
 * (its 400 names the field), and no access is granted on what it says.
 */
async function checkMayRun(ctx: ServiceContext, body: unknown): Promise<RunInput> {
  if (typeof body !== 'object' || body === null || !('instance' in body)) {
    throw invalidInput([
      { field: 'body.instance', code: 'invalid_type', message: 'expected an allocation instance' },
    ]);
  }
  const { instance, callId = null } = body as { instance: unknown; callId?: unknown };
  if (callId !== null && typeof callId !== 'string') {
    throw invalidInput([
      { field: 'body.callId', code: 'invalid_type', message: 'expected a call id or null' },
    ]);
  }
  const universities = universitiesOf(instance);
  if (universities) requireAccess(ctx, 'allocation:run', resourceOf({ universities }), RUN);
  if (callId && !(await callRow(ctx.db, callId))) throw notFound('call', callId);
  // Whom it would place, before any work is spent on it (the worker checks the rest).
  const outOfScope = await scopeRefusals(ctx, { students: studentsOf(instance) }, callId);
  if (outOfScope.length > 0) throw ruleViolation(outOfScope);
  return { instance, callId };
}

/** The students an unchecked instance names (id and home), as far as they are readable. */
function studentsOf(instance: unknown): { id: string; home: string }[] {
  const list = (instance as { students?: unknown } | null)?.students;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s: unknown) => {
    const { id, home } = (s ?? {}) as { id?: unknown; home?: unknown };
    return typeof id === 'string' && typeof home === 'string' ? [{ id, home }] : [];
  });
}

/** Stores a computed run and its audit row; the run's id. */
async function storeRun(
  ctx: ServiceContext,
  callId: string | null,
  computed: { instance: PackedInstance; results: PackedResults; students: number },
): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const id = await insertRun(tx, {
      callId,
      instance: computed.instance,
      results: computed.results,
      createdBy: ctx.actor?.id ?? null,
    });
    await audit(tx, ctx, {
      action: 'allocation.run',
      resourceType: 'allocation-run',
      resourceId: id,
      details: { callId, students: computed.students },
    });
    return id;
  });
}

/**
 * The instance checked and the mechanisms run on a task worker, then the run stored. Access is
 * checked again on the checked instance: the pre-check could not read a malformed one.
 */
function computeAndStore(
  ctx: ServiceContext,
  input: RunInput,
  tasks: TaskPool,
  onProgress?: (p: Progress) => void,
): Promise<string> {
  return tasks
    .run(ownerOf(ctx), 'allocation', { instance: input.instance }, { onProgress })
    .then((computed) => {
      requireAccess(ctx, 'allocation:run', resourceOf(computed.instance), RUN);
      return storeRun(ctx, input.callId, computed);
    });
}

/**
 * Runs the three mechanisms on one instance — from a call's hand-off or an uploaded file — so a
 * coordinator compares them side by side (placed, months, first choices, balance per unit). The
 * instance is checked and the mechanisms run on a task worker; the answer is the new run's id,
 * or the 400 naming the instance's first offending field.
 */
export async function createRun(
  ctx: ServiceContext,
  body: unknown,
  tasks: TaskPool,
): Promise<string> {
  return computeAndStore(ctx, await checkMayRun(ctx, body), tasks);
}

/** The kind of job that runs the three mechanisms and stores the run (`jobs.kind`). */
export const ALLOCATION_JOB = 'allocation-run' as const;

/**
 * The same as a job: the 403, 404 or 429 (the actor already has as many heavy tasks as allowed)
 * at once; then the job runs in the background — in whichever process takes it — and tells its
 * progress and, once done, the run's id, or why it failed, such as the 400 of an instance whose
 * references do not hold.
 */
export async function startRun(
  ctx: ServiceContext,
  body: unknown,
  tasks: TaskPool,
  queue: JobQueue,
) {
  const input = await checkMayRun(ctx, body);
  const job = await queue.enqueue(ALLOCATION_JOB, input, {
    ownerId: ctx.actor?.id ?? null,
    steps: MECHANISMS.length,
    limit: tasks.perUser,
  });
  if (!job) {
    throw tooBusy(
      refusal(LIMIT_CODES.tooManyTasks, { limit: tasks.perUser }),
      `already ${tasks.perUser} heavy tasks running; wait for one to finish`,
    );
  }
  return { ...job, kind: ALLOCATION_JOB };
}

/**
 * The job's work, in the process that takes it: the actor is read again (a person disabled since
 * runs nothing), the mechanisms run on this process's workers and the run is stored.
 */
export function allocationJob(deps: {
  db: Db;
  clock: Clock;
  tasks: TaskPool;
}): JobHandler<RunInput> {
  return async (input, job) => {
    const actor = job.ownerId ? await loadActor(deps.db, job.ownerId) : null;
    const ctx: ServiceContext = { db: deps.db, actor, clock: deps.clock };
    return computeAndStore(ctx, input, deps.tasks, job.progress);
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
  instance: { students: readonly { id: string; home: string }[] },
  callId: string | null,
): Promise<Refusal[]> {
  const actor = ctx.actor;
  if (actor?.platformAdmin) return [];
  const today = todayOf(ctx);
  const refusals: Refusal[] = [];
  let inScope: (student: { id: string; home: string }) => boolean;
  if (callId) {
    const call = await callRow(ctx.db, callId);
    if (!call) throw notFound('call', callId);
    const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
    if (!mayManageCall(actor, call, sending, today)) {
      const title = (await callTitles(ctx.db, [call.id])).get(call.id) ?? { en: call.id };
      return [refusal(SCOPE_CODES.callNotManaged, { call: title }, { field: 'body.callId' })];
    }
    const homes = await applicationHomes(ctx.db, call.id);
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
  const known = await existingInstitutionIds(db, ids);
  return ids.filter((x) => !known.has(x));
}

/**
 * A run and its instance, for those who may run allocations for its universities; a 404 for
 * everyone else (a run one may not run is not shown either).
 */
async function visibleRun(ctx: ServiceContext, id: string) {
  const row = await runRow(ctx.db, id);
  if (!row) throw notFound('allocation run', id);
  const instance = await unpackInstance(row.instance);
  const run = { ...resourceOf(instance), type: 'allocation run', id };
  requireAccess(ctx, 'allocation:run', run, { visibleBy: ['allocation:run', run] });
  return { row, instance };
}

/** A run's row and everything the API says about it but the results (names, rights, refusals). */
async function runHead(ctx: ServiceContext, id: string) {
  const { row, instance } = await visibleRun(ctx, id);
  const nominated = await nominationCount(ctx.db, id);
  const names = await runNames(ctx.db, instance);
  const call = row.callId
    ? ((await callTitles(ctx.db, [row.callId])).get(row.callId) ?? null)
    : null;
  const createdByName = row.createdBy
    ? ((await personNames(ctx.db, [row.createdBy])).get(row.createdBy) ?? null)
    : null;
  const refusals = await publishRefusals(ctx.db, row, instance);
  const head = {
    id: row.id,
    callId: row.callId,
    call,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    createdByName,
    nominations: nominated,
    publishedMechanism: row.publishedMechanism as Mechanism | null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    instance: {
      students: instance.students.length,
      universities: instance.universities.length,
      agreements: instance.agreements.length,
      rules: instance.rules,
    },
    names,
    // Reaching the run means one may run it (visibleRun).
    may: { run: true, publish: refusals.length === 0 },
    publishRefusals: refusals,
  };
  return { head, instance, stored: row.results, names };
}

export async function getRun(ctx: ServiceContext, id: string) {
  const { head, instance, stored, names } = await runHead(ctx, id);
  return { ...head, results: await resultsView(instance, stored, names) };
}

/** Runs with more students than this are viewed on a task worker. */
const VIEW_ON_WORKER = 1000;

/**
 * The run as the API's JSON, serialised: a large run's view (30,000 explanations for 10,000
 * students) is built on a task worker and comes back as UTF-8 bytes, so reading it holds the
 * request thread neither to build nor to encode it.
 */
export async function getRunJson(
  ctx: ServiceContext,
  id: string,
  tasks: TaskPool,
): Promise<string | Buffer> {
  const { head, instance, stored, names } = await runHead(ctx, id);
  if (instance.students.length <= VIEW_ON_WORKER) return runJson(head, instance, stored, names);
  const json = await tasks.run(
    ownerOf(ctx),
    'run-view',
    { head, instance, stored, names },
    { counted: false },
  );
  return Buffer.from(json.buffer, json.byteOffset, json.byteLength);
}

export async function listRuns(ctx: ServiceContext) {
  // Only what the list shows and the access check needs: a run's results and students stay unread.
  const rows = (await runsForList(ctx.db)).filter((r) =>
    can(ctx.actor, 'allocation:run', resourceOf(r)),
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
  const { row, instance } = await visibleRun(ctx, id);
  if (row.publishedMechanism) {
    throw conflict(
      refusal(PUBLISH_CODES.alreadyPublished, { mechanism: row.publishedMechanism }),
      `this run was already published (${row.publishedMechanism})`,
    );
  }
  // Scope is checked again: a membership may have ended since the run was made.
  const outOfScope = await scopeRefusals(ctx, instance, row.callId);
  if (outOfScope.length > 0) throw ruleViolation(outOfScope);
  const today = todayOf(ctx);
  if (input.startDate < today) {
    throw invalidField(
      'body.startDate',
      refusal(PUBLISH_CODES.startInPast, { startDate: input.startDate, today }),
      `the stays cannot start on ${input.startDate}: that day has passed (today is ${today})`,
    );
  }
  const chosen = (await unpackResults(row.results))[input.mechanism];
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
  const call = row.callId ? await callRow(ctx.db, row.callId) : null;
  // From a call, the students are its applications: nominations carry the student's account.
  const applications = new Map(
    call ? (await applicationsWithStudents(ctx.db, call.id)).map((a) => [a.id, a]) : [],
  );
  // R2, 003 §5(2): every place goes under a signed agreement in force for its whole stay.
  const agreementOf = await agreementsForPlaces(
    ctx.db,
    instance,
    chosen.result.assignments,
    applications,
    input.startDate,
  );
  if (call?.programId)
    await checkCap(
      ctx.db,
      today,
      call.programId,
      instance,
      chosen.result.assignments,
      input.startDate,
    );
  const created = await ctx.db.transaction(async (tx) => {
    const claim = await claimPublication(tx, id, input.mechanism, ctx.clock.now());
    if (!claim.claimed) {
      throw conflict(
        refusal(PUBLISH_CODES.alreadyPublished, { mechanism: claim.mechanism }),
        'this run was already published',
      );
    }
    let n = 0;
    for (const a of chosen.result.assignments) {
      const s = students.get(a.student);
      if (!s) continue;
      const agreementId = agreementOf.get(s.id) ?? null;
      const application = applications.get(s.id);
      await insertNomination(tx, {
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
  return { id, nominations: created };
}

/** A student refused a nomination, by name, with the reason (R2). */
export interface StudentRefusal {
  studentId: string;
  student: LocalizedText;
  home: LocalizedText;
  host: LocalizedText;
  refusals: Refusal[];
}

/**
 * R2, 003 §5(2): the agreement each place is dispatched under (student id → agreement id), read
 * from the registry for the whole stay from `startDate`. When any place has none, the whole
 * publication is refused: a 422 naming each student with the reason (`details.students`).
 */
async function agreementsForPlaces(
  db: Db,
  instance: AllocationInstance,
  assignments: readonly { student: string; host: string }[],
  applications: ReadonlyMap<string, { level: string | null }>,
  startDate: string,
): Promise<Map<string, string>> {
  const students = new Map(instance.students.map((s) => [s.id, s]));
  const places = assignments.flatMap((a) => {
    const s = students.get(a.student);
    return s ? [{ student: s, host: a.host }] : [];
  });
  const verdicts = await dispatchVerdicts(
    db,
    places.map((p) => ({
      home: p.student.home,
      host: p.host,
      level: applications.get(p.student.id)?.level ?? null,
      start: startDate,
      end: stayEndDate(startDate, p.student.months),
    })),
  );
  const chosen = new Map<string, string>();
  const refused: { studentId: string; home: string; host: string; refusal: Refusal }[] = [];
  places.forEach((p, i) => {
    const v = verdicts[i]!;
    if (v.ok) chosen.set(p.student.id, v.agreementId);
    else
      refused.push({
        studentId: p.student.id,
        home: p.student.home,
        host: p.host,
        refusal: v.refusal,
      });
  });
  if (refused.length === 0) return chosen;
  const names = await runNames(db, instance);
  const uni = (id: string) => names.universities[id] ?? { en: id };
  const list: StudentRefusal[] = refused.map((r) => ({
    studentId: r.studentId,
    student: names.students[r.studentId] ?? { en: r.studentId },
    home: uni(r.home),
    host: uni(r.host),
    refusals: [r.refusal],
  }));
  const error = ruleViolation([
    refusal(PUBLISH_CODES.studentsWithoutAgreement, { count: list.length }, { rule: 'R2' }),
    ...list.flatMap((x) =>
      x.refusals.map((r) => ({
        ...r,
        params: { ...r.params, student: x.student, home: x.home, host: x.host },
      })),
    ),
  ]);
  error.details.students = list;
  throw error;
}
