import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import { extractPdfText } from '#src/reports/dossier/pdf-text.ts';

describe.each(ENGINES)('programs and project applications on %s', (engine) => {
  let t: TestApp;
  let funder: Session;
  let rep: Session;
  let hokudai: Session;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp(engine);
    funder = await signInAs(t.app, 'funder@demo.kakehashi.example');
    rep = await signInAs(t.app, 'rep.tohoku@demo.kakehashi.example');
    hokudai = await signInAs(t.app, 'rep.hokudai@demo.kakehashi.example');
    coordinator = await signInAs(t.app, 'coordinator.tohoku@demo.kakehashi.example');
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });

  it('R11, R12, R14: the programs carry their rules as data', async () => {
    const list = (await call(null, 'GET', '/api/v1/programs')).json();
    const pilot = list.items.find((p: { id: string }) => p.id === 'mext-pilot-2003');
    expect(pilot.rules.stipend.monthlyAmount).toBe(100000);
    expect(pilot.rules.stayMonths).toEqual({ min: 3, max: 12 });
    expect(pilot.rules.annualCap).toMatchObject({ studentMonths: 360, studentsAtFullLength: 30 });
    expect(pilot.countdown).toBeTruthy();
    // Names, not ids: the program and its funder in every language they have.
    expect(pilot.names.en).toMatch(/\S/);
    expect(pilot.funderName).not.toEqual({});
    const detail = (await call(null, 'GET', '/api/v1/programs/mext-pilot-2003')).json();
    expect(detail.may).toEqual({ editRules: false });
    const asFunder = (await call(funder, 'GET', '/api/v1/programs/mext-pilot-2003')).json();
    expect(asFunder.may).toEqual({ editRules: true });
  });

  it('R11: changing the stipend in the program changes every amount shown', async () => {
    const before = (await call(rep, 'GET', '/api/v1/project-applications/tohoku-jr-2014')).json();
    const program = (await call(null, 'GET', '/api/v1/programs/mext-iep-2014')).json();
    const rules = {
      ...program.rules,
      stipend: { ...program.rules.stipend, monthlyAmount: program.rules.stipend.monthlyAmount * 2 },
    };
    const other = await call(coordinator, 'PUT', '/api/v1/programs/mext-iep-2014/rules', rules);
    expect(other.statusCode).toBe(403);
    const res = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', rules);
    expect(res.statusCode).toBe(200);
    expect(res.json().versions.map((v: { version: number }) => v.version)).toEqual([
      program.rules.version + 1,
      program.rules.version,
    ]);
    // The new version names its author and says what changed, field by field.
    const latest = res.json().versions[0];
    expect(latest.createdByName).toBeTruthy();
    expect(Object.values(latest.createdByName).join(' ')).toMatch(/\S/);
    // Undated, the edit governs from today: its date is a change of its own.
    expect(latest.changes).toEqual([
      {
        path: 'stipend.monthlyAmount',
        from: program.rules.stipend.monthlyAmount,
        to: program.rules.stipend.monthlyAmount * 2,
      },
      { path: 'effectiveFrom', from: null, to: res.json().rules.effectiveFrom },
    ]);
    const after = (await call(rep, 'GET', '/api/v1/project-applications/tohoku-jr-2014')).json();
    const yen = (b: { years: { scholarshipYen?: number; yen?: number; stipendYen?: number }[] }) =>
      JSON.stringify(b);
    expect(yen(after.budget)).not.toEqual(yen(before.budget));
    const bad = await call(funder, 'PUT', '/api/v1/programs/mext-iep-2014/rules', {
      ...rules,
      stayMonths: { min: 12, max: 3 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^body\.stayMonths/);
    expect(bad.json().error.details.issues[0].field).toMatch(/^body\.stayMonths/);
  });

  it('R1: a draft shows its checks with reasons naming the rule', async () => {
    const draft = (
      await call(hokudai, 'GET', '/api/v1/project-applications/draft-hokkaido-niigata-2003')
    ).json();
    // A draft's checks are live, dated now.
    expect(Date.parse(draft.checks.asOf)).not.toBeNaN();
    expect(draft.recheck).toBeNull();
    const failed = draft.checks.results
      .filter((c: { ok: boolean }) => !c.ok)
      .map((c: { rule: string }) => c.rule);
    expect(failed).toContain('R1');
    // The button that would certainly fail is not offered; the reasons come instead.
    expect(draft.may).toMatchObject({ edit: true, submit: false, decideOutcome: false });
    expect(draft.whyNot.submit.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['program.home_too_few', 'program.deadline_passed']),
    );
    // Each check is refusal-shaped: a code with params, no English sentence.
    const r1 = draft.checks.results.find(
      (c: { code: string }) => c.code === 'program.home_too_few',
    );
    expect(r1).toMatchObject({
      rule: 'R1',
      ok: false,
      field: 'outline.consortia.home.members',
      params: { count: 2, min: 3, country: 'JP' },
    });
    expect(r1).not.toHaveProperty('message');
    expect(r1).not.toHaveProperty('fix');
    expect(draft.programName.en).toMatch(/\S/);
    expect(draft.representativeName).toBeTruthy();
    expect(draft.whyNot.suspend).toBeNull();
  });

  it("an application is drafted and saved only in one's own consortium's name", async () => {
    const draft = (
      await call(hokudai, 'GET', '/api/v1/project-applications/draft-hokkaido-niigata-2003')
    ).json();
    const content = structuredClone(draft.content);
    // Tohoku's consortium, as home, in a new draft by Hokkaido's officer.
    content.outline.consortia.home.consortiumId = 'tohoku-jr-japan';
    content.outline.consortia.home.representativeId = 'tohoku.ac.jp';
    const created = await call(hokudai, 'POST', '/api/v1/project-applications', {
      id: 'in-tohokus-name',
      programId: draft.programId,
      content,
    });
    expect(created.statusCode).toBe(422);
    expect(created.json().error.details.refusals[0]).toMatchObject({
      code: 'program.not_own_consortium',
      field: 'content.outline.consortia.home.consortiumId',
    });
    // Nor by saving an own draft under another consortium's name.
    const saved = await call(
      hokudai,
      'PUT',
      '/api/v1/project-applications/draft-hokkaido-niigata-2003',
      { content },
    );
    expect(saved.statusCode).toBe(422);
    expect(saved.json().error.details.refusals[0].code).toBe('program.not_own_consortium');
    const list = (await call(rep, 'GET', '/api/v1/project-applications')).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain('in-tohokus-name');
    // A representative university that is not a member of the home consortium is refused.
    const stranger = structuredClone(draft.content);
    stranger.outline.consortia.home.representativeId = 'tohoku.ac.jp';
    const res = await call(
      hokudai,
      'PUT',
      '/api/v1/project-applications/draft-hokkaido-niigata-2003',
      { content: stranger },
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'program.representative_not_member',
    );
  });

  it('R18 and 003 §11: a submission after the deadline or by someone else is refused with the rule, and nothing is stored', async () => {
    const byOther = await call(
      coordinator,
      'POST',
      '/api/v1/project-applications/draft-hokkaido-niigata-2003/submit',
    );
    expect(byOther.statusCode).toBe(404); // not even visible outside its consortium
    const late = await call(
      hokudai,
      'POST',
      '/api/v1/project-applications/draft-hokkaido-niigata-2003/submit',
    );
    expect(late.statusCode).toBe(422);
    const rules = late.json().error.details.refusals.map((r: { rule: string }) => r.rule);
    expect(rules).toEqual(expect.arrayContaining(['R1', 'R18']));
    expect(late.json().error.details.rules).toEqual(expect.arrayContaining(['R1', 'R18']));
    const codes = late.json().error.details.refusals.map((r: { code: string }) => r.code);
    expect(codes).toEqual(
      expect.arrayContaining(['program.home_too_few', 'program.deadline_passed']),
    );
    for (const r of late.json().error.details.refusals) {
      expect(Object.keys(r).sort()).toEqual(expect.arrayContaining(['code', 'params', 'rule']));
      expect(r).not.toHaveProperty('ok');
      expect(r).not.toHaveProperty('message');
    }
    const after = (
      await call(hokudai, 'GET', '/api/v1/project-applications/draft-hokkaido-niigata-2003')
    ).json();
    expect(after.status).toBe('draft');
    expect(after.submittedAt).toBeNull();
  });

  it('R10: the funder suspends a selected project with a reason and reinstates it', async () => {
    const noReason = await call(
      funder,
      'POST',
      '/api/v1/project-applications/tohoku-jr-2014/support',
      { type: 'suspend', on: '2016-01-10', reason: '' },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('body.reason');
    const before = (
      await call(funder, 'GET', '/api/v1/project-applications/tohoku-jr-2014')
    ).json();
    expect(before.may).toMatchObject({ suspend: true, reinstate: false, review: true });
    const notSuspended = await call(
      funder,
      'POST',
      '/api/v1/project-applications/tohoku-jr-2014/support',
      { type: 'reinstate', on: '2016-01-05' },
    );
    expect(notSuspended.statusCode).toBe(422);
    expect(notSuspended.json().error.details.refusals).toEqual([
      { rule: 'R10', code: 'program.support_not_suspended', params: { status: 'active' } },
    ]);
    const suspended = await call(
      funder,
      'POST',
      '/api/v1/project-applications/tohoku-jr-2014/support',
      { type: 'suspend', on: '2016-01-10', reason: 'safety advisory' },
    );
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().support.status).toBe('suspended');
    expect(suspended.json().may).toMatchObject({ suspend: false, reinstate: true });
    const back = await call(funder, 'POST', '/api/v1/project-applications/tohoku-jr-2014/support', {
      type: 'reinstate',
      on: '2016-03-01',
    });
    expect(back.json().support.status).toBe('active');
    // The history says who recorded each change and when, by name.
    const history = back.json().support.history;
    expect(history.map((h: { status: string }) => h.status)).toEqual([
      'active',
      'suspended',
      'active',
    ]);
    for (const entry of history) {
      expect(entry.byName?.en).toMatch(/\S/);
      expect(Date.parse(entry.recordedAt)).not.toBeNaN();
    }
    expect(history[1].by).not.toBe(history[1].byName.en);
    expect(
      (
        await call(rep, 'POST', '/api/v1/project-applications/tohoku-jr-2014/support', {
          type: 'end',
          on: '2017-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('R15: the dossier is an A4 PDF in Japanese and English with the §6 items', async () => {
    const ja = await call(
      rep,
      'GET',
      '/api/v1/project-applications/tohoku-jr-2014/dossier.pdf?lang=ja',
    );
    expect(ja.statusCode).toBe(200);
    expect(ja.headers['content-type']).toBe('application/pdf');
    expect(ja.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(ja.rawPayload);
    expect(text.mediaBoxes[0]?.map((x) => Math.round(x * 100) / 100)).toEqual([
      0, 0, 595.28, 841.89,
    ]);
    expect(text.compact).toContain('東北大学');
    expect(text.compact).toMatch(/Московский|Новосибирский/);
    const en = await call(
      rep,
      'GET',
      '/api/v1/project-applications/tohoku-jr-2014/dossier.pdf?lang=en',
    );
    expect(extractPdfText(en.rawPayload).compact).toContain('TohokuUniversity');
    expect(
      (await call(null, 'GET', '/api/v1/project-applications/tohoku-jr-2014/dossier.pdf'))
        .statusCode,
    ).toBe(401);
  });
});
