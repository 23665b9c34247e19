/**
 * Applying again after withdrawing makes a fresh version of the application: the reviews given to
 * the earlier version stay with it only (R6, 003 §5(6): the common screening judges what the
 * student asked for then), and the rank list and the screening show the new version unscored
 * until it is reviewed again — its ranking and months may differ from the earlier ones.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '#test/support/db.ts';
import { createTestApp, type Session, type TestApp } from '#test/support/app.ts';
import { callApplications, reviews } from '#src/db/schema.ts';
import {
  aCall,
  aCommonRubric,
  aStudentProfile,
  aStudentUser,
  aUser,
  asHeaders,
  next,
  signedInAs,
  type FactoryCall,
} from '#test/factories/index.ts';

/** 2027-02-01, noon in Tokyo: the call is open. */
const NOON = new Date('2027-02-01T03:00:00Z');

describe.each(ENGINES)('re-applying to a call on %s', (engine) => {
  let t: TestApp;
  const clock = { at: NOON, now: () => new Date(clock.at) };
  let call: FactoryCall;
  let student: Session;
  let reviewers: Session[];

  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, clock });
    const db = t.database.db;
    const callId = `reapply-${next()}`;
    const panel = [
      await aUser(db, { roles: [{ role: 'reviewer', scopeId: callId, scopeType: 'call' }] }),
      await aUser(db, { roles: [{ role: 'reviewer', scopeId: callId, scopeType: 'call' }] }),
    ];
    call = await aCall(db, {
      id: callId,
      departureFrom: '2027-09-01',
      departureTo: '2027-10-15',
      rubric: (c) =>
        aCommonRubric(
          c,
          panel.map((u) => ({ userId: u.id, institutionIds: [c.hostIds[0]!] })),
        ),
    });
    const user = await aStudentUser(db);
    await aStudentProfile(db, user, {
      home: call.sending.memberIds[0]!,
      grade: { scale: 'jp-gpa-4', value: 3.2 },
    });
    student = await signedInAs(t.app, user);
    reviewers = [await signedInAs(t.app, panel[0]!), await signedInAs(t.app, panel[1]!)];
  });
  afterAll(() => t.close());

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: asHeaders(s) });
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: asHeaders(s), ...(payload ? { payload } : {}) });
  const ranking = async () => {
    const res = await get(reviewers[0]!, `/api/v1/calls/${call.id}/ranking`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const applicant = async (id: string) => {
    const res = await get(reviewers[0]!, `/api/v1/calls/${call.id}/applications`);
    expect(res.statusCode).toBe(200);
    return res.json().items.find((i: { id: string }) => i.id === id);
  };

  it('R6: withdrawing and applying again makes a fresh version; the earlier reviews stay with the earlier version only', async () => {
    // Version 1: one host, six months, scored by both reviewers.
    const applied = await post(student, `/api/v1/calls/${call.id}/applications`, {
      ranking: [call.hostIds[0]],
      requestedMonths: 6,
    });
    expect(applied.statusCode).toBe(201);
    const first = applied.json();
    expect(first.version).toBe(1);
    for (const [i, reviewer] of reviewers.entries()) {
      const scored = await post(reviewer, `/api/v1/call-applications/${first.id}/reviews`, {
        scores: { motivation: 8 - i, language: 7 },
        comment: `first version, reviewer ${i + 1}`,
      });
      expect(scored.statusCode, scored.body).toBe(200);
    }
    const before = await ranking();
    const ranked = before.items.find(
      (x: { applicationId: string }) => x.applicationId === first.id,
    );
    expect(ranked).toMatchObject({ version: 1, reviews: 2, complete: true, status: 'scored' });
    expect(ranked.score).toEqual(expect.any(Number));

    // Withdrawn, then applied again with another stay: the same student, the same call.
    clock.at = new Date(NOON.getTime() + 3_600_000);
    expect((await post(student, `/api/v1/call-applications/${first.id}/withdraw`)).statusCode).toBe(
      200,
    );
    clock.at = new Date(NOON.getTime() + 7_200_000);
    const again = await post(student, `/api/v1/calls/${call.id}/applications`, {
      ranking: [call.hostIds[0]],
      requestedMonths: 10,
    });
    expect(again.statusCode).toBe(201);
    const second = again.json();
    expect(second).toMatchObject({ version: 2, status: 'submitted', requestedMonths: 10 });
    expect(second.submittedAt).toBe(clock.at.toISOString());

    // The rank list: the new version is not ranked on the old scores; it waits, unscored.
    const after = await ranking();
    expect(after.items.map((x: { applicationId: string }) => x.applicationId)).not.toContain(
      second.id,
    );
    const pending = after.pending.find(
      (x: { applicationId: string }) => x.applicationId === second.id,
    );
    expect(pending).toMatchObject({
      version: 2,
      reviews: 0,
      reviewedByMe: false,
      complete: false,
      status: 'submitted',
    });
    // The screening list: the reviewer may score it again.
    const screened = await applicant(second.id);
    expect(screened).toMatchObject({ version: 2, status: 'submitted', mayScore: true });

    // The earlier version keeps its own reviews, as they were; the reviews table holds none.
    const db = t.database.db;
    expect(await db.select().from(reviews).where(eq(reviews.applicationId, second.id))).toEqual([]);
    const [row] = await db
      .select({ eligibility: callApplications.eligibility })
      .from(callApplications)
      .where(eq(callApplications.id, second.id));
    const earlier = row?.eligibility?.earlierVersions ?? [];
    expect(earlier).toHaveLength(1);
    expect(earlier[0]).toMatchObject({
      version: 1,
      ranking: [call.hostIds[0]],
      requestedMonths: 6,
      submittedAt: NOON.toISOString(),
      withdrawnAt: new Date(NOON.getTime() + 3_600_000).toISOString(),
    });
    expect(earlier[0]!.reviews.map((r) => [r.scores, r.comment]).sort()).toEqual(
      [
        [{ motivation: 8, language: 7 }, 'first version, reviewer 1'],
        [{ motivation: 7, language: 7 }, 'first version, reviewer 2'],
      ].sort(),
    );

    // A new review scores the new version only.
    const rescored = await post(reviewers[0]!, `/api/v1/call-applications/${second.id}/reviews`, {
      scores: { motivation: 5, language: 5 },
    });
    expect(rescored.statusCode).toBe(200);
    const third = await ranking();
    expect(
      third.pending.find((x: { applicationId: string }) => x.applicationId === second.id),
    ).toMatchObject({ version: 2, reviews: 1, reviewedByMe: true, complete: false });

    // Personal data: the student's copy says how many reviews the earlier version had, not who
    // wrote them or what; each reviewer's copy keeps the earlier review they wrote.
    const mine = (await get(student, '/api/v1/me/data')).json();
    const exported = mine.applications.find((a: { id: string }) => a.id === second.id);
    expect(exported.eligibility.earlierVersions).toEqual([
      expect.objectContaining({ version: 1, reviewCount: 2 }),
    ]);
    expect(JSON.stringify(mine)).not.toContain('first version, reviewer');
    const theirs = (await get(reviewers[1]!, '/api/v1/me/data')).json();
    expect(theirs.reviewsWritten).toEqual([
      expect.objectContaining({
        applicationId: second.id,
        applicationVersion: 1,
        comment: 'first version, reviewer 2',
      }),
    ]);
  });
});
