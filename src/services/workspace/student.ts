/**
 * A student's workspace: the open calls their university sends students through (not yet applied
 * to), their applications, the steps of their mobilities and their scholarship payments.
 */
import type { Actor } from '#src/domain/access/policy.ts';
import { TERMINAL_STATES, type MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import { taskOf, type TaskItem } from '#src/domain/workspace/tasks.ts';
import { applicationsOfStudent, findStudentProfile } from '#src/db/queries/calls/applications.ts';
import { callsByDeadline, loadSendingConsortia } from '#src/db/queries/calls/calls.ts';
import { mobilitiesOfStudent } from '#src/db/queries/mobility/mobilities.ts';
import { callTitles, institutionNames } from '#src/db/queries/names.ts';
import { can, ownResource } from '../access.ts';
import { sendingMembersOn } from '../calls/access.ts';
import { todayForCall } from '../calls/call-record.ts';
import type { ServiceContext } from '../context.ts';
import { loadMoneyContexts } from '../money/context.ts';
import { loadLedger } from '../money/ledger.ts';

export async function studentTasks(ctx: ServiceContext, actor: Actor, today: string) {
  if (!can(actor, 'call:apply', ownResource(actor.id))) return [];
  const applications = (await applicationsOfStudent(ctx.db, actor.id)).filter(
    (a) => a.status !== 'withdrawn',
  );
  const applied = new Set(applications.map((a) => a.callId));

  // Open calls whose sending side holds the student's university today (R3, 003 §5(3)).
  const profile = await findStudentProfile(ctx.db, actor.id);
  const open: TaskItem[] = [];
  if (profile) {
    for (const call of await callsByDeadline(ctx.db)) {
      if (call.status !== 'published' || applied.has(call.id)) continue;
      const day = await todayForCall(ctx, call);
      if (call.opens > day || day > call.closes) continue;
      const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
      if (!sendingMembersOn(sending, day).includes(profile.homeId)) continue;
      open.push({ name: call.title, link: `/calls/${call.id}`, count: 1, due: call.closes });
    }
  }

  const titles = await callTitles(
    ctx.db,
    applications.map((a) => a.callId),
  );
  const mine = applications.map((a): TaskItem => ({
    name: titles.get(a.callId) ?? {},
    link: '/me/applications',
    count: 1,
    status: a.status,
  }));

  const mobilities = await mobilitiesOfStudent(ctx.db, actor.id);
  const hosts = await institutionNames(
    ctx.db,
    mobilities.map((m) => m.hostId),
  );
  const steps = mobilities
    .filter((m) => !TERMINAL_STATES.includes(m.status as MobilityState))
    .map((m): TaskItem => ({
      name: hosts.get(m.hostId) ?? {},
      link: `/mobilities/${m.id}`,
      count: 1,
      status: m.status,
      due: m.startDate,
    }));

  // Scholarship months paid or in a batch (R8), per mobility.
  const money = await loadMoneyContexts(ctx.db, mobilities, today);
  const ledger = await loadLedger(ctx.db, money);
  const payments = mobilities.map((m): TaskItem => ({
    name: hosts.get(m.hostId) ?? {},
    link: `/money/mobilities/${m.id}`,
    count: [...ledger.payments.values()].filter(
      (p) => p.mobilityId === m.id && p.kind === 'stipend',
    ).length,
  }));

  return [
    taskOf('open_calls', open, '/calls'),
    taskOf('my_applications', mine, '/me/applications'),
    taskOf('mobility_steps', steps, '/mobilities'),
    taskOf('my_payments', payments, payments[0]?.link ?? '/mobilities'),
  ];
}
