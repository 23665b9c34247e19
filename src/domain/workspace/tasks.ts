/**
 * The workspace: what waits for a person, by kind. Each task counts the records it concerns and
 * names them (the reader sees names, never ids); the links are routes of the web app where the
 * task is done. Pure: today is passed in.
 */
import type { LocalizedText } from '../shared/refusal.ts';

/** Every kind of task, in the order a workspace shows them. */
export const TASK_KINDS = [
  'score_applications',
  'confirm_enrolments',
  'approve_learning_agreements',
  'enter_transcripts',
  'decide_recognitions',
  'batch_payments',
  'reports_due',
  'answer_invitations',
  'review_advisories',
  // What a student follows: their calls, applications, mobility steps and payments.
  'open_calls',
  'my_applications',
  'mobility_steps',
  'my_payments',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** One record a task concerns: its name, where it is done, how many things wait there. */
export interface TaskItem {
  name: LocalizedText;
  link: string;
  count: number;
  /** A deadline (ISO date) when the task has one (R20 reports, call deadlines). */
  due?: string | null;
  /** A code saying where the record stands (an application's status, a mobility's state). */
  status?: string | null;
}

export interface WorkspaceTask {
  kind: TaskKind;
  count: number;
  /** Where the whole task is done: the one record's page, or the list of them. */
  link: string;
  items: TaskItem[];
}

/** How many items a task names (the rest are counted, and reached through the task's link). */
export const MAX_ITEMS = 20;

/**
 * A task from its items, or null when nothing waits: the count is the items' sum; with one item
 * the task links straight to it, else to `listLink`.
 */
export function taskOf(kind: TaskKind, items: readonly TaskItem[], listLink: string) {
  const waiting = items.filter((i) => i.count > 0);
  if (waiting.length === 0) return null;
  const task: WorkspaceTask = {
    kind,
    count: waiting.reduce((n, i) => n + i.count, 0),
    link: waiting.length === 1 ? waiting[0]!.link : listLink,
    items: waiting.slice(0, MAX_ITEMS),
  };
  return task;
}

/** The tasks in the order of TASK_KINDS, whatever order the areas answered in. */
export function orderTasks(tasks: readonly (WorkspaceTask | null)[]): WorkspaceTask[] {
  return tasks
    .filter((t): t is WorkspaceTask => t !== null)
    .sort((a, b) => TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind));
}

/**
 * R8 (003 §6(2)): the months of a stay that have passed and still wait for the host's enrolment
 * confirmation: scheduled (a stipend month), before today's month, not yet confirmed. The month
 * under way is not yet "waiting": it can be confirmed, but nobody is late with it.
 */
export function monthsToConfirm(
  lines: readonly { month: string; status: string }[],
  confirmed: (month: string) => boolean,
  today: string,
): string[] {
  const current = today.slice(0, 7);
  return lines
    .filter((l) => l.status === 'scheduled' && l.month < current && !confirmed(l.month))
    .map((l) => l.month);
}

/** R8: confirmed months not yet in any payment batch (the representative university pays them). */
export function monthsToPay(
  lines: readonly { month: string; status: string }[],
  confirmed: (month: string) => boolean,
  paid: (month: string) => boolean,
): string[] {
  return lines
    .filter((l) => l.status === 'scheduled' && confirmed(l.month) && !paid(l.month))
    .map((l) => l.month);
}

/**
 * The learning-agreement parties (home, host, student) who still have to sign the proposed
 * version, among those the reader may sign as.
 */
export function partiesToSign<P extends string>(
  signed: Partial<Record<string, unknown>>,
  mine: readonly P[],
): P[] {
  return mine.filter((p) => !signed[p]);
}

/** The components of the agreed learning agreement that have a transcript line but no decision. */
export function componentsToDecide(
  components: readonly { id: string }[],
  transcriptComponentIds: readonly string[],
  decided: readonly string[],
): string[] {
  return components
    .filter((c) => transcriptComponentIds.includes(c.id) && !decided.includes(c.id))
    .map((c) => c.id);
}
