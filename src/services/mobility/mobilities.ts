/**
 * The mobility workflow as use cases: the scoped list, one mobility with the actions this actor may
 * take and its history, and transitions made by the state table of src/domain/mobility — audited
 * and notified to those concerned.
 *
 * The `mobilities` row keeps the state; the workflow's version is 1 + the number of recorded
 * transitions (`mobility_events`), and the dates an action records (departure, arrival, end) live
 * in the audit entry of that transition, so nothing about a mobility is ever overwritten.
 */
import { instantOf } from '#src/services/clock.ts';
import type { Db } from '#src/db/client.ts';
import {
  institutionLabels,
  mobilityPage,
  mobilityEventsOf,
  recordTransition,
  transitionTrail,
  type DateOverride,
  type InstitutionLabel,
  type MobilityListFilter,
  type TransitionDetails,
} from '#src/db/queries/mobility/mobilities.ts';
import { findCall } from '#src/db/queries/calls/calls.ts';
import {
  dateWarnings,
  type DateWarning,
  type StayLimits,
} from '#src/domain/mobility/date-plausibility.ts';
import {
  decisionsOf,
  findLearningAgreement,
  findTranscript,
} from '#src/db/queries/mobility/recognition.ts';
import {
  MOBILITY_ACTIONS,
  allowedActions,
  mayAct,
  ruleOf,
  transition,
  type Mobility,
  type MobilityAction,
  type MobilityActor,
  type MobilityState,
  type TransitionRefusal,
} from '#src/domain/mobility/mobility-workflow.ts';
import { toTransitionInput, type TransitionRequest } from '#src/domain/mobility/schemas.ts';
import { currentVersion, type LaComponent } from '#src/domain/recognition/learning-agreement.ts';
import { recognitionRate } from '#src/domain/recognition/recognition.ts';
import type { Mailer } from '../notify/mailer.ts';
import { mobilityNames, personNames } from '#src/db/queries/names.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { refusal, type Refusal } from '#src/domain/shared/refusal.ts';
import { AppError, conflict, forbidden, invalidField, ruleViolation } from '../errors.ts';
import { badCursor, decodeCursor, encodeCursor } from '../cursor.ts';
import { loadRules } from '../programs/programs.ts';
import { requireAccess } from '../access.ts';
import {
  loadMobility,
  loadScope,
  loadScopes,
  mobilityActors,
  mobilityResourceOf,
  usersOfParties,
  type MobilityRow,
  type MobilityScope,
} from './actors.ts';

export type Send = (mailer: Mailer | null) => Promise<void>;

export async function sendAll(sends: readonly Send[], mailer: Mailer | null): Promise<void> {
  for (const send of sends) await send(mailer);
}

const STATE_ORDER: readonly MobilityState[] = [
  'nominated',
  'accepted',
  'la_signed',
  'departed',
  'arrived',
  'completed',
  'transcript_issued',
  'recognised',
];

// ── Reading ──────────────────────────────────────────────────────────────────────────────────

export type ListFilter = MobilityListFilter & {
  /** Words to find in the student's name. */
  q?: string | undefined;
  /** At most this many mobilities (1–200). */
  limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  cursor?: string | undefined;
};

/**
 * One page of the mobilities within the actor's scope, latest start first; personal data (names)
 * only within that scope. `nextCursor` continues after the last row read (a page may hold fewer
 * than `limit` items when rows the pre-selection reached are not the actor's to see).
 */
export async function listMobilities(ctx: ServiceContext, filter: ListFilter) {
  const actor = ctx.actor;
  if (!actor) throw forbidden('list mobilities');
  const limit = filter.limit ?? 50;
  let after: { startDate: string; id: string } | undefined;
  if (filter.cursor !== undefined) {
    const key = decodeCursor(filter.cursor, ['date', 'uuid']);
    if (!key) throw badCursor();
    after = { startDate: String(key[0]), id: String(key[1]) };
  }
  const today = todayOf(ctx);
  const fetched = await mobilityPage(ctx.db, actor, today, { ...filter, after, limit });
  const rows = fetched.slice(0, limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    fetched.length > limit && last ? encodeCursor([last.startDate, last.id]) : null;
  const names = await institutionLabels(
    ctx.db,
    rows.flatMap((r) => [r.homeId, r.hostId]),
  );
  const people = await personNames(
    ctx.db,
    rows.flatMap((r) => (r.studentUserId ? [r.studentUserId] : [])),
  );
  const items = [];
  for (const s of await loadScopes(ctx.db, rows, today)) {
    const actors = mobilityActors(actor, s);
    if (actors.length === 0) continue;
    items.push({
      ...summary(s.row, names, people),
      myRoles: actors.map(describeActor),
    });
  }
  return { items, nextCursor };
}

function summary(
  row: MobilityRow,
  names: Map<string, InstitutionLabel>,
  people: Map<string, LocalizedText>,
) {
  const person = row.studentUserId ? people.get(row.studentUserId) : undefined;
  return {
    id: row.id,
    agreementId: row.agreementId,
    home: names.get(row.homeId) ?? { id: row.homeId, name: row.homeId, names: {} },
    host: names.get(row.hostId) ?? { id: row.hostId, name: row.hostId, names: {} },
    studentName: row.studentName,
    /** The student's name in each reader's script (the recorded name where none is known). */
    student: person && Object.keys(person).length > 0 ? person : { en: row.studentName },
    level: row.level,
    startDate: row.startDate,
    months: row.months,
    status: row.status as MobilityState,
    invented: row.invented,
  };
}

function describeActor(a: MobilityActor): string {
  return a.side ? `${a.side}_${a.role}` : a.role;
}

/** The domain's view of a stored mobility: its state, version and recorded dates. */
export async function loadWorkflow(db: Db, row: MobilityRow) {
  const events = await mobilityEventsOf(db, row.id);
  const trail = await transitionTrail(db, row.id);
  const actors = await personNames(
    db,
    events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
  );
  const byVersion = new Map<number, TransitionDetails>();
  for (const d of trail) {
    if (typeof d.version === 'number') byVersion.set(d.version, d);
  }
  const mobility: Mobility = {
    id: row.id,
    state: row.status as MobilityState,
    version: 1 + events.length,
    stateSince: (events[events.length - 1]?.at ?? row.createdAt).toISOString(),
    departedOn: null,
    arrivedOn: null,
    completedOn: null,
    endedOn: null,
    learningAgreementVersion: null,
    transcriptRef: null,
    closingReason: null,
  };
  const history = events.map((e, i) => {
    const d = byVersion.get(i + 2) ?? {};
    if (d.recorded && d.date) mobility[d.recorded] = d.date;
    if (d.transcriptRef) mobility.transcriptRef = d.transcriptRef;
    if (d.learningAgreementVersion) mobility.learningAgreementVersion = d.learningAgreementVersion;
    if (['refused', 'withdrawn', 'interrupted'].includes(e.toState) && e.reason) {
      mobility.closingReason = e.reason;
    }
    return {
      id: e.id,
      action: e.action as MobilityAction,
      from: e.fromState as MobilityState,
      to: e.toState as MobilityState,
      /** Who made the step, by name (null when the account no longer exists). */
      actor: (e.actorId ? actors.get(e.actorId) : undefined) ?? null,
      reason: e.reason,
      /** The date the step recorded, and which one (departedOn, arrivedOn…). */
      date: d.date ?? null,
      recorded: d.recorded ?? null,
      /** Dates recorded despite warnings: the coordinator's reason and the warnings it answers. */
      override: d.override ?? null,
      at: e.at.toISOString(),
    };
  });
  return { mobility, history };
}

/** One mobility: its state, the steps, the actions this actor may take, and its history. */
export async function getMobility(ctx: ServiceContext, id: string) {
  const row = await loadMobility(ctx.db, id);
  const s = await loadScope(ctx.db, row, todayOf(ctx));
  requireAccess(ctx, 'person:read', mobilityResourceOf(s));
  const actors = mobilityActors(ctx.actor, s);
  const { mobility, history } = await loadWorkflow(ctx.db, row);
  const names = await institutionLabels(ctx.db, [row.homeId, row.hostId]);
  const people = await personNames(ctx.db, row.studentUserId ? [row.studentUserId] : []);
  const roleAllows = new Set<MobilityAction>();
  for (const a of actors) for (const action of allowedActions(mobility, a)) roleAllows.add(action);
  const la = await findLearningAgreement(ctx.db, id);
  const tor = await findTranscript(ctx.db, id);
  // Steps the reader's role allows but that would certainly fail: not offered, the reason shown.
  const whyNot: Partial<Record<MobilityAction, Refusal[]>> = {};
  if (roleAllows.has('confirm_learning_agreement')) {
    const signed = la ? currentVersion(la) : null;
    if (!signed)
      whyNot.confirm_learning_agreement = [refusal('mobility.la_not_signed', {}, { rule: 'R7' })];
  }
  if (roleAllows.has('issue_transcript') && !tor) {
    whyNot.issue_transcript = [refusal('mobility.transcript_missing', {}, { rule: 'R7' })];
  }
  if (roleAllows.has('recognise')) {
    const pending = await pendingComponents(ctx.db, id);
    if (pending.length > 0) whyNot.recognise = [pendingRefusal(pending)];
  }
  const actions = [...roleAllows].filter((a) => !whyNot[a]);
  const may = Object.fromEntries(MOBILITY_ACTIONS.map((a) => [a, actions.includes(a)])) as Record<
    MobilityAction,
    boolean
  >;
  return {
    ...summary(row, names, people),
    version: mobility.version,
    stateSince: mobility.stateSince,
    departedOn: mobility.departedOn,
    arrivedOn: mobility.arrivedOn,
    completedOn: mobility.completedOn,
    endedOn: mobility.endedOn,
    transcriptRef: mobility.transcriptRef,
    closingReason: mobility.closingReason,
    learningAgreementVersion: mobility.learningAgreementVersion,
    hasLearningAgreement: !!la,
    transcriptIssuedOn: tor?.issuedOn ?? null,
    steps: STATE_ORDER,
    myRoles: actors.map(describeActor),
    /** The steps the reader may take now (role, state and what each step needs). */
    may,
    /** Steps the reader's role allows that would fail now, with the reason. */
    whyNot,
    allowedActions: actions.map((action) => {
      const rule = ruleOf(action);
      return {
        action,
        to: rule.to,
        reasonRequired: rule.reasonRequired,
        dateRequired: rule.records?.required ?? false,
        records: rule.records?.date ?? null,
        rules: rule.rules,
      };
    }),
    history,
  };
}

// ── Transitions ──────────────────────────────────────────────────────────────────────────────

const FORBIDDEN_CODES: readonly string[] = ['mobility.role_not_allowed', 'mobility.side_required'];
const FIELD_CODES: readonly string[] = [
  'mobility.reason_required',
  'mobility.date_required',
  'mobility.date_invalid',
];

/** The error of a refused transition: 409 when stale, 403 for the wrong role, 400 for a field. */
export function refusalError(r: TransitionRefusal, action: MobilityAction): AppError {
  const out = refusal(r.code, r.params, { rule: r.rule, field: r.field });
  if (r.code === 'mobility.stale') return conflict(out, r.message);
  if (FORBIDDEN_CODES.includes(r.code)) return forbidden(`${action} this mobility`);
  if (FIELD_CODES.includes(r.code) && r.field) return invalidField(r.field, out, r.message);
  return ruleViolation([out], r.message);
}

/**
 * A date is refused as being in the future only once that day has begun nowhere on Earth: the
 * date is the host's or the home's calendar day, and the latest one is at UTC+14.
 */
const LATEST_UTC_OFFSET = '+14:00';

/**
 * R12 (003 §3(2)2)): the supported stay of the mobility's program — its call's program, else its
 * agreement's — or null when it belongs to none (then only the plan is checked).
 */
export async function stayLimitsOf(db: Db, s: MobilityScope): Promise<StayLimits> {
  const programIds: string[] = [];
  if (s.row.callId) {
    const call = await findCall(db, s.row.callId);
    if (call?.programId) programIds.push(call.programId);
  }
  programIds.push(...s.programIds);
  for (const id of programIds) {
    const rules = await loadRules(db, id).catch(() => null);
    if (rules) return { min: rules.stayMonths.min, max: rules.stayMonths.max };
  }
  return null;
}

/**
 * The 422 of implausible dates: the warnings (codes and params) and whether this actor may record
 * the dates anyway by sending `override: { reason }` (a coordinator of the mobility may).
 */
export function dateWarningsError(warnings: readonly DateWarning[], overridable: boolean) {
  const rules = [...new Set(warnings.flatMap((w) => (w.rule ? [w.rule] : [])))];
  return new AppError(
    'rule_violation',
    `implausible dates: ${warnings.map((w) => w.code).join('; ')}`,
    {
      rules,
      refusals: warnings.map((w) => refusal(w.code, w.params, { rule: w.rule, field: w.field })),
      overridable,
    },
  );
}

/**
 * Applies one transition inside the caller's transaction: the state table decides, then the new
 * state, the event, the audit entry and the notifications are written. Returns the mail to send
 * after commit.
 */
export async function applyTransition(
  tx: Db,
  ctx: ServiceContext,
  s: MobilityScope,
  req: TransitionRequest,
): Promise<Send> {
  requireAccess(ctx, 'person:read', mobilityResourceOf(s));
  const actors = mobilityActors(ctx.actor, s);
  const rule = ruleOf(req.action);
  const actor = actors.find((a) => mayAct(a, rule.by)) ?? actors[0]!;
  const { mobility } = await loadWorkflow(tx, s.row);
  const input = toTransitionInput(req, instantOf(ctx));
  input.today = todayOf(ctx, LATEST_UTC_OFFSET);

  if (req.action === 'confirm_learning_agreement') {
    const la = await findLearningAgreement(tx, s.row.id);
    const signed = la ? currentVersion(la) : null;
    input.learningAgreementVersion = signed?.number;
  }
  if (req.action === 'issue_transcript') {
    const tor = await findTranscript(tx, s.row.id);
    input.transcriptRef =
      req.transcriptRef ?? (tor ? `tor:${s.row.id}:${tor.issuedOn}` : undefined);
  }

  const result = transition(mobility, req.action, actor, input);
  if (!result.ok) throw refusalError(result.refusal, req.action);
  if (req.action === 'recognise') {
    const pending = await pendingComponents(tx, s.row.id);
    if (pending.length > 0) throw ruleViolation([pendingRefusal(pending)]);
  }

  const next = result.mobility;
  const main = result.events[0]!;

  // R12 and the plan: implausible dates are recorded only with a coordinator's reason.
  let override: DateOverride | null = null;
  if (rule.records && main.date !== null) {
    const warnings = dateWarnings(
      mobility,
      { startDate: s.row.startDate, months: s.row.months },
      rule.records.date,
      main.date,
      await stayLimitsOf(tx, s),
    );
    if (warnings.length > 0) {
      const overridable = actors.some((a) => a.role === 'coordinator');
      if (!req.override || !overridable) throw dateWarningsError(warnings, overridable);
      override = {
        reason: req.override.reason,
        warnings: warnings.map((w) => refusal(w.code, w.params, { rule: w.rule })),
      };
    }
  }
  await recordTransition(tx, {
    mobilityId: s.row.id,
    action: req.action,
    fromState: mobility.state,
    toState: next.state,
    actorId: ctx.actor?.id ?? null,
    reason: main.reason,
    at: new Date(main.at),
  });
  for (const event of result.events) {
    await audit(tx, ctx, {
      action: event.type === main.type ? 'mobility.transition' : event.type,
      resourceType: 'mobility',
      resourceId: s.row.id,
      details: {
        event: event.type,
        action: event.action,
        from: event.from,
        to: event.to,
        actorRole: event.actor.role,
        actorSide: event.actor.side,
        reason: event.reason,
        date: event.date,
        recorded: rule.records?.date ?? null,
        version: event.version,
        rules: [...event.rules],
        transcriptRef: next.transcriptRef,
        learningAgreementVersion: next.learningAgreementVersion,
        ...(event.type === main.type && override ? { override } : {}),
      },
      ...(event.type === main.type
        ? { before: { status: mobility.state }, after: { status: next.state } }
        : {}),
    });
  }
  const recipients = await usersOfParties(tx, s, main.notify, ctx.actor?.id ?? null);
  return notify(tx, recipients, {
    type: `mobility.${next.state}`,
    params: {
      ...(await mobilityNames(tx, s.row)),
      from: mobility.state,
      reason: main.reason ?? null,
      date: main.date ?? null,
    },
    data: { mobilityId: s.row.id, action: req.action, from: mobility.state, to: next.state },
  });
}

/** R7: recognition closes once every component has a decision; the courses still waiting. */
export function pendingRefusal(pending: readonly LaComponent[]): Refusal {
  return refusal(
    'mobility.decisions_pending',
    { count: pending.length, courses: pending.map((c) => c.host.title) },
    { rule: 'R7' },
  );
}

/** Components of the signed learning agreement that have no recognition decision yet. */
export async function pendingComponents(db: Db, mobilityId: string): Promise<LaComponent[]> {
  const la = await findLearningAgreement(db, mobilityId);
  if (!la) return [];
  const version = currentVersion(la);
  if (!version) return [];
  const decisions = await decisionsOf(db, mobilityId);
  const rate = recognitionRate(
    decisions,
    version.components.map((c) => c.id),
  );
  if (rate.pending === 0) return [];
  const decided = new Set(decisions.map((d) => d.componentId));
  return version.components.filter((c) => !decided.has(c.id));
}

/** POST /mobilities/:id/transitions. */
export async function transitionMobility(
  ctx: ServiceContext,
  mailer: Mailer | null,
  id: string,
  req: TransitionRequest,
) {
  const send = await ctx.db.transaction(async (tx) => {
    const row = await loadMobility(tx, id, true);
    const s = await loadScope(tx, row, todayOf(ctx));
    return applyTransition(tx, ctx, s, req);
  });
  await send(mailer);
  return getMobility(ctx, id);
}
