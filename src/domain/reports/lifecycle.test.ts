import { describe, expect, it } from 'vitest';
import {
  cutOffProblem,
  newReport,
  receiveReport,
  remindersDue,
  reopenReport,
  reportDeadline,
  reportStatus,
  submitReport,
  type ImplementationReport,
  type SubmitInput,
} from './lifecycle.ts';

// Japan's fiscal year: FY2021 = 2021-04-01 … 2022-03-31.
const APRIL = 4;
const narrative = {
  self_evaluation: 'Good.',
  quality_assurance: 'Peer review.',
  issues_and_measures: 'Housing.',
  plan: 'Grow.',
};
const submit: SubmitInput = {
  on: '2022-03-15',
  byHeadOfRepresentative: true,
  narrative,
  cutOff: '2022-03-10',
  fiscalYearStartMonth: APRIL,
};

function ok(t: ReturnType<typeof submitReport>): ImplementationReport {
  if (!t.ok) throw new Error(JSON.stringify(t.refusals));
  return t.report;
}

describe('deadlines (R20)', () => {
  it('the report is due on the last day of the fiscal year', () => {
    expect(reportDeadline(2021, APRIL)).toBe('2022-03-31');
    expect(reportDeadline(2003, APRIL)).toBe('2004-03-31');
    expect(reportDeadline(2023, 1)).toBe('2023-12-31');
  });

  it('status: not started, draft, submitted, received, or late once the deadline has passed', () => {
    expect(reportStatus(null, 2021, '2022-03-01', APRIL)).toEqual({
      status: 'not_started',
      deadline: '2022-03-31',
      daysLeft: 30,
      submittedLateBy: 0,
    });
    expect(reportStatus(null, 2021, '2022-03-31', APRIL)).toMatchObject({
      status: 'not_started',
      daysLeft: 0,
    });
    expect(reportStatus(null, 2021, '2022-04-01', APRIL)).toMatchObject({
      status: 'late',
      daysLeft: -1,
    });
    const draft = newReport(2021);
    expect(reportStatus(draft, 2021, '2022-01-10', APRIL).status).toBe('draft');
    expect(reportStatus(draft, 2021, '2022-04-05', APRIL).status).toBe('late');
    const submitted = ok(submitReport(draft, submit));
    expect(reportStatus(submitted, 2021, '2022-04-05', APRIL)).toMatchObject({
      status: 'submitted',
      submittedLateBy: 0,
    });
    const received = ok(receiveReport(submitted, '2022-03-20'));
    expect(reportStatus(received, 2021, '2022-03-21', APRIL).status).toBe('received');
  });

  it('a report submitted after the deadline is marked late', () => {
    const late = ok(submitReport(newReport(2021), { ...submit, on: '2022-04-12' }));
    expect(late.history.at(-1)).toEqual({
      action: 'submit',
      on: '2022-04-12',
      version: 1,
      cutOff: '2022-03-10',
      late: true,
    });
    expect(reportStatus(late, 2021, '2022-04-20', APRIL)).toMatchObject({
      status: 'submitted',
      submittedLateBy: 12,
    });
  });

  it('reminders fall due 30 and 7 days before the deadline', () => {
    expect(remindersDue(2021, '2022-03-01', APRIL)).toEqual([30]);
    expect(remindersDue(2021, '2022-03-24', APRIL)).toEqual([7]);
    expect(remindersDue(2021, '2022-03-02', APRIL)).toEqual([]);
    expect(remindersDue(2021, '2022-03-31', APRIL)).toEqual([]);
    // A leap year's February does not shift them: FY2023 is due on 2024-03-31.
    expect(remindersDue(2023, '2024-03-01', APRIL)).toEqual([30]);
  });
});

describe('cutOffProblem (R20)', () => {
  it('accepts a day of the fiscal year up to today, and a day after the year', () => {
    expect(cutOffProblem('2021-04-01', 2021, '2022-03-15', APRIL)).toBeNull();
    expect(cutOffProblem('2022-03-15', 2021, '2022-03-15', APRIL)).toBeNull();
    expect(cutOffProblem('2022-04-30', 2021, '2022-05-10', APRIL)).toBeNull();
  });

  it('refuses a cut-off in the future, naming cutOff', () => {
    expect(cutOffProblem('2022-03-16', 2021, '2022-03-15', APRIL)).toEqual({
      code: 'reports.cut_off_in_future',
      params: { cutOff: '2022-03-16', today: '2022-03-15' },
      rule: 'R20',
      field: 'cutOff',
    });
  });

  it('refuses a cut-off before the fiscal year', () => {
    expect(cutOffProblem('2021-03-31', 2021, '2022-03-15', APRIL)).toEqual({
      code: 'reports.cut_off_before_fiscal_year',
      params: { cutOff: '2021-03-31', fiscalYearStart: '2021-04-01' },
      rule: 'R20',
      field: 'cutOff',
    });
  });

  it('refuses what is not a calendar date', () => {
    expect(cutOffProblem('2022-02-30', 2021, '2022-03-15', APRIL)?.code).toBe(
      'reports.cut_off_invalid',
    );
  });
});

describe('the report lifecycle (R20)', () => {
  it('draft → submitted → received', () => {
    const submitted = ok(submitReport(newReport(2021), submit));
    expect(submitted).toMatchObject({ status: 'submitted', version: 1, submittedOn: '2022-03-15' });
    const received = ok(receiveReport(submitted, '2022-03-18'));
    expect(received).toMatchObject({ status: 'received', receivedOn: '2022-03-18' });
    expect(received.history.map((h) => h.action)).toEqual(['submit', 'receive']);
  });

  it('submitting with missing sections is refused, naming each of them', () => {
    const t = submitReport(newReport(2021), {
      ...submit,
      narrative: { ...narrative, plan: ' ', quality_assurance: undefined },
    });
    expect(t.ok).toBe(false);
    if (t.ok) return;
    expect(t.refusals.map((r) => [r.code, r.params.section])).toEqual([
      ['reports.section_missing', 'quality_assurance'],
      ['reports.section_missing', 'plan'],
    ]);
  });

  it('only the head of the representative university submits; the cut-off is checked', () => {
    const t = submitReport(newReport(2021), {
      ...submit,
      byHeadOfRepresentative: false,
      cutOff: '2022-03-20',
    });
    expect(t.ok ? [] : t.refusals.map((r) => r.code)).toEqual([
      'reports.not_head_of_representative',
      'reports.cut_off_in_future',
    ]);
  });

  it('refuses steps out of order', () => {
    const draft = newReport(2021);
    const submitted = ok(submitReport(draft, submit));
    const received = ok(receiveReport(submitted, '2022-03-18'));
    const code = (t: ReturnType<typeof submitReport>) => (t.ok ? null : t.refusals[0]?.code);
    expect(code(submitReport(submitted, submit))).toBe('reports.already_submitted');
    expect(code(receiveReport(draft, '2022-03-18'))).toBe('reports.not_submitted');
    expect(code(receiveReport(received, '2022-03-19'))).toBe('reports.already_received');
    expect(
      code(reopenReport(draft, { id: 'd1', decidedOn: '2022-03-20', reason: 'Figures' })),
    ).toBe('reports.not_submitted');
  });

  it('reopening needs the funder decision with its reason, and starts a new version', () => {
    const received = ok(receiveReport(ok(submitReport(newReport(2021), submit)), '2022-03-18'));
    const refused = reopenReport(received, null);
    expect(refused).toEqual({
      ok: false,
      refusals: [
        { code: 'reports.reopen_needs_decision', params: {}, rule: 'R20', field: 'decision' },
      ],
    });
    expect(reopenReport(received, { id: 'd1', decidedOn: '2022-03-20', reason: ' ' }).ok).toBe(
      false,
    );
    const reopened = ok(
      reopenReport(received, {
        id: 'd1',
        decidedOn: '2022-03-20',
        reason: 'Travel figures to correct',
      }),
    );
    expect(reopened).toMatchObject({
      status: 'draft',
      version: 2,
      submittedOn: null,
      receivedOn: null,
    });
    expect(reopened.history).toEqual([
      { action: 'submit', on: '2022-03-15', version: 1, cutOff: '2022-03-10', late: false },
      { action: 'receive', on: '2022-03-18', version: 1 },
      { action: 'reopen', on: '2022-03-20', version: 2, decisionId: 'd1' },
    ]);
    const again = ok(submitReport(reopened, { ...submit, on: '2022-03-25', cutOff: '2022-03-25' }));
    expect(again.history.at(-1)).toEqual({
      action: 'submit',
      on: '2022-03-25',
      version: 2,
      cutOff: '2022-03-25',
      late: false,
    });
  });
});
