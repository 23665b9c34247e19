/**
 * Common screening of a call (R6, 003 §5(6)): reviewers of both sides score applicants on the
 * consortium pair's rubric — only once the agreement's consent on screening is present (R16,
 * 003 §7(2)) and never an applicant of their own institution (R6) — and the rank list shows the
 * common scores with the grade conversion and the ties explained. The screened call is handed to
 * allocation as a `kakehashi-allocation/1` instance (docs/formats/allocation.md).
 */
import type { Db } from '#src/db/client.ts';
import {
  applicantsOfCall,
  findCallApplication,
  updateCallApplication,
} from '#src/db/queries/calls/applications.ts';
import {
  consortiumSides,
  hostsOf,
  institutionInfo,
  loadSendingConsortia,
  rubricOf,
  type CallRow,
} from '#src/db/queries/calls/calls.ts';
import {
  reviewsOf,
  reviewsOfCall,
  scorerInstitutions,
  upsertReview,
  usersWithRole,
} from '#src/db/queries/calls/screening.ts';
import type { StoredRubric } from '#src/domain/calls/call-content.ts';
import {
  ScreeningError,
  buildAllocationHandOff,
  rankApplicants,
  reviewerConflict,
  scoreApplicant,
  type AllocationInstance,
  type ApplicantScore,
  type CallPlace,
  type HandOffApplicant,
  type Review,
} from '#src/domain/screening/index.ts';
import type { Mailer } from '../notify/mailer.ts';
import {
  institutionName,
  institutionNames,
  personName,
  personNames,
} from '#src/db/queries/names.ts';
import { notify } from '../notify/notify.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { todayOf } from '../clock.ts';
import { requireAccess } from '../access.ts';
import { AppError, conflict, invalidField, notFound, ruleViolation } from '../errors.ts';
import { refusal, type LocalizedText, type Refusal } from '#src/domain/shared/refusal.ts';
import { namedRefusals } from './refusals.ts';
import { storedEligibility, type AppRow, type ApplicationStatus } from './applications.ts';
import { callResource, requireCallStaff, requireScorer } from './access.ts';
import { loadCall, loadProgramRules } from './call-record.ts';
import { plainRubric, requireConsent } from './consent.ts';

/**
 * A screening error as the API says it: a rule's refusal (R6: a grade outside its scale, an
 * invalid rubric) is a 422; anything else is input that cannot be scored, a 400 naming the field.
 */
function screeningError(e: unknown): never {
  if (e instanceof ScreeningError) {
    if (e.rule) throw ruleViolation([e.refusal], e.message);
    const field =
      typeof e.params.criterion === 'string' ? `body.scores.${e.params.criterion}` : 'body';
    throw invalidField(field, e.refusal, e.message);
  }
  throw e;
}

async function usableRubric(db: Db, call: CallRow): Promise<StoredRubric> {
  const rubric = rubricOf(call);
  if (!rubric) {
    throw conflict(
      refusal('calls.no_rubric', { call: call.title }),
      `call "${call.id}" has no screening rubric yet`,
    );
  }
  // R16: the consent on common screening must be present before the rubric is used.
  await requireConsent(db, plainRubric(rubric));
  return rubric;
}

const gradeOf = (row: AppRow) => {
  const g = storedEligibility(row).grade;
  return g ? { value: g.value, scaleId: g.scale } : null;
};

/** A reviewer's (or a host or home coordinator's) scores of one application. */
export async function submitReview(
  ctx: ServiceContext,
  mailer: Mailer | null,
  applicationId: string,
  input: { scores: Record<string, number>; comment?: string | null },
) {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', 'sign in first');
  const app = await findCallApplication(ctx.db, applicationId);
  if (!app) throw notFound('application', applicationId);
  const call = await loadCall(ctx.db, app.callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  requireScorer(ctx, call, sending, todayOf(ctx), { doing: 'score applicants of this call' });
  if (app.status === 'withdrawn') {
    throw conflict(refusal('calls.application_withdrawn'), 'the application is withdrawn');
  }
  const rubric = await usableRubric(ctx.db, call);
  const institutionIds = await scorerInstitutions(ctx.db, actor.id, rubric);
  if (institutionIds.length === 0) {
    throw ruleViolation(
      [refusal('calls.reviewer_institution_unknown', {}, { rule: 'R6' })],
      'R6: your institution is not known for this call, so a conflict of interest cannot be excluded',
    );
  }
  const reviewer = { id: actor.id, institutionIds };
  const conflictOfInterest = reviewerConflict(reviewer, {
    id: app.id,
    homeInstitutionId: app.homeId,
  });
  if (conflictOfInterest) {
    throw ruleViolation(
      await namedRefusals(ctx.db, [conflictOfInterest]),
      `R6: ${conflictOfInterest.message}`,
    );
  }
  const others = await reviewsOf(ctx.db, applicationId);
  const all: Review[] = [
    ...others
      .filter((r) => r.reviewerUserId !== actor.id)
      .map((r) => ({
        reviewer: { id: r.reviewerUserId, institutionIds: [r.reviewerInstitutionId] },
        scores: r.scores,
      })),
    { reviewer, scores: input.scores },
  ];
  let score: ApplicantScore;
  try {
    score = scoreApplicant(
      plainRubric(rubric),
      { id: app.id, homeInstitutionId: app.homeId, grade: gradeOf(app) },
      all,
    );
  } catch (e) {
    screeningError(e);
  }
  const mine = others.find((r) => r.reviewerUserId === actor.id);
  const previousReview = mine ? { scores: mine.scores, comment: mine.comment } : null;
  const reviewerInstitution =
    institutionIds.find((i) => hostsOf(call).some((h) => h.institutionId === i)) ??
    institutionIds[0] ??
    '';
  const sends: ((m: Mailer | null) => Promise<void>)[] = [];
  await ctx.db.transaction(async (tx) => {
    await upsertReview(
      tx,
      {
        applicationId,
        reviewerUserId: actor.id,
        reviewerInstitutionId: reviewerInstitution,
        scores: input.scores,
        comment: input.comment ?? null,
      },
      ctx.clock.now(),
    );
    const status = score.complete ? 'scored' : 'in_screening';
    await updateCallApplication(tx, applicationId, { status });
    await audit(tx, ctx, {
      action: 'call_application.review',
      resourceType: 'call_application',
      resourceId: applicationId,
      details: { complete: score.complete },
      before: { status: app.status, review: previousReview },
      after: { status, review: { scores: input.scores, comment: input.comment ?? null } },
    });
    if (score.complete && app.status !== 'scored') {
      const data = { application: applicationId, call: call.id, status: 'scored' };
      const params = {
        call: call.title,
        student: await personName(tx, app.studentUserId),
        home: await institutionName(tx, app.homeId),
        count: rubric.minReviewers,
        score: Math.round(score.score * 100) / 100,
      };
      sends.push(
        await notify(tx, [app.studentUserId], { type: 'application.scored', params, data }),
        await notify(tx, await usersWithRole(tx, 'coordinator', [app.homeId]), {
          type: 'application.scored_home',
          params,
          data,
        }),
      );
    }
  });
  for (const send of sends) await send(mailer);
  return { applicationId, score };
}

/** Scores of every application of a call (withdrawn ones left out). */
async function scoreCall(db: Db, call: CallRow, rubric: StoredRubric) {
  const apps = await applicantsOfCall(db, call.id);
  const allReviews = await reviewsOfCall(db, call.id);
  return apps.map(({ app, name }) => {
    const own = allReviews.filter((r) => r.review.applicationId === app.id);
    let score: ApplicantScore | null = null;
    let problem: Refusal | null = null;
    if (app.status !== 'withdrawn') {
      try {
        score = scoreApplicant(
          plainRubric(rubric),
          { id: app.id, homeInstitutionId: app.homeId, grade: gradeOf(app) },
          own.map((r) => ({
            reviewer: {
              id: r.review.reviewerUserId,
              institutionIds: [r.review.reviewerInstitutionId],
            },
            scores: r.review.scores,
          })),
        );
      } catch (e) {
        if (!(e instanceof ScreeningError)) throw e;
        problem = e.refusal;
      }
    }
    return { app, name, score, problem, reviewers: own.map((r) => r.review.reviewerUserId) };
  });
}

/** The rank list (R6): complete scores ranked, ties explained; incomplete ones listed apart. */
export async function callRanking(ctx: ServiceContext, callId: string) {
  const call = await loadCall(ctx.db, callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  requireCallStaff(ctx, call, sending, todayOf(ctx), { doing: 'see the rank list of this call' });
  const rubric = await usableRubric(ctx.db, call);
  const consent = await requireConsent(ctx.db, plainRubric(rubric));
  const scored = await scoreCall(ctx.db, call, rubric);
  const complete = scored.filter((s) => s.score?.complete);
  const ranked = rankApplicants(
    complete.map((s) => ({
      applicantId: s.app.id,
      score: s.score?.score ?? 0,
      normalisedGrade: s.score?.grade?.value ?? null,
      submittedAt: s.app.submittedAt.toISOString(),
    })),
  );
  const byId = new Map(scored.map((s) => [s.app.id, s]));
  const students = await personNames(
    ctx.db,
    scored.map((s) => s.app.studentUserId),
  );
  const institutions = await institutionNames(ctx.db, [
    ...scored.flatMap((s) => [s.app.homeId, ...s.app.ranking]),
  ]);
  const inst = (id: string): LocalizedText => institutions.get(id) ?? { en: id };
  const withProblem = scored.filter((s) => s.problem);
  const named = await namedRefusals(
    ctx.db,
    withProblem.map((s) => s.problem as Refusal),
  );
  const problems = new Map(withProblem.map((s, i) => [s.app.id, named[i] ?? null]));
  const entry = (s: (typeof scored)[number]) => ({
    applicationId: s.app.id,
    studentName: s.name,
    student: students.get(s.app.studentUserId) ?? { en: s.name },
    homeId: s.app.homeId,
    home: inst(s.app.homeId),
    status: s.app.status as ApplicationStatus,
    rankedHosts: s.app.ranking.map((h) => ({ institutionId: h, name: inst(h) })),
    problem: problems.get(s.app.id) ?? null,
    ranking: s.app.ranking,
    submittedAt: s.app.submittedAt.toISOString(),
    version: storedEligibility(s.app).version ?? 1,
    reviews: s.reviewers.length,
    reviewedByMe: ctx.actor ? s.reviewers.includes(ctx.actor.id) : false,
    score: s.score?.score ?? null,
    complete: s.score?.complete ?? false,
    explanation: s.score?.explanation ?? s.problem?.code ?? '',
    criteria: s.score?.criteria ?? [],
    totalWeight: s.score?.totalWeight ?? null,
    grade: s.score?.grade ?? null,
  });
  return {
    callId,
    callTitle: call.title,
    consent: { rule: 'R16' as const, via: consent.via, signedOn: consent.signedOn },
    rubric: {
      id: rubric.id,
      scoreScale: rubric.scoreScale,
      criteria: rubric.criteria,
      minReviewers: rubric.minReviewers,
      passMark: rubric.passMark,
    },
    items: ranked.map((r) => {
      const s = byId.get(r.applicantId);
      if (!s) throw new AppError('internal', 'lost applicant');
      return {
        ...entry(s),
        rank: r.rank,
        scoreRank: r.scoreRank,
        tiedWith: r.tiedWith,
        aheadOfNext: r.aheadOfNext,
      };
    }),
    pending: scored.filter((s) => s.app.status !== 'withdrawn' && !s.score?.complete).map(entry),
  };
}

/**
 * The signed-in reviewer's own scores of the call's applicants (R6), so that a scoring form opens
 * with what they gave before. Staff of the call only; a manager who scores nothing gets none.
 */
export async function myReviewsOfCall(ctx: ServiceContext, callId: string) {
  const call = await loadCall(ctx.db, callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  requireCallStaff(ctx, call, sending, todayOf(ctx), { doing: 'see your scores of this call' });
  const mine = (await reviewsOfCall(ctx.db, call.id)).filter(
    (r) => r.review.reviewerUserId === ctx.actor?.id,
  );
  return {
    items: mine.map((r) => ({
      applicationId: r.review.applicationId,
      scores: r.review.scores,
      comment: r.review.comment,
    })),
  };
}

/** The call as an allocation instance, for its managers and allocators. */
export async function callAllocationInstance(
  ctx: ServiceContext,
  callId: string,
): Promise<{ instance: AllocationInstance; omitted: { applicantId: string; reason: string }[] }> {
  const call = await loadCall(ctx.db, callId);
  const sending = await loadSendingConsortia(ctx.db, call.sendingConsortiumIds);
  const hosts = hostsOf(call);
  // Its managers (call:manage, the sending side) run allocation too: allocation:run is held by
  // the same roles and covers every university of the call.
  requireAccess(ctx, 'allocation:run', callResource(call, sending, todayOf(ctx)), {
    doing: 'hand this call to allocation',
  });
  const rubric = await usableRubric(ctx.db, call);
  const program = await loadProgramRules(ctx.db, call);
  const scored = await scoreCall(ctx.db, call, rubric);

  // Universities: sending members (side of their consortium) and hosts (side of theirs).
  const consortiumIds = [
    ...new Set([
      ...call.sendingConsortiumIds,
      ...hosts.map((h) => h.consortiumId).filter((c): c is string => c !== null),
    ]),
  ];
  const sides = await consortiumSides(ctx.db, consortiumIds);
  const members = sending.flatMap((c) =>
    c.members.map((m) => ({ id: m.institutionId, consortium: c.id })),
  );
  const ids = [...new Set([...members.map((m) => m.id), ...hosts.map((h) => h.institutionId)])];
  const info = await institutionInfo(ctx.db, ids);
  const universities = ids.map((id) => {
    const consortium =
      members.find((m) => m.id === id)?.consortium ??
      hosts.find((h) => h.institutionId === id)?.consortiumId ??
      null;
    return {
      id,
      side: (consortium ? sides.get(consortium) : null) ?? info.get(id)?.country ?? 'XX',
      consortium,
    };
  });
  // Places: every host's places (all levels) pooled, open to the universities of the other side.
  const places: CallPlace[] = hosts.map((h) => ({
    host: h.institutionId,
    slots: h.places.reduce((a, p) => a + p.count, 0),
    monthsCap: null,
    from: null,
  }));
  const applicants: HandOffApplicant[] = scored.map((s) => {
    const e = storedEligibility(s.app);
    return {
      id: s.app.id,
      home: s.app.homeId,
      months: s.app.requestedMonths,
      eligible: e.eligibleHosts.length > 0,
      eligibleHosts: s.app.ranking.filter((h) => e.eligibleHosts.includes(h)),
      funded: e.funding?.entitled ?? false,
      travelCost: 0,
      withdrawn: s.app.status === 'withdrawn',
      score: s.score?.complete ? s.score.score : null,
      normalisedGrade: s.score?.grade?.value ?? null,
      submittedAt: s.app.submittedAt.toISOString(),
    };
  });
  try {
    return buildAllocationHandOff(
      { id: call.id, universities, passMark: rubric.passMark },
      applicants,
      places,
      {
        // The program's rules (R4 balance between the consortia, R11 stipend, R14 cap).
        balanceScope: 'consortium',
        balanceUnit: 'students',
        tolerance: program.balanceTolerance.students,
        fundedMonthsCap: program.annualCap.studentMonths,
        yenCap: null,
        stipendPerMonth: program.stipend.monthlyAmount,
      },
    );
  } catch (e) {
    screeningError(e);
  }
}
