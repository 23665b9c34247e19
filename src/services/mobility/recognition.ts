/**
 * Transcripts and recognition (R7, R16): the host enters the transcript; the home coordinator
 * records a decision per component — full, partial or none with a reason — offered the earlier
 * decision for the same course pair as a suggestion (the equivalence table grows with every
 * decision); the student sees the credits recognised; the recognition rate per agreement feeds
 * reports. Credit and grade conversions show the rule used.
 */
import { instantOf, todayOf } from '#src/services/clock.ts';
import { institutionLabels, mobilitiesOfStudent } from '#src/db/queries/mobility/mobilities.ts';
import {
  decisionsOf,
  decisionsOfAgreement,
  findAgreement,
  findTranscript,
  insertDecision,
  isDecided,
  recognitionsOfHomeCourse,
  saveTranscript,
} from '#src/db/queries/mobility/recognition.ts';
import {
  CREDIT_SYSTEM_IDS,
  CREDIT_SYSTEMS,
  convertCredits,
  type CreditSystemId,
} from '#src/domain/recognition/credit-systems.ts';
import { convertGrade, type GradeConversion } from '#src/domain/recognition/grade-conversion.ts';
import { GRADE_SCALES } from '#src/domain/recognition/grade-scales.ts';
import { currentVersion } from '#src/domain/recognition/learning-agreement.ts';
import {
  agreementComponent,
  decideRecognition,
  recognitionRate,
  suggestRecognition,
  type RecognitionDecision,
  type RecognitionOutcome,
  type TranscriptEntry,
} from '#src/domain/recognition/recognition.ts';
import { checkRecognitionAgreed } from '#src/domain/recognition/recognition-system.ts';
import {
  alreadyRecognisedRefusal,
  creditsHomeCourse,
  earlierRecognitionOf,
  repeatAllowance,
} from '#src/domain/recognition/repeat-recognition.ts';
import { audit } from '../audit.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, conflict, forbidden, notFound, ruleViolation } from '../errors.ts';
import { institutionsResource, requireAccess } from '../access.ts';
import { refusal } from '#src/domain/shared/refusal.ts';
import type { Mailer } from '../notify/mailer.ts';
import { mobilityNames } from '#src/db/queries/names.ts';
import { notify } from '../notify/notify.ts';
import {
  loadMobility,
  loadScope,
  mobilityActors,
  mobilityResourceOf,
  usersOfParties,
} from './actors.ts';
import { institutionInfo } from './institution-systems.ts';
import { recognitionSystemForAgreement } from './recognition-system.ts';
import { invalid, named } from './refusals.ts';
import { loadLa } from './learning-agreements.ts';
import { applyTransition, type Send } from './mobilities.ts';
import { decisionError, equivalenceEntries, growEquivalences } from './equivalences.ts';
import type { MobilityState } from '#src/domain/mobility/mobility-workflow.ts';
import { myJukeboxDecisions } from './jukebox.ts';

// ── Conversions ──────────────────────────────────────────────────────────────────────────────

/** GET /conversions/systems — the credit systems and grade scales, with definitions and sources. */
export function conversionSystems() {
  return {
    creditSystems: CREDIT_SYSTEM_IDS.map((id) => CREDIT_SYSTEMS[id]),
    gradeScales: Object.values(GRADE_SCALES).map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      grades: s.grades.map((g) => ({ label: g.label, name: g.name ?? null, passing: g.passing })),
      source: s.source,
    })),
  };
}

/** GET /conversions/credits — the converted value and the rule used. */
export function creditConversion(value: number, from: CreditSystemId, to: CreditSystemId) {
  return { given: { value, system: from }, to, ...convertCredits(value, from, to) };
}

/** GET /conversions/grades — the converted grade and how it was obtained. */
export function gradeConversion(grade: string, from: string, to: string) {
  const r = convertGrade(grade, from, to);
  if (!r.ok) {
    const field =
      r.refusal.code === 'recognition.unknown_grade'
        ? 'query.grade'
        : r.refusal.params.scale === to
          ? 'query.to'
          : 'query.from';
    throw invalid(field, r.refusal.code, r.refusal.params, r.refusal.message);
  }
  return r.value;
}

// ── A mobility's recognition ─────────────────────────────────────────────────────────────────

const loadTranscript = findTranscript;
const loadDecisions = decisionsOf;

/**
 * GET /mobilities/:id/recognition — per component of the signed learning agreement: the
 * transcript line, the converted credits and grade with their rule, the decision, and the
 * earlier decision for the same pair as a suggestion; the rate (the student's recognised credits).
 */
export async function getRecognition(ctx: ServiceContext, mobilityId: string) {
  const row = await loadMobility(ctx.db, mobilityId);
  const s = await loadScope(ctx.db, row, todayOf(ctx));
  requireAccess(ctx, 'person:read', mobilityResourceOf(s));
  const actors = mobilityActors(ctx.actor, s);
  const la = await loadLa(ctx.db, mobilityId);
  const version = la ? currentVersion(la) : null;
  const home = await institutionInfo(ctx.db, row.homeId);
  const host = await institutionInfo(ctx.db, row.hostId);
  const transcript = await loadTranscript(ctx.db, mobilityId);
  const decisions = await loadDecisions(ctx.db, mobilityId);
  const system = await recognitionSystemForAgreement(ctx.db, row.agreementId, [home.id, host.id]);
  const agreed = checkRecognitionAgreed(system, [home.id, host.id], todayOf(ctx));
  const components = version?.components ?? [];
  const table = await equivalenceEntries(ctx.db, host.id, home.id, components);
  const isHome = actors.some((a) => a.role === 'coordinator' && a.side === 'home');
  const isHost = actors.some((a) => a.role === 'coordinator' && a.side === 'host');
  return {
    mobilityId,
    state: row.status as MobilityState,
    studentName: row.studentName,
    home,
    host,
    learningAgreementVersion: version?.number ?? null,
    system: {
      id: system.id,
      agreed: agreed.agreed,
      reasons: agreed.agreed
        ? []
        : [
            await named(
              ctx.db,
              refusal(
                'recognition.system_not_agreed',
                { institutions: agreed.missing },
                { rule: 'R16' },
              ),
            ),
          ],
      consents: system.consents,
    },
    transcript,
    components: components.map((c) => {
      const line = transcript?.entries.find((e) => e.componentId === c.id) ?? null;
      let grade: GradeConversion | null = null;
      if (line?.grade && line.gradeScaleId) {
        const g = convertGrade(line.grade, line.gradeScaleId, home.gradeScaleId, {
          sourceDistribution: line.distribution,
        });
        grade = g.ok ? g.value : null;
      }
      const decision = decisions.find((d) => d.componentId === c.id) ?? null;
      return {
        component: c,
        transcript: line,
        creditConversion: convertCredits(
          (line?.credits ?? c.host.credits).value,
          c.host.credits.system,
          home.creditSystem,
        ),
        gradeConversion: grade,
        decision,
        suggestion: decision
          ? null
          : suggestRecognition(table, c, {
              hostInstitutionId: host.id,
              homeInstitutionId: home.id,
            }),
      };
    }),
    rate: recognitionRate(
      decisions,
      components.map((c) => c.id),
    ),
    may: {
      enterTranscript:
        isHost &&
        !!version &&
        ['arrived', 'completed', 'interrupted', 'transcript_issued'].includes(row.status) &&
        decisions.length === 0,
      decide: isHome && !!transcript && row.status !== 'recognised',
    },
  };
}

/**
 * PUT /mobilities/:id/transcript — the host enters the transcript of records; when the mobility
 * is completed (or interrupted after arrival) the transcript is issued in the same step.
 */
export async function enterTranscript(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: { issuedOn: string; entries: TranscriptEntry[] },
) {
  const sends = await ctx.db.transaction(async (tx) => {
    const row = await loadMobility(tx, mobilityId, true);
    const s = await loadScope(tx, row, todayOf(ctx));
    // The host coordinator enters it; others who see the mobility are refused (403), the rest 404.
    requireAccess(ctx, 'mobility:manage', institutionsResource([row.hostId], 'mobility'), {
      visibleBy: ['person:read', mobilityResourceOf(s)],
      doing: 'enter the transcript: the host coordinator does',
    });
    const la = await loadLa(tx, mobilityId);
    const version = la ? currentVersion(la) : null;
    if (!version) {
      throw ruleViolation(
        [refusal('recognition.la_not_signed', {}, { rule: 'R7' })],
        'the learning agreement is not signed by all three',
      );
    }
    if (!['arrived', 'completed', 'interrupted', 'transcript_issued'].includes(row.status)) {
      throw ruleViolation(
        [refusal('recognition.no_transcript_yet', { state: row.status }, { rule: 'R7' })],
        `the mobility is ${row.status}: no transcript yet`,
      );
    }
    const decided = await loadDecisions(tx, mobilityId);
    if (decided.length > 0) {
      throw conflict(
        refusal('recognition.transcript_decided', { count: decided.length }),
        'recognition decisions already rest on this transcript',
      );
    }
    const seen = new Set<string>();
    input.entries.forEach((e, i) => {
      const c = version.components.find((x) => x.id === e.componentId);
      if (!c) {
        throw invalid(
          `body.entries[${i}].componentId`,
          'recognition.unknown_component',
          { component: e.componentId, version: version.number },
          `${e.componentId} is not in version ${version.number}`,
        );
      }
      if (seen.has(e.componentId)) {
        throw invalid(
          `body.entries[${i}].componentId`,
          'recognition.transcript_line_twice',
          { course: c.host.title },
          `${e.componentId} appears twice`,
        );
      }
      seen.add(e.componentId);
      if (e.hostCourseCode !== c.host.code) {
        throw invalid(
          `body.entries[${i}].hostCourseCode`,
          'recognition.transcript_course_code',
          { expected: c.host.code, course: c.host.title },
          `expected ${c.host.code}`,
        );
      }
      if (e.credits.system !== c.host.credits.system) {
        throw invalid(
          `body.entries[${i}].credits.system`,
          'recognition.transcript_credit_system',
          { expected: c.host.credits.system, course: c.host.title },
          `expected ${c.host.credits.system}`,
        );
      }
      if (e.grade && e.gradeScaleId) {
        const g = convertGrade(e.grade, e.gradeScaleId, e.gradeScaleId);
        if (!g.ok) {
          throw invalid(
            `body.entries[${i}].grade`,
            g.refusal.code,
            g.refusal.params,
            g.refusal.message,
          );
        }
      }
    });
    const old = await findTranscript(tx, mobilityId);
    await saveTranscript(tx, mobilityId, input, !!old);
    await audit(tx, ctx, {
      action: 'transcript.entered',
      resourceType: 'mobility',
      resourceId: mobilityId,
      details: { issuedOn: input.issuedOn, entries: input.entries.length, rules: ['R7'] },
      before: old ? { issuedOn: old.issuedOn, entries: old.entries } : undefined,
      after: { issuedOn: input.issuedOn, entries: input.entries },
    });
    const sends: Send[] = [];
    if (row.status === 'completed' || row.status === 'interrupted') {
      sends.push(
        await applyTransition(tx, ctx, s, {
          action: 'issue_transcript',
          transcriptRef: `tor:${mobilityId}:${input.issuedOn}`,
        }),
      );
    }
    return sends;
  });
  for (const send of sends) await send(mailer);
  return getRecognition(ctx, mobilityId);
}

export interface DecisionRequest {
  componentId: string;
  outcome: RecognitionOutcome;
  credits?: number | undefined;
  reason?: string | undefined;
  homeGradeScaleId?: string | undefined;
  reusedFrom?: { key: string; lastDecidedAt: string } | undefined;
  /** R7: credit a home course already credited to the student, with the coordinator's reason. */
  allowRepeat?: { reason: string } | undefined;
}

/** POST /mobilities/:id/recognition-decisions — R7, R16: the home coordinator decides. */
export async function decideComponent(
  ctx: ServiceContext,
  mailer: Mailer | null,
  mobilityId: string,
  input: DecisionRequest,
) {
  const send = await ctx.db.transaction(async (tx) => {
    const row = await loadMobility(tx, mobilityId, true);
    const s = await loadScope(tx, row, todayOf(ctx));
    requireAccess(ctx, 'recognition:decide', institutionsResource([row.homeId], 'mobility'), {
      visibleBy: ['person:read', mobilityResourceOf(s)],
      doing: 'decide on recognition: the home coordinator does',
    });
    if (row.status === 'recognised') {
      throw ruleViolation(
        [refusal('recognition.already_recognised', {}, { rule: 'R7' })],
        'the mobility is already recognised',
      );
    }
    const la = await loadLa(tx, mobilityId);
    if (!la) throw notFound('learning agreement of mobility', mobilityId);
    const found = agreementComponent(la, input.componentId);
    if (!found.ok) {
      if (found.refusal.code === 'recognition.unknown_component') {
        const r = found.refusal;
        throw invalid('body.componentId', r.code, r.params, r.message);
      }
      throw await decisionError(tx, found.refusal);
    }
    const transcript = await loadTranscript(tx, mobilityId);
    if (!transcript) {
      throw ruleViolation(
        [refusal('recognition.no_transcript', {}, { rule: 'R7' })],
        'the host has not entered the transcript yet',
      );
    }
    if (await isDecided(tx, mobilityId, input.componentId)) {
      throw conflict(
        refusal('recognition.already_decided', { course: found.value.component.host.title }),
        `component ${input.componentId} is already decided`,
      );
    }
    const home = await institutionInfo(tx, row.homeId);
    const system = await recognitionSystemForAgreement(tx, row.agreementId, [
      row.homeId,
      row.hostId,
    ]);
    const r = decideRecognition({
      subject: found.value.subject,
      component: found.value.component,
      homeInstitutionId: row.homeId,
      hostInstitutionId: row.hostId,
      system,
      transcript: transcript.entries.find((e) => e.componentId === input.componentId) ?? null,
      outcome: input.outcome,
      credits: input.credits,
      reason: input.reason,
      homeGradeScaleId: input.homeGradeScaleId ?? home.gradeScaleId,
      decidedBy: ctx.actor?.id ?? 'system',
      at: instantOf(ctx),
      reusedFrom: input.reusedFrom ?? null,
    });
    if (!r.ok) throw await decisionError(tx, r.refusal);
    let d = r.value;
    // R7 (003 §5(7)): a home course is credited to a student once, unless the coordinator says why.
    if (creditsHomeCourse(d)) {
      const earlier = earlierRecognitionOf(
        d,
        await recognitionsOfHomeCourse(
          tx,
          { studentUserId: row.studentUserId, mobilityId },
          d.homeInstitutionId,
          d.homeCourseCode,
        ),
      );
      if (earlier) {
        if (!input.allowRepeat) {
          const refused = await named(tx, alreadyRecognisedRefusal(earlier));
          throw new AppError(
            'conflict',
            `${d.homeInstitutionId} ${d.homeCourseCode} was already recognised on ${earlier.decidedAt}`,
            { refusals: [refused], rules: ['R7'], overridable: true },
          );
        }
        d = { ...d, repeat: repeatAllowance(input.allowRepeat.reason, earlier) };
      }
    }
    await insertDecision(tx, mobilityId, d, ctx.actor?.id ?? null, row.studentUserId);
    await growEquivalences(tx, d, ctx.clock.now());
    await audit(tx, ctx, {
      action: 'recognition.decided',
      resourceType: 'mobility',
      resourceId: mobilityId,
      details: {
        componentId: d.componentId,
        outcome: d.outcome,
        creditsRecognised: d.creditsRecognised,
        creditsPlanned: d.creditsPlanned,
        reason: d.reason,
        reusedFrom: d.reusedFrom,
        ...(d.repeat ? { repeat: d.repeat } : {}),
        rules: ['R7', 'R16'],
      },
      after: {
        [`decisions.${d.componentId}`]: {
          outcome: d.outcome,
          creditsRecognised: d.creditsRecognised,
          reason: d.reason,
        },
      },
    });
    const recipients = await usersOfParties(
      tx,
      s,
      ['student', 'host_coordinator'],
      ctx.actor?.id ?? null,
    );
    return notify(tx, recipients, {
      type: 'recognition.decided',
      params: {
        ...(await mobilityNames(tx, s.row)),
        context: d.outcome,
        course: d.hostCourseCode,
        recognised: d.creditsRecognised.value,
        planned: d.creditsPlanned.value,
        system: d.creditsPlanned.system,
        reason: d.reason ?? null,
      },
      data: { mobilityId, componentId: d.componentId, outcome: d.outcome },
    });
  });
  await send(mailer);
  return getRecognition(ctx, mobilityId);
}

// ── Reports ──────────────────────────────────────────────────────────────────────────────────

/**
 * GET /agreements/:id/recognition-rate — R7: decided components and credits recognised over
 * the agreement's mobilities, per home credit system (rates are never summed across systems).
 */
export async function agreementRecognitionRate(ctx: ServiceContext, agreementId: string) {
  const a = await findAgreement(ctx.db, agreementId);
  if (!a) throw notFound('agreement', agreementId);
  const decisions = await decisionsOfAgreement(ctx.db, agreementId);
  const bySystem = new Map<string, RecognitionDecision[]>();
  for (const d of decisions) {
    const list = bySystem.get(d.creditsPlanned.system) ?? [];
    list.push(d);
    bySystem.set(d.creditsPlanned.system, list);
  }
  const counts = { full: 0, partial: 0, none: 0 };
  for (const d of decisions) counts[d.outcome] += 1;
  return {
    agreementId,
    decided: decisions.length,
    ...counts,
    fullRate: decisions.length ? Number((counts.full / decisions.length).toFixed(4)) : null,
    bySystem: [...bySystem.entries()].map(([system, list]) => ({
      system,
      ...recognitionRate(list),
    })),
    rules: ['R7'],
  };
}

/**
 * GET /recognised-credits — the student's own recognised credits, from mobilities and Course
 * Jukebox enrolments (the same decisions).
 */
export async function myRecognisedCredits(ctx: ServiceContext) {
  const actor = ctx.actor;
  if (!actor) throw forbidden('see recognised credits');
  const rows = await mobilitiesOfStudent(ctx.db, actor.id);
  const items = [];
  for (const m of rows) {
    const s = await loadScope(ctx.db, m, todayOf(ctx));
    if (!mobilityActors(actor, s).some((a) => a.role === 'student')) continue;
    for (const d of await loadDecisions(ctx.db, m.id)) {
      items.push({ source: 'mobility' as const, sourceId: m.id, state: m.status, decision: d });
    }
  }
  items.push(...(await myJukeboxDecisions(ctx)));
  const hostIds = [...new Set(items.map((i) => i.decision.hostInstitutionId))];
  const names = await institutionLabels(ctx.db, hostIds);
  const totals = new Map<CreditSystemId, { planned: number; recognised: number }>();
  for (const i of items) {
    const t = totals.get(i.decision.creditsRecognised.system) ?? { planned: 0, recognised: 0 };
    t.planned += i.decision.creditsPlanned.value;
    t.recognised += i.decision.creditsRecognised.value;
    totals.set(i.decision.creditsRecognised.system, t);
  }
  return {
    items: items.map((i) => ({
      ...i,
      host: names.get(i.decision.hostInstitutionId) ?? null,
    })),
    totals: [...totals.entries()].map(([system, t]) => ({
      system,
      planned: Number(t.planned.toFixed(4)),
      recognised: Number(t.recognised.toFixed(4)),
    })),
  };
}
