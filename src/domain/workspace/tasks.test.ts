import { describe, expect, it } from 'vitest';
import {
  MAX_ITEMS,
  componentsToDecide,
  monthsToConfirm,
  monthsToPay,
  orderTasks,
  partiesToSign,
  taskOf,
  type TaskItem,
} from './tasks.ts';

const item = (en: string, count: number, link = `/x/${en}`): TaskItem => ({
  name: { en },
  link,
  count,
});

describe('taskOf', () => {
  it('is null when nothing waits', () => {
    expect(taskOf('enter_transcripts', [], '/mobilities')).toBeNull();
    expect(taskOf('enter_transcripts', [item('a', 0)], '/mobilities')).toBeNull();
  });

  it('links straight to the one record that waits', () => {
    expect(taskOf('decide_recognitions', [item('a', 2), item('b', 0)], '/mobilities')).toEqual({
      kind: 'decide_recognitions',
      count: 2,
      link: '/x/a',
      items: [item('a', 2)],
    });
  });

  it('sums the counts of several records and links to their list', () => {
    const t = taskOf('confirm_enrolments', [item('a', 2), item('b', 3)], '/mobilities');
    expect(t).toMatchObject({ count: 5, link: '/mobilities' });
  });

  it('names at most MAX_ITEMS records but counts them all', () => {
    const many = Array.from({ length: MAX_ITEMS + 5 }, (_, i) => item(`s${i}`, 1));
    const t = taskOf('enter_transcripts', many, '/mobilities');
    expect(t?.items).toHaveLength(MAX_ITEMS);
    expect(t?.count).toBe(MAX_ITEMS + 5);
  });
});

describe('orderTasks', () => {
  it('keeps the fixed order of the kinds and drops what is empty', () => {
    const a = taskOf('batch_payments', [item('a', 1)], '/payments');
    const b = taskOf('score_applications', [item('b', 1)], '/calls');
    expect(orderTasks([a, null, b]).map((t) => t.kind)).toEqual([
      'score_applications',
      'batch_payments',
    ]);
  });
});

describe('months of a stay (R8, 003 §6(2))', () => {
  const lines = [
    { month: '2026-09', status: 'scheduled' },
    { month: '2026-10', status: 'scheduled' },
    { month: '2026-11', status: 'excluded' },
    { month: '2026-12', status: 'scheduled' },
  ];
  it('R8: past scheduled months without a confirmation wait; the month under way does not', () => {
    const confirmed = (m: string) => m === '2026-09';
    expect(monthsToConfirm(lines, confirmed, '2026-12-06')).toEqual(['2026-10']);
  });

  it('R8: confirmed months wait for payment until a batch holds them', () => {
    const confirmed = (m: string) => m !== '2026-12';
    const paid = (m: string) => m === '2026-09';
    expect(monthsToPay(lines, confirmed, paid)).toEqual(['2026-10']);
  });
});

describe('learning agreements and recognition (R7)', () => {
  it('R7: waits for the parties the reader signs for that have not signed the proposal', () => {
    expect(partiesToSign({ student: {} }, ['home', 'host'])).toEqual(['home', 'host']);
    expect(partiesToSign({ student: {}, home: {} }, ['home'])).toEqual([]);
  });

  it('R7: components with a transcript line and no decision wait for the home coordinator', () => {
    const components = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];
    expect(componentsToDecide(components, ['c1', 'c2'], ['c1'])).toEqual(['c2']);
  });
});
