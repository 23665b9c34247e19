/**
 * The workspace of the signed-in person: what waits for them, by kind, computed from what their
 * roles make theirs and checked record by record with `can` — a task is shown only to someone who
 * may do it. Applications to score (R6: a reviewer on the call's panel, never an applicant of their
 * own institution), enrolments to confirm and confirmed months to pay (R8, 003 §6(2)), learning
 * agreements to sign, transcripts to enter and recognitions to decide (R7), implementation reports
 * due (R20, 003 §10(2)), membership proposals to answer, safety advisories in effect (R19); and a
 * student's own calls, applications, mobility steps and payments.
 */
import type { Actor, Role } from '#src/domain/access/policy.ts';
import { scopeCovers } from '#src/domain/access/can.ts';
import { pendingProposal, currentVersion } from '#src/domain/recognition/learning-agreement.ts';
import { isOver } from '#src/domain/scholarship/safety.ts';
import type { LocalizedText } from '#src/domain/shared/refusal.ts';
import {
  componentsToDecide,
  monthsToConfirm,
  monthsToPay,
  orderTasks,
  partiesToSign,
  taskOf,
  type TaskItem,
  type WorkspaceTask,
} from '#src/domain/workspace/tasks.ts';
import { callsByDeadline, loadSendingConsortia, rubricOf } from '#src/db/queries/calls/calls.ts';
import { scorerInstitutions } from '#src/db/queries/calls/screening.ts';
import type { MobilityRow } from '#src/db/queries/mobility/mobilities.ts';
import { advisoriesList } from '#src/db/queries/money/advisories.ts';
import { advisoryOf } from '#src/db/queries/money/ledger.ts';
import { projectApplicationRows } from '#src/db/queries/programs.ts';
import { consortiumNames, institutionNames, personNames } from '#src/db/queries/names.ts';
import {
  applicationsInScreening,
  decidedComponentsOf,
  learningAgreementsOf,
  mobilitiesWithWork,
  openMembershipProposals,
  reviewedBy,
  transcriptLinesOf,
} from '#src/db/queries/workspace.ts';
import { countryName } from '#src/i18n/format.ts';
import { LANGUAGES } from '#src/domain/shared/refusal.ts';
import {
  can,
  consortiumResource,
  enrolmentResource,
  institutionsResource,
  programResource,
  projectApplicationResource,
} from '../access.ts';
import { mayScore } from '../calls/access.ts';
import { todayOf } from '../clock.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { laParties, loadScopes, mobilityActors } from '../mobility/actors.ts';
import { loadMoneyContexts, resourceOf, type MobilityMoney } from '../money/context.ts';
import { loadLedger, scheduleOf, type Ledger } from '../money/ledger.ts';
import { reportStatuses } from '../reports/implementation.ts';
import { studentTasks } from './student.ts';

export type { TaskKind, TaskItem, WorkspaceTask } from '#src/domain/workspace/tasks.ts';

/** Does the actor hold this role in some scope (a platform administrator holds none by it)? */
const holds = (actor: Actor, role: Role) => actor.roles.some((r) => r.role === role);

/** GET /me/tasks: the tasks waiting for the signed-in person, in a fixed order. */
export async function myTasks(ctx: ServiceContext): Promise<{ items: WorkspaceTask[] }> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  const today = todayOf(ctx);
  // The sections only read: they are asked at once, and their answers kept in this order.
  const sections: Promise<WorkspaceTask | null | (WorkspaceTask | null)[]>[] = [];
  if (holds(actor, 'reviewer') || holds(actor, 'coordinator')) {
    sections.push(applicationsToScore(ctx, actor, today));
  }
  if (holds(actor, 'coordinator') || holds(actor, 'rep_officer')) {
    sections.push(mobilityTasks(ctx, actor, today));
    sections.push(proposalsToAnswer(ctx, actor));
  }
  if (holds(actor, 'rep_officer') || holds(actor, 'funder_officer')) {
    sections.push(reportsDue(ctx, actor));
  }
  if (holds(actor, 'secretariat')) sections.push(proposalsToAnswer(ctx, actor));
  if (holds(actor, 'funder_officer')) sections.push(advisoriesToReview(ctx, actor, today));
  if (holds(actor, 'student')) sections.push(studentTasks(ctx, actor, today));
  const tasks = (await Promise.all(sections)).flat();
  const seen = new Set<string>();
  return {
    items: orderTasks(tasks).filter((t) => (seen.has(t.kind) ? false : seen.add(t.kind))),
  };
}

/**
 * R6 (003 §5(6)): applications of the calls whose panel the actor sits on, still being screened,
 * that they have not scored — never one from an institution of their own (a conflict of interest).
 */
async function applicationsToScore(ctx: ServiceContext, actor: Actor, today: string) {
  const onPanel = (await callsByDeadline(ctx.db)).filter((c) =>
    rubricOf(c)?.panel.some((p) => p.userId === actor.id),
  );
  const items: TaskItem[] = [];
  for (const call of onPanel) {
    const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
    if (!mayScore(actor, call, sending, today)) continue;
    const own = await scorerInstitutions(ctx.db, actor.id, rubricOf(call));
    const apps = (await applicationsInScreening(ctx.db, [call.id])).filter(
      (a) => !own.includes(a.homeId),
    );
    const done = await reviewedBy(
      ctx.db,
      actor.id,
      apps.map((a) => a.id),
    );
    const count = apps.filter((a) => !done.has(a.id)).length;
    items.push({
      name: call.title,
      link: `/calls/${call.id}/screening`,
      count,
      due: call.closes,
    });
  }
  return taskOf('score_applications', items, '/calls');
}

/**
 * The mobilities a coordinator's or representative officer's roles reach that can hold work for
 * them (funded stays under a program, stays with a learning agreement), with their names.
 */
async function reachableMobilities(ctx: ServiceContext, actor: Actor, today: string) {
  const rows = await mobilitiesWithWork(ctx.db, actor, today, [...STAY_STATES]);
  const people = await personNames(
    ctx.db,
    rows.flatMap((r) => (r.studentUserId ? [r.studentUserId] : [])),
  );
  const studentOf = (r: MobilityRow): LocalizedText =>
    (r.studentUserId ? people.get(r.studentUserId) : undefined) ?? { en: r.studentName };
  return { rows, studentOf };
}

/** States in which a stay has begun: its months are confirmed (R8) and paid. */
const STAY_STATES = new Set([
  'departed',
  'arrived',
  'completed',
  'interrupted',
  'transcript_issued',
  'recognised',
]);

async function mobilityTasks(ctx: ServiceContext, actor: Actor, today: string) {
  const { rows, studentOf } = await reachableMobilities(ctx, actor, today);
  const item = (r: MobilityRow, count: number, link = `/mobilities/${r.id}`): TaskItem => ({
    name: studentOf(r),
    link,
    count,
    status: r.status,
  });

  // R8: months that have passed without the host's confirmation; confirmed months not yet paid.
  const stays = rows.filter((r) => STAY_STATES.has(r.status));
  const money = await loadMoneyContexts(ctx.db, stays, today);
  const ledger = await loadLedger(ctx.db, money);
  const toConfirm: TaskItem[] = [];
  const toPay: TaskItem[] = [];
  for (const m of money) {
    const lines = scheduleLines(m);
    if (lines.length === 0) continue;
    const confirmed = confirmedOf(ledger, m);
    if (can(actor, 'enrolment:confirm', confirmerResource(m))) {
      const months = monthsToConfirm(lines, confirmed, today);
      toConfirm.push(item(m.mobility, months.length, `/money/mobilities/${m.mobility.id}`));
    }
    if (can(actor, 'payment:manage', resourceOf(m))) {
      const paid = (month: string) => ledger.payments.has(`stipend:${m.mobility.id}:${month}`);
      toPay.push(item(m.mobility, monthsToPay(lines, confirmed, paid).length, '/payments'));
    }
  }

  // Learning agreements (R7): a proposed version that a side the actor signs for has not signed.
  const las = await learningAgreementsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const toSign: TaskItem[] = [];
  const pendingRows = rows.filter((r) => {
    const la = las.get(r.id);
    return la ? pendingProposal(la) !== null : false;
  });
  for (const scope of await loadScopes(ctx.db, pendingRows, today)) {
    const r = scope.row;
    const pending = pendingProposal(las.get(r.id)!)!;
    const mine = laParties(mobilityActors(actor, scope)).filter((p) => p !== 'student');
    toSign.push(item(r, partiesToSign(pending.signatures, mine).length > 0 ? 1 : 0));
  }

  // Transcripts (the host) and recognition decisions (the home, R7).
  const lines = await transcriptLinesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const decided = await decidedComponentsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const toEnter: TaskItem[] = [];
  const toDecide: TaskItem[] = [];
  for (const r of rows) {
    const la = las.get(r.id);
    // A transcript is entered, and decided on, against the agreed learning agreement.
    const version = la ? currentVersion(la) : null;
    const transcript = lines.get(r.id);
    if (!version) continue;
    if (
      r.status === 'completed' &&
      !transcript &&
      coordinates(actor, r.hostId, 'mobility:manage')
    ) {
      toEnter.push(item(r, 1));
    }
    if (
      transcript &&
      r.status !== 'recognised' &&
      coordinates(actor, r.homeId, 'recognition:decide')
    ) {
      const open = componentsToDecide(version.components, transcript, decided.get(r.id) ?? []);
      toDecide.push(item(r, open.length));
    }
  }
  return [
    taskOf('confirm_enrolments', toConfirm, '/mobilities'),
    taskOf('approve_learning_agreements', toSign, '/mobilities'),
    taskOf('enter_transcripts', toEnter, '/mobilities'),
    taskOf('decide_recognitions', toDecide, '/mobilities'),
    taskOf('batch_payments', toPay, '/payments'),
  ];
}

/**
 * Is the actor a coordinator of this institution by a role of their own (an administrator may act
 * for anyone, but nothing waits for them by it)? Transcripts (the host) and recognition (the home)
 * are the coordinator's: `mobility:manage` and `recognition:decide`.
 */
const coordinates = (
  actor: Actor,
  institutionId: string,
  action: 'mobility:manage' | 'recognition:decide',
) => {
  const resource = institutionsResource([institutionId], 'mobility');
  return (
    actor.roles.some((a) => a.role === 'coordinator' && scopeCovers(a, resource, actor.id)) &&
    can(actor, action, resource)
  );
};

/** Who confirms a stay's months (R8): the host's coordinator, the sending consortium's officer. */
const confirmerResource = (m: MobilityMoney) =>
  enrolmentResource({
    id: m.mobility.id,
    hostId: m.mobility.hostId,
    sendingConsortiumId: m.sendingConsortiumId,
  });

function scheduleLines(m: MobilityMoney) {
  const schedule = scheduleOf(m);
  return schedule.ok ? schedule.schedule.lines : [];
}

const confirmedOf = (ledger: Ledger, m: MobilityMoney) => (month: string) =>
  ledger.confirmed.has(`stipend:${m.mobility.id}:${month}`);

/**
 * R20 (003 §10(2)): a project owes the implementation report of each fiscal year of its support
 * period (R10, 003 §3(1)) by the year's end; the funder officer of the program and the project's
 * representative officer are reminded of it until it is submitted. Which reports are owed is the
 * report service's answer (`reportStatuses`), so the task and the reports table agree.
 */
async function reportsDue(ctx: ServiceContext, actor: Actor) {
  const [{ rows: owed }, projects] = await Promise.all([
    reportStatuses(ctx, {}),
    projectApplicationRows(ctx.db),
  ]);
  const byId = new Map(projects.map((p) => [p.id, p]));
  const open = owed.filter((r) => r.state === null || r.state === 'draft');
  const names = await consortiumNames(
    ctx.db,
    open.flatMap((o) => {
      const r = byId.get(o.projectId);
      return r ? [r.homeConsortiumId ?? '', r.partnerConsortiumId ?? ''] : [];
    }),
  );
  const items: TaskItem[] = [];
  for (const o of open) {
    const r = byId.get(o.projectId);
    if (!r) continue;
    const mine =
      (holds(actor, 'funder_officer') &&
        can(actor, 'application:review', programResource(r.programId))) ||
      (holds(actor, 'rep_officer') &&
        can(actor, 'application:submit', projectApplicationResource(r)));
    if (!mine) continue;
    items.push({
      name: pairName(names, r.homeConsortiumId, r.partnerConsortiumId),
      link: `/reports?fy=${o.fiscalYear}`,
      count: 1,
      due: o.status.deadline,
    });
  }
  return taskOf('reports_due', items, '/reports');
}

/** "Home consortium – partner consortium", in each language either has. */
function pairName(
  names: Map<string, LocalizedText>,
  home: string | null,
  partner: string | null,
): LocalizedText {
  const a = (home && names.get(home)) || {};
  const b = (partner && names.get(partner)) || {};
  const out: LocalizedText = {};
  for (const lang of LANGUAGES) {
    const x = a[lang] ?? a.en;
    const y = b[lang] ?? b.en;
    const text = [x, y].filter(Boolean).join(' – ');
    if (text) out[lang] = text;
  }
  return out;
}

/**
 * Membership proposals waiting for the actor's side: one the consortium made waits for the
 * institution's coordinator; one the institution made waits for the consortium's officers.
 */
async function proposalsToAnswer(ctx: ServiceContext, actor: Actor) {
  const open = await openMembershipProposals(ctx.db);
  const waiting = open.filter((p) =>
    p.proposedBy === 'consortium'
      ? holds(actor, 'coordinator') &&
        can(actor, 'institution:join', institutionsResource([p.institutionId]))
      : (holds(actor, 'rep_officer') || holds(actor, 'secretariat')) &&
        can(actor, 'consortium:write', consortiumResource([p.consortiumId])),
  );
  const inst = await institutionNames(
    ctx.db,
    waiting.map((p) => p.institutionId),
  );
  const cons = await consortiumNames(
    ctx.db,
    waiting.map((p) => p.consortiumId),
  );
  const items = waiting.map((p): TaskItem =>
    p.proposedBy === 'consortium'
      ? {
          name: cons.get(p.consortiumId) ?? {},
          link: `/institutions/${p.institutionId}`,
          count: 1,
          due: p.joinedOn,
        }
      : {
          name: inst.get(p.institutionId) ?? {},
          link: `/consortia/${p.consortiumId}`,
          count: 1,
          due: p.joinedOn,
        },
  );
  return taskOf('answer_invitations', items, items[0]?.link ?? '/consortia');
}

/** R19: safety advisories still in effect for the funder officer's programs. */
async function advisoriesToReview(ctx: ServiceContext, actor: Actor, today: string) {
  const rows = (await advisoriesList(ctx.db)).filter(
    (a) =>
      can(actor, 'advisory:manage', programResource(a.programId, 'advisory')) &&
      !isOver(advisoryOf(a), today),
  );
  const items = rows.map((a): TaskItem => ({
    name: Object.fromEntries(LANGUAGES.map((l) => [l, countryName(a.country, l)])),
    link: '/budget',
    count: 1,
    due: a.untilDate,
    status: a.level,
  }));
  return taskOf('review_advisories', items, '/budget');
}
