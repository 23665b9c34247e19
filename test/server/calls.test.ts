/**
 * Calls, the student portal, eligibility with reasons (R3, R9, R12, R18), common screening (R6,
 * R16) and the hand-off to allocation, on the demo world (source documents 000 and 003).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, signInAs, type Session, type TestApp } from '#test/support/app.ts';
import {
  agreementVersions,
  callApplications,
  calls,
  applicationDocuments,
  notifications,
  studentProfiles,
  users,
} from '#src/db/schema.ts';
import { validateInstance } from '#src/domain/allocation/schema.ts';
import { agreementClauses } from '#src/services/calls/consent.ts';

const D = 'demo.kakehashi.example';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe.each(ENGINES)('calls and common screening on %s', (engine) => {
  let t: TestApp;
  let student: Session;
  let foreign: Session;
  let reviewer: Session;
  let nsu: Session;
  let tohokuCoordinator: Session;
  let rep: Session;
  let applicationId = '';

  beforeAll(async () => {
    t = await createTestApp(engine);
    student = await signInAs(t.app, `student.tohoku@${D}`);
    foreign = await signInAs(t.app, `student.foreign@${D}`);
    reviewer = await signInAs(t.app, `reviewer@${D}`);
    nsu = await signInAs(t.app, `coordinator.nsu@${D}`);
    tohokuCoordinator = await signInAs(t.app, `coordinator.tohoku@${D}`);
    rep = await signInAs(t.app, `rep.tohoku@${D}`);
  });
  afterAll(() => t.close());

  const call = (s: Session | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: s ? { cookie: s.cookie, 'x-csrf-token': s.csrfToken } : {},
    });
  const upload = (s: Session, id: string, query: string, body: Buffer, type: string) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/call-applications/${id}/documents?${query}`,
      payload: body,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': type },
    });

  it('R18: the public catalogue lists open calls with their deadlines, and all with ?status=all', async () => {
    const open = (await call(null, 'GET', '/api/v1/calls')).json();
    expect(open.items.map((c: { id: string }) => c.id)).toEqual(['tohoku-jr-2027']);
    expect(open.items[0]).toMatchObject({ open: true, closes: '2027-12-31', maxRankedHosts: 3 });
    expect(open.items[0].hosts.map((h: { institutionId: string }) => h.institutionId)).toEqual([
      'msu.ru',
      'nsu.ru',
      'dvfu.ru',
    ]);
    const all = (await call(null, 'GET', '/api/v1/calls?status=all')).json();
    expect(all.items.map((c: { id: string }) => c.id)).toContain('tohoku-jr-2015');
    const one = (await call(null, 'GET', '/api/v1/calls/tohoku-jr-2015')).json();
    expect(one).toMatchObject({ open: false, nominationDeadline: '2015-03-31' });
    expect((await call(null, 'GET', '/api/v1/calls/nope')).statusCode).toBe(404);
  });

  it('R18: the iCalendar feed of deadlines is text/calendar', async () => {
    const res = await call(null, 'GET', '/api/v1/calls.ics?lang=ja');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body).toContain('BEGIN:VCALENDAR');
    expect(res.body).toContain('UID:tohoku-jr-2015-closes@kakehashi');
    expect(res.body).toContain('DTSTART;VALUE=DATE:20150227');
    expect(res.body).toContain('応募締切');
  });

  it('a ranking with a host outside the call, a duplicate or too many hosts is refused naming the position; nothing stored', async () => {
    const bad = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['msu.ru', 'msu.ru', 'tohoku.ac.jp', 'nsu.ru'],
      requestedMonths: 6,
    });
    expect(bad.statusCode).toBe(400);
    const issues = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(issues).toEqual(['body.ranking[1]', 'body.ranking[2]', 'body.ranking[3]']);
    expect(bad.json().error.message).toMatch(/^body\.ranking\[1\]: /);
    // Each position says its problem as a code, with the host's name (not its id) in params.
    expect(bad.json().error.details.issues[0]).toMatchObject({
      code: 'calls.ranking_duplicate_host',
      params: { position: 2, first: 1, host: { en: 'Lomonosov Moscow State University' } },
    });
    const mine = (await call(student, 'GET', '/api/v1/me/applications')).json();
    expect(mine.items).toEqual([]);
  });

  it('R9: a foreign student on the residence status 留学 is refused with the reason, and nothing is stored', async () => {
    const res = await call(foreign, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['msu.ru'],
      requestedMonths: 6,
    });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.details.rules).toEqual(['R9']);
    expect(error.details.refusals[0]).toEqual({
      rule: 'R9',
      code: 'calls.table1_student_residence_status',
      params: { status: 'student' },
    });
    const stored = await t.database.db
      .select({ id: callApplications.id })
      .from(callApplications)
      .where(eq(callApplications.callId, 'tohoku-jr-2027'));
    expect(stored).toEqual([]);
  });

  it('R12 and R3: a stay outside the program range and a level the program does not target are refused with their rules', async () => {
    const long = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['msu.ru'],
      requestedMonths: 13,
    });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.details.refusals).toEqual([
      expect.objectContaining({
        rule: 'R12',
        code: 'calls.stay_too_long',
        params: expect.objectContaining({ max: 12 }),
      }),
    ]);
    const [me] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, `student.tohoku@${D}`));
    await t.database.db
      .update(studentProfiles)
      .set({ level: 'non_degree' })
      .where(eq(studentProfiles.userId, me!.id));
    const level = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['msu.ru'],
      requestedMonths: 6,
    });
    await t.database.db
      .update(studentProfiles)
      .set({ level: 'bachelor' })
      .where(eq(studentProfiles.userId, me!.id));
    expect(level.statusCode).toBe(422);
    expect(level.json().error.details.rules).toContain('R3');
    expect(level.json().error.details.refusals.map((r: { code: string }) => r.code)).toContain(
      'calls.level_not_targeted',
    );
  });

  it('R18: applying to a closed call is refused naming R18', async () => {
    const res = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2015/applications', {
      ranking: ['msu.ru'],
      requestedMonths: 6,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.refusals[0]).toMatchObject({
      rule: 'R18',
      code: 'calls.call_closed',
      params: { closes: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
  });

  it('a student applies with three ranked hosts; the student and the home coordinator are notified', async () => {
    const res = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['nsu.ru', 'msu.ru', 'dvfu.ru'],
      requestedMonths: 10,
    });
    expect(res.statusCode).toBe(201);
    const app = res.json();
    applicationId = app.id;
    expect(app).toMatchObject({
      status: 'submitted',
      ranking: ['nsu.ru', 'msu.ru', 'dvfu.ru'],
      eligibleHosts: ['nsu.ru', 'msu.ru', 'dvfu.ru'],
      funded: true,
      may: { withdraw: true, upload: true },
      locked: [],
    });
    // Names next to ids: the home university and every ranked host.
    expect(app.home).toMatchObject({ en: 'Tohoku University' });
    expect(app.rankedHosts[0]).toMatchObject({
      institutionId: 'nsu.ru',
      name: { en: 'Novosibirsk State University' },
      eligible: true,
    });
    const again = await call(student, 'POST', '/api/v1/calls/tohoku-jr-2027/applications', {
      ranking: ['nsu.ru'],
      requestedMonths: 10,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.refusals[0]).toMatchObject({
      code: 'calls.already_applied',
      params: { call: expect.objectContaining({ en: expect.any(String) }) },
    });
    // The call page no longer offers the form, and says why.
    const page = (await call(student, 'GET', '/api/v1/calls/tohoku-jr-2027')).json();
    expect(page.may.apply).toBe(false);
    expect(page.applyRefusals.map((r: { code: string }) => r.code)).toEqual([
      'calls.already_applied',
    ]);
    const mine = (await call(student, 'GET', '/api/v1/me/notifications')).json();
    expect(mine.items[0]).toMatchObject({ type: 'application.submitted', readAt: null });
    // Names, not ids: the call's title and the hosts travel in every language they have.
    expect(mine.items[0].params.hosts[0]).toMatchObject({ en: 'Novosibirsk State University' });
    const staff = (await call(tohokuCoordinator, 'GET', '/api/v1/me/notifications')).json();
    expect(staff.items.map((n: { type: string }) => n.type)).toContain(
      'application.submitted_home',
    );
    const read = await call(student, 'POST', `/api/v1/me/notifications/${mine.items[0].id}/read`);
    expect(read.statusCode).toBe(200);
    const other = await call(foreign, 'POST', `/api/v1/me/notifications/${mine.items[0].id}/read`);
    expect(other.statusCode).toBe(404);
  });

  it('documents: type by content type and magic bytes, size, names; sha256 stored; only owner and staff download', async () => {
    const wrongMagic = await upload(
      student,
      applicationId,
      'kind=transcript&filename=t.pdf',
      PNG,
      'application/pdf',
    );
    expect(wrongMagic.statusCode).toBe(415);
    expect(wrongMagic.json().error.details.refusals[0]).toEqual({
      code: 'calls.document_content_mismatch',
      params: { type: 'PDF' },
    });
    const html = await upload(
      student,
      applicationId,
      'kind=transcript&filename=t.pdf',
      Buffer.from('<html>'),
      'text/html',
    );
    expect(html.statusCode).toBe(415);
    expect(html.json().error.details.refusals[0]).toMatchObject({
      code: 'calls.document_type_not_accepted',
      params: { type: 'text/html' },
    });
    const htmlName = await upload(
      student,
      applicationId,
      'kind=transcript&filename=t.html',
      PDF,
      'application/pdf',
    );
    expect(htmlName.statusCode).toBe(400);
    expect(htmlName.json().error.details.issues[0]).toMatchObject({
      field: 'query.filename',
      code: 'calls.filename_script',
    });
    const script = await upload(
      student,
      applicationId,
      `kind=transcript&filename=${encodeURIComponent('<script>.pdf')}`,
      PDF,
      'application/pdf',
    );
    expect(script.statusCode).toBe(400);
    expect(script.json().error.details.issues[0].code).toBe('calls.filename_script');
    const js = await upload(
      student,
      applicationId,
      'kind=transcript&filename=x.js.pdf',
      PDF,
      'application/pdf',
    );
    expect(js.statusCode).toBe(400);
    const path = await upload(
      student,
      applicationId,
      `kind=transcript&filename=${encodeURIComponent('../../etc/t.pdf')}`,
      PDF,
      'application/pdf',
    );
    expect(path.json().error.details.issues[0].code).toBe('calls.filename_with_path');
    const control = await upload(
      student,
      applicationId,
      `kind=transcript&filename=${encodeURIComponent('a\u0007.pdf')}`,
      PDF,
      'application/pdf',
    );
    expect(control.json().error.details.issues[0].code).toBe('calls.filename_control_characters');
    const big = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]);
    const tooBig = await upload(
      student,
      applicationId,
      'kind=transcript&filename=t.pdf',
      big,
      'application/pdf',
    );
    expect(tooBig.statusCode).toBe(400);
    expect(tooBig.json().error.details.issues[0]).toMatchObject({
      field: 'body',
      code: 'calls.document_too_large',
      params: { limit: 5242880 },
    });
    const kind = await upload(
      student,
      applicationId,
      'kind=passport&filename=t.pdf',
      PDF,
      'application/pdf',
    );
    expect(kind.json().error.details.issues[0]).toMatchObject({
      field: 'query.kind',
      code: 'calls.document_kind_not_asked',
      params: { kind: 'passport' },
    });
    const scriptInside = await upload(
      student,
      applicationId,
      'kind=transcript&filename=t.pdf',
      Buffer.concat([PDF, Buffer.from('<SCRIPT>alert(1)</script>')]),
      'application/pdf',
    );
    expect(scriptInside.statusCode).toBe(400);
    const stored = await t.database.db
      .select({ id: applicationDocuments.id })
      .from(applicationDocuments);
    expect(stored).toEqual([]); // nothing half-saved

    const ok = await upload(
      student,
      applicationId,
      'kind=transcript&filename=成績証明書.pdf',
      PDF,
      'application/pdf',
    );
    expect(ok.statusCode).toBe(201);
    const doc = ok.json();
    expect(doc.sha256).toBe(
      (await import('node:crypto')).createHash('sha256').update(PDF).digest('hex'),
    );
    const url = `/api/v1/call-applications/${applicationId}/documents/${doc.id}`;
    const own = await call(student, 'GET', url);
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.equals(PDF)).toBe(true);
    expect((await call(nsu, 'GET', url)).statusCode).toBe(200); // a host's coordinator
    expect((await call(foreign, 'GET', url)).statusCode).toBe(404);
    expect((await call(null, 'GET', url)).statusCode).toBe(401);
    const byOther = await upload(
      foreign,
      applicationId,
      'kind=transcript&filename=t.pdf',
      PDF,
      'application/pdf',
    );
    expect(byOther.statusCode).toBe(404);
  });

  it('R6: reviewers score on the common rubric, never an applicant of their own institution', async () => {
    const own = await call(
      tohokuCoordinator,
      'POST',
      `/api/v1/call-applications/${applicationId}/reviews`,
      {
        scores: { motivation: 8, language: 7 },
      },
    );
    expect(own.statusCode).toBe(422);
    expect(own.json().error.details).toMatchObject({
      rules: ['R6'],
      refusals: [
        {
          rule: 'R6',
          code: 'calls.reviewer_own_institution',
          params: { institution: expect.objectContaining({ en: 'Tohoku University' }) },
        },
      ],
    });
    // The applicants list does not offer this reviewer the form, and says why (R6).
    const listed = (
      await call(tohokuCoordinator, 'GET', '/api/v1/calls/tohoku-jr-2027/applications')
    ).json();
    const mine = listed.items.find((i: { id: string }) => i.id === applicationId);
    expect(mine.may.review).toBe(false);
    expect(mine.reviewRefusals[0]).toMatchObject({
      rule: 'R6',
      code: 'calls.reviewer_own_institution',
    });
    expect(mine.student).toMatchObject({ en: expect.any(String) });
    const outOfRange = await call(
      reviewer,
      'POST',
      `/api/v1/call-applications/${applicationId}/reviews`,
      {
        scores: { motivation: 11, language: 7 },
      },
    );
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().error.message).toMatch(/^body\.scores\.motivation/);
    expect(outOfRange.json().error.details.issues[0]).toMatchObject({
      field: 'body.scores.motivation',
      code: 'calls.score_out_of_range',
      params: { score: 11, min: 0, max: 10 },
    });
    const byReviewer = (
      await call(reviewer, 'GET', '/api/v1/calls/tohoku-jr-2027/applications')
    ).json();
    expect(byReviewer.items.find((i: { id: string }) => i.id === applicationId).may.review).toBe(
      true,
    );
    expect(
      (
        await call(student, 'POST', `/api/v1/call-applications/${applicationId}/reviews`, {
          scores: { motivation: 8, language: 7 },
        })
      ).statusCode,
    ).toBe(403);
    const first = await call(
      reviewer,
      'POST',
      `/api/v1/call-applications/${applicationId}/reviews`,
      {
        scores: { motivation: 8, language: 7 },
      },
    );
    expect(first.statusCode).toBe(200);
    expect(first.json().score.complete).toBe(false);
    const second = await call(nsu, 'POST', `/api/v1/call-applications/${applicationId}/reviews`, {
      scores: { motivation: 9, language: 8 },
    });
    expect(second.statusCode).toBe(200);
    expect(second.json().score).toMatchObject({ complete: true, reviewers: 2 });
    expect(second.json().score.grade.explanation).toMatch(/^Japanese GPA 0–4: 3.3 → 88.33/);
    // The conversion travels as numbers, for the reader's app to write out.
    expect(second.json().score.grade).toMatchObject({
      scaleId: 'jp-gpa-4',
      grade: 3.3,
      value: 88.33,
      between: { from: [expect.any(Number), expect.any(Number)] },
    });
    const notes = (await call(student, 'GET', '/api/v1/me/notifications')).json();
    expect(notes.items[0].type).toBe('application.scored');
  });

  it('R6: the rank list shows common scores with the grade conversion and ties explained', async () => {
    const res = await call(reviewer, 'GET', '/api/v1/calls/tohoku-jr-2015/ranking');
    expect(res.statusCode).toBe(200);
    const ranking = res.json();
    expect(ranking.consent).toMatchObject({ rule: 'R16', via: 'agreement' });
    expect(ranking.items.map((i: { studentName: string }) => i.studentName)).toEqual([
      'Haruto Aoyama (invented)',
      'Yui Sasaki (invented)',
      'Sota Kimura (invented)',
    ]);
    const [, yui, sota] = ranking.items;
    expect(yui.scoreRank).toBe(sota.scoreRank);
    expect(yui.tiedWith).toEqual([sota.applicationId]);
    expect(yui.aheadOfNext).toMatchObject({ decidedBy: 'submitted_at' });
    expect(yui.grade.explanation).toMatch(/Japanese GPA 0–4: 3.2/);
    // Names, not ids: the student, the home university and the ranked hosts.
    expect(yui.student).toMatchObject({ en: 'Yui Sasaki (invented)' });
    expect(yui.home).toMatchObject({ en: 'Tohoku University' });
    expect(yui.rankedHosts.map((h: { name: { en: string } }) => h.name.en)).not.toContain('msu.ru');
    expect(yui.totalWeight).toBeGreaterThan(0);
    expect(ranking.pending.map((p: { studentName: string }) => p.studentName)).toEqual([
      'Mei Tanaka (invented)',
    ]);
    expect((await call(student, 'GET', '/api/v1/calls/tohoku-jr-2015/ranking')).statusCode).toBe(
      403,
    );
  });

  it('the allocation instance of the demo call validates against kakehashi-allocation/1 (read back)', async () => {
    const res = await call(rep, 'GET', '/api/v1/calls/tohoku-jr-2015/allocation-instance');
    expect(res.statusCode).toBe(200);
    const validation = validateInstance(JSON.parse(res.body));
    expect(validation.ok).toBe(true);
    const instance = res.json();
    expect(instance.format).toBe('kakehashi-allocation/1');
    expect(instance.students).toHaveLength(3);
    expect(instance.students[0]).toMatchObject({
      home: 'tohoku.ac.jp',
      funded: true,
      prefs: ['msu.ru', 'nsu.ru', 'dvfu.ru'],
    });
    // The tie (equal common scores) keeps the rank list's order in the scores.
    expect(instance.students[1].score).toBeGreaterThan(instance.students[2].score);
    expect(instance.rules).toMatchObject({ fundedMonthsCap: 360, stipendPerMonth: 100000 });
    expect(res.headers['x-kakehashi-omitted']).toBe('1');
    expect(
      (await call(student, 'GET', '/api/v1/calls/tohoku-jr-2015/allocation-instance')).statusCode,
    ).toBe(403);
  });

  it('R18: a student withdraws until the deadline, not after it', async () => {
    const withdrawn = await call(
      student,
      'POST',
      `/api/v1/call-applications/${applicationId}/withdraw`,
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    const late = await signInAs(t.app, `applicant1@${D}`);
    const [mine] = (await call(late, 'GET', '/api/v1/me/applications')).json().items;
    expect(mine.may).toEqual({ withdraw: false, upload: false });
    expect(mine.locked).toEqual([
      { rule: 'R18', code: 'calls.withdraw_after_deadline', params: { closes: mine.closes } },
    ]);
    const refused = await call(late, 'POST', `/api/v1/call-applications/${mine.id}/withdraw`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.rules).toEqual(['R18']);
    expect(refused.json().error.details.refusals[0].code).toBe('calls.withdraw_after_deadline');
    const [row] = await t.database.db
      .select({ status: callApplications.status })
      .from(callApplications)
      .where(eq(callApplications.id, mine.id));
    expect(row?.status).toBe('scored');
  });

  it('R16: without the agreement’s consent on common screening, the rubric is not used', async () => {
    const one = (await call(null, 'GET', '/api/v1/calls/tohoku-jr-2015')).json();
    const [version] = await t.database.db
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, one.agreementId));
    const content = version!.content;
    await t.database.db
      .update(agreementVersions)
      .set({ content: { ...content, clauses: { ...content.clauses, commonScreening: false } } })
      .where(eq(agreementVersions.agreementId, one.agreementId));
    expect(await agreementClauses(t.database.db, one.agreementId)).not.toContainEqual(
      expect.objectContaining({ kind: 'common_screening' }),
    );
    const ranking = await call(reviewer, 'GET', '/api/v1/calls/tohoku-jr-2015/ranking');
    expect(ranking.statusCode).toBe(422);
    expect(ranking.json().error.details).toMatchObject({
      rules: ['R16'],
      refusals: [{ rule: 'R16', code: 'calls.screening_consent_missing', params: {} }],
    });
    const [app4] = await t.database.db
      .select({ id: callApplications.id })
      .from(callApplications)
      .innerJoin(users, eq(users.id, callApplications.studentUserId))
      .where(eq(users.email, `applicant4@${D}`));
    const review = await call(nsu, 'POST', `/api/v1/call-applications/${app4!.id}/reviews`, {
      scores: { motivation: 6, language: 6 },
    });
    expect(review.statusCode).toBe(422);
    expect(review.json().error.details.rules).toEqual(['R16']);
    const [row] = await t.database.db.select().from(calls).where(eq(calls.id, 'tohoku-jr-2015'));
    const edit = await call(rep, 'PUT', '/api/v1/calls/tohoku-jr-2015', {
      ...one,
      hosts: row!.hosts,
      rubric: row!.rubric,
    });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.details.rules).toEqual(['R16']);
    await t.database.db
      .update(agreementVersions)
      .set({ content })
      .where(eq(agreementVersions.agreementId, one.agreementId));
  });

  it('calls are created and edited by managers of a sending consortium only', async () => {
    const one = (await call(null, 'GET', '/api/v1/calls/tohoku-jr-2027')).json();
    const { may: _may, id: _id, ...rest } = one;
    const content = {
      ...rest,
      hosts: one.hosts.map((h: Record<string, unknown>) => ({
        institutionId: h.institutionId,
        consortiumId: h.consortiumId,
        places: h.places,
        languageRequirements: h.languageRequirements,
      })),
      rubric: null,
      title: { en: 'A follow-up call' },
    };
    const byNsu = await call(nsu, 'POST', '/api/v1/calls', { id: 'follow-up-2028', content });
    expect(byNsu.statusCode).toBe(403);
    const bad = await call(rep, 'POST', '/api/v1/calls', {
      id: 'follow-up-2028',
      content: { ...content, closes: '2025-01-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/^body\.closes/);
    const created = await call(rep, 'POST', '/api/v1/calls', { id: 'follow-up-2028', content });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      id: 'follow-up-2028',
      open: true,
      may: { manage: true },
    });
    const edited = await call(tohokuCoordinator, 'PUT', '/api/v1/calls/follow-up-2028', {
      ...content,
      maxRankedHosts: 2,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().maxRankedHosts).toBe(2);
  });

  it('R2: a call open to students names an agreement in force for every stay it can lead to', async () => {
    const one = (await call(null, 'GET', '/api/v1/calls/tohoku-jr-2027')).json();
    const { may: _may, id: _id, ...rest } = one;
    const agreementsOf = (
      await call(null, 'GET', '/api/v1/agreements?party=tohoku-jr-japan')
    ).json();
    const expired = agreementsOf.items.find((a: { status: string }) => a.status === 'expired');
    const content = {
      ...rest,
      hosts: one.hosts.map((h: Record<string, unknown>) => ({
        institutionId: h.institutionId,
        consortiumId: h.consortiumId,
        places: h.places,
        languageRequirements: h.languageRequirements,
      })),
      rubric: null,
      title: { en: 'A call under the agreement that ran out in 2024' },
      agreementId: expired.id,
    };
    // Departures in April 2028 for up to 12 months, under an agreement that ended 2024-03-31.
    const refused = await call(rep, 'POST', '/api/v1/calls', { id: 'under-expired', content });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.issues[0]).toMatchObject({
      field: 'body.agreementId',
      code: 'agreement.not_in_force',
      params: { validTo: '2024-03-31', start: '2028-04-01' },
    });
    // A draft may be prepared while the agreement is being renewed.
    const draft = await call(rep, 'POST', '/api/v1/calls', {
      id: 'under-expired',
      content: { ...content, status: 'draft' },
    });
    expect(draft.statusCode).toBe(201);
  });

  it('the routes are in the OpenAPI document', async () => {
    const res = await call(null, 'GET', '/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/calls',
        '/api/v1/calls.ics',
        '/api/v1/calls/{id}/ranking',
        '/api/v1/calls/{id}/allocation-instance',
        '/api/v1/call-applications/{id}/documents',
        '/api/v1/me/notifications',
      ]),
    );
  });

  it('notifications are only the user’s own', async () => {
    const rows = await t.database.db.select().from(notifications);
    expect(rows.length).toBeGreaterThan(0);
    expect((await call(null, 'GET', '/api/v1/me/notifications')).statusCode).toBe(401);
  });
});
