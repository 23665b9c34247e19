/**
 * Which header link each task counts under, and the counts of the badges: the work a person must
 * do (a student's own applications, mobilities and payments are followed, not counted).
 */
import type { TaskKind, WorkspaceTask } from './api.ts';

const NAV_OF: Partial<Record<TaskKind, string>> = {
  score_applications: '/calls',
  open_calls: '/calls',
  confirm_enrolments: '/mobilities',
  approve_learning_agreements: '/mobilities',
  enter_transcripts: '/mobilities',
  decide_recognitions: '/mobilities',
  batch_payments: '/payments',
  reports_due: '/reports',
  review_advisories: '/budget',
};

/** The header link a task's item counts under: by kind, or by the page of the item. */
function navOf(kind: TaskKind, link: string): string | null {
  const byKind = NAV_OF[kind];
  if (byKind) return byKind;
  if (kind === 'answer_invitations') {
    return link.startsWith('/institutions') ? '/institutions' : '/consortia';
  }
  return null;
}

/** Header link → how many things wait under it; `/workspace` counts them all. */
export function badgeCounts(tasks: readonly WorkspaceTask[]): Map<string, number> {
  const out = new Map<string, number>();
  const add = (to: string, n: number) => out.set(to, (out.get(to) ?? 0) + n);
  for (const task of tasks) {
    for (const item of task.items) {
      const to = navOf(task.kind, item.link);
      if (to) add(to, item.count);
    }
    if (navOf(task.kind, task.link)) add('/workspace', task.count);
  }
  return out;
}
