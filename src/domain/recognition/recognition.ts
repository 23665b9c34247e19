/**
 * Recognition at home, per component: full, partial (with the credits recognised) or none (with a
 * reason); an equivalence table that grows with every decision and suggests the earlier decision
 * for the same host course → home course pair; the recognition rate of an agreement.
 *
 * R7 (003 §5(7)): "Credits exchange student earns at an accepting foreign university should be
 * recognized by his or her university in Japan", under the common recognition system — checked
 * here against the members' consent (R16, 003 §7(2)).
 *
 * Why a reason is also required for partial recognition: anything less than the credits agreed in
 * the learning agreement must be justified to the student. A component studied in a Course Jukebox
 * enrolment goes through the same decision (`subject.kind = 'jukebox-enrolment'`).
 */
import { convertGrade } from './grade-conversion.ts';
import type {
  GradeConversion,
  GradeConversionRefusalCode,
  GradeDistribution,
} from './grade-conversion.ts';
import { checkRecognitionAgreed } from './recognition-system.ts';
import type { RecognitionSystem } from './recognition-system.ts';
import { roundToStep } from './credit-systems.ts';
import type { Credits } from './credit-systems.ts';
import type { LaComponent, LearningAgreement } from './learning-agreement.ts';
import { currentVersion } from './learning-agreement.ts';
import { fail, ok } from './types.ts';
import type { RepeatAllowance } from './repeat-recognition.ts';
import type { LocalizedText, Result } from './types.ts';

export type RecognitionOutcome = 'full' | 'partial' | 'none';

/** One line of the host's transcript of records (ELMO learning opportunity instance). */
export type TranscriptEntry = {
  componentId: string;
  hostCourseCode: string;
  status: 'passed' | 'failed' | 'in-progress' | 'not-taken';
  /** The grade as printed (ELMO `resultLabel`), or null (e.g. pass/fail, not taken). */
  grade: string | null;
  gradeScaleId: string | null;
  /** Credits awarded at the host, in the host's system. */
  credits: Credits;
  /** The host's published distribution for this course or field, if any (EGRACONS). */
  distribution?: GradeDistribution | undefined;
};

/** What is being recognised: a component of a learning agreement, or a Jukebox enrolment. */
export type RecognitionSubject =
  | { kind: 'learning-agreement'; id: string; version: number }
  | { kind: 'jukebox-enrolment'; id: string };

export type RecognitionDecision = {
  subject: RecognitionSubject;
  componentId: string;
  hostInstitutionId: string;
  hostCourseCode: string;
  hostCredits: Credits;
  homeInstitutionId: string;
  homeCourseCode: string | null;
  homeTitle: LocalizedText;
  outcome: RecognitionOutcome;
  /** The home credits agreed in the learning agreement. */
  creditsPlanned: Credits;
  /** The home credits recognised: planned (full), fewer (partial), 0 (none). */
  creditsRecognised: Credits;
  reason: string | null;
  grade: { host: string; hostScaleId: string; home: GradeConversion | null } | null;
  systemId: string;
  decidedBy: string;
  decidedAt: string;
  /** The equivalence-table entry this decision followed, if the coordinator reused one. */
  reusedFrom: { key: string; lastDecidedAt: string } | null;
  /**
   * R7: the home course was credited to the student before; the coordinator allowed it again with
   * this reason (absent on a first recognition).
   */
  repeat?: RepeatAllowance | null | undefined;
};

export type DecisionRefusalCode =
  | 'recognition.system_not_agreed'
  | 'recognition.la_not_signed'
  | 'recognition.unknown_component'
  | 'recognition.no_transcript_line'
  | 'recognition.transcript_mismatch'
  | 'recognition.not_passed'
  | 'recognition.credits_short'
  | 'recognition.partial_credits_invalid'
  | 'recognition.reason_required'
  | GradeConversionRefusalCode;

export type DecisionInput = {
  subject: RecognitionSubject;
  component: LaComponent;
  homeInstitutionId: string;
  hostInstitutionId: string;
  system: RecognitionSystem;
  transcript: TranscriptEntry | null;
  outcome: RecognitionOutcome;
  /** Home credits recognised, for a partial outcome. */
  credits?: number | undefined;
  reason?: string | undefined;
  /** Convert the host grade into this home scale (and by percentile when both are published). */
  homeGradeScaleId?: string | undefined;
  homeDistribution?: GradeDistribution | undefined;
  decidedBy: string;
  /** ISO timestamp. */
  at: string;
  reusedFrom?: { key: string; lastDecidedAt: string } | null | undefined;
};

/**
 * The component of the agreement's current signed version, for a decision; refused before all
 * three parties have signed (R7: recognition is agreed in the signed learning agreement).
 */
export function agreementComponent(
  la: LearningAgreement,
  componentId: string,
): Result<{ component: LaComponent; subject: RecognitionSubject }, DecisionRefusalCode> {
  const v = currentVersion(la);
  if (!v) {
    return fail(
      'recognition.la_not_signed',
      `learning agreement ${la.id} is not signed by all three`,
      {},
      { rule: 'R7' },
    );
  }
  const component = v.components.find((c) => c.id === componentId);
  if (!component) {
    return fail(
      'recognition.unknown_component',
      `component ${componentId} is not in version ${v.number}`,
      { component: componentId, version: v.number },
      { field: 'body.componentId' },
    );
  }
  return ok({ component, subject: { kind: 'learning-agreement', id: la.id, version: v.number } });
}

/** R7, R16: records the home institution's decision on one component. */
export function decideRecognition(
  input: DecisionInput,
): Result<RecognitionDecision, DecisionRefusalCode> {
  const { component: c, transcript: t } = input;
  const agreed = checkRecognitionAgreed(
    input.system,
    [input.homeInstitutionId, input.hostInstitutionId],
    input.at.slice(0, 10),
  );
  if (!agreed.agreed) {
    return fail(
      'recognition.system_not_agreed',
      agreed.reasons.map((r) => r.message).join('; '),
      { institutions: agreed.missing },
      { rule: 'R16' },
    );
  }
  const reason = input.reason?.trim() ?? '';
  const planned = c.home.credits;
  const course = Object.values(c.host.title).some((x) => x?.trim())
    ? c.host.title
    : { en: c.host.code };

  if (t) {
    if (t.componentId !== c.id || t.hostCourseCode !== c.host.code) {
      return fail(
        'recognition.transcript_mismatch',
        `transcript line ${t.componentId}/${t.hostCourseCode} is not component ${c.id}/${c.host.code}`,
        { course },
      );
    }
    if (t.credits.system !== c.host.credits.system) {
      return fail(
        'recognition.transcript_mismatch',
        `transcript credits are ${t.credits.system}, not ${c.host.credits.system}`,
        { course },
      );
    }
  }

  let recognised: number;
  if (input.outcome === 'none') {
    if (!reason) {
      return fail(
        'recognition.reason_required',
        'say why the component is not recognised',
        { outcome: 'none' },
        { field: 'body.reason' },
      );
    }
    recognised = 0;
  } else {
    if (!t) {
      return fail('recognition.no_transcript_line', `no transcript line for component ${c.id}`, {
        course,
      });
    }
    if (t.status !== 'passed') {
      return fail(
        'recognition.not_passed',
        `${c.host.code} is ${t.status} at the host: recognise it as none`,
        { course, status: t.status },
      );
    }
    if (input.outcome === 'full') {
      if (t.credits.value < c.host.credits.value) {
        return fail(
          'recognition.credits_short',
          `the host awarded ${t.credits.value} of ${c.host.credits.value} ${t.credits.system}: recognise partially`,
          {
            course,
            awarded: t.credits.value,
            planned: c.host.credits.value,
            system: t.credits.system,
          },
        );
      }
      recognised = planned.value;
    } else {
      const v = input.credits;
      if (v === undefined || !Number.isFinite(v) || v <= 0 || v >= planned.value) {
        return fail(
          'recognition.partial_credits_invalid',
          `partial recognition gives more than 0 and fewer than ${planned.value} ${planned.system}`,
          { planned: planned.value, system: planned.system },
          { field: 'body.credits' },
        );
      }
      if (!reason) {
        return fail(
          'recognition.reason_required',
          'say why the component is only partly recognised',
          { outcome: 'partial' },
          { field: 'body.reason' },
        );
      }
      recognised = v;
    }
  }

  let grade: RecognitionDecision['grade'] = null;
  if (t?.grade && t.gradeScaleId) {
    let home: GradeConversion | null = null;
    if (input.homeGradeScaleId) {
      const r = convertGrade(t.grade, t.gradeScaleId, input.homeGradeScaleId, {
        sourceDistribution: t.distribution,
        targetDistribution: input.homeDistribution,
      });
      if (!r.ok) return { ok: false, refusal: r.refusal };
      home = r.value;
    }
    grade = { host: t.grade, hostScaleId: t.gradeScaleId, home };
  }

  return ok({
    subject: input.subject,
    componentId: c.id,
    hostInstitutionId: input.hostInstitutionId,
    hostCourseCode: c.host.code,
    hostCredits: c.host.credits,
    homeInstitutionId: input.homeInstitutionId,
    homeCourseCode: c.home.code,
    homeTitle: c.home.title,
    outcome: input.outcome,
    creditsPlanned: planned,
    creditsRecognised: { value: recognised, system: planned.system },
    reason: reason || null,
    grade,
    systemId: input.system.id,
    decidedBy: input.decidedBy,
    decidedAt: input.at,
    reusedFrom: input.reusedFrom ?? null,
  });
}

// ── The equivalence table ────────────────────────────────────────────────────────────────────

export type EquivalencePair = {
  hostInstitutionId: string;
  hostCourseCode: string;
  homeInstitutionId: string;
  /** null = free elective credits. */
  homeCourseCode: string | null;
};

export type EquivalenceEntry = EquivalencePair & {
  key: string;
  /** How often each outcome was decided for this pair. */
  counts: Readonly<Record<RecognitionOutcome, number>>;
  /** The latest decision, which a suggestion repeats. */
  latest: Pick<
    RecognitionDecision,
    | 'outcome'
    | 'hostCredits'
    | 'creditsPlanned'
    | 'creditsRecognised'
    | 'reason'
    | 'decidedAt'
    | 'subject'
  >;
  firstDecidedAt: string;
};

export type EquivalenceTable = readonly EquivalenceEntry[];

/** A stable key for a host course → home course pair (course codes compared as given). */
export function equivalenceKey(p: EquivalencePair): string {
  return [p.hostInstitutionId, p.hostCourseCode, p.homeInstitutionId, p.homeCourseCode ?? '*'].join(
    '|',
  );
}

/** R7: the table grows by one decision (a new pair, or the pair's latest decision and counts). */
export function addToEquivalenceTable(
  table: EquivalenceTable,
  d: RecognitionDecision,
): EquivalenceTable {
  const key = equivalenceKey(d);
  const latest = {
    outcome: d.outcome,
    hostCredits: d.hostCredits,
    creditsPlanned: d.creditsPlanned,
    creditsRecognised: d.creditsRecognised,
    reason: d.reason,
    decidedAt: d.decidedAt,
    subject: d.subject,
  };
  const old = table.find((e) => e.key === key);
  if (!old) {
    const counts = { full: 0, partial: 0, none: 0, [d.outcome]: 1 };
    return [
      ...table,
      {
        key,
        hostInstitutionId: d.hostInstitutionId,
        hostCourseCode: d.hostCourseCode,
        homeInstitutionId: d.homeInstitutionId,
        homeCourseCode: d.homeCourseCode,
        counts,
        latest,
        firstDecidedAt: d.decidedAt,
      },
    ];
  }
  const counts = { ...old.counts, [d.outcome]: old.counts[d.outcome] + 1 };
  const newer = d.decidedAt >= old.latest.decidedAt;
  return table.map((e) =>
    e.key === key ? { ...old, counts, latest: newer ? latest : old.latest } : e,
  );
}

export type EquivalenceSuggestion = {
  outcome: RecognitionOutcome;
  /** Home credits to recognise (scaled to this component's planned credits for a partial). */
  credits: number;
  reason: string | null;
  basedOn: EquivalenceEntry;
  /** The host course's credits differ from the earlier decision's: check the course changed. */
  hostCreditsChanged: boolean;
  note: string;
};

/**
 * R7: the earlier decision for the same pair, as a suggestion for a new component — never applied
 * automatically; the coordinator decides and `reusedFrom` records that the suggestion was taken.
 */
export function suggestRecognition(
  table: EquivalenceTable,
  component: LaComponent,
  pair: Omit<EquivalencePair, 'hostCourseCode' | 'homeCourseCode'>,
): EquivalenceSuggestion | null {
  const key = equivalenceKey({
    ...pair,
    hostCourseCode: component.host.code,
    homeCourseCode: component.home.code,
  });
  const entry = table.find((e) => e.key === key);
  if (!entry) return null;
  const l = entry.latest;
  const planned = component.home.credits.value;
  let credits = l.outcome === 'full' ? planned : 0;
  if (l.outcome === 'partial') {
    const share =
      l.creditsPlanned.value > 0 ? l.creditsRecognised.value / l.creditsPlanned.value : 0;
    credits = Math.min(roundToStep(share * planned, 0.5, 'down'), planned);
  }
  const hostCreditsChanged =
    l.hostCredits.value !== component.host.credits.value ||
    l.hostCredits.system !== component.host.credits.system;
  const total = entry.counts.full + entry.counts.partial + entry.counts.none;
  return {
    outcome: l.outcome,
    credits,
    reason: l.reason,
    basedOn: entry,
    hostCreditsChanged,
    note:
      `${total} earlier decision${total === 1 ? '' : 's'} for this pair ` +
      `(full ${entry.counts.full}, partial ${entry.counts.partial}, none ${entry.counts.none}); ` +
      `latest on ${l.decidedAt.slice(0, 10)}: ${l.outcome}` +
      (hostCreditsChanged ? '; the host credits have changed since' : ''),
  };
}

// ── Rate ─────────────────────────────────────────────────────────────────────────────────────

export type RecognitionRate = {
  decided: number;
  full: number;
  partial: number;
  none: number;
  /** Components planned but not decided yet (when the planned ids were given). */
  pending: number;
  creditsPlanned: Credits | null;
  creditsRecognised: Credits | null;
  /** Recognised ÷ planned home credits over decided components; null when nothing is decided. */
  rate: number | null;
  /** Share of decided components fully recognised. */
  fullRate: number | null;
};

/**
 * R7: the recognition rate of one agreement (or one student's Jukebox enrolments), by credits
 * and by components. All decisions must be in one home credit system.
 */
export function recognitionRate(
  decisions: readonly RecognitionDecision[],
  plannedComponentIds?: readonly string[],
): RecognitionRate {
  const system = decisions[0]?.creditsPlanned.system ?? null;
  let planned = 0;
  let recognised = 0;
  const counts = { full: 0, partial: 0, none: 0 };
  for (const d of decisions) {
    if (d.creditsPlanned.system !== system || d.creditsRecognised.system !== system) {
      throw new Error('recognitionRate: decisions in different home credit systems');
    }
    counts[d.outcome] += 1;
    planned += d.creditsPlanned.value;
    recognised += d.creditsRecognised.value;
  }
  const decidedIds = new Set(decisions.map((d) => d.componentId));
  const pending = plannedComponentIds
    ? plannedComponentIds.filter((id) => !decidedIds.has(id)).length
    : 0;
  const round = (n: number) => Number(n.toFixed(4));
  return {
    decided: decisions.length,
    ...counts,
    pending,
    creditsPlanned: system ? { value: round(planned), system } : null,
    creditsRecognised: system ? { value: round(recognised), system } : null,
    rate: planned > 0 ? round(recognised / planned) : null,
    fullRate: decisions.length > 0 ? round(counts.full / decisions.length) : null,
  };
}
