/**
 * The mobility workflow as use cases: the scoped list, one mobility with the actions this actor may
 * take and its history, and transitions made by the state table of src/domain/mobility — audited
 * and notified to those concerned.
 *
 * The `mobilities` row keeps the state; the workflow's version is 1 + the number of recorded
 * transitions (`mobility_events`), and the dates an action records (departure, arrival, end) live
 * in the audit entry of that transition, so nothing about a mobility is ever overwritten.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '#src/db/client.ts';
import {
  agreements,
  auditLog,
  consortiumMembers,
  institutions,
  learningAgreements,
  mobilities,
  mobilityEvents,
  recognitionDecisions,
  transcripts,
  users,
} from '#src/db/schema.ts';
import type { Actor } from '#src/domain/access/policy.ts';
import {
  allowedActions,
  mayAct,
  ruleOf,
  transition,
  type Mobility,
  type MobilityAction,
  type MobilityActor,
  type MobilityState,
  type RecordedDate,
  type TransitionRefusal,
} from '#src/domain/mobility/mobility-workflow.ts';
import { toTransitionInput, type TransitionRequest } from '#src/domain/mobility/schemas.ts';
import {
  currentVersion,
  type LearningAgreement,
} from '#src/domain/recognition/learning-agreement.ts';
import { recognitionRate, type RecognitionDecision } from '#src/domain/recognition/recognition.ts';
import type { Mailer } from '../notify/mailer.ts';
import { mobilityNames } from '#src/db/queries/names.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, forbidden } from '../errors.ts';
import {
  loadMobility,
  loadScope,
  mobilityActors,
  nowIso,
  requireActors,
  usersOfParties,
  type MobilityRow,
  type MobilityScope,
} from './common.ts';

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

async function institutionNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; names: object }>();
  const rows = await db
    .select({ id: institutions.id, name: institutions.name, names: institutions.names })
    .from(institutions)
    .where(inArray(institutions.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The SQL filter of the mobilities an actor may see (the can() check follows per row). */
async function visibleFilter(db: Db, actor: Actor): Promise<SQL | undefined> {
  if (actor.platformAdmin) return undefined;
  const conditions: SQL[] = [];
  const institutionsOf = actor.roles
    .filter((r) => r.role === 'coordinator' && r.scopeType === 'institution')
    .map((r) => r.scopeId);
  const repConsortia = actor.roles
    .filter((r) => r.role === 'rep_officer' && r.scopeType === 'consortium')
    .map((r) => r.scopeId);
  const programs = actor.roles
    .filter((r) => r.role === 'funder_officer' && r.scopeType === 'program')
    .map((r) => r.scopeId);
  if (repConsortia.length > 0) {
    const members = await db
      .select({ id: consortiumMembers.institutionId })
      .from(consortiumMembers)
      .where(inArray(consortiumMembers.consortiumId, repConsortia));
    institutionsOf.push(...members.map((m) => m.id));
  }
  if (institutionsOf.length > 0) {
    conditions.push(inArray(mobilities.homeId, institutionsOf));
    conditions.push(inArray(mobilities.hostId, institutionsOf));
  }
  if (actor.roles.some((r) => r.role === 'student')) {
    conditions.push(eq(mobilities.studentUserId, actor.id));
  }
  const agreementConditions: SQL[] = [];
  if (repConsortia.length > 0) {
    agreementConditions.push(inArray(agreements.partyAId, repConsortia));
    agreementConditions.push(inArray(agreements.partyBId, repConsortia));
  }
  if (programs.length > 0) agreementConditions.push(inArray(agreements.programId, programs));
  if (agreementConditions.length > 0) {
    const ids = await db
      .select({ id: agreements.id })
      .from(agreements)
      .where(or(...agreementConditions));
    if (ids.length > 0) {
      conditions.push(
        inArray(
          mobilities.agreementId,
          ids.map((a) => a.id),
        ),
      );
    }
  }
  return conditions.length > 0 ? or(...conditions) : sql`false`;
}

export interface ListFilter {
  status?: string | undefined;
  institutionId?: string | undefined;
  mine?: boolean | undefined;
}

/** Mobilities within the actor's scope; personal data (names) only within that scope. */
export async function listMobilities(ctx: ServiceContext, filter: ListFilter) {
  const actor = ctx.actor;
  if (!actor) throw forbidden('list mobilities');
  const scope = await visibleFilter(ctx.db, actor);
  const conditions: (SQL | undefined)[] = [scope];
  if (filter.status) conditions.push(eq(mobilities.status, filter.status));
  if (filter.institutionId) {
    conditions.push(
      or(eq(mobilities.homeId, filter.institutionId), eq(mobilities.hostId, filter.institutionId)),
    );
  }
  if (filter.mine) conditions.push(eq(mobilities.studentUserId, actor.id));
  const rows = await ctx.db
    .select()
    .from(mobilities)
    .where(and(...conditions))
    .orderBy(desc(mobilities.startDate), asc(mobilities.studentName));
  const names = await institutionNames(
    ctx.db,
    rows.flatMap((r) => [r.homeId, r.hostId]),
  );
  const items = [];
  for (const row of rows) {
    const s = await loadScope(ctx.db, row);
    const actors = mobilityActors(actor, s);
    if (actors.length === 0) continue;
    items.push({
      ...summary(row, names),
      myRoles: actors.map(describeActor),
    });
  }
  return { items, total: items.length };
}

function summary(
  row: MobilityRow,
  names: Map<string, { id: string; name: string; names: object }>,
) {
  return {
    id: row.id,
    agreementId: row.agreementId,
    home: names.get(row.homeId) ?? { id: row.homeId, name: row.homeId, names: {} },
    host: names.get(row.hostId) ?? { id: row.hostId, name: row.hostId, names: {} },
    studentName: row.studentName,
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

type AuditDetails = {
  version?: number;
  date?: string | null;
  recorded?: RecordedDate | null;
  transcriptRef?: string | null;
  learningAgreementVersion?: number | null;
};

/** The domain's view of a stored mobility: its state, version and recorded dates. */
export async function loadWorkflow(db: Db, row: MobilityRow) {
  const events = await db
    .select({
      id: mobilityEvents.id,
      action: mobilityEvents.action,
      fromState: mobilityEvents.fromState,
      toState: mobilityEvents.toState,
      actorId: mobilityEvents.actorId,
      actorName: users.displayName,
      reason: mobilityEvents.reason,
      at: mobilityEvents.at,
    })
    .from(mobilityEvents)
    .leftJoin(users, eq(users.id, mobilityEvents.actorId))
    .where(eq(mobilityEvents.mobilityId, row.id))
    .orderBy(asc(mobilityEvents.id));
  const trail = await db
    .select({ details: auditLog.details })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.resourceType, 'mobility'),
        eq(auditLog.resourceId, row.id),
        eq(auditLog.action, 'mobility.transition'),
      ),
    )
    .orderBy(asc(auditLog.id));
  const byVersion = new Map<number, AuditDetails>();
  for (const t of trail) {
    const d = t.details as AuditDetails;
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
      action: e.action,
      from: e.fromState,
      to: e.toState,
      actorName: e.actorName,
      reason: e.reason,
      date: d.date ?? null,
      at: e.at.toISOString(),
    };
  });
  return { mobility, history };
}

/** One mobility: its state, the steps, the actions this actor may take, and its history. */
export async function getMobility(ctx: ServiceContext, id: string) {
  const row = await loadMobility(ctx.db, id);
  const s = await loadScope(ctx.db, row);
  const actors = requireActors(ctx.actor, s);
  const { mobility, history } = await loadWorkflow(ctx.db, row);
  const names = await institutionNames(ctx.db, [row.homeId, row.hostId]);
  const actions = new Set<MobilityAction>();
  for (const a of actors) for (const action of allowedActions(mobility, a)) actions.add(action);
  const [la] = await ctx.db
    .select({ currentVersion: learningAgreements.currentVersion })
    .from(learningAgreements)
    .where(eq(learningAgreements.mobilityId, id));
  const [tor] = await ctx.db
    .select({ issuedOn: transcripts.issuedOn })
    .from(transcripts)
    .where(eq(transcripts.mobilityId, id));
  return {
    ...summary(row, names),
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
    allowedActions: [...actions].map((action) => {
      const rule = ruleOf(action);
      return {
        action,
        to: rule.to,
        reasonRequired: rule.reasonRequired,
        dateRequired: rule.records?.required ?? false,
        records: rule.records?.date ?? null,
        rules: rule.rules,
        description: rule.description,
      };
    }),
    history,
  };
}

// ── Transitions ──────────────────────────────────────────────────────────────────────────────

const FORBIDDEN_CODES = ['role-not-allowed', 'side-required'];

export function refusalError(refusal: TransitionRefusal, action: MobilityAction): AppError {
  const details = { refusal: refusal.code, action, rules: ruleOf(action).rules };
  if (refusal.code === 'stale') return new AppError('conflict', refusal.message, details);
  if (FORBIDDEN_CODES.includes(refusal.code)) {
    return new AppError('forbidden', refusal.message, details);
  }
  if (refusal.code === 'reason-required') {
    return new AppError('validation_failed', `body.reason: ${refusal.message}`, {
      ...details,
      field: 'body.reason',
      issues: [{ field: 'body.reason', message: refusal.message }],
    });
  }
  if (refusal.code === 'date-required' || refusal.code === 'date-invalid') {
    return new AppError('validation_failed', `body.date: ${refusal.message}`, {
      ...details,
      field: 'body.date',
      issues: [{ field: 'body.date', message: refusal.message }],
    });
  }
  return new AppError('rule_violation', refusal.message, details);
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
  const actors = requireActors(ctx.actor, s);
  const rule = ruleOf(req.action);
  const actor = actors.find((a) => mayAct(a, rule.by)) ?? actors[0]!;
  const { mobility } = await loadWorkflow(tx, s.row);
  const input = toTransitionInput(req, nowIso());

  if (req.action === 'confirm_learning_agreement') {
    const [row] = await tx
      .select()
      .from(learningAgreements)
      .where(eq(learningAgreements.mobilityId, s.row.id));
    const signed = row ? currentVersion(row.document as unknown as LearningAgreement) : null;
    input.learningAgreementVersion = signed?.number;
  }
  if (req.action === 'issue_transcript') {
    const [tor] = await tx.select().from(transcripts).where(eq(transcripts.mobilityId, s.row.id));
    input.transcriptRef =
      req.transcriptRef ?? (tor ? `tor:${s.row.id}:${tor.issuedOn}` : undefined);
  }

  const result = transition(mobility, req.action, actor, input);
  if (!result.ok) {
    if (result.refusal.code === 'la-version-required') {
      throw new AppError(
        'rule_violation',
        'the learning agreement is not yet signed by the student, the home and the host (R7)',
        { refusal: result.refusal.code, action: req.action, rules: ['R7'] },
      );
    }
    if (result.refusal.code === 'transcript-ref-required') {
      throw new AppError('rule_violation', 'the host enters the transcript of records first', {
        refusal: result.refusal.code,
        action: req.action,
        rules: ['R7'],
      });
    }
    throw refusalError(result.refusal, req.action);
  }
  if (req.action === 'recognise') {
    const pending = await pendingComponents(tx, s.row.id);
    if (pending.length > 0) {
      throw new AppError(
        'rule_violation',
        `record a recognition decision for every component first (missing: ${pending.join(', ')})`,
        { refusal: 'decisions-pending', action: req.action, rules: ['R7'], pending },
      );
    }
  }

  const next = result.mobility;
  await tx.update(mobilities).set({ status: next.state }).where(eq(mobilities.id, s.row.id));
  const main = result.events[0]!;
  await tx.insert(mobilityEvents).values({
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
      },
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

/** Components of the signed learning agreement that have no recognition decision yet. */
export async function pendingComponents(db: Db, mobilityId: string): Promise<string[]> {
  const [row] = await db
    .select()
    .from(learningAgreements)
    .where(eq(learningAgreements.mobilityId, mobilityId));
  if (!row) return [];
  const la = row.document as unknown as LearningAgreement;
  const version = currentVersion(la);
  if (!version) return [];
  const decisions = await db
    .select({ decision: recognitionDecisions.decision })
    .from(recognitionDecisions)
    .where(eq(recognitionDecisions.mobilityId, mobilityId));
  const rate = recognitionRate(
    decisions.map((d) => d.decision as unknown as RecognitionDecision),
    version.components.map((c) => c.id),
  );
  if (rate.pending === 0) return [];
  const decided = new Set(
    decisions.map((d) => (d.decision as unknown as RecognitionDecision).componentId),
  );
  return version.components.filter((c) => !decided.has(c.id)).map((c) => c.id);
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
    const s = await loadScope(tx, row);
    return applyTransition(tx, ctx, s, req);
  });
  await send(mailer);
  return getMobility(ctx, id);
}
