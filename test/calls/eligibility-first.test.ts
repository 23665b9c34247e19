/**
 * Eligibility first: the call view tells a signed-in student whether they may apply before the
 * form — every reason with its rule (R3, R9, R12, R18, the consortium), judged on the profile
 * their university records and on the days the rule concerns, or the application already made —
 * and the screening view tells a reviewer why they may not score an applicant (R6, 003 §5(6)).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { consortiumMembers } from '#src/db/schema.ts';
import {
  aCall,
  aCommonRubric,
  aProgram,
  aStudentProfile,
  aStudentUser,
  aUser,
  asHeaders,
  next,
  signedInAs,
  type FactoryCall,
  type FactoryUser,
} from '#test/factories/index.ts';

/** 2027-02-01, noon in Tokyo. */
const NOON = new Date('2027-02-01T03:00:00Z');

describe.each(ENGINES)('eligibility before the application form on %s', (engine) => {
  let t: TestApp;
  const clock = { at: NOON, now: () => new Date(clock.at) };
  let openCall: FactoryCall;
  let home: string;

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock });
    openCall = await aCall(t.database.db, {
      departureFrom: '2027-09-01',
      departureTo: '2027-10-15',
    });
    home = openCall.sending.memberIds[0]!;
  });
  afterAll(() => t.close());

  /** A signed-in student with the profile their university records (none when null). */
  async function aStudent(profile: Parameters<typeof aStudentProfile>[2] | null) {
    const user = await aStudentUser(t.database.db);
    if (profile) await aStudentProfile(t.database.db, user, profile);
    return { user, session: await signedInAs(t.app, user) };
  }

  const get = (s: Session | null, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s ? asHeaders(s) : {} });
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: asHeaders(s), ...(payload ? { payload } : {}) });
  const view = async (s: Session | null, call: { id: string } = openCall) => {
    const res = await get(s, `/api/v1/calls/${call.id}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('R9: the call view tells a foreign student on a student residence status that they are not entitled, before any form', async () => {
    const { user, session } = await aStudent({
      home,
      residenceStatus: 'student',
      nationality: 'CN',
    });
    const page = await view(session);
    expect(page.may.apply).toBe(false);
    expect(page.eligibility).toMatchObject({
      status: 'ineligible',
      checkedOn: '2027-02-01',
      application: null,
    });
    expect(page.eligibility.refusals).toEqual([
      { rule: 'R9', code: 'calls.table1_student_residence_status', params: { status: 'student' } },
    ]);
    expect(page.applyRefusals).toEqual(page.eligibility.refusals);
    // Judged on what the university records, not on what the student says: once the home
    // coordinator records the new status, the same student may apply.
    const coordinator = await signedInAs(
      t.app,
      await aUser(t.database.db, { roles: [{ role: 'coordinator', scopeId: home }] }),
    );
    const recorded = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/students/${user.id}/record`,
      headers: asHeaders(coordinator),
      payload: { grade: null, residenceStatus: 'permanent_resident' },
    });
    expect(recorded.statusCode).toBe(200);
    const after = await view(session);
    expect(after.eligibility).toMatchObject({ status: 'eligible', refusals: [], funding: [] });
    expect(after.may.apply).toBe(true);
  });

  it('R9: a student of a university outside Japan may apply but is told before the form that the support is not theirs', async () => {
    const foreignHome = openCall.hosting!.memberIds[0]!;
    const sendingBothWays = await aCall(t.database.db, {
      sending: openCall.hosting!,
      hosting: openCall.sending,
    });
    const { session } = await aStudent({ home: foreignHome, nationality: 'RU' });
    const page = await view(session, sendingBothWays);
    expect(page.eligibility.status).toBe('eligible');
    expect(page.eligibility.funding).toEqual([
      expect.objectContaining({ rule: 'R9', code: 'calls.not_dispatched_from_japan' }),
    ]);
  });

  it('R3: the call view refuses a level the program does not target, and a profile that is missing', async () => {
    const { session } = await aStudent({ home, level: 'non_degree' });
    const page = await view(session);
    expect(page.may.apply).toBe(false);
    expect(page.eligibility.refusals).toContainEqual(
      expect.objectContaining({ rule: 'R3', code: 'calls.level_not_targeted' }),
    );
    const none = await aStudent(null);
    const empty = await view(none.session);
    expect(empty.eligibility).toMatchObject({
      status: 'ineligible',
      refusals: [{ code: 'calls.profile_missing', params: {} }],
    });
  });

  it('R12: the call view gives the stay the student may ask for — the program’s range narrowed by the call’s — and the months are checked on applying', async () => {
    const program = await aProgram(t.database.db, {
      rules: {
        stayMonths: { min: 3, max: 8 },
        annualCap: { studentMonths: 240, studentsAtFullLength: 30 },
      },
    });
    const narrowed = await aCall(t.database.db, {
      program,
      stayMonths: { min: 5, max: 10 },
      departureFrom: '2027-09-01',
      departureTo: '2027-10-15',
    });
    // Enrolled until 2028-03-31: the shortest stay (5 months from 2027-09-01) ends in time.
    const { session } = await aStudent({
      home: narrowed.sending.memberIds[0]!,
      enrolmentUntil: '2028-03-31',
    });
    const page = await view(session, narrowed);
    expect(page.eligibility).toMatchObject({ status: 'eligible', stay: { min: 5, max: 8 } });
    const apply = (months: number) =>
      post(session, `/api/v1/calls/${narrowed.id}/applications`, {
        ranking: [narrowed.hostIds[0]],
        requestedMonths: months,
      });
    const long = await apply(9);
    expect(long.statusCode).toBe(422);
    expect(long.json().error.details.refusals).toContainEqual(
      expect.objectContaining({
        rule: 'R12',
        code: 'calls.stay_too_long',
        params: expect.objectContaining({ months: 9, min: 5, max: 8 }),
      }),
    );
    // 8 months from 2027-09-01 end after the enrolment: the stay is judged on its own dates.
    const past = await apply(8);
    expect(past.statusCode).toBe(422);
    expect(past.json().error.details.refusals.map((r: { code: string }) => r.code)).toEqual([
      'calls.enrolment_ends_before_return',
    ]);
    expect((await apply(6)).statusCode).toBe(201);
  });

  it('R18: the call view judges the deadline on the program’s clock (Tokyo), not on UTC', async () => {
    const closing = await aCall(t.database.db, { opens: '2027-01-10', closes: '2027-02-28' });
    const { user } = await aStudent({ home: closing.sending.memberIds[0]! });
    try {
      // 23:30 in Tokyo on the last day: still open.
      clock.at = new Date('2027-02-28T14:30:00Z');
      const lastEvening = await view(await signedInAs(t.app, user), closing);
      expect(lastEvening.open).toBe(true);
      expect(lastEvening.eligibility).toMatchObject({
        status: 'eligible',
        checkedOn: '2027-02-28',
      });
      // 00:30 in Tokyo the next day, still 2027-02-28 in UTC: closed.
      clock.at = new Date('2027-02-28T15:30:00Z');
      const nextMorning = await view(await signedInAs(t.app, user), closing);
      expect(nextMorning.open).toBe(false);
      expect(nextMorning.may.apply).toBe(false);
      expect(nextMorning.eligibility).toMatchObject({
        status: 'ineligible',
        checkedOn: '2027-03-01',
        refusals: [{ rule: 'R18', code: 'calls.call_closed', params: { closes: '2027-02-28' } }],
      });
    } finally {
      clock.at = NOON;
    }
  });

  it('the call view refuses a student whose university leaves the sending consortium before the stay begins, naming that day', async () => {
    const leaving = await aCall(t.database.db, {
      departureFrom: '2027-09-01',
      departureTo: '2027-10-15',
    });
    const leavingHome = leaving.sending.memberIds[1]!;
    await t.database.db
      .update(consortiumMembers)
      .set({ leftOn: '2027-04-01' })
      .where(
        and(
          eq(consortiumMembers.consortiumId, leaving.sending.id),
          eq(consortiumMembers.institutionId, leavingHome),
        ),
      );
    const { session } = await aStudent({ home: leavingHome });
    const page = await view(session, leaving);
    expect(page.may.apply).toBe(false);
    expect(page.eligibility.refusals).toContainEqual({
      code: 'calls.home_not_in_sending_consortium',
      params: expect.objectContaining({
        date: '2027-09-01',
        home: expect.objectContaining({ en: expect.any(String) }),
      }),
    });
  });

  it('already applied: the call view says when, links the application instead of the form, and offers the form again once it is withdrawn', async () => {
    const { session } = await aStudent({ home });
    const applied = await post(session, `/api/v1/calls/${openCall.id}/applications`, {
      ranking: [openCall.hostIds[0]],
      requestedMonths: 6,
    });
    expect(applied.statusCode).toBe(201);
    const application = applied.json();
    const page = await view(session);
    expect(page.may.apply).toBe(false);
    expect(page.eligibility).toMatchObject({
      status: 'applied',
      application: { id: application.id, submittedAt: application.submittedAt },
      refusals: [
        {
          code: 'calls.already_applied',
          params: { submittedAt: application.submittedAt },
        },
      ],
    });
    expect(application.submittedAt).toBe(NOON.toISOString());
    const withdrawn = await post(session, `/api/v1/call-applications/${application.id}/withdraw`);
    expect(withdrawn.statusCode).toBe(200);
    const again = await view(session);
    expect(again.eligibility).toMatchObject({ status: 'eligible', application: null });
    expect(again.may.apply).toBe(true);
  });

  it('the call view carries no eligibility for visitors and staff', async () => {
    expect((await view(null)).eligibility).toBeNull();
    const coordinator = await signedInAs(
      t.app,
      await aUser(t.database.db, { roles: [{ role: 'coordinator', scopeId: home }] }),
    );
    expect((await view(coordinator)).eligibility).toBeNull();
  });

  describe('screening', () => {
    let call: FactoryCall;
    let ownReviewer: FactoryUser;
    let hostReviewer: FactoryUser;
    let unknownReviewer: FactoryUser;
    let applicationId: string;

    beforeAll(async () => {
      const db = t.database.db;
      const callId = `screened-${next()}`;
      const asReviewer = () =>
        aUser(db, { roles: [{ role: 'reviewer', scopeId: callId, scopeType: 'call' }] });
      ownReviewer = await asReviewer();
      hostReviewer = await asReviewer();
      unknownReviewer = await asReviewer();
      call = await aCall(db, {
        id: callId,
        rubric: (c) =>
          aCommonRubric(c, [
            { userId: ownReviewer.id, institutionIds: [c.sending.memberIds[0]!] },
            { userId: hostReviewer.id, institutionIds: [c.hostIds[0]!] },
          ]),
      });
      const { session } = await aStudent({ home: call.sending.memberIds[0]! });
      const res = await post(session, `/api/v1/calls/${call.id}/applications`, {
        ranking: [call.hostIds[0]],
        requestedMonths: 6,
      });
      expect(res.statusCode).toBe(201);
      applicationId = res.json().id;
    });

    const applicant = async (user: FactoryUser) => {
      const res = await get(await signedInAs(t.app, user), `/api/v1/calls/${call.id}/applications`);
      expect(res.statusCode).toBe(200);
      return res.json().items.find((i: { id: string }) => i.id === applicationId);
    };

    it('R6: the screening view tells a reviewer of the applicant’s own institution why they cannot score', async () => {
      const seen = await applicant(ownReviewer);
      expect(seen.mayScore).toBe(false);
      expect(seen.may.review).toBe(false);
      expect(seen.refusal).toEqual({
        rule: 'R6',
        code: 'calls.reviewer_own_institution',
        params: { institution: expect.objectContaining({ en: expect.any(String) }) },
      });
      expect(seen.refusal.params.institution).toEqual(seen.home);
      // The same conflict refuses the score itself.
      const scored = await post(
        await signedInAs(t.app, ownReviewer),
        `/api/v1/call-applications/${applicationId}/reviews`,
        { scores: { motivation: 8, language: 7 } },
      );
      expect(scored.statusCode).toBe(422);
      expect(scored.json().error.details.refusals[0]).toEqual(seen.refusal);
    });

    it('R6: the screening view tells a reviewer whose institution is unknown for the call why they cannot score', async () => {
      const seen = await applicant(unknownReviewer);
      expect(seen.mayScore).toBe(false);
      expect(seen.refusal).toEqual({
        rule: 'R6',
        code: 'calls.reviewer_institution_unknown',
        params: {},
      });
    });

    it('R6: a reviewer of a host institution is offered the scoring form', async () => {
      const seen = await applicant(hostReviewer);
      expect(seen.mayScore).toBe(true);
      expect(seen.refusal).toBeNull();
    });
  });
});
