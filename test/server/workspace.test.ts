/**
 * The workspace (GET /api/v1/me/tasks): each demo role gets the tasks its roles make its own,
 * named (never by id) and linked to the page where they are done; a task disappears once done.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { sql } from 'drizzle-orm';
import { fixedClock } from '#src/services/clock.ts';

const E = (who: string) => `${who}@demo.kakehashi.example`;
const OPEN_CALL = 'tohoku-jr-2027';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

interface Item {
  name: Record<string, string>;
  link: string;
  count: number;
  due?: string | null;
  status?: string | null;
}
interface Task {
  kind: string;
  count: number;
  link: string;
  items: Item[];
}

describe.each(ENGINES)('the workspace on %s', (engine) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();

  beforeAll(async () => {
    // A day while the invented demo call is open.
    t = await createTestApp(engine, { clock: fixedClock('2026-12-06T03:00:00Z') });
    for (const who of [
      'student.tohoku',
      'reviewer',
      'reviewer2',
      'coordinator.nsu',
      'coordinator.tohoku',
      'rep.hokudai',
      'rep.tohoku',
      'secretariat',
      'funder',
      'admin',
    ]) {
      sessions.set(who, await signInAs(t.app, E(who)));
    }
  });
  afterAll(() => t.close());

  const as = (who: string) => {
    const s = sessions.get(who);
    if (!s) throw new Error(`no session for ${who}`);
    return s;
  };
  const call = (who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const s = as(who);
    return t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
  };
  const tasksOf = async (who: string): Promise<Task[]> => {
    const res = await call(who, 'GET', '/api/v1/me/tasks');
    expect(res.statusCode).toBe(200);
    return res.json().items;
  };
  const task = async (who: string, kind: string) =>
    (await tasksOf(who)).find((x) => x.kind === kind);
  const kinds = async (who: string) => (await tasksOf(who)).map((x) => x.kind);

  it('is for signed-in people only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me/tasks' });
    expect(res.statusCode).toBe(401);
  });

  it('names what it concerns, never by id, and links to pages of the web app', async () => {
    for (const who of sessions.keys()) {
      for (const x of await tasksOf(who)) {
        expect(x.count).toBeGreaterThan(0);
        expect(x.link).toMatch(/^\//);
        for (const item of x.items) {
          expect(item.link).toMatch(/^\//);
          for (const text of Object.values(item.name)) expect(text).not.toMatch(UUID);
          expect(Object.keys(item.name).length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('a student sees the open call of their university, their mobilities and no staff work', async () => {
    const open = await task('student.tohoku', 'open_calls');
    expect(open).toMatchObject({ count: 1, link: `/calls/${OPEN_CALL}` });
    expect(open?.items[0]?.name.en).toContain('exchange call 2028');
    const steps = await task('student.tohoku', 'mobility_steps');
    expect(steps?.items.map((i) => i.name.en).sort()).toEqual([
      'Lomonosov Moscow State University',
      'Novosibirsk State University',
    ]);
    expect(await kinds('student.tohoku')).not.toContain('score_applications');
  });

  it('R6: reviewers on the panel get the application to score; it leaves each once they scored it', async () => {
    for (const who of ['reviewer', 'reviewer2']) {
      expect(await kinds(who)).not.toContain('score_applications');
    }
    const applied = await call(
      'student.tohoku',
      'POST',
      `/api/v1/calls/${OPEN_CALL}/applications`,
      {
        ranking: ['nsu.ru', 'msu.ru', 'dvfu.ru'],
        requestedMonths: 10,
      },
    );
    expect(applied.statusCode).toBe(201);
    const applicationId = applied.json().id as string;

    // The student: the call is no longer open to apply to, the application is followed instead.
    expect(await kinds('student.tohoku')).not.toContain('open_calls');
    expect(await task('student.tohoku', 'my_applications')).toMatchObject({
      count: 1,
      link: '/me/applications',
    });

    for (const who of ['reviewer', 'reviewer2']) {
      const score = await task(who, 'score_applications');
      expect(score).toMatchObject({ count: 1, link: `/calls/${OPEN_CALL}/screening` });
      expect(score?.items[0]?.name.en).toContain('exchange call 2028');
    }
    // A coordinator of the applicant's own university is on no panel, and would conflict (R6).
    expect(await kinds('coordinator.tohoku')).not.toContain('score_applications');

    const scored = await call(
      'reviewer',
      'POST',
      `/api/v1/call-applications/${applicationId}/reviews`,
      {
        scores: { motivation: 8, language: 7 },
      },
    );
    expect(scored.statusCode).toBe(200);
    expect(await kinds('reviewer')).not.toContain('score_applications');
    expect(await task('reviewer2', 'score_applications')).toMatchObject({ count: 1 });

    // The scoring form opens with the reviewer's earlier scores; another reviewer's stay theirs.
    const mine = await call('reviewer', 'GET', `/api/v1/calls/${OPEN_CALL}/my-reviews`);
    expect(mine.json().items).toEqual([
      { applicationId, scores: { motivation: 8, language: 7 }, comment: null },
    ]);
    const theirs = await call('reviewer2', 'GET', `/api/v1/calls/${OPEN_CALL}/my-reviews`);
    expect(theirs.json().items).toEqual([]);
    const student = await call('student.tohoku', 'GET', `/api/v1/calls/${OPEN_CALL}/my-reviews`);
    expect(student.statusCode).toBe(403);

    // R6: the second reviewer of the panel completes the screening (two reviews per applicant).
    const second = await call(
      'reviewer2',
      'POST',
      `/api/v1/call-applications/${applicationId}/reviews`,
      {
        scores: { motivation: 9, language: 8 },
      },
    );
    expect(second.statusCode).toBe(200);
    expect(second.json().score.complete).toBe(true);
    expect(await kinds('reviewer2')).not.toContain('score_applications');
  });

  it('R8: the host coordinator and the representative officer confirm past months; a confirmed one leaves', async () => {
    const nsu = await task('coordinator.nsu', 'confirm_enrolments');
    const rep = await task('rep.tohoku', 'confirm_enrolments');
    expect(nsu?.count).toBeGreaterThan(0);
    expect(rep?.count).toBeGreaterThanOrEqual(nsu?.count ?? 0);
    const first = nsu?.items[0];
    expect(first?.link).toMatch(/^\/money\/mobilities\//);
    expect(first?.name.en).toMatch(/invented/i);
    // Tohoku's coordinator is the home side: confirming is the host's (R8).
    expect(await kinds('coordinator.tohoku')).not.toContain('confirm_enrolments');

    const mobilityId = first!.link.split('/').pop()!;
    const schedule = (
      await call('coordinator.nsu', 'GET', `/api/v1/mobilities/${mobilityId}/scholarship`)
    ).json();
    const month = schedule.schedule.lines.find(
      (l: { mayConfirm: boolean; month: string }) => l.mayConfirm && l.month < '2026-12',
    ).month;
    const confirmed = await call(
      'coordinator.nsu',
      'POST',
      `/api/v1/mobilities/${mobilityId}/enrolment-confirmations`,
      { month },
    );
    expect(confirmed.statusCode).toBeLessThan(300);
    const after = await task('coordinator.nsu', 'confirm_enrolments');
    expect(after?.count).toBe((nsu?.count ?? 0) - 1);
    // The month confirmed now waits for the representative university's batch.
    const pay = await task('rep.tohoku', 'batch_payments');
    expect(pay?.link).toBe('/payments');
    expect(await kinds('coordinator.nsu')).not.toContain('batch_payments');
  });

  it('R7: a proposed change of a learning agreement waits for both coordinators until each signs', async () => {
    const mine = (await call('student.tohoku', 'GET', '/api/v1/mobilities')).json();
    const current = mine.items.find((m: { host: { id: string } }) => m.host.id === 'nsu.ru').id;
    const url = `/api/v1/mobilities/${current}/learning-agreement`;
    expect(await kinds('coordinator.tohoku')).not.toContain('approve_learning_agreements');
    const proposed = await call('student.tohoku', 'POST', `${url}/proposals`, {
      baseVersion: 1,
      changes: [{ kind: 'delete', componentId: 'c3', reason: 'not-available' }],
    });
    expect(proposed.statusCode).toBe(201);
    for (const who of ['coordinator.tohoku', 'coordinator.nsu']) {
      const sign = await task(who, 'approve_learning_agreements');
      expect(sign).toMatchObject({ count: 1, link: `/mobilities/${current}` });
      expect(sign?.items[0]?.name.en).toBe('Sakura Student');
    }
    expect(
      (await call('coordinator.tohoku', 'POST', `${url}/approvals`, { version: 2 })).statusCode,
    ).toBe(200);
    expect(await kinds('coordinator.tohoku')).not.toContain('approve_learning_agreements');
    expect(await kinds('coordinator.nsu')).toContain('approve_learning_agreements');
  });

  it('R7: the home coordinator decides what the transcript left undecided', async () => {
    const decide = await task('coordinator.tohoku', 'decide_recognitions');
    expect(decide).toMatchObject({ count: 1 });
    expect(decide?.items[0]?.name.en).toBe('Sakura Student');
    expect(decide?.link).toMatch(/^\/mobilities\//);
    expect(await kinds('coordinator.nsu')).not.toContain('decide_recognitions');
  });

  it('R20, R10: a report is due only in a fiscal year of the support period, until it is submitted', async () => {
    // The demo project's support began in October 2014: its five years (FY2014–FY2018) are
    // over, so nothing is owed for FY2026, as the reports table says.
    for (const who of ['funder', 'rep.tohoku']) {
      expect(await kinds(who)).not.toContain('reports_due');
      const table = await call(who, 'GET', '/api/v1/implementation-reports/status?fiscalYear=2026');
      expect(table.statusCode).toBe(200);
      expect(table.json().rows).toEqual([]);
    }
    // A support begun in October 2024 runs FY2024–FY2028: this year's report is owed.
    await t.database.db.execute(
      sql`UPDATE project_applications
             SET support = jsonb_set(support, '{startedOn}', '"2024-10-01"')
           WHERE id = 'tohoku-jr-2014'`,
    );
    for (const who of ['funder', 'rep.tohoku']) {
      const due = await task(who, 'reports_due');
      // The table of the fiscal year's reports, where the project's row links its report.
      expect(due).toMatchObject({ count: 1, link: '/reports?fy=2026' });
      // Japan's fiscal year runs April–March (003 §10(2)).
      expect(due?.items[0]?.due).toBe('2027-03-31');
      expect(due?.items[0]?.name.en).toContain('Japanese side');
    }
    expect(await kinds('rep.hokudai')).not.toContain('reports_due');

    // A draft is still owed; once submitted, nobody is reminded of it.
    const report = '/api/v1/projects/tohoku-jr-2014/reports/2026';
    const saved = await call('rep.tohoku', 'PUT', `${report}/narrative`, {
      narrative: {
        self_evaluation: { ja: '計画どおり。' },
        quality_assurance: { ja: '共通の選考基準を適用した。' },
        issues_and_measures: { ja: '特になし。' },
        plan: { ja: '次年度も同数の交流を行う。' },
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await kinds('rep.tohoku')).toContain('reports_due');
    const cutOff = await call('funder', 'PUT', `${report}/cut-off`, { cutOff: '2026-11-30' });
    expect(cutOff.statusCode, cutOff.body).toBe(200);
    const submitted = await call('rep.tohoku', 'POST', `${report}/submit`);
    expect(submitted.statusCode, submitted.body).toBe(200);
    for (const who of ['funder', 'rep.tohoku']) {
      expect(await kinds(who)).not.toContain('reports_due');
    }
  });

  it('R19: an advisory in effect waits for the funder officer; a lifted one does not', async () => {
    expect(await kinds('funder')).not.toContain('review_advisories');
    const res = await call('funder', 'POST', '/api/v1/advisories', {
      programId: 'mext-iep-2014',
      country: 'RU',
      level: 'postpone',
      from: '2026-12-01',
      reason: 'Invented advisory for a test',
    });
    expect(res.statusCode).toBe(201);
    const review = await task('funder', 'review_advisories');
    expect(review).toMatchObject({ count: 1, link: '/budget' });
    expect(review?.items[0]?.name.en).toBe('Russia');
    expect(review?.items[0]?.name.ja).toBe('ロシア');
    const lifted = await call('funder', 'POST', `/api/v1/advisories/${res.json().id}/lift`, {
      liftedOn: '2026-12-06',
    });
    expect(lifted.statusCode).toBe(200);
    expect(await kinds('funder')).not.toContain('review_advisories');
  });

  it('a membership proposal waits for the side that did not make it, until answered', async () => {
    const proposed = await call('secretariat', 'POST', '/api/v1/consortia/ajru/members', {
      institutionId: 'nsu.ru',
      joinedOn: '2026-12-01',
    });
    expect(proposed.statusCode).toBe(201);
    const answer = await task('coordinator.nsu', 'answer_invitations');
    expect(answer).toMatchObject({ count: 1, link: '/institutions/nsu.ru' });
    expect(answer?.items[0]?.name.en).toMatch(/Association/i);
    expect(await kinds('secretariat')).not.toContain('answer_invitations');
    const accepted = await call(
      'coordinator.nsu',
      'POST',
      `/api/v1/consortia/ajru/proposals/${proposed.json().id}/accept`,
    );
    expect(accepted.statusCode).toBeLessThan(300);
    expect(await kinds('coordinator.nsu')).not.toContain('answer_invitations');
  });

  it('picks a call to allocate from those the person may hand to allocation', async () => {
    const ids = async (who: string) =>
      (await call(who, 'GET', '/api/v1/calls?status=all&allocatable=true'))
        .json()
        .items.map((c: { id: string }) => c.id);
    expect(await ids('rep.tohoku')).toEqual(expect.arrayContaining([OPEN_CALL, 'tohoku-jr-2015']));
    expect(await ids('student.tohoku')).toEqual([]);
    expect(await ids('funder')).toEqual([]);
  });

  it('the platform administrator holds no role that tasks wait on', async () => {
    expect(await tasksOf('admin')).toEqual([]);
  });
});
