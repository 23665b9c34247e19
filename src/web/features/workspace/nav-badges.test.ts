import { describe, expect, it } from 'vitest';
import { badgeCounts } from './nav-badges.ts';
import type { WorkspaceTask } from './api.ts';

const task = (kind: WorkspaceTask['kind'], links: [string, number][]): WorkspaceTask => ({
  kind,
  count: links.reduce((n, [, c]) => n + c, 0),
  link: links[0]?.[0] ?? '/',
  items: links.map(([link, count]) => ({ name: { en: link }, link, count })),
});

describe('badgeCounts', () => {
  it('counts each task under its header link and all of them under the workspace', () => {
    const counts = badgeCounts([
      task('confirm_enrolments', [
        ['/money/mobilities/a', 2],
        ['/money/mobilities/b', 3],
      ]),
      task('decide_recognitions', [['/mobilities/c', 1]]),
      task('batch_payments', [['/payments', 4]]),
    ]);
    expect(counts.get('/mobilities')).toBe(6);
    expect(counts.get('/payments')).toBe(4);
    expect(counts.get('/workspace')).toBe(10);
  });

  it('counts a membership proposal under the side that answers it', () => {
    const counts = badgeCounts([
      task('answer_invitations', [
        ['/institutions/nsu.ru', 1],
        ['/consortia/ajru', 1],
      ]),
    ]);
    expect(counts.get('/institutions')).toBe(1);
    expect(counts.get('/consortia')).toBe(1);
  });

  it('does not count what a student only follows', () => {
    const counts = badgeCounts([
      task('my_applications', [['/me/applications', 1]]),
      task('mobility_steps', [['/mobilities/x', 1]]),
    ]);
    expect(counts.size).toBe(0);
  });
});
